import type { StreamErrorScript } from '../reply/reply-script.js';
import { geminiErrorBody } from './gemini-error.js';
import type { GeminiReplyParts } from './gemini-reply.js';

/** Who answered: the `modelVersion` and `responseId` of every response. */
export interface GeminiResponseIdentity {
  /** The model of the URL. */
  readonly modelVersion: string;
  /** An id for the reply. */
  readonly responseId: string;
}

/** How a reply is streamed, beyond its parts. */
export interface GeminiStreamOptions {
  /** Replaces the end of the stream with an error event after this many responses. */
  readonly streamError: StreamErrorScript | undefined;
  /** Leaves the `finishReason` out, as a cut stream would. */
  readonly omitFinish: boolean;
}

type Part = Readonly<Record<string, unknown>>;

function response(
  identity: GeminiResponseIdentity,
  parts: readonly Part[],
  usage: Record<string, number>,
  finishReason: string | undefined,
): Record<string, unknown> {
  return {
    candidates: [
      {
        content: { parts, role: 'model' },
        ...(finishReason === undefined ? {} : { finishReason }),
        index: 0,
      },
    ],
    usageMetadata: usage,
    ...identity,
  };
}

/** One SSE event, CRLF-terminated as the Gemini API sends them (WHATWG HTML §9.2). */
const event = (value: unknown): string => `data: ${JSON.stringify(value)}\r\n\r\n`;

/**
 * Turns a reply into the SSE events of `streamGenerateContent?alt=sse`, one string per write:
 * a response per thought word (`thought: true` parts), one per text word, one with every
 * function call; the last carries the `finishReason`. Each carries the `usageMetadata` so
 * far (the prompt's count, the candidates' count growing), as Gemini does. A reply with
 * nothing to say sends one empty text part.
 *
 * With `streamError`, the stream stops after `afterChunks` responses with
 * `data: {"error":{"code":500,…,"status":"INTERNAL"}}`; with `omitFinish`, no response has a
 * finish reason.
 *
 * @param identity - the model version and response id.
 * @param reply - the reply's parts.
 * @param options - the scripted error, the missing finish.
 * @returns the events, in order.
 * @example
 * ```ts
 * geminiStreamResponses(identity, reply, { streamError: undefined, omitFinish: false });
 * // ['data: {"candidates":[{"content":{"parts":[{"text":"Hello "}],"role":"model"},"index":0}],...}\r\n\r\n', ...]
 * ```
 */
export function geminiStreamResponses(
  identity: GeminiResponseIdentity,
  reply: GeminiReplyParts,
  options: GeminiStreamOptions,
): string[] {
  const groups: Part[][] = [
    ...reply.thoughts.map((text) => [{ text, thought: true }]),
    ...reply.pieces.map((text) => [{ text }]),
    ...(reply.calls.length === 0 ? [] : [[...reply.calls]]),
  ];
  if (groups.length === 0) groups.push([{ text: '' }]);
  const { promptTokenCount } = reply.usage;
  const thoughtCount = reply.thoughts.length;
  const events = groups.map((parts, index) => {
    const candidates = Math.max(0, Math.min(index + 1 - thoughtCount, reply.pieces.length));
    const thoughts = Math.min(index + 1, thoughtCount);
    const usage = {
      promptTokenCount,
      ...(candidates === 0 ? {} : { candidatesTokenCount: candidates }),
      ...(thoughts === 0 ? {} : { thoughtsTokenCount: thoughts }),
      totalTokenCount: promptTokenCount + candidates + thoughts,
    };
    const last = index === groups.length - 1;
    const finish = last && !options.omitFinish ? reply.finishReason : undefined;
    return event(response(identity, parts, usage, finish));
  });
  const { streamError } = options;
  if (streamError === undefined) return events;
  const error = geminiErrorBody(500, streamError.message);
  return [...events.slice(0, streamError.afterChunks), `data: ${error}\r\n\r\n`];
}

/**
 * The whole reply of `generateContent`: one response whose parts are the thought (when
 * there is one), the text and the function calls, with its finish reason and usage.
 *
 * @param identity - the model version and response id.
 * @param reply - the reply's parts.
 * @returns the JSON text.
 * @example
 * ```ts
 * JSON.parse(geminiWholeResponse(identity, reply)).candidates[0].finishReason; // 'STOP'
 * ```
 */
export function geminiWholeResponse(
  identity: GeminiResponseIdentity,
  reply: GeminiReplyParts,
): string {
  const thought = reply.thoughts.join('');
  const parts: Part[] = [
    ...(thought === '' ? [] : [{ text: thought, thought: true }]),
    ...(reply.pieces.length === 0 && reply.calls.length > 0
      ? []
      : [{ text: reply.pieces.join('') }]),
    ...reply.calls,
  ];
  return JSON.stringify(response(identity, parts, { ...reply.usage }, reply.finishReason));
}
