import {
  CHARACTER_NAME_RUNS,
  CHARACTER_NAMES,
  CJK_UNIFIED_IDEOGRAPH_RANGES,
  NAME_ALIASES,
  NAME_WORDS,
} from './generated/unicode-name-data.js';
import { hangulSyllableCodePoint } from './hangul-syllable-code-point.js';
import { NameCoder } from './name-coder.js';
import type { UnicodeNameLookup } from './unicode-name-lookup.js';

const HANGUL_SYLLABLE = 'HANGUL SYLLABLE ';
const CJK_UNIFIED_IDEOGRAPH = 'CJK UNIFIED IDEOGRAPH-';
const UPPERCASE_HEX = /^[0-9A-F]{4,5}$/;
/** The char code of a front-coded line's first character minus this is the shared length. */
const SHARED_LENGTH_BASE = 0x20;
/** What character names are made of: a name with anything else is unknown. */
const NAME_CHARACTERS = /^[A-Z0-9 -]+$/;

/** Parses the generated names (front-coded) and the aliases into a map from coded name. */
function parseNameTable(coder: NameCoder): Map<string, number> {
  const table = new Map<string, number>();
  const lines = CHARACTER_NAMES.split('\n');
  let previous = '';
  let line = 0;
  let codePoint = 0;
  for (let run = 0; run + 1 < CHARACTER_NAME_RUNS.length; run += 2) {
    codePoint += CHARACTER_NAME_RUNS[run] ?? 0;
    const end = codePoint + (CHARACTER_NAME_RUNS[run + 1] ?? 0);
    for (; codePoint < end; codePoint++) {
      const entry = lines[line++] ?? '';
      previous = previous.slice(0, entry.charCodeAt(0) - SHARED_LENGTH_BASE) + entry.slice(1);
      table.set(previous, codePoint);
    }
  }
  for (const alias of NAME_ALIASES.split('\n')) {
    const space = alias.indexOf(' ');
    table.set(coder.code(alias.slice(space + 1)), parseInt(alias.slice(0, space), 16));
  }
  return table;
}

/** Whether `codePoint` is a CJK unified ideograph of the generated Unicode version. */
function isCjkUnifiedIdeograph(codePoint: number): boolean {
  for (let range = 0; range + 1 < CJK_UNIFIED_IDEOGRAPH_RANGES.length; range += 2) {
    const first = CJK_UNIFIED_IDEOGRAPH_RANGES[range] ?? 0;
    const last = CJK_UNIFIED_IDEOGRAPH_RANGES[range + 1] ?? -1;
    if (codePoint >= first && codePoint <= last) return true;
  }
  return false;
}

/**
 * The code point of a `CJK UNIFIED IDEOGRAPH-` name from its hex part: 4 or 5 digits, capitals
 * only, as CPython requires (`CJK UNIFIED IDEOGRAPH-4e00` is unknown, `-04E00` is U+4E00).
 */
function cjkUnifiedIdeographCodePoint(hex: string): number {
  if (!UPPERCASE_HEX.test(hex)) return -1;
  const codePoint = parseInt(hex, 16);
  return isCjkUnifiedIdeograph(codePoint) ? codePoint : -1;
}

/**
 * Builds the {@link UnicodeNameLookup} of `\N{...}` escapes: parses the generated tables (about
 * 37,000 names and 500 aliases, Unicode 17) into a map once, then resolves names the way
 * CPython's `unicodedata` does for `unicode-escape`.
 *
 * Names and aliases are matched after ASCII upper-casing (a name with a byte of 0x80 or more is
 * unknown). `HANGUL SYLLABLE ...` and `CJK UNIFIED IDEOGRAPH-XXXX` are computed, not stored, and,
 * as in CPython, only in capitals (`CJK UNIFIED IDEOGRAPH-4e00` is unknown, `-04E00` is U+4E00).
 *
 * This module is the lazily loaded part of `decodeText`: import it only through
 * `loadUnicodeNameLookup`.
 *
 * @returns the lookup function.
 *
 * @example
 * ```ts
 * const lookup = buildUnicodeNameLookup();
 * lookup(new TextEncoder().encode('LATIN SMALL LETTER A'), 0, 20); // 0x61
 * ```
 */
export function buildUnicodeNameLookup(): UnicodeNameLookup {
  const coder = new NameCoder(NAME_WORDS.split(' '));
  const table = parseNameTable(coder);
  return (bytes, start, end) => {
    let original = '';
    let upper = '';
    for (let index = start; index < end; index++) {
      const byte = bytes[index] ?? 0x80;
      if (byte >= 0x80) return -1;
      original += String.fromCharCode(byte);
      upper += String.fromCharCode(byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte);
    }
    if (original.startsWith(HANGUL_SYLLABLE)) {
      return hangulSyllableCodePoint(original.slice(HANGUL_SYLLABLE.length));
    }
    if (original.startsWith(CJK_UNIFIED_IDEOGRAPH)) {
      return cjkUnifiedIdeographCodePoint(original.slice(CJK_UNIFIED_IDEOGRAPH.length));
    }
    if (!NAME_CHARACTERS.test(upper)) return -1;
    return table.get(coder.code(upper)) ?? -1;
  };
}
