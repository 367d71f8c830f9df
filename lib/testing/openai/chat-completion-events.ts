import type { StreamErrorScript } from '../reply/reply-script.js';
import type { CompletionIdentity } from './completion-identity.js';
import type { CompletionText, FinishReason } from './completion-text.js';
import { openAIErrorFor } from './openai-error.js';

/** How a completion is streamed, beyond its text. */
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
 * Turns a completion into the SSE events of an OpenAI stream, one string per write:
 *
 * 1. a `chat.completion.chunk` with `delta: { role: 'assistant', content: '' }`, in the same
 *    write as the first content chunk (the text starts without waiting for a delay);
 * 2. one chunk per piece, `delta: { content }`;
 * 3. a chunk with `delta: {}` and the `finish_reason`;
 * 4. with `includeUsage`, a chunk with `choices: []` and the `usage`;
 * 5. `data: [DONE]`, unless `omitDone`.
 *
 * With `streamError`, the stream stops after `afterChunks` content chunks with
 * `data: {"error":{...}}` (a `server_error`) instead of steps 3 to 5.
 *
 * @param identity - the completion's id, creation time and model.
 * @param completion - the pieces, finish reason and usage.
 * @param options - usage, scripted error and `[DONE]`.
 * @returns the events, in order.
 * @example
 * ```ts
 * chatCompletionEvents(identity, completeText('Hi there', body), { includeUsage: false, streamError: undefined, omitDone: false });
 * // ['data: {..."delta":{"role":"assistant","content":""}...}\n\n', ..., 'data: [DONE]\n\n']
 * ```
 */
export function chatCompletionEvents(
  identity: CompletionIdentity,
  completion: CompletionText,
  options: CompletionStreamOptions,
): string[] {
  const { includeUsage, streamError, omitDone } = options;
  const chunk = (delta: object, finishReason: FinishReason | null): string =>
    event({
      ...identity,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const pieces = completion.pieces.slice(0, streamError?.afterChunks ?? Infinity);
  const [first = '', ...rest] = pieces.map((content) => chunk({ content }, null));
  // The role chunk shares the first write with the first content, so text starts at once.
  const events = [`${chunk({ role: 'assistant', content: '' }, null)}${first}`, ...rest];
  if (streamError !== undefined) {
    return [...events, event({ error: openAIErrorFor(500, streamError.message) })];
  }
  events.push(chunk({}, completion.finishReason));
  if (includeUsage) {
    events.push(
      event({ ...identity, object: 'chat.completion.chunk', choices: [], usage: completion.usage }),
    );
  }
  if (!omitDone) events.push('data: [DONE]\n\n');
  return events;
}
