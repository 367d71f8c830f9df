import { STATUS_CODES } from 'node:http';

/** Google's canonical status name for each HTTP status the loopback server answers with. */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/**
 * The error body of a Google API, as the Gemini API sends it:
 * `{ "error": { "code": 400, "message": "…", "status": "INVALID_ARGUMENT" } }` — the status
 * name is Google's canonical one for the HTTP status (`UNKNOWN` for one it has none for).
 *
 * @param status - the HTTP status (≥ 400).
 * @param message - the message; the standard reason phrase when left out.
 * @returns the JSON text.
 * @example
 * ```ts
 * geminiErrorBody(429, 'Resource has been exhausted (e.g. check quota).');
 * // '{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}'
 * ```
 */
export function geminiErrorBody(status: number, message?: string): string {
  return JSON.stringify({
    error: {
      code: status,
      message: message ?? STATUS_CODES[status] ?? `HTTP ${String(status)}`,
      status: STATUS_NAMES[status] ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN'),
    },
  });
}
