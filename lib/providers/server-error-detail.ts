/**
 * The message a server's error value carries: a string as it is (`{"error":"boom"}`), else an
 * object's `message`, else its `type`, else `'error'`. An object with an `error` field of its
 * own (`{"error":{"message":"…"}}`, or `{"type":"error","error":{…}}` as some servers send it)
 * is read through that field.
 *
 * @param value - the `error` field of a chunk, or the parsed data of an `event: error`.
 * @returns the text for the error's `detail`.
 *
 * @example
 * ```ts
 * serverErrorDetail('boom'); // 'boom'
 * serverErrorDetail({ type: 'overloaded_error', message: 'Overloaded' }); // 'Overloaded'
 * ```
 */
export function serverErrorDetail(value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value !== 'object' || value === null) return 'error';
  const fields = value as {
    readonly message?: unknown;
    readonly type?: unknown;
    readonly error?: unknown;
  };
  if (fields.error !== undefined && fields.error !== null) return serverErrorDetail(fields.error);
  if (typeof fields.message === 'string' && fields.message !== '') return fields.message;
  if (typeof fields.type === 'string' && fields.type !== '') return fields.type;
  return 'error';
}
