import { defer, from, map, tap, type Observable } from 'rxjs';
import type { CompletionEvent, ToolCallEvent } from '../../../lib/events/completion-event.js';
import type { Messages } from '../../../lib/messages/chat-message.js';
import type { CompletionOptions, Provider } from '../../../lib/providers/provider.js';

/** One request a scripted provider received, and what became of it. */
export interface ScriptedRequest {
  readonly messages: Messages;
  readonly options: CompletionOptions | undefined;
  /** How the reply ended; `undefined` while it runs. */
  ended?: 'completed' | 'errored' | 'unsubscribed';
}

/** A reply: its events, or a function of the request's messages giving them. */
export type ScriptedReply =
  Observable<CompletionEvent> | ((messages: Messages) => Observable<CompletionEvent>);

/** A provider whose replies are scripted, one per request, recording every request. */
export interface ScriptedProvider extends Provider {
  readonly requests: ScriptedRequest[];
}

/**
 * A `Provider` of our own (the interface, not a mock of axios): each `createCompletionEvents`
 * takes the next scripted reply; a request past the script errors.
 *
 * @param name - the provider's name.
 * @param replies - the replies, in order.
 */
export function scriptedProvider(
  name: string,
  replies: readonly ScriptedReply[],
): ScriptedProvider {
  const requests: ScriptedRequest[] = [];
  const createCompletionEvents = (
    _model: string,
    messages: Messages,
    _stream: boolean,
    options?: CompletionOptions,
  ): Observable<CompletionEvent> =>
    defer(() => {
      const recorded: ScriptedRequest = { messages, options };
      const reply = replies[requests.length];
      requests.push(recorded);
      if (reply === undefined) {
        throw new Error(`${name}: no reply scripted for request ${requests.length}`);
      }
      return (typeof reply === 'function' ? reply(messages) : reply).pipe(
        tap({
          complete: () => (recorded.ended = 'completed'),
          error: () => (recorded.ended = 'errored'),
          unsubscribe: () => (recorded.ended = 'unsubscribed'),
        }),
      );
    });
  return {
    name,
    url: 'scripted:',
    working: true,
    supportsStream: true,
    supportsGpt35Turbo: true,
    supportsGpt4: true,
    supportsModel: () => true,
    requests,
    createCompletionEvents,
    createCompletion: (model, messages, stream, options) =>
      createCompletionEvents(model, messages, stream, options).pipe(
        map((event) => (event.type === 'text-delta' ? event.text : '')),
      ),
  };
}

/** A `tool-call` event, its `arguments` the JSON of `input`. */
export function toolCall(index: number, id: string, name: string, input: unknown): ToolCallEvent {
  return { type: 'tool-call', index, id, name, arguments: JSON.stringify(input), input };
}

/** A reply that calls tools: optional text, the calls, finish `tool_calls`. */
export function callingReply(
  calls: readonly ToolCallEvent[],
  text = '',
): Observable<CompletionEvent> {
  const textEvents: CompletionEvent[] = text === '' ? [] : [{ type: 'text-delta', text }];
  return from<CompletionEvent[]>([
    ...textEvents,
    ...calls,
    { type: 'finish', reason: 'tool_calls' },
  ]);
}

/** A reply of text only, finish `stop`. */
export function textReply(...texts: string[]): Observable<CompletionEvent> {
  return from<CompletionEvent[]>([
    ...texts.map((text): CompletionEvent => ({ type: 'text-delta', text })),
    { type: 'finish', reason: 'stop' },
  ]);
}
