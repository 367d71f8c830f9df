import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';

/** One object of Ollama's `/api/chat` reply, as far as it is read. */
interface OllamaChatObject {
  readonly message?: {
    readonly content?: unknown;
    readonly thinking?: unknown;
    readonly tool_calls?: unknown;
  } | null;
  readonly done?: unknown;
  readonly done_reason?: unknown;
  readonly prompt_eval_count?: unknown;
  readonly eval_count?: unknown;
  readonly error?: unknown;
}

/** What one object of the reply says. */
export interface OllamaObjectEvents {
  /** Its events, in order: reasoning, text, tool-call deltas, then finish and usage. */
  readonly events: CompletionEvent[];
  /** Whether it is the last one (`done: true`). */
  readonly done: boolean;
}

/** How the events of one object are read: where the next tool call's index starts. */
export interface OllamaObjectContext {
  /** The provider's name, for errors. */
  readonly provider: string;
  /** The index of the first tool call in this object (calls are numbered across the reply). */
  readonly nextToolIndex: number;
  /** Whether an empty `content` still gives a `text-delta` (the one of a whole reply). */
  readonly whole: boolean;
}

/** The JSON text of a parsed value (never `undefined`: a parsed value is JSON). */
const excerptOf = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));

function shapeError(provider: string, detail: string, value: unknown): StreamError {
  return new StreamError({ kind: 'unexpected-shape', provider, detail, excerpt: excerptOf(value) });
}

function optionalText(value: unknown, name: string, provider: string, whole: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw shapeError(provider, `${name} is not a string`, whole);
  return value;
}

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;

function toolCallEvents(calls: unknown, context: OllamaObjectContext, whole: unknown) {
  if (calls === undefined || calls === null) return [];
  if (!Array.isArray(calls))
    throw shapeError(context.provider, 'tool_calls is not an array', whole);
  return (calls as readonly unknown[]).map((call, at): CompletionEvent => {
    const { id, function: fn } = (call ?? {}) as { id?: unknown; function?: unknown };
    const { name, arguments: input } = (fn ?? {}) as { name?: unknown; arguments?: unknown };
    if (typeof name !== 'string') {
      throw new StreamError({
        kind: 'invalid-tool-call',
        provider: context.provider,
        detail: `tool call ${String(context.nextToolIndex + at)} came without a name`,
        excerpt: excerptOf(call),
      });
    }
    return {
      type: 'tool-call-delta',
      index: context.nextToolIndex + at,
      ...(typeof id === 'string' && id !== '' ? { id } : {}),
      name,
      // Ollama gives the arguments whole, as an object: their JSON text is the one delta.
      argumentsDelta: input === undefined || input === null ? '{}' : JSON.stringify(input),
    };
  });
}

/**
 * The events one object of Ollama's `/api/chat` reply holds (a line of the NDJSON stream, or
 * the whole non-streaming reply): `message.thinking` as a `reasoning-delta`,
 * `message.content` as a `text-delta`, each of `message.tool_calls` (given whole, arguments
 * as an object) as one `tool-call-delta` whose `argumentsDelta` is the arguments' JSON text,
 * and on the last object (`done: true`) the `finish` (`done_reason`, `stop` when absent) and
 * the `usage` (`prompt_eval_count`, `eval_count`).
 *
 * @param value - the parsed JSON of one object.
 * @param context - the provider, the first tool call's index, whether the reply is whole.
 * @returns the events and whether the object ends the reply.
 * @throws StreamError `server-error` for an `error` field (`{"error":"..."}`), `invalid-json`
 *   for a value that is not an object, `unexpected-shape` for a content or thinking that is not
 *   text, `invalid-tool-call` for a call without a name.
 * @example
 * ```ts
 * ollamaObjectEvents({ message: { role: 'assistant', content: 'Hi' }, done: false }, context);
 * // { events: [{ type: 'text-delta', text: 'Hi' }], done: false }
 * ```
 */
export function ollamaObjectEvents(
  value: unknown,
  context: OllamaObjectContext,
): OllamaObjectEvents {
  const { provider } = context;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const excerpt = excerptOf(value);
    throw new StreamError({ kind: 'invalid-json', provider, detail: 'not a JSON object', excerpt });
  }
  const object = value as OllamaChatObject;
  if (object.error !== undefined && object.error !== null) {
    const detail =
      typeof object.error === 'string' && object.error !== ''
        ? object.error
        : excerptOf(object.error);
    throw new StreamError({ kind: 'server-error', provider, detail, excerpt: excerptOf(value) });
  }
  const message = object.message ?? {};
  const thinking = optionalText(message.thinking, 'message.thinking', provider, value);
  const content = optionalText(message.content, 'message.content', provider, value);
  const events: CompletionEvent[] = [];
  if (thinking !== '') events.push({ type: 'reasoning-delta', text: thinking });
  if (content !== '' || context.whole) events.push({ type: 'text-delta', text: content });
  events.push(...toolCallEvents(message.tool_calls, context, value));
  const done = object.done === true;
  if (done) {
    const reason = object.done_reason;
    events.push({
      type: 'finish',
      reason: typeof reason === 'string' && reason !== '' ? reason : 'stop',
    });
    const promptTokens = count(object.prompt_eval_count);
    const completionTokens = count(object.eval_count);
    events.push({
      type: 'usage',
      usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
    });
  }
  return { events, done };
}
