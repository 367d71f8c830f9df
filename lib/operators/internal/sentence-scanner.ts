import { isSpace, LF } from './char-classes.js';
import type { PieceScanner } from './piece-scanner.js';

const codes = (chars: string): ReadonlySet<number> =>
  new Set(Array.from(chars, (char) => char.charCodeAt(0)));

/** `.` `!` `?` `…`: the end of a sentence in Latin script, when whitespace follows. */
const PUNCTUATION = codes('.!?…');
/** `。` `！` `？`: the end of a sentence in Chinese and Japanese, whatever follows. */
const CJK_PUNCTUATION = codes('。！？');
/** Closing quotes, brackets and Markdown emphasis that stay with the punctuation before them. */
const CLOSERS = codes(`"'”’)]}»*_`);
/** The same, plus the CJK closing brackets. */
const CJK_CLOSERS = codes(`"'”’)]}»*_」』）】〕》`);
const STARTS_LOWER_CASE = /^\p{Ll}/u;
const FULL_STOP = 0x2e;

/** Where the scanner is in a possible sentence end. */
const enum Phase {
  /** Looking for the punctuation or line break that starts an end. */
  Seeking,
  /** In the run of end punctuation. */
  Punctuation,
  /** In the closers after it. */
  Closers,
  /** In the whitespace after them: the end is complete at the next non-whitespace. */
  Space,
}

/** What the text since the last line break (or the start of the sentence) looks like. */
const enum LineStart {
  /** Spaces or tabs only (or nothing). */
  Blank,
  /** Spaces or tabs, then digits: a `.` now would be a list marker (`1. First`). */
  Number,
  /** Anything else. */
  Text,
}

function nextLineStart(state: LineStart, code: number): LineStart {
  if (code === LF) return LineStart.Blank;
  if (state === LineStart.Blank && (code === 0x20 || code === 0x09)) return LineStart.Blank;
  if (state !== LineStart.Text && code >= 0x30 && code <= 0x39) return LineStart.Number;
  return LineStart.Text;
}

/**
 * A scanner for sentences, reading each character once. A sentence ends after:
 * - a run of `.` `!` `?` `…` (not a `.` right after a number that is alone at the start of a
 *   line or of the sentence: a list marker), the closers right after it (quotes, brackets,
 *   `*`, `_`) and whitespace, when the next character is not a lower-case letter (Unicode
 *   `Ll`);
 * - a run of `。` `！` `？`, the closers right after it (CJK brackets too) and any whitespace,
 *   when the next character is none of these;
 * - a line break and the whitespace after it.
 *
 * The whitespace belongs to the sentence that ends, so the end is known only when the next
 * non-whitespace character has arrived. When a possible end turns out not to be one (`e.g.
 * this`), the scan goes on from the character that decided it, except that a line break in
 * the whitespace before it still ends the sentence there.
 *
 * @returns a new scanner (one per subscription).
 * @internal
 */
export function sentenceScanner(): PieceScanner {
  let phase = Phase.Seeking;
  let cjk = false;
  let lineBreak = false;
  let lineStart = LineStart.Blank;

  /** Whether the end in progress is complete at `code` (the first non-whitespace after it). */
  const endsBefore = (text: string, index: number, code: number): boolean => {
    if (lineBreak) return true;
    if (cjk) return !CJK_PUNCTUATION.has(code) && !CJK_CLOSERS.has(code);
    return !STARTS_LOWER_CASE.test(text.slice(index, index + 2));
  };

  /** Whether `code` continues the end in progress (or completes it, when it returns `'end'`). */
  const extend = (text: string, index: number, code: number): boolean | 'end' => {
    if (isSpace(code)) {
      phase = Phase.Space;
      lineBreak ||= code === LF;
      return true;
    }
    if (phase === Phase.Space) return endsBefore(text, index, code) ? 'end' : false;
    if (phase === Phase.Punctuation && (cjk ? CJK_PUNCTUATION : PUNCTUATION).has(code)) {
      return true;
    }
    if ((cjk ? CJK_CLOSERS : CLOSERS).has(code)) {
      phase = Phase.Closers;
      return true;
    }
    // After CJK punctuation, any other character ends the sentence, but another `。`.
    return cjk && !CJK_PUNCTUATION.has(code) ? 'end' : false;
  };

  const start = (code: number): void => {
    if (code === LF) {
      phase = Phase.Space;
      lineBreak = true;
    } else if (CJK_PUNCTUATION.has(code)) {
      phase = Phase.Punctuation;
      cjk = true;
    } else if (PUNCTUATION.has(code) && (code !== FULL_STOP || lineStart !== LineStart.Number)) {
      phase = Phase.Punctuation;
      cjk = false;
    }
  };

  return {
    scan(text, from) {
      for (let index = from; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (phase !== Phase.Seeking) {
          const extended = extend(text, index, code);
          if (extended === 'end') {
            phase = Phase.Seeking;
            lineBreak = false;
            lineStart = LineStart.Blank;
            return index;
          }
          if (!extended) {
            phase = Phase.Seeking;
            lineBreak = false;
          }
        }
        if (phase === Phase.Seeking) start(code);
        lineStart = nextLineStart(lineStart, code);
      }
      return -1;
    },
  };
}
