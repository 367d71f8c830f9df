import { countTokens } from '../openai/completion-text.js';
import { composeDefaultReply } from '../reply/compose-default-reply.js';
import type { ReplyScript, ScriptedToolCall } from '../reply/reply-script.js';
import { splitWords } from '../reply/split-words.js';
import type { GeminiRequestBody } from './gemini-request-body.js';

/** What a Gemini reply is made of, before it is cut into responses. */
export interface GeminiReplyParts {
  /** The thought pieces, one per word. */
  readonly thoughts: readonly string[];
  /** The text pieces, one per word (cut by `stopSequences` and `maxOutputTokens`). */
  readonly pieces: readonly string[];
  /** The function calls, sent whole. */
  readonly calls: readonly Record<string, unknown>[];
  /** `STOP`, or `MAX_TOKENS` when `maxOutputTokens` cut the text. */
  readonly finishReason: 'STOP' | 'MAX_TOKENS';
  /** `usageMetadata` of the whole reply. */
  readonly usage: {
    readonly promptTokenCount: number;
    readonly candidatesTokenCount: number;
    readonly thoughtsTokenCount?: number;
    readonly totalTokenCount: number;
  };
}

function lastQuestion(body: GeminiRequestBody): string {
  const fromUser = body.messages.filter((message) => message.role === 'user');
  return fromUser.at(-1)?.content ?? '';
}

function defaultCalls(body: GeminiRequestBody, script: ReplyScript): readonly ScriptedToolCall[] {
  if (script.toolCalls !== undefined) return script.toolCalls;
  if (script.text !== undefined || body.answersTool || body.toolToCall === undefined) return [];
  return [{ name: body.toolToCall, arguments: '{}' }];
}

/** The text cut before the first stop sequence, in words, at most `maxOutputTokens` of them. */
function cutReply(text: string, body: GeminiRequestBody) {
  const cuts = body.stopSequences.map((stop) => text.indexOf(stop)).filter((at) => at >= 0);
  const words = splitWords(cuts.length === 0 ? text : text.slice(0, Math.min(...cuts)));
  const limit = body.maxOutputTokens ?? Infinity;
  return words.length > limit
    ? { pieces: words.slice(0, limit), finishReason: 'MAX_TOKENS' as const }
    : { pieces: words, finishReason: 'STOP' as const };
}

function functionCall(call: ScriptedToolCall): Record<string, unknown> {
  let args: unknown;
  try {
    args = JSON.parse(call.arguments);
  } catch {
    args = call.arguments;
  }
  return {
    functionCall: { ...(call.id === undefined ? {} : { id: call.id }), name: call.name, args },
    ...(call.signature === undefined ? {} : { thoughtSignature: call.signature }),
  };
}

/**
 * Composes a Gemini reply for a request: the script's `text` (else, unless the reply calls a
 * function, the default reply describing the request), its `reasoning` (else, when the request
 * asks for thoughts, a short one), its `toolCalls` (else a call of the first tool the request
 * allows, when it offers tools and does not answer one), cut by the request's stop sequences
 * and `maxOutputTokens`, with the usage (tokens are words).
 *
 * @param body - the request, read.
 * @param model - the model of the URL.
 * @param script - the script (its content fields).
 * @returns the parts of the reply.
 * @example
 * ```ts
 * composeGeminiReply(body, 'gemini-2.5-flash', { text: 'Hi there' }).pieces; // ['Hi ', 'there']
 * ```
 */
export function composeGeminiReply(
  body: GeminiRequestBody,
  model: string,
  script: ReplyScript,
): GeminiReplyParts {
  const calls = defaultCalls(body, script);
  const text =
    script.text ??
    (calls.length > 0
      ? ''
      : composeDefaultReply({ model, messages: body.messages, temperature: body.temperature }));
  const completion = cutReply(text, body);
  const thinking =
    script.reasoning ??
    (body.includeThoughts ? `Reading the question: "${lastQuestion(body)}".` : '');
  const thoughts = splitWords(thinking);
  const promptTokenCount = body.messages.reduce(
    (sum, { content }) => sum + countTokens(content),
    0,
  );
  const candidatesTokenCount = completion.pieces.length;
  return {
    thoughts,
    pieces: completion.pieces,
    calls: calls.map(functionCall),
    finishReason: completion.finishReason,
    usage: {
      promptTokenCount,
      candidatesTokenCount,
      ...(thoughts.length === 0 ? {} : { thoughtsTokenCount: thoughts.length }),
      totalTokenCount: promptTokenCount + candidatesTokenCount + thoughts.length,
    },
  };
}
