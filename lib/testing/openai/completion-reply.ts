import { randomUUID } from 'node:crypto';
import type { ReplyScript } from '../reply/reply-script.js';
import { splitWords } from '../reply/split-words.js';
import type { ChatCompletionsBody } from './chat-completions-body.js';
import { completeText, countTokens, type CompletionUsage } from './completion-text.js';
import { defaultOpenAIReply } from './default-openai-reply.js';

/** A tool call of a reply, its id settled. */
export interface ReplyToolCall {
  /** The call's id. */
  readonly id: string;
  /** The function's name. */
  readonly name: string;
  /** The arguments' JSON text. */
  readonly arguments: string;
}

/** Everything an OpenAI reply holds, ready to be sent streamed or whole. */
export interface CompletionReply {
  /** The reasoning, one piece per stream chunk (none when there is no reasoning). */
  readonly reasoningPieces: readonly string[];
  /** The field that carries the reasoning. */
  readonly reasoningField: 'reasoning_content' | 'reasoning';
  /** The text, one token per stream chunk; joined, the message content. */
  readonly pieces: readonly string[];
  /** The tool calls, after the text. */
  readonly toolCalls: readonly ReplyToolCall[];
  /** The size of a streamed piece of arguments, in UTF-16 code units. */
  readonly argumentsChunkSize: number;
  /** Whether streamed calls interleave their pieces. */
  readonly interleaveToolCalls: boolean;
  /** The `finish_reason`. */
  readonly finishReason: string;
  /** The token counts (reasoning counted with the reply). */
  readonly usage: CompletionUsage;
}

/** A fresh call id in OpenAI's style. */
const newCallId = (): string => `call_${randomUUID().replace(/-/gu, '').slice(0, 24)}`;

/**
 * Settles what the OpenAI route replies: the script's `text`, `reasoning` and `toolCalls`
 * where given, else the default reply's (`defaultOpenAIReply`; a script with `toolCalls` and
 * no `text` has no text, a script with `text` and no `toolCalls` no calls); the text cut by
 * `stop` and `max_tokens` (`completeText`); the finish reason `tool_calls` when there are
 * calls, unless the script's `finishReason` says otherwise.
 *
 * @param script - the script (may be empty).
 * @param body - the checked request.
 * @returns the reply.
 * @example
 * ```ts
 * completeReply({ reasoning: 'Hm.', toolCalls: [{ name: 'f', arguments: '{}' }] }, body).finishReason; // 'tool_calls'
 * ```
 */
export function completeReply(script: ReplyScript, body: ChatCompletionsBody): CompletionReply {
  const scripted = script.text !== undefined || script.toolCalls !== undefined;
  const auto = scripted ? undefined : defaultOpenAIReply(body);
  const text = script.text ?? auto?.text ?? '';
  const calls = script.toolCalls ?? auto?.toolCalls ?? [];
  const completion = completeText(text, body);
  const reasoningPieces = splitWords(script.reasoning ?? '');
  const reasoningTokens = countTokens(script.reasoning ?? '');
  const { usage } = completion;
  return {
    reasoningPieces,
    reasoningField: script.reasoningField ?? 'reasoning_content',
    pieces: completion.pieces,
    toolCalls: calls.map((call) => ({ ...call, id: call.id ?? newCallId() })),
    argumentsChunkSize: script.argumentsChunkSize ?? 8,
    interleaveToolCalls: script.interleaveToolCalls === true,
    finishReason:
      script.finishReason ?? (calls.length > 0 ? 'tool_calls' : completion.finishReason),
    usage: {
      prompt_tokens: usage.prompt_tokens,
      completion_tokens: usage.completion_tokens + reasoningTokens,
      total_tokens: usage.total_tokens + reasoningTokens,
    },
  };
}
