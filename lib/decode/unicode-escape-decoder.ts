import { codeUnitsToString } from './code-units-to-string.js';
import { EscapeSequenceParser } from './escape-sequence-parser.js';
import type { UnicodeNameLookup } from './names/unicode-name-lookup.js';
import {
  BACKSLASH,
  DROPPED,
  INCOMPLETE,
  KEPT,
  NEEDS_NAMES,
  SINGLE_CHARACTER_ESCAPES,
} from './unicode-escape-grammar.js';

const REPLACEMENT_CHARACTER = 0xfffd;
/** Plain bytes in a row after which the rest of the run is copied in one native call. */
const LONG_RUN = 16;

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

/**
 * Decodes bytes as Python's `bytes.decode('unicode-escape', errors)` does, to the letter
 * (CPython's codec), except that, unless `final`, a trailing escape more bytes could complete is left
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
 * The text is built in a reused buffer of code units, made a string in one native call.
 *
 * @example
 * ```ts
 * const decoder = new UnicodeEscapeDecoder(false);
 * decoder.decode(new TextEncoder().encode('caf\\xe9 \\u20'), false, undefined);
 * // { text: 'café ', end: 8, fault: undefined }
 * ```
 */
export class UnicodeEscapeDecoder {
  private units = new Uint16Array(0); // grows on first use: UTF-8 streams never need it
  private readonly loneSurrogates: number[] = [];
  private readonly escapes = new EscapeSequenceParser();

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
    // No escape makes more code units than it has bytes: `bytes.length` units are enough.
    if (this.units.length < bytes.length) {
      this.units = new Uint16Array(Math.max(bytes.length, this.units.length * 2));
    }
    const units = this.units;
    const loneSurrogates = this.loneSurrogates;
    loneSurrogates.length = 0;
    const end = bytes.length;
    let length = 0;
    let index = 0;
    let plainRun = 0;
    while (index < end) {
      const byte = bytes[index] ?? 0;
      if (byte !== BACKSLASH) {
        units[length++] = byte; // Latin-1: the code unit of the same value
        index++;
        if (++plainRun === LONG_RUN) {
          // A long run of plain bytes: find its end and copy the rest of it natively.
          const backslash = bytes.indexOf(BACKSLASH, index);
          const runEnd = backslash < 0 ? end : backslash;
          units.set(bytes.subarray(index, runEnd), length);
          length += runEnd - index;
          index = runEnd;
        }
        continue;
      }
      plainRun = 0;
      const kind = bytes[index + 1] ?? -1;
      const single = SINGLE_CHARACTER_ESCAPES[kind] ?? -1;
      if (single >= 0) {
        units[length++] = single;
        index += 2;
        continue;
      }
      const codePoint = this.escapes.parse(bytes, index, kind, final, names);
      if (codePoint > 0xffff) {
        units[length++] = 0xd7c0 + (codePoint >> 10);
        units[length++] = 0xdc00 + (codePoint & 0x3ff);
      } else if (codePoint >= 0) {
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) loneSurrogates.push(length);
        units[length++] = codePoint;
      } else if (codePoint === KEPT) {
        units[length++] = BACKSLASH;
        units[length++] = kind;
      } else if (codePoint === NEEDS_NAMES) {
        return NAMES_REQUIRED;
      } else if (codePoint === INCOMPLETE && !final) {
        return this.result(length, index, undefined);
      } else if (codePoint !== DROPPED) {
        if (!this.replace) return this.result(length, index, this.escapes.reason);
        units[length++] = REPLACEMENT_CHARACTER;
      }
      index = this.escapes.end;
    }
    return this.result(length, end, undefined);
  }

  private result(length: number, end: number, faultReason: string | undefined) {
    const text = codeUnitsToString(this.units, length, this.loneSurrogates);
    const fault = faultReason === undefined ? undefined : { reason: faultReason, start: end };
    return { text, end, fault };
  }
}
