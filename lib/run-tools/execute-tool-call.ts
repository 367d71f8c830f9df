import {
  catchError,
  defaultIfEmpty,
  defer,
  finalize,
  from,
  isObservable,
  map,
  of,
  takeLast,
  tap,
  type Observable,
} from 'rxjs';
import type { ToolCallEvent } from '../events/completion-event.js';
import { ToolExecutionError } from '../errors/tool-execution-error.js';
import type { Messages } from '../messages/chat-message.js';
import type { ToolOutputEvent, ToolResultEvent } from './run-tools-event.js';
import type { Tools } from './tool.js';

/** One tool call, ended: its event, and the `tool` message's text for the model. */
export interface ToolCallOutcome {
  /** The `tool-result` event. */
  readonly event: ToolResultEvent;
  /** What the model is told. */
  readonly content: string;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { readonly then?: unknown }).then === 'function';

/**
 * The key of an Observable of another library: `Symbol.observable` (TC39's proposal) where it
 * is defined, `'@@observable'` otherwise, as RxJS's `from` reads it.
 */
const OBSERVABLE_KEY = (Symbol as { readonly observable?: symbol }).observable ?? '@@observable';

/** An Observable of another library (a `Symbol.observable` method). */
const isInteropObservable = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, OBSERVABLE_KEY) === 'function';

/** A tool's result as an Observable of one value: an Observable's last, a Promise's, a value. */
function outputOf(result: unknown): Observable<unknown> {
  if (isObservable(result) || isInteropObservable(result)) {
    return from(result as Observable<unknown>).pipe(takeLast(1), defaultIfEmpty(undefined));
  }
  return isPromiseLike(result) ? from(result) : of(result);
}

/** A result as the model reads it: a string as it is, anything else as JSON (RFC 8259). */
function contentOf(output: unknown): string {
  if (typeof output === 'string') return output;
  // `undefined`, a function or a symbol has no JSON: `JSON.stringify` gives `undefined`.
  const json = JSON.stringify(output) as unknown;
  return typeof json === 'string' ? json : '';
}

const messageOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown);

function failure(call: ToolCallEvent, error: ToolExecutionError): ToolCallOutcome {
  const event: ToolResultEvent = {
    type: 'tool-result',
    id: call.id,
    name: call.name,
    input: call.input,
    error,
  };
  return { event, content: `Error: ${error.detail}` };
}

/**
 * Runs one tool call: `execute` is called on subscribe with a signal of its own, which aborts
 * when the call is unsubscribed before it ends (an Observable result is unsubscribed too). A
 * throw, a rejection, an error, a result JSON cannot encode, or an unknown tool name becomes a
 * failed outcome — never an error of the returned Observable.
 *
 * @param call - the model's call.
 * @param tools - the run's tools.
 * @param messages - the conversation, ending with the assistant message that made the call.
 * @returns a cold Observable of the call's one outcome.
 * @internal
 */
export function executeToolCall(
  call: ToolCallEvent,
  tools: Tools,
  messages: Messages,
): Observable<ToolCallOutcome> {
  return defer(() => {
    const tool = Object.hasOwn(tools, call.name) ? tools[call.name] : undefined;
    if (tool === undefined) {
      const known = Object.keys(tools).join(', ') || 'none';
      const detail = `there is no tool named "${call.name}" (the tools are: ${known})`;
      const error = new ToolExecutionError({
        toolName: call.name,
        toolCallId: call.id,
        reason: 'unknown-tool',
        detail,
      });
      return of(failure(call, error));
    }
    const controller = new AbortController();
    let ended = false;
    return defer(() =>
      outputOf(
        tool.execute(call.input, { signal: controller.signal, toolCallId: call.id, messages }),
      ),
    ).pipe(
      map((output): ToolCallOutcome => {
        const event: ToolOutputEvent = {
          type: 'tool-result',
          id: call.id,
          name: call.name,
          input: call.input,
          output,
        };
        return { event, content: contentOf(output) };
      }),
      catchError((thrown: unknown) => {
        const error = new ToolExecutionError({
          toolName: call.name,
          toolCallId: call.id,
          reason: 'failed',
          detail: `the tool "${call.name}" failed: ${messageOf(thrown)}`,
          cause: thrown,
        });
        return of(failure(call, error));
      }),
      // Ended at its one value: what is done with it downstream (an unsubscribe, say) is no
      // longer the tool's to be aborted by.
      tap(() => (ended = true)),
      finalize(() => {
        if (!ended) controller.abort();
      }),
    );
  });
}
