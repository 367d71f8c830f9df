/** Past this depth nothing more is counted (the count stays a lower bound, and finite). */
const MAX_COUNTED_DEPTH = 100;

/**
 * A lower bound on the UTF-8 bytes of `value` encoded as JSON, found without encoding it and
 * in time proportional to the number of strings, not their length: every string (and object
 * key) takes at least its length in UTF-16 code units plus its two quotes, since UTF-8 spends
 * at least one byte per code unit (RFC 3629) and JSON quotes every string (RFC 8259 §7).
 * Objects with a `toJSON` (a `Date`) count nothing; so does a value nested deeper than 100
 * levels or one already being counted (a cycle).
 *
 * @param value - a JSON-like value.
 * @returns a number no larger than the byte length of `JSON.stringify(value)` in UTF-8.
 * @example
 * ```ts
 * minimumJsonBytes({ role: 'user', content: 'Hi' }); // 6 + 6 + 9 + 4 = 25
 * ```
 * @internal
 */
export function minimumJsonBytes(value: unknown, ancestors: readonly object[] = []): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 0;
  if (typeof (value as { readonly toJSON?: unknown }).toJSON === 'function') return 0;
  if (ancestors.includes(value) || ancestors.length >= MAX_COUNTED_DEPTH) return 0;
  const inside = [...ancestors, value];
  let bytes = 0;
  if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) bytes += minimumJsonBytes(item, inside);
    return bytes;
  }
  for (const [key, child] of Object.entries(value)) {
    bytes += key.length + 2 + minimumJsonBytes(child, inside);
  }
  return bytes;
}
