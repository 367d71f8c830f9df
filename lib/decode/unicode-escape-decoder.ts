import { CodeUnitBuffer } from './code-unit-buffer.js';
import type { UnicodeNameLookup } from './names/unicode-name-lookup.js';

/** Python's reasons, word for word (CPython `_PyUnicode_DecodeUnicodeEscapeInternal`). */
const BACKSLASH_AT_END = '\\ at end of string';
const TRUNCATED_X = 'truncated \\xXX escape';
const TRUNCATED_U = 'truncated \\uXXXX escape';
const TRUNCATED_BIG_U = 'truncated \\UXXXXXXXX escape';
const ILLEGAL_CHARACTER = 'illegal Unicode character';
const MALFORMED_N = 'malformed \\N character escape';
const UNKNOWN_NAME = 'unknown Unicode character name';

const BACKSLASH = 0x5c;
const REPLACEMENT_CHARACTER = 0xfffd;

/** What {@link UnicodeEscapeDecoder.decode} returns when a `\N{...}` needs the name table. */
export const NAMES_REQUIRED = Symbol('names required');

/** A malformed escape: Python's reason and the index of its backslash. */
export interface UnicodeEscapeFault {
  readonly reason: string;
  readonly start: number;
}

/** The outcome of one {@link UnicodeEscapeDecoder.decode} call. */
export interface UnicodeEscapeResult {
  /** The decoded text: with a fault, the text before the malformed escape. */
  readonly text: string;
  /** Where the undecoded trailing escape starts; the input's length when there is none. */
  readonly end: number;
  /** The malformed escape that stopped a strict decode. */
  readonly fault: UnicodeEscapeFault | undefined;
}

/** What an escape decoded to, when it is not the index after it. */
const INCOMPLETE = -1;
const MALFORMED = -2;
const NEEDS_NAMES = -3;

/** By byte: what `\` and that byte decode to, for the one-character escapes; else -1. */
const SINGLE_CHARACTER_ESCAPES = /* @__PURE__ */ byteTable({
  '\\': 0x5c,
  "'": 0x27,
  '"': 0x22,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
});

/** By byte: the value of a hex digit; else -1. */
const HEX_DIGIT_VALUES = /* @__PURE__ */ byteTable(
  Object.fromEntries(
    [...'0123456789abcdef'].flatMap((digit, value) => [
      [digit, value],
      [digit.toUpperCase(), value],
    ]),
  ),
);

/** A table from byte to value, -1 for the bytes not in `entries` (keys are ASCII characters). */
function byteTable(entries: Readonly<Record<string, number>>): Int32Array {
  const table = new Int32Array(256).fill(-1);
  for (const [character, value] of Object.entries(entries)) table[character.charCodeAt(0)] = value;
  return table;
}

/**
 * Decodes bytes as Python's `bytes.decode('unicode-escape', errors)` does, to the letter
 * (SPEC §3), except that, unless `final`, a trailing escape more bytes could complete is left
 * undecoded: a lone `\`, `\x`/`\u`/`\U` short of digits, `\N` or `\N{...` without `}`, and `\`
 * with one or two octal digits.
 *
 * Escapes: `\\ \' \" \a \b \f \n \r \t \v`, `\<LF>` (dropped), octal `\o` to `\ooo` (up to
 * U+01FF), `\xhh`, `\uXXXX`, `\UXXXXXXXX` (above U+10FFFF is illegal), `\N{NAME}`; an unknown
 * escape (`\q`, `\8`, `\` and a byte of 0x80 or more) keeps its backslash; every other byte is
 * the code point of the same value (Latin-1). A lone surrogate (`\ud800`) passes through.
 *
 * With `replace`, each malformed escape becomes U+FFFD over exactly CPython's error range
 * (`\xZZ` is U+FFFD then `ZZ`; `\N{}` is U+FFFD then `}`); otherwise decoding stops at the first
 * one and reports it.
 *
 * @example
 * ```ts
 * const decoder = new UnicodeEscapeDecoder(false);
 * decoder.decode(new TextEncoder().encode('caf\\xe9 \\u20'), false, undefined);
 * // { text: 'café ', end: 6, fault: undefined }
 * ```
 */
export class UnicodeEscapeDecoder {
  private readonly output = new CodeUnitBuffer();
  /** The reason and end of the last malformed or incomplete escape. */
  private faultReason = '';
  private faultEnd = 0;

  /** @param replace - replace malformed escapes with U+FFFD instead of stopping. */
  constructor(private readonly replace: boolean) {}

  /**
   * Decodes `bytes`.
   *
   * @param bytes - the bytes, all of them decoded (but a trailing escape unless `final`).
   * @param final - whether no more bytes follow, so that a truncated escape is malformed.
   * @param names - the `\N{...}` lookup; without it, a named escape returns `NAMES_REQUIRED`.
   * @returns the text, the end of what was decoded and the fault, or `NAMES_REQUIRED`.
   */
  decode(
    bytes: Uint8Array,
    final: boolean,
    names: UnicodeNameLookup | undefined,
  ): UnicodeEscapeResult | typeof NAMES_REQUIRED {
    const output = this.output;
    output.reset(bytes.length);
    let index = 0;
    for (;;) {
      const byte = bytes[index];
      if (byte === undefined) break;
      if (byte !== BACKSLASH) {
        output.push(byte);
        index++;
        continue;
      }
      const single = SINGLE_CHARACTER_ESCAPES[bytes[index + 1] ?? BACKSLASH] ?? -1;
      if (single >= 0 && index + 1 < bytes.length) {
        output.push(single);
        index += 2;
        continue;
      }
      const next = this.decodeEscape(bytes, index, final, names);
      if (next >= 0) {
        index = next;
        continue;
      }
      if (next === NEEDS_NAMES) return NAMES_REQUIRED;
      if (next === INCOMPLETE && !final)
        return { text: output.take(), end: index, fault: undefined };
      if (!this.replace) {
        return {
          text: output.take(),
          end: index,
          fault: { reason: this.faultReason, start: index },
        };
      }
      output.push(REPLACEMENT_CHARACTER);
      index = this.faultEnd;
    }
    return { text: output.take(), end: bytes.length, fault: undefined };
  }

  /** Decodes the escape at `start` into the output; returns the index after it, or a status. */
  private decodeEscape(
    bytes: Uint8Array,
    start: number,
    final: boolean,
    names: UnicodeNameLookup | undefined,
  ): number {
    const kind = bytes[start + 1];
    if (kind === undefined) return this.fail(INCOMPLETE, BACKSLASH_AT_END, bytes.length);
    const output = this.output;
    const index = start + 2;
    switch (kind) {
      case 0x0a: // \<LF>: a line continuation, dropped
        return index;
      case 0x78: // \xhh
        return this.decodeHex(bytes, index, 2, TRUNCATED_X);
      case 0x75: // \uXXXX
        return this.decodeHex(bytes, index, 4, TRUNCATED_U);
      case 0x55: // \UXXXXXXXX
        return this.decodeHex(bytes, index, 8, TRUNCATED_BIG_U);
      case 0x4e: // \N{NAME}
        return this.decodeName(bytes, index, names);
      default:
        if (kind >= 0x30 && kind <= 0x37) return this.decodeOctal(bytes, index, kind, final);
        output.push(BACKSLASH); // an unknown escape is kept as it is
        output.push(kind);
        return index;
    }
  }

  /** `\o`, `\oo`, `\ooo`: incomplete at the end of the input unless it has 3 digits or is final. */
  private decodeOctal(bytes: Uint8Array, index: number, first: number, final: boolean): number {
    let value = first - 0x30;
    for (let digits = 1; digits < 3; digits++, index++) {
      const byte = bytes[index];
      if (byte === undefined) {
        if (final) break;
        return INCOMPLETE;
      }
      if (byte < 0x30 || byte > 0x37) break;
      value = value * 8 + byte - 0x30;
    }
    this.output.push(value);
    return index;
  }

  private decodeHex(bytes: Uint8Array, index: number, count: number, reason: string): number {
    let value = 0;
    for (let end = index + count; index < end; index++) {
      const byte = bytes[index];
      if (byte === undefined) return this.fail(INCOMPLETE, reason, bytes.length);
      const digit = HEX_DIGIT_VALUES[byte] ?? -1;
      if (digit < 0) return this.fail(MALFORMED, reason, index);
      value = value * 16 + digit;
    }
    if (value > 0x10ffff) return this.fail(MALFORMED, ILLEGAL_CHARACTER, index);
    this.output.pushCodePoint(value);
    return index;
  }

  private decodeName(bytes: Uint8Array, index: number, names: UnicodeNameLookup | undefined) {
    const brace = bytes[index];
    if (brace === undefined) return this.fail(INCOMPLETE, MALFORMED_N, bytes.length);
    if (brace !== 0x7b) return this.fail(MALFORMED, MALFORMED_N, index);
    const close = bytes.indexOf(0x7d, index + 1);
    if (close < 0) return this.fail(INCOMPLETE, MALFORMED_N, bytes.length);
    if (close === index + 1) return this.fail(MALFORMED, MALFORMED_N, close);
    if (names === undefined) return NEEDS_NAMES;
    const codePoint = names(bytes, index + 1, close);
    if (codePoint < 0) return this.fail(MALFORMED, UNKNOWN_NAME, close + 1);
    this.output.pushCodePoint(codePoint);
    return close + 1;
  }

  /** Records a fault's reason and where its error range ends; returns the status. */
  private fail(status: number, reason: string, end: number): number {
    this.faultReason = reason;
    this.faultEnd = end;
    return status;
  }
}
