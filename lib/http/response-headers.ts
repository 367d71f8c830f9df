/**
 * The response headers as a plain record with lower-case names, without `set-cookie` (a
 * session cookie is a secret too).
 *
 * @param headers - axios's `response.headers` (an `AxiosHeaders` or a plain object).
 * @returns the headers safe to keep on an error.
 */
export function toResponseHeaders(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return record;
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key === 'set-cookie' || value === undefined || value === null) continue;
    record[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return record;
}
