/**
 * Resolves the name inside a `\N{...}` escape to its code point, as Python's `unicode-escape`
 * does (CPython's `\N{...}` escape): character names, name aliases, `HANGUL SYLLABLE ...` and
 * `CJK UNIFIED IDEOGRAPH-XXXX`, case-insensitively (ASCII only), named sequences excluded.
 *
 * The name is `bytes[start..end)`, the bytes between the braces.
 *
 * @returns the code point, or -1 when the name is unknown.
 *
 * @example
 * ```ts
 * const lookup = await loadUnicodeNameLookup();
 * lookup(new TextEncoder().encode('bom'), 0, 3); // 0xfeff
 * ```
 */
export type UnicodeNameLookup = (bytes: Uint8Array, start: number, end: number) => number;
