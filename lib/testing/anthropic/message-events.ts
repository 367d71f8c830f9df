import type { StreamErrorScript } from '../reply/reply-script.js';
import { anthropicErrorBody } from './anthropic-error.js';
import type { AnthropicReply } from './anthropic-reply.js';

/** How a reply is streamed, beyond its content. */
export interface MessageStreamOptions {
  /** The message id. */
  readonly id: string;
  /** The model id. */
  readonly model: string;
  /** Replaces the end of the stream with an `error` event (`overloaded_error`). */
  readonly streamError: StreamErrorScript | undefined;
  /** Leaves out `message_stop`. */
  readonly omitStop: boolean;
}

/** One named SSE event (WHATWG HTML §9.2), as the Messages API sends them. */
const event = (value: Readonly<Record<string, unknown>> & { readonly type: string }): string =>
  `event: ${value.type}\ndata: ${JSON.stringify(value)}\n\n`;

/** Splits JSON text into about three pieces, as the API streams a tool's input. */
function jsonPieces(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  const pieces = [''];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

/**
 * Turns a reply into the SSE events of a Messages API stream, one string per write:
 * `message_start` (with the input tokens) and a `ping`; a `thinking` block (one
 * `thinking_delta` per token and a `signature_delta`) when there is reasoning; a `text` block
 * (one `text_delta` per token) unless the reply only calls tools; a `tool_use` block per call
 * (its input in `input_json_delta` pieces, the first one empty); `message_delta` (stop reason,
 * output tokens); `message_stop` unless `omitStop`.
 *
 * With `streamError`, the stream stops after `afterChunks` text deltas with an `error` event
 * (`overloaded_error`, the script's message).
 *
 * @param reply - the composed reply.
 * @param options - the id, the model, a scripted error, `omitStop`.
 * @returns the events, in order.
 * @example
 * ```ts
 * messageEvents(reply, { id: 'msg_1', model: 'claude', streamError: undefined, omitStop: false });
 * // ['event: message_start\ndata: {...}\n\n', ...]
 * ```
 */
export function messageEvents(reply: AnthropicReply, options: MessageStreamOptions): string[] {
  const { id, model, streamError, omitStop } = options;
  const message = {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: reply.usage.input_tokens, output_tokens: 1 },
  };
  const events = [event({ type: 'message_start', message }), event({ type: 'ping' })];
  let index = 0;
  if (reply.reasoning.length > 0) {
    events.push(
      event({
        type: 'content_block_start',
        index,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      }),
    );
    for (const thinking of reply.reasoning) {
      events.push(
        event({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } }),
      );
    }
    events.push(
      event({
        type: 'content_block_delta',
        index,
        delta: { type: 'signature_delta', signature: 'bG9vcGJhY2s=' },
      }),
    );
    events.push(event({ type: 'content_block_stop', index }));
    index += 1;
  }
  if (reply.text.length > 0 || reply.toolCalls.length === 0 || streamError !== undefined) {
    events.push(
      event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }),
    );
    const pieces = reply.text.slice(0, streamError?.afterChunks ?? Infinity);
    for (const text of pieces) {
      events.push(
        event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }),
      );
    }
    if (streamError !== undefined) {
      return [
        ...events,
        `event: error\ndata: ${anthropicErrorBody('overloaded_error', streamError.message)}\n\n`,
      ];
    }
    events.push(event({ type: 'content_block_stop', index }));
    index += 1;
  }
  for (const call of reply.toolCalls) {
    const block = { type: 'tool_use', id: call.id, name: call.name, input: {} };
    events.push(event({ type: 'content_block_start', index, content_block: block }));
    for (const partial_json of jsonPieces(call.arguments)) {
      events.push(
        event({
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json },
        }),
      );
    }
    events.push(event({ type: 'content_block_stop', index }));
    index += 1;
  }
  const delta = { stop_reason: reply.stopReason, stop_sequence: reply.stopSequence };
  events.push(
    event({ type: 'message_delta', delta, usage: { output_tokens: reply.usage.output_tokens } }),
  );
  if (!omitStop) events.push(event({ type: 'message_stop' }));
  return events;
}

/**
 * The whole reply as a Messages API `Message` (`stream: false`): its `content` blocks
 * (`thinking`, `text`, `tool_use` with the parsed input), stop reason and usage.
 *
 * @param reply - the composed reply.
 * @param id - the message id.
 * @param model - the model id.
 * @returns the JSON text.
 * @example
 * ```ts
 * JSON.parse(messageJson(reply, 'msg_1', 'claude')).content[0].type; // 'text'
 * ```
 */
export function messageJson(reply: AnthropicReply, id: string, model: string): string {
  const content = [
    ...(reply.reasoning.length > 0
      ? [{ type: 'thinking', thinking: reply.reasoning.join(''), signature: 'bG9vcGJhY2s=' }]
      : []),
    ...(reply.text.length > 0 || reply.toolCalls.length === 0
      ? [{ type: 'text', text: reply.text.join('') }]
      : []),
    ...reply.toolCalls.map((call) => ({
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: JSON.parse(call.arguments === '' ? '{}' : call.arguments) as unknown,
    })),
  ];
  return JSON.stringify({
    id,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: reply.stopReason,
    stop_sequence: reply.stopSequence,
    usage: reply.usage,
  });
}
