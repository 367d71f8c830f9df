import type { OperatorFunction } from 'rxjs';
import { StreamError } from '../errors/stream-error.js';
import { operate } from '../operators/internal/operate.js';
import type { CompletionEvent, ToolCallDeltaEvent, ToolCallEvent } from './completion-event.js';

/** A call being put together from its deltas. */
interface PendingCall {
  id: string | undefined;
  name: string | undefined;
  arguments: string;
  signature: string | undefined;
}

function parsedInput(call: PendingCall, name: string, provider: string): unknown {
  if (call.arguments.trim() === '') return {};
  try {
    return JSON.parse(call.arguments) as unknown;
  } catch {
    throw new StreamError({
      kind: 'invalid-tool-call',
      provider,
      detail: `the arguments of tool call ${JSON.stringify(name)} are not JSON`,
      excerpt: call.arguments,
    });
  }
}

function completed(index: number, call: PendingCall, provider: string): ToolCallEvent {
  const { name } = call;
  if (name === undefined || name === '') {
    throw new StreamError({
      kind: 'invalid-tool-call',
      provider,
      detail: `tool call ${String(index)} came without a name`,
      excerpt: call.arguments,
    });
  }
  const input = parsedInput(call, name, provider);
  return {
    type: 'tool-call',
    index,
    // Some protocols give no id; the conversation still needs one to answer the call by.
    id: call.id ?? `call_${String(index)}`,
    name,
    arguments: call.arguments,
    input,
    ...(call.signature === undefined ? {} : { signature: call.signature }),
  };
}

function add(calls: Map<number, PendingCall>, delta: ToolCallDeltaEvent): void {
  const call = calls.get(delta.index) ?? {
    id: undefined,
    name: undefined,
    arguments: '',
    signature: undefined,
  };
  if (delta.signature !== undefined && call.signature === undefined) {
    call.signature = delta.signature;
  }
  if (delta.id && call.id === undefined) call.id = delta.id;
  if (delta.name) call.name = (call.name ?? '') === '' ? delta.name : call.name;
  call.arguments += delta.argumentsDelta;
  calls.set(delta.index, call);
}

/**
 * Passes a reply's events through and adds a `tool-call` event for each call put together
 * from its `tool-call-delta`s: all of them, in `index` order, right before the `finish` event
 * (or at the end, when the stream has no finish). The first delta of a call that names its id
 * and name is kept; the arguments are the deltas' pieces joined, parsed as JSON (`{}` when
 * empty).
 *
 * @param provider - the provider's name, for errors.
 * @returns an operator from events to the same events plus complete tool calls.
 * @throws StreamError `invalid-tool-call` (emitted, after every event before it) when a call's
 *   arguments are not JSON or it has no name.
 * @example
 * ```ts
 * chunkEvents$.pipe(completeToolCalls('openai'));
 * ```
 */
export function completeToolCalls(
  provider: string,
): OperatorFunction<CompletionEvent, CompletionEvent> {
  return operate<CompletionEvent, CompletionEvent>((destination) => {
    const calls = new Map<number, PendingCall>();
    const flush = (): void => {
      const indexes = [...calls.keys()].sort((a, b) => a - b);
      const pending = indexes.map((index) => [index, calls.get(index)] as const);
      calls.clear();
      for (const [index, call] of pending) {
        if (call) destination.next(completed(index, call, provider));
      }
    };
    return {
      next: (event) => {
        if (event.type === 'tool-call-delta') add(calls, event);
        if (event.type === 'finish') flush();
        destination.next(event);
      },
      complete: () => {
        flush();
        destination.complete();
      },
    };
  });
}
