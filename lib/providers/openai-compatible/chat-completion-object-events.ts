import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { contentText } from './content-text.js';
import { reasoningText } from './reasoning-text.js';
import { serverErrorDetail } from '../server-error-detail.js';
import { wireToolCallDeltas } from './wire-tool-call-deltas.js';

/** A `delta` or `message`: `content`, reasoning fields, `tool_calls`... */
type ChoiceFields = Readonly<Record<string, unknown>>;

interface ChatChoice {
  readonly delta?: ChoiceFields | null;
  readonly message?: ChoiceFields | null;
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
 * `chat.completion`), read from its first choice's `delta` or `message`, in this order: a
 * `reasoning-delta` (`reasoning_content`, `reasoning`, `reasoning.text` or
 * `reasoning_details`, see `reasoningText`), a `text-delta`, one `tool-call-delta` per element
 * of `tool_calls` (see `wireToolCallDeltas`), the `finish`, the `usage`.
 *
 * A streamed `delta` gives a `text-delta` only when it has text; a whole reply's `message`
 * always gives one, `''` when its content is empty or `null`, so a non-streaming request
 * emits exactly one string. A content that is an array of text parts is read as their text.
 *
 * Each event goes to `emit` as soon as it is read, so those before a fault in the same object
 * reach the reader before the error. (A callback rather than a generator: a stream calls this
 * once per event, and a generator object per event costs more than the rest of the reading.)
 *
 * @param data - the JSON text of one object.
 * @param provider - the provider's name, for errors.
 * @param emit - called with each event, in order (often just once).
 * @throws StreamError `server-error` for an `error` field (its detail the server's message),
 *   `invalid-json` for data that is not a JSON object, `unexpected-shape` for a content that
 *   is neither a string nor text parts or a `tool_calls` of the wrong shape.
 *
 * @example
 * ```ts
 * emitChatCompletionEvents('{"choices":[{"delta":{"content":"Hi"}}]}', 'openai', console.log);
 * // { type: 'text-delta', text: 'Hi' }
 * ```
 */
export function emitChatCompletionEvents(
  data: string,
  provider: string,
  emit: (event: CompletionEvent) => void,
): void {
  const chunk = parseChunk(data, provider);
  if (chunk.error !== undefined && chunk.error !== null && chunk.error !== false) {
    const detail = serverErrorDetail(chunk.error);
    throw new StreamError({ kind: 'server-error', provider, detail, excerpt: data });
  }
  const choice = chunk.choices?.[0];
  const whole = choice?.message ?? undefined;
  const fields = whole ?? choice?.delta ?? undefined;
  if (fields) {
    const reasoning = reasoningText(fields);
    if (reasoning) emit({ type: 'reasoning-delta', text: reasoning });
  }
  const text = contentText(fields?.content, provider, data);
  if (whole !== undefined) emit({ type: 'text-delta', text: text ?? '' });
  else if (text) emit({ type: 'text-delta', text });
  if (fields && (fields.tool_calls != null || fields.function_call != null)) {
    for (const delta of wireToolCallDeltas(fields, provider, data)) emit(delta);
  }
  if (choice?.finish_reason) emit({ type: 'finish', reason: choice.finish_reason });
  const usage = chunk.usage;
  if (usage) {
    const promptTokens = usage.prompt_tokens ?? 0;
    const completionTokens = usage.completion_tokens ?? 0;
    emit({
      type: 'usage',
      usage: {
        promptTokens,
        completionTokens,
        totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
      },
    });
  }
}

/**
 * The events of one chat-completion object, as {@link emitChatCompletionEvents} reads them,
 * as an iterable: those read before a fault come first, then the fault is thrown.
 *
 * @param data - the JSON text of one object.
 * @param provider - the provider's name, for errors.
 * @returns the events, in order (often just one).
 * @throws StreamError as {@link emitChatCompletionEvents} does, after the events before it.
 *
 * @example
 * ```ts
 * [...chatCompletionEvents('{"choices":[{"delta":{"content":"Hi"}}]}', 'openai')];
 * // [{ type: 'text-delta', text: 'Hi' }]
 * ```
 */
export function* chatCompletionEvents(
  data: string,
  provider: string,
): Generator<CompletionEvent, void, undefined> {
  const events: CompletionEvent[] = [];
  let fault: { readonly error: unknown } | undefined;
  try {
    emitChatCompletionEvents(data, provider, (event) => events.push(event));
  } catch (error: unknown) {
    fault = { error };
  }
  yield* events;
  if (fault !== undefined) throw fault.error;
}
