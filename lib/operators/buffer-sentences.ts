import type { OperatorFunction } from 'rxjs';
import { regroupText } from './internal/regroup-text.js';
import { scanningSplitter } from './internal/scanning-splitter.js';
import { sentenceScanner } from './internal/sentence-scanner.js';

/**
 * Regroups text chunks into whole sentences, each emitted with its punctuation and the
 * whitespace after it as soon as the next sentence has begun; the rest is emitted when the
 * source ends.
 *
 * ```
 * source:            --'Hi. Pi is 3'--'.14! Ok'--|
 * bufferSentences(): --'Hi. '---------'Pi is 3.14! '--('Ok'|)
 * ```
 *
 * A sentence ends after:
 * - a run of `.` `!` `?` `…`, any closing quotes, brackets, `*` or `_` right after it, and
 *   whitespace, when the next character is not a lower-case letter. So `3.14` and `e.g. this`
 *   and `Wait… what` stay within one sentence; a `.` after a number alone at the start of a line
 *   (a list marker: `1. First`) is not an end;
 * - a run of CJK `。` `！` `？` (with its closers), whatever follows: `你好。我是` → `你好。`, `我是`;
 * - a line break: headings and list items are sentences of their own.
 *
 * The whitespace after the end belongs to the sentence that ends, so each sentence is emitted
 * when the first non-whitespace character after it arrives (or the source ends). There is no
 * abbreviation list: `Dr. Smith` is two sentences. Nothing is dropped or altered (joined, the
 * output equals the input) and the result does not depend on where chunks were split. Empty
 * strings are never emitted. On error, the unfinished sentence is emitted first, then the error.
 * Each character is read once (a code point split between two chunks is read whole), so the
 * work is linear in the text, however long a sentence and however small the chunks.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { bufferSentences } from 'rx-completions';
 *
 * of('Hello there. Pi', ' is 3.14! Bye').pipe(bufferSentences()).subscribe((s) => console.log(JSON.stringify(s)));
 * // "Hello there. ", "Pi is 3.14! ", "Bye"
 * ```
 *
 * @see {@link bufferLines} for lines.
 * @see {@link smoothText} to pace words or lines in time.
 * @returns an operator from text chunks to whole sentences.
 */
export function bufferSentences(): OperatorFunction<string, string> {
  return regroupText(() => scanningSplitter(sentenceScanner()));
}
