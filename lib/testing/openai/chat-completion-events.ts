import type { StreamErrorScript } from '../reply/reply-script.js';
import type { CompletionIdentity } from './completion-identity.js';
import type { CompletionReply } from './completion-reply.js';
import { openAIErrorFor } from './openai-error.js';
import { toolCallChunks } from './tool-call-chunks.js';

/** How a completion is streamed, beyond its content. */
export interface CompletionStreamOptions {
  /** Adds the usage chunk (`stream_options.include_usage`), and `usage: null` to the others. */
  readonly includeUsage: boolean;
  /** Replaces the end of the stream with an `error` event. */
  readonly streamError: StreamErrorScript | undefined;
  /** Leaves out `data: [DONE]`. */
  readonly omitDone: boolean;
}

/** One SSE event carrying a JSON value (WHATWG HTML §9.2: `data:` line, blank line). */
const event = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;

/**
 * Turns a reply into the SSE events of an OpenAI stream, one string per write:
 *
 * 1. a `chat.completion.chunk` with `delta: { role: 'assistant', content: '' }` (`null` when
 *    the reply has no text), in the same write as the next chunk (the reply starts without
 *    waiting for a delay);
 * 2. one chunk per piece of reasoning, `delta: { reasoning_content }` (or `reasoning`);
 * 3. one chunk per piece of text, `delta: { content }`;
 * 4. the tool calls' chunks (see `toolCallChunks`);
 * 5. a chunk with `delta: {}` and the `finish_reason`;
 * 6. with `includeUsage`, a chunk with `choices: []` and the `usage`;
 * 7. `data: [DONE]`, unless `omitDone`.
 *
 * With `streamError`, the stream stops after `afterChunks` chunks of steps 2 to 4 with
 * `data: {"error":{...}}` (a `server_error`) instead of steps 5 to 7.
 *
 * @param identity - the completion's id, creation time and model.
 * @param reply - the reasoning, text, tool calls, finish reason and usage.
 * @param options - usage, scripted error and `[DONE]`.
 * @returns the events, in order.
 * @example
 * ```ts
 * chatCompletionEvents(identity, completeReply({ text: 'Hi there' }, body), { includeUsage: false, streamError: undefined, omitDone: false });
 * // ['data: {..."delta":{"role":"assistant","content":""}...}\n\n', ..., 'data: [DONE]\n\n']
 * ```
 */
export function chatCompletionEvents(
  identity: CompletionIdentity,
  reply: CompletionReply,
  options: CompletionStreamOptions,
): string[] {
  const { includeUsage, streamError, omitDone } = options;
  const chunk = (delta: object, finishReason: string | null): string =>
    event({
      ...identity,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const deltas = [
    ...reply.reasoningPieces.map((piece) => ({ [reply.reasoningField]: piece })),
    ...reply.pieces.map((content) => ({ content })),
    ...toolCallChunks(reply),
  ].slice(0, streamError?.afterChunks ?? Infinity);
  const [first = '', ...rest] = deltas.map((delta) => chunk(delta, null));
  const role = { role: 'assistant', content: reply.pieces.length > 0 ? '' : null };
  // The role chunk shares the first write with the next chunk, so the reply starts at once.
  const events = [`${chunk(role, null)}${first}`, ...rest];
  if (streamError !== undefined) {
    return [...events, event({ error: openAIErrorFor(500, streamError.message) })];
  }
  events.push(chunk({}, reply.finishReason));
  if (includeUsage) {
    events.push(
      event({ ...identity, object: 'chat.completion.chunk', choices: [], usage: reply.usage }),
    );
  }
  if (!omitDone) events.push('data: [DONE]\n\n');
  return events;
}
