import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { contentText } from './content-text.js';
import { serverErrorDetail } from './server-error-detail.js';

interface ChatChoice {
  readonly delta?: { readonly content?: unknown } | null;
  readonly message?: { readonly content?: unknown } | null;
  readonly finish_reason?: string | null;
}

interface ChatChunk {
  readonly choices?: readonly ChatChoice[] | null;
  readonly usage?: {
    readonly prompt_tokens?: number;
    readonly completion_tokens?: number;
    readonly total_tokens?: number;
  } | null;
  readonly error?: unknown;
}

function parseChunk(data: string, provider: string): ChatChunk {
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
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'data is not a JSON object',
      excerpt: data,
    });
  }
  return parsed;
}

/**
 * The events one chat-completion object holds (a streamed `chat.completion.chunk` or a whole
 * `chat.completion`): the text of the first choice, its finish reason, the usage.
 *
 * A streamed `delta` gives a `text-delta` only when it has text; a whole reply's `message`
 * always gives one, `''` when its content is empty or `null`, so a non-streaming request
 * emits exactly one string. A content that is an array of text parts is read as their text.
 *
 * @param data - the JSON text of one object.
 * @param provider - the provider's name, for errors.
 * @returns the events, in order (often just one).
 * @throws StreamError `server-error` for an `error` field (its detail the server's message),
 *   `invalid-json` for data that is not a JSON object, `unexpected-shape` for a content that
 *   is neither a string nor text parts.
 *
 * @example
 * ```ts
 * chatCompletionEvents('{"choices":[{"delta":{"content":"Hi"}}]}', 'openai');
 * // [{ type: 'text-delta', text: 'Hi' }]
 * ```
 */
export function chatCompletionEvents(data: string, provider: string): CompletionEvent[] {
  const chunk = parseChunk(data, provider);
  if (chunk.error !== undefined && chunk.error !== null && chunk.error !== false) {
    const detail = serverErrorDetail(chunk.error);
    throw new StreamError({ kind: 'server-error', provider, detail, excerpt: data });
  }
  const events: CompletionEvent[] = [];
  const choice = chunk.choices?.[0];
  if (choice?.message) {
    const text = contentText(choice.message.content, provider, data) ?? '';
    events.push({ type: 'text-delta', text });
  } else {
    const text = contentText(choice?.delta?.content, provider, data);
    if (text) events.push({ type: 'text-delta', text });
  }
  if (choice?.finish_reason) events.push({ type: 'finish', reason: choice.finish_reason });
  const usage = chunk.usage;
  if (usage) {
    const promptTokens = usage.prompt_tokens ?? 0;
    const completionTokens = usage.completion_tokens ?? 0;
    events.push({
      type: 'usage',
      usage: {
        promptTokens,
        completionTokens,
        totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
      },
    });
  }
  return events;
}
