/** Anthropic's error types by HTTP status (its errors documentation). */
const TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/**
 * Anthropic's error type for a status: its own for the statuses it documents, else
 * `invalid_request_error` below 500 and `api_error` from 500.
 *
 * @param status - the HTTP status (≥ 400).
 * @returns the type.
 * @example
 * ```ts
 * anthropicErrorType(529); // 'overloaded_error'
 * ```
 */
export function anthropicErrorType(status: number): string {
  return TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/**
 * Serialises an Anthropic error body: `{"type":"error","error":{"type","message"}}`.
 *
 * @param type - the error type, e.g. `overloaded_error`.
 * @param message - the message, for a person.
 * @returns the JSON text.
 * @example
 * ```ts
 * anthropicErrorBody('overloaded_error', 'Overloaded');
 * // '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'
 * ```
 */
export function anthropicErrorBody(type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message } });
}
