import type { DefaultReplyMessage } from '../reply/compose-default-reply.js';
import { splitWords } from '../reply/split-words.js';
import type { ChatCompletionsBody } from './chat-completions-body.js';

/** Why a completion ended: the reply (or a stop sequence) ended it, or `max_tokens` did. */
export type FinishReason = 'stop' | 'length';

/** Token counts in OpenAI's `usage` shape. */
export interface CompletionUsage {
  /** Tokens in the messages. */
  readonly prompt_tokens: number;
  /** Tokens in the reply. */
  readonly completion_tokens: number;
  /** Their sum. */
  readonly total_tokens: number;
}

/** A reply cut to the request's limits: its pieces (one per stream chunk) and what it cost. */
export interface CompletionText {
  /** The reply, one token per element; joined, the message content. */
  readonly pieces: readonly string[];
  /** `length` when `max_tokens` cut the reply, `stop` otherwise. */
  readonly finishReason: FinishReason;
  /** The token counts. */
  readonly usage: CompletionUsage;
}

/**
 * Counts tokens the loopback way: a token is a word with the whitespace after it, as
 * `splitWords` splits text (so `'Hello, world!'` is 2 tokens). Simple and deterministic, not
 * any real tokenizer.
 *
 * @param text - any text.
 * @returns the number of tokens (0 for empty text).
 * @example
 * ```ts
 * countTokens('Hello, world!'); // 2
 * ```
 */
export function countTokens(text: string): number {
  return splitWords(text).length;
}

/** What {@link completeText} reads of a request: its stop sequences, token limit and messages. */
export type CompletionTextRequest = Pick<ChatCompletionsBody, 'stop' | 'maxTokens'> & {
  readonly messages: readonly DefaultReplyMessage[];
};

/**
 * Applies a request's `stop` and `max_tokens` to a reply text: the text is cut before the
 * first occurrence of any stop sequence (finish reason `stop`, the sequence not included), then
 * split into tokens ({@link countTokens}); more than `max_tokens` of them are cut to
 * `max_tokens` (finish reason `length`).
 *
 * @param text - the whole reply.
 * @param body - the request: its messages (for `prompt_tokens`), `stop` and `maxTokens`.
 * @returns the pieces to send, the finish reason and the usage.
 * @example
 * ```ts
 * completeText('one two three', { ...body, maxTokens: 2 }); // pieces ['one ', 'two '], 'length'
 * ```
 */
export function completeText(text: string, body: CompletionTextRequest): CompletionText {
  const cuts = body.stop.map((sequence) => text.indexOf(sequence)).filter((at) => at >= 0);
  const stopped = cuts.length === 0 ? text : text.slice(0, Math.min(...cuts));
  const all = splitWords(stopped);
  const limit = body.maxTokens ?? Infinity;
  const pieces = all.length > limit ? all.slice(0, limit) : all;
  const promptTokens = body.messages.reduce((sum, { content }) => sum + countTokens(content), 0);
  return {
    pieces,
    finishReason: all.length > limit ? 'length' : 'stop',
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: pieces.length,
      total_tokens: promptTokens + pieces.length,
    },
  };
}
