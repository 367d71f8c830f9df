import { StreamError } from '../../errors/stream-error.js';

/** A JSON object's fields. */
export type JsonFields = Readonly<Record<string, unknown>>;

/**
 * Parses the JSON object of an event's data (or a whole reply).
 *
 * @param data - the JSON text.
 * @param provider - the provider's name, for errors.
 * @returns the object.
 * @throws StreamError `invalid-json` when it is not JSON or not an object.
 * @example
 * ```ts
 * parseJsonFields('{"type":"ping"}', 'Anthropic'); // { type: 'ping' }
 * ```
 */
export function parseJsonFields(data: string, provider: string): JsonFields {
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
  return parsed as JsonFields;
}

/**
 * The `StreamError` of an Anthropic error object (`{ type: 'error', error: { type, message } }`):
 * kind `server-error`, its detail the message, its `errorType` the error's type
 * (`overloaded_error`...), which `retryCompletion` reads.
 *
 * @param fields - the parsed error event or body.
 * @param data - its text, for the excerpt.
 * @param provider - the provider's name.
 * @returns the error.
 * @example
 * ```ts
 * anthropicServerError({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, data, 'Anthropic');
 * ```
 */
export function anthropicServerError(
  fields: JsonFields,
  data: string,
  provider: string,
): StreamError {
  const error = (
    typeof fields.error === 'object' && fields.error !== null ? fields.error : {}
  ) as JsonFields;
  const errorType = typeof error.type === 'string' ? error.type : undefined;
  const message =
    typeof error.message === 'string' && error.message !== '' ? error.message : undefined;
  return new StreamError({
    kind: 'server-error',
    provider,
    detail: message ?? errorType ?? 'error',
    excerpt: data,
    errorType,
  });
}
