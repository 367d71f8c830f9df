/**
 * The `error` object of an OpenAI error response: `{ "error": { message, type, param, code } }`.
 *
 * @example
 * ```ts
 * const error: OpenAIError = { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' };
 * ```
 */
export interface OpenAIError {
  /** What went wrong, for a person. */
  readonly message: string;
  /** The kind: `invalid_request_error` for 4xx, `server_error` for 5xx. */
  readonly type: string;
  /** The request field at fault, e.g. `messages[0].role`, or `null`. */
  readonly param: string | null;
  /** A machine-readable code, e.g. `invalid_api_key`, or `null`. */
  readonly code: string | null;
}

const CODES: Readonly<Record<number, string>> = {
  401: 'invalid_api_key',
  404: 'not_found',
  429: 'rate_limit_exceeded',
};

/**
 * The OpenAI error for a status: `invalid_request_error` below 500, `server_error` from 500;
 * the code `invalid_api_key` for 401, `not_found` for 404, `rate_limit_exceeded` for 429,
 * `null` otherwise.
 *
 * @param status - the HTTP status (≥ 400).
 * @param message - the message.
 * @returns the error object, `param` being `null`.
 * @example
 * ```ts
 * openAIErrorFor(429, 'Slow down').code; // 'rate_limit_exceeded'
 * ```
 */
export function openAIErrorFor(status: number, message: string): OpenAIError {
  const type = status >= 500 ? 'server_error' : 'invalid_request_error';
  return { message, type, param: null, code: CODES[status] ?? null };
}

/**
 * Serialises an OpenAI error body.
 *
 * @param error - the error object.
 * @returns `{"error":{...}}`, as JSON text.
 * @example
 * ```ts
 * openAIErrorBody(openAIErrorFor(500, 'Boom')); // '{"error":{"message":"Boom","type":"server_error","param":null,"code":null}}'
 * ```
 */
export function openAIErrorBody(error: OpenAIError): string {
  return JSON.stringify({ error });
}
