import type { ReplyEnd } from '../../http/reply-end.js';
import type { EventSourceMessage } from 'eventsource-parser';
import type { OperatorFunction } from 'rxjs';
import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { operate } from '../../operators/internal/operate.js';
import { anthropicServerError, parseJsonFields, type JsonFields } from './anthropic-json.js';
import { anthropicTokenUsage, type AnthropicUsageFields } from './anthropic-usage.js';

/** What the parser remembers of one stream. */
interface StreamState {
  /** The ordinal among tool calls (0, 1…) of each `tool_use` block, by content-block index. */
  readonly toolOrdinals: Map<number, number>;
  /** `usage` of `message_start`: the input tokens. */
  startUsage: AnthropicUsageFields;
}

const fieldsOf = (value: unknown): JsonFields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonFields) : {};

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

function blockStart(event: JsonFields, state: StreamState): CompletionEvent[] {
  const block = fieldsOf(event.content_block);
  const index = typeof event.index === 'number' ? event.index : -1;
  if (block.type === 'text' && textOf(block.text) !== '') {
    return [{ type: 'text-delta', text: textOf(block.text) }];
  }
  if (block.type === 'thinking' && textOf(block.thinking) !== '') {
    return [{ type: 'reasoning-delta', text: textOf(block.thinking) }];
  }
  if (block.type !== 'tool_use') return [];
  const ordinal = state.toolOrdinals.size;
  state.toolOrdinals.set(index, ordinal);
  const id = textOf(block.id);
  const name = textOf(block.name);
  return [
    {
      type: 'tool-call-delta',
      index: ordinal,
      ...(id === '' ? {} : { id }),
      ...(name === '' ? {} : { name }),
      argumentsDelta: '',
    },
  ];
}

function blockDelta(event: JsonFields, state: StreamState): CompletionEvent[] {
  const delta = fieldsOf(event.delta);
  if (delta.type === 'text_delta') {
    const text = textOf(delta.text);
    return text === '' ? [] : [{ type: 'text-delta', text }];
  }
  if (delta.type === 'thinking_delta') {
    const text = textOf(delta.thinking);
    return text === '' ? [] : [{ type: 'reasoning-delta', text }];
  }
  if (delta.type !== 'input_json_delta') return []; // signature_delta, citations_delta...
  const ordinal = state.toolOrdinals.get(typeof event.index === 'number' ? event.index : -1);
  if (ordinal === undefined) return [];
  return [{ type: 'tool-call-delta', index: ordinal, argumentsDelta: textOf(delta.partial_json) }];
}

function messageDelta(event: JsonFields, state: StreamState): CompletionEvent[] {
  const delta = fieldsOf(event.delta);
  const usage = fieldsOf(event.usage) as AnthropicUsageFields;
  const events: CompletionEvent[] = [];
  if (typeof delta.stop_reason === 'string') {
    events.push({ type: 'finish', reason: delta.stop_reason });
  }
  // `message_delta` counts are cumulative; the input counts, when it repeats them, win.
  const merged: AnthropicUsageFields = { ...state.startUsage };
  for (const [key, value] of Object.entries(usage)) {
    if (typeof value === 'number') Object.assign(merged, { [key]: value });
  }
  events.push({ type: 'usage', usage: anthropicTokenUsage(merged) });
  return events;
}

/**
 * Turns the SSE events of a Messages API stream into {@link CompletionEvent}s:
 *
 * - `text_delta` → `text-delta`, `thinking_delta` → `reasoning-delta`;
 * - a `tool_use` block → a `tool-call-delta` with its id and name, then one per
 *   `input_json_delta` (`index` is the block's ordinal among the reply's tool calls, 0, 1…,
 *   not its content-block index); `completeToolCalls` makes the `tool-call`s;
 * - `message_delta` → `finish` with Anthropic's own `stop_reason` (`end_turn`, `tool_use`,
 *   `max_tokens`, `stop_sequence`, `refusal`, `pause_turn`), then `usage` (the input tokens
 *   of `message_start`, cache tokens included, and the output tokens);
 * - `message_stop` completes at once (unsubscribing aborts the request);
 * - `ping`, `content_block_stop`, `signature_delta` and event types it does not know are
 *   skipped, as the API's versioning policy asks of clients.
 *
 * A body that ends without `message_stop` is a `StreamError` (`truncated`); an `error` event
 * is a `StreamError` (`server-error`) whose `errorType` is the API's (`overloaded_error`...);
 * a `data:` that is not a JSON object is `invalid-json`. Each comes after every event before it.
 *
 * @param provider - the provider's name, for errors.
 * @param replyEnd - reached at `message_stop`, which ends the Observable (see `requestBytes`).
 * @returns an operator from SSE events to completion events.
 * @example
 * ```ts
 * bytes$.pipe(decodeUtf8(), parseServerSentEvents({ provider }), messageStreamEvents(provider));
 * ```
 */
export function messageStreamEvents(
  provider: string,
  replyEnd?: ReplyEnd,
): OperatorFunction<EventSourceMessage, CompletionEvent> {
  return operate<EventSourceMessage, CompletionEvent>((subscriber) => {
    const state: StreamState = { toolOrdinals: new Map(), startUsage: {} };
    const emit = (events: readonly CompletionEvent[]): void => {
      for (const event of events) subscriber.next(event);
    };
    return {
      next: (message) => {
        const event = parseJsonFields(message.data, provider);
        const type = typeof event.type === 'string' ? event.type : message.event;
        switch (type) {
          case 'error':
            throw anthropicServerError(event, message.data, provider);
          case 'message_start':
            state.startUsage = fieldsOf(fieldsOf(event.message).usage);
            return;
          case 'content_block_start':
            emit(blockStart(event, state));
            return;
          case 'content_block_delta':
            emit(blockDelta(event, state));
            return;
          case 'message_delta':
            emit(messageDelta(event, state));
            return;
          case 'message_stop':
            replyEnd?.reach();
            subscriber.complete();
            return;
          default:
            return;
        }
      },
      complete: () => {
        const detail = 'the stream ended without a message_stop event';
        subscriber.error(new StreamError({ kind: 'truncated', provider, detail }));
      },
    };
  });
}
