/** The fields of an OpenAI-style error body: `{"error":{"message","type","code","param"}}`. */
export interface ServerErrorFields {
  /** `error.message`, or `error` itself when it is a string. */
  readonly serverMessage?: string | undefined;
  /** `error.type`, e.g. `invalid_request_error` (or Google's `error.status`, `INVALID_ARGUMENT`). */
  readonly errorType?: string | undefined;
  /** `error.code`, e.g. `model_not_found` (a number is turned into its text). */
  readonly errorCode?: string | undefined;
  /** `error.param`, the request field at fault. */
  readonly param?: string | undefined;
}

function field(record: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/**
 * Reads the error fields out of a response body shaped as OpenAI's
 * (`{"error":{"message":"…","type":"…","code":"…","param":"…"}}`) or as `{"error":"text"}`.
 * Anything else (not JSON, no `error`) gives no fields.
 *
 * @param body - the body's text (an excerpt: a cut JSON gives no fields).
 * @returns the fields found.
 * @example
 * ```ts
 * parseServerError('{"error":{"message":"no such model","code":"model_not_found"}}');
 * // { serverMessage: 'no such model', errorType: undefined, errorCode: 'model_not_found', param: undefined }
 * ```
 * @internal
 */
export function parseServerError(body: string): ServerErrorFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return {};
  const error: unknown = parsed.error;
  if (typeof error === 'string') return error === '' ? {} : { serverMessage: error };
  if (typeof error !== 'object' || error === null) return {};
  const record = error as Readonly<Record<string, unknown>>;
  return {
    serverMessage: field(record, 'message'),
    // Google APIs name the kind `status` (`INVALID_ARGUMENT`), OpenAI `type`.
    errorType: field(record, 'type') ?? field(record, 'status'),
    errorCode: field(record, 'code'),
    param: field(record, 'param'),
  };
}
