import type { OperatorFunction } from 'rxjs';
import { lineScanner } from './internal/line-scanner.js';
import { regroupText } from './internal/regroup-text.js';
import { scanningSplitter } from './internal/scanning-splitter.js';

/**
 * Regroups text chunks into whole lines, each emitted with its line end as soon as it is
 * complete; the last line, if it has no line end, is emitted when the source ends.
 *
 * ```
 * source:        --'a\nb'--'c\r'--'\nd'--|
 * bufferLines(): --'a\n'---------'bc\r\n'--('d'|)
 * ```
 *
 * Nothing is dropped or altered: joined, the output equals the input. A line ends at LF and
 * keeps it; a CRLF is never split, even when a chunk boundary falls between CR and LF; a lone
 * CR is text, not a line end. One chunk may give several lines (emitted one by one) and a line
 * may span many chunks. Empty strings are never emitted. On error, the unfinished line
 * received so far is emitted first, then the error (as everywhere in this package, nothing
 * that arrived is lost). Unlike RxJS's `buffer*` operators, it emits strings, not arrays.
 * Each character is read once and copied once, so the work is linear in the text, however
 * long a line and however small the chunks.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { bufferLines } from 'rx-completions';
 *
 * of('# Ti', 'tle\n- one\n- t', 'wo').pipe(bufferLines()).subscribe((line) => console.log(JSON.stringify(line)));
 * // "# Title\n", "- one\n", "- two"
 * ```
 *
 * @see {@link bufferSentences} for sentences (text-to-speech).
 * @see {@link smoothText} with `chunking: 'line'` to pace lines in time.
 * @returns an operator from text chunks to whole lines.
 */
export function bufferLines(): OperatorFunction<string, string> {
  return regroupText(() => scanningSplitter(lineScanner(false)));
}
