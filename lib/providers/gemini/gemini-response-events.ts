import { ContentBlockedError } from '../../errors/content-blocked-error.js';
import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent, TokenUsage } from '../../events/completion-event.js';
import { serverErrorDetail } from '../server-error-detail.js';

interface SafetyRating {
  readonly category?: string;
  readonly probability?: string;
  readonly blocked?: boolean;
}

interface GeminiPart {
  readonly text?: unknown;
  readonly thought?: unknown;
  readonly functionCall?: {
    readonly id?: unknown;
    readonly name?: unknown;
    readonly args?: unknown;
  };
  readonly thoughtSignature?: unknown;
}

interface GeminiCandidate {
  readonly content?: { readonly parts?: readonly GeminiPart[] | null } | null;
  readonly finishReason?: string | null;
  readonly safetyRatings?: readonly SafetyRating[] | null;
}

interface GeminiUsageMetadata {
  readonly promptTokenCount?: number;
  readonly candidatesTokenCount?: number;
  readonly thoughtsTokenCount?: number;
  readonly totalTokenCount?: number;
}

/** One `GenerateContentResponse`, as far as it is read. */
interface GeminiResponse {
  readonly candidates?: readonly GeminiCandidate[] | null;
  readonly promptFeedback?: {
    readonly blockReason?: string;
    readonly safetyRatings?: readonly SafetyRating[] | null;
  } | null;
  readonly usageMetadata?: GeminiUsageMetadata | null;
  readonly error?: unknown;
}

/** What a reply has shown so far: read across the responses of one stream. */
export interface GeminiReplyState {
  /** Tool calls seen so far (the next call's index). */
  toolCalls: number;
  /** The finish reason, once a candidate gave one. */
  finishReason: string | undefined;
  /** The latest token usage (Gemini repeats it, growing, in every response). */
  usage: TokenUsage | undefined;
}

/** Finish reasons that mean the server stopped the reply over its content. */
const BLOCKING_REASONS = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/** Gemini's finish reasons in the words of the other protocols, where they have one. */
function finishReason(reason: string, toolCalls: number): string {
  if (reason === 'STOP') return toolCalls > 0 ? 'tool_calls' : 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  return reason.toLowerCase();
}

/** The categories that blocked: the ratings marked `blocked`, else the medium and high ones. */
function blockingCategories(ratings: readonly SafetyRating[] | null | undefined): string[] {
  const all = ratings ?? [];
  const blocked = all.filter((rating) => rating.blocked === true);
  const chosen =
    blocked.length > 0
      ? blocked
      : all.filter((rating) => rating.probability === 'MEDIUM' || rating.probability === 'HIGH');
  return chosen.flatMap((rating) => (rating.category === undefined ? [] : [rating.category]));
}

function parseResponse(data: string, provider: string): GeminiResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'data is not JSON',
      excerpt: data,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const detail = 'data is not a JSON object';
    throw new StreamError({ kind: 'invalid-json', provider, detail, excerpt: data });
  }
  return parsed;
}

function partEvent(part: GeminiPart, state: GeminiReplyState): CompletionEvent | undefined {
  const call = part.functionCall;
  if (call !== undefined) {
    const index = state.toolCalls++;
    return {
      type: 'tool-call-delta',
      index,
      ...(typeof call.id === 'string' && call.id !== '' ? { id: call.id } : {}),
      ...(typeof call.name === 'string' ? { name: call.name } : {}),
      argumentsDelta: JSON.stringify(call.args ?? {}),
      ...(typeof part.thoughtSignature === 'string' && part.thoughtSignature !== ''
        ? { signature: part.thoughtSignature }
        : {}),
    };
  }
  if (typeof part.text !== 'string' || part.text === '') return undefined;
  return { type: part.thought === true ? 'reasoning-delta' : 'text-delta', text: part.text };
}

function usageOf(metadata: GeminiUsageMetadata): TokenUsage {
  const promptTokens = metadata.promptTokenCount ?? 0;
  // As other protocols count it: the reply's tokens include the thinking.
  const completionTokens =
    (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0);
  return {
    promptTokens,
    completionTokens,
    totalTokens: metadata.totalTokenCount ?? promptTokens + completionTokens,
  };
}

/**
 * Reads one Gemini `GenerateContentResponse` (a streamed `data:` event, or a whole reply) into
 * events, handed to `emit` as they are read, updating the reply's state: its first candidate's parts in order — `text` as a
 * `text-delta`, a `thought: true` part as a `reasoning-delta`, a `functionCall` (always whole)
 * as one `tool-call-delta` with the whole arguments' JSON — then its `finish`, when it gives a
 * `finishReason` (`STOP` → `stop`, or `tool_calls` once the reply called a tool;
 * `MAX_TOKENS` → `length`; others lower-cased). The usage is kept in the state, not emitted.
 *
 * @param data - the JSON text of one response.
 * @param state - what the reply has shown so far; updated.
 * @param provider - the provider's name, for errors.
 * @param emit - receives the events, in order.
 * @throws ContentBlockedError when `promptFeedback.blockReason` is set or the finish reason
 *   is a block (`SAFETY`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `RECITATION`, `SPII`...), once
 *   the events of the response's parts have gone to `emit`.
 * @throws StreamError `invalid-json` for data that is not a JSON object, `server-error` for an
 *   `error` field.
 * @example
 * ```ts
 * const state = { toolCalls: 0, finishReason: undefined, usage: undefined };
 * geminiResponseEvents('{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}]}', state, 'Gemini', () => {});
 * ```
 */
export function geminiResponseEvents(
  data: string,
  state: GeminiReplyState,
  provider: string,
  emit: (event: CompletionEvent) => void,
): void {
  const response = parseResponse(data, provider);
  if (response.error !== undefined && response.error !== null) {
    const detail = serverErrorDetail(response.error);
    throw new StreamError({ kind: 'server-error', provider, detail, excerpt: data });
  }
  if (response.usageMetadata) state.usage = usageOf(response.usageMetadata);
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason !== undefined && blockReason !== 'BLOCK_REASON_UNSPECIFIED') {
    const categories = blockingCategories(response.promptFeedback?.safetyRatings);
    throw new ContentBlockedError({ provider, blocked: 'prompt', reason: blockReason, categories });
  }
  const candidate = response.candidates?.[0];
  for (const part of candidate?.content?.parts ?? []) {
    const event = partEvent(part, state);
    if (event !== undefined) emit(event);
  }
  const reason = candidate?.finishReason;
  if (typeof reason !== 'string' || reason === '' || reason === 'FINISH_REASON_UNSPECIFIED') return;
  if (BLOCKING_REASONS.has(reason)) {
    const categories = blockingCategories(candidate?.safetyRatings);
    throw new ContentBlockedError({ provider, blocked: 'response', reason, categories });
  }
  state.finishReason = finishReason(reason, state.toolCalls);
  emit({ type: 'finish', reason: state.finishReason });
}
