import type { UnicodeNameLookup } from './names/unicode-name-lookup.js';
import {
  BACKSLASH_AT_END,
  CLOSING_BRACE,
  DROPPED,
  HEX_DIGIT_VALUES,
  ILLEGAL_CHARACTER,
  INCOMPLETE,
  KEPT,
  MALFORMED,
  MALFORMED_N,
  MAX_NAME_LENGTH,
  NEEDS_NAMES,
  TRUNCATED_BIG_U,
  TRUNCATED_U,
  TRUNCATED_X,
  UNKNOWN_NAME,
} from './unicode-escape-grammar.js';

/**
 * Parses the `unicode-escape` escapes longer than `\` and one character (as CPython's `unicode-escape` codec reads them): `\<LF>`,
 * octal, `\x`, `\u`, `\U`, `\N{...}`, unknown ones, and a `\` at the end of the input. Error
 * ranges are CPython's (`_PyUnicode_DecodeUnicodeEscapeInternal`): a bad hex digit ends the
 * range before it, `\N{}` before the `}`, an unknown name after it. A name longer than
 * `MAX_NAME_LENGTH` is unknown without a look at the name table.
 *
 * `parse` returns the escape's code point or a status of `unicode-escape-grammar`, and leaves in
 * `end` the index after the escape (or after its error range) and in `reason` Python's reason
 * for a malformed or incomplete one.
 *
 * @example
 * ```ts
 * const parser = new EscapeSequenceParser();
 * parser.parse(new TextEncoder().encode('\\x41!'), 0, 0x78, false, undefined); // 0x41; parser.end is 4
 * ```
 */
export class EscapeSequenceParser {
  /** The index after the last escape parsed, or after its error range. */
  end = 0;
  /** Python's reason, when the last escape was malformed or incomplete. */
  reason = '';

  /**
   * Parses the escape at `start`.
   *
   * @param bytes - the input.
   * @param start - the index of the backslash.
   * @param kind - the byte after it, -1 at the end of the input.
   * @param final - whether no more bytes follow (then `\1` at the end is complete).
   * @param names - the `\N{...}` lookup, if loaded.
   * @returns the code point, or a status.
   */
  parse(
    bytes: Uint8Array,
    start: number,
    kind: number,
    final: boolean,
    names: UnicodeNameLookup | undefined,
  ): number {
    const index = start + 2;
    switch (kind) {
      case -1:
        return this.fail(INCOMPLETE, BACKSLASH_AT_END, bytes.length);
      case 0x0a: // \<LF>: a line continuation
        return this.ended(DROPPED, index);
      case 0x78: // \xhh
        return this.parseHex(bytes, index, 2, TRUNCATED_X);
      case 0x75: // \uXXXX
        return this.parseHex(bytes, index, 4, TRUNCATED_U);
      case 0x55: // \UXXXXXXXX
        return this.parseHex(bytes, index, 8, TRUNCATED_BIG_U);
      case 0x4e: // \N{NAME}
        return this.parseName(bytes, index, names);
      default:
        if (kind >= 0x30 && kind <= 0x37) return this.parseOctal(bytes, index, kind, final);
        return this.ended(KEPT, index);
    }
  }

  /** `\o`, `\oo`, `\ooo`: incomplete at the end of the input unless it has 3 digits or is final. */
  private parseOctal(bytes: Uint8Array, index: number, first: number, final: boolean): number {
    let value = first - 0x30;
    for (let digits = 1; digits < 3; digits++, index++) {
      const byte = bytes[index];
      if (byte === undefined) return final ? this.ended(value, index) : INCOMPLETE;
      if (byte < 0x30 || byte > 0x37) break;
      value = value * 8 + byte - 0x30;
    }
    return this.ended(value, index);
  }

  private parseHex(bytes: Uint8Array, index: number, count: number, reason: string): number {
    let value = 0;
    for (const end = index + count; index < end; index++) {
      const byte = bytes[index];
      if (byte === undefined) return this.fail(INCOMPLETE, reason, bytes.length);
      const digit = HEX_DIGIT_VALUES[byte] ?? -1;
      if (digit < 0) return this.fail(MALFORMED, reason, index);
      value = value * 16 + digit;
    }
    if (value > 0x10ffff) return this.fail(MALFORMED, ILLEGAL_CHARACTER, index);
    return this.ended(value, index);
  }

  private parseName(bytes: Uint8Array, index: number, names: UnicodeNameLookup | undefined) {
    const brace = bytes[index];
    if (brace === undefined) return this.fail(INCOMPLETE, MALFORMED_N, bytes.length);
    if (brace !== 0x7b) return this.fail(MALFORMED, MALFORMED_N, index);
    const close = bytes.indexOf(CLOSING_BRACE, index + 1);
    if (close < 0) return this.fail(INCOMPLETE, MALFORMED_N, bytes.length);
    if (close === index + 1) return this.fail(MALFORMED, MALFORMED_N, close);
    // No name is that long: unknown without the table (nor a copy of the name to look up).
    if (close - index - 1 > MAX_NAME_LENGTH) return this.fail(MALFORMED, UNKNOWN_NAME, close + 1);
    if (names === undefined) return NEEDS_NAMES;
    const codePoint = names(bytes, index + 1, close);
    if (codePoint < 0) return this.fail(MALFORMED, UNKNOWN_NAME, close + 1);
    return this.ended(codePoint, close + 1);
  }

  /** Records where the escape ends; returns its code point or status. */
  private ended(codePointOrStatus: number, end: number): number {
    this.end = end;
    return codePointOrStatus;
  }

  /** Records a fault's reason and where its error range ends; returns the status. */
  private fail(status: number, reason: string, end: number): number {
    this.reason = reason;
    return this.ended(status, end);
  }
}
