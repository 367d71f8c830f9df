/**
 * The constants of Python's `unicode-escape` grammar (CPython's codecs documentation, "Text Encodings"), shared by its decoder: Python's
 * reasons for a malformed escape, word for word (CPython `_PyUnicode_DecodeUnicodeEscapeInternal`),
 * the statuses an escape parser returns instead of a code point, and byte tables.
 *
 * @module
 */

/** A `\` that ends the input. */
export const BACKSLASH_AT_END = '\\ at end of string';
/** `\x` without 2 hex digits. */
export const TRUNCATED_X = 'truncated \\xXX escape';
/** `\u` without 4 hex digits. */
export const TRUNCATED_U = 'truncated \\uXXXX escape';
/** `\U` without 8 hex digits. */
export const TRUNCATED_BIG_U = 'truncated \\UXXXXXXXX escape';
/** `\U` above U+10FFFF. */
export const ILLEGAL_CHARACTER = 'illegal Unicode character';
/** `\N` without `{`, `\N{}`, or `\N{...` without `}`. */
export const MALFORMED_N = 'malformed \\N character escape';
/** `\N{...}` with a name that is not known. */
export const UNKNOWN_NAME = 'unknown Unicode character name';

/** The escape character. */
export const BACKSLASH = 0x5c;
/** The `}` that ends a `\N{...}` escape. */
export const CLOSING_BRACE = 0x7d;

/**
 * No name inside `\N{...}` longer than this many bytes is known: CPython's `NAME_MAXLEN`, far
 * above the longest name (88 bytes in Unicode 17) and alias (61). Past it, the escape is malformed
 * whatever follows, so a decoder need not keep its bytes, only wait for its `}` (or the end).
 */
export const MAX_NAME_LENGTH = 256;

/** Status: more bytes could complete the escape (malformed if the input is final). */
export const INCOMPLETE = -1;
/** Status: the escape is malformed. */
export const MALFORMED = -2;
/** Status: a `\N{...}` escape needs the name table, not loaded yet. */
export const NEEDS_NAMES = -3;
/** Status: an unknown escape, kept as it is: the backslash, then the byte. */
export const KEPT = -4;
/** Status: `\<LF>`, which decodes to nothing. */
export const DROPPED = -5;

/** A table from byte to value, -1 for the bytes not in `entries` (keys are ASCII characters). */
function byteTable(entries: Iterable<readonly [string, number]>): Int32Array {
  const table = new Int32Array(256).fill(-1);
  for (const [character, value] of entries) table[character.charCodeAt(0)] = value;
  return table;
}

/** By byte: what `\` and that byte decode to, for the one-character escapes; else -1. */
export const SINGLE_CHARACTER_ESCAPES = /* @__PURE__ */ byteTable([
  ['\\', 0x5c],
  ["'", 0x27],
  ['"', 0x22],
  ['a', 0x07],
  ['b', 0x08],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
  ['v', 0x0b],
]);

/** By byte: the value of a hex digit, either case; else -1. */
export const HEX_DIGIT_VALUES = /* @__PURE__ */ byteTable(
  Array.from('0123456789abcdefABCDEF', (digit) => [digit, parseInt(digit, 16)] as const),
);
