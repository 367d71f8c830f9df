import { concat, defer, EMPTY, merge, mergeMap, of, tap, throwError, type Observable } from 'rxjs';
import type { ToolCallEvent, TokenUsage } from '../events/completion-event.js';
import { createCompletionEvents } from '../facade/create-completion-events.js';
import type { AssistantMessage, Messages, ToolMessage } from '../messages/chat-message.js';
import { abortOnSignal } from '../operators/abort-on-signal.js';
import { checkRunToolsRequest } from './check-run-tools-request.js';
import { executeToolCall, type ToolCallOutcome } from './execute-tool-call.js';
import type { RunToolsEvent, StepEvent, ToolResultEvent } from './run-tools-event.js';
import {
  DEFAULT_MAX_STEPS,
  type RunToolsRequest,
  type ToolErrorPolicy,
} from './run-tools-request.js';
import { toolDefinitions } from './tool-definitions.js';

/** What one step's reply said, gathered from its events. */
interface Reply {
  text: string;
  readonly calls: ToolCallEvent[];
  finishReason?: string;
  usage?: TokenUsage;
}

function gather(reply: Reply): (event: RunToolsEvent) => void {
  return (event) => {
    if (event.type === 'text-delta') reply.text += event.text;
    else if (event.type === 'tool-call') reply.calls.push(event);
    else if (event.type === 'finish') reply.finishReason = event.reason;
    else if (event.type === 'usage') reply.usage = event.usage;
  };
}

function assistantMessage({ text, calls }: Reply): AssistantMessage {
  if (calls.length === 0) return { role: 'assistant', content: text };
  const toolCalls = calls.map(({ id, name, arguments: json, signature }) => ({
    id,
    name,
    arguments: json,
    ...(signature === undefined ? {} : { signature }),
  }));
  return { role: 'assistant', content: text, toolCalls };
}

function stepEvent(index: number, reply: Reply, messages: Messages, final: boolean): StepEvent {
  const { text, finishReason, usage } = reply;
  return {
    type: 'step',
    index,
    text,
    toolCalls: assistantMessage(reply).toolCalls ?? [],
    ...(finishReason === undefined ? {} : { finishReason }),
    ...(usage === undefined ? {} : { usage }),
    messages,
    final,
  };
}

/** A call's `tool-result` event, followed by its error when the policy stops the run. */
function resultOf(outcome: ToolCallOutcome, policy: ToolErrorPolicy): Observable<ToolResultEvent> {
  const { event } = outcome;
  const { error } = event;
  if (error === undefined || policy === 'continue') return of(event);
  return concat(
    of(event),
    throwError(() => error),
  );
}

/**
 * Runs a conversation with tools to its end: streams a completion through the
 * `createCompletionEvents` facade; when the reply calls tools, runs the calls at once, appends
 * the assistant message (its text and calls) and one `tool` message per call (in call order),
 * and asks again — until a reply makes no call, or `maxSteps` requests were made.
 *
 * It emits every event of every reply, a `tool-result` per call as it ends, and a `step` after
 * each step, whose `messages` continue the conversation.
 *
 * ```
 * request 1:  -text-delta-tool-call-tool-call-finish|
 * tools:                                           -result-result|
 * request 2:                                                      -text-delta-finish|
 * runTools:   -text-delta-tool-call-tool-call-finish-result-result-step-text-delta-finish-step|
 * ```
 *
 * - A failed call (the tool threw, its Promise rejected, its Observable errored, or the model
 *   named a tool there is none of) is a `tool-result` with an `error` (a `ToolExecutionError`)
 *   and a `tool` message saying `Error: …`, so the model can recover; `onToolError: 'stop'`
 *   ends the run with that error instead (the other calls of the step are aborted).
 * - A string result is sent as it is, anything else as JSON; an Observable's last value is
 *   the result (`undefined`, sent as `''`, when it completes empty).
 * - After `maxSteps` requests (5 by default) the run completes, without an error, even when
 *   the last reply called tools: its calls are run, and the last `step` says `final: true`
 *   with those calls; its `messages` end with their `tool` messages, ready to continue.
 * - Unsubscribing at any moment aborts the request in flight and every tool running (each
 *   tool's `signal` aborts); no further request is sent. `signal` does the same and ends the
 *   run with `AbortedError`.
 * - Every facade option passes through, to every request: `provider`, `providers` (each step
 *   falls back on its own), `hedge`, `registry`, `toolChoice`, `timeout`... With
 *   `toolChoice: 'required'` every reply calls tools, so the run always takes `maxSteps`.
 * - Bad input (`tools` not a record, an `execute` that is not a function, `maxSteps` not a
 *   positive integer) errors with `InvalidRequestError` on subscribe, before any request.
 *
 * @param request - the facade's request, with `tools` (by name), `maxSteps` and `onToolError`.
 * @returns a cold Observable of the run's events: each subscription runs the conversation anew.
 *
 * @example
 * ```ts
 * runTools({
 *   model: 'gpt-4o-mini',
 *   prompt: 'Weather in Oslo?',
 *   provider,
 *   tools: {
 *     weather: {
 *       parameters: { type: 'object', properties: { city: { type: 'string' } } },
 *       execute: (input) => ({ city: (input as { city: string }).city, celsius: 4 }),
 *     },
 *   },
 * }).subscribe((event) => {
 *   if (event.type === 'text-delta') process.stdout.write(event.text);
 *   if (event.type === 'tool-result') console.log(`[${event.name}]`, event.output);
 * });
 * ```
 */
export function runTools(request: RunToolsRequest): Observable<RunToolsEvent> {
  return defer(() => {
    checkRunToolsRequest(request);
    const { tools, maxSteps = DEFAULT_MAX_STEPS, onToolError = 'continue', ...rest } = request;
    const { signal, prompt, messages, ...facade } = rest;
    const definitions = toolDefinitions(tools);
    const offered = definitions.length > 0 ? { tools: definitions } : {};
    const given = prompt === undefined ? messages : [{ role: 'user' as const, content: prompt }];

    const step = (index: number, conversation: Messages): Observable<RunToolsEvent> =>
      defer(() => {
        const reply: Reply = { text: '', calls: [] };
        const outcomes: ToolCallOutcome[] = [];
        const results$ = defer(() => {
          const replied = [...conversation, assistantMessage(reply)];
          return merge(
            ...reply.calls.map((call, at) =>
              executeToolCall(call, tools, replied).pipe(
                tap((outcome) => (outcomes[at] = outcome)),
              ),
            ),
          );
        });
        const next$ = defer(() => {
          const answers = reply.calls.map((call, at): ToolMessage => ({
            role: 'tool',
            toolCallId: call.id,
            content: outcomes[at]?.content ?? '',
          }));
          const after = [...conversation, assistantMessage(reply), ...answers];
          const final = reply.calls.length === 0 || index + 1 >= maxSteps;
          const event = stepEvent(index, reply, after, final);
          return concat(of(event), final ? EMPTY : step(index + 1, after));
        });
        return concat(
          createCompletionEvents({ ...facade, ...offered, messages: conversation }).pipe(
            tap(gather(reply)),
          ),
          results$.pipe(mergeMap((outcome) => resultOf(outcome, onToolError))),
          next$,
        );
      });

    // `messages` is an array when `prompt` is not given: checked above.
    return step(0, given as Messages).pipe(abortOnSignal(signal));
  });
}
