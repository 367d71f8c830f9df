import { detectingSplitter, type PieceDetector } from './detecting-splitter.js';
import { lineScanner } from './line-scanner.js';
import { scanningSplitter } from './scanning-splitter.js';
import type { TextSplitter } from './text-splitter.js';
import { wordScanner } from './word-scanner.js';

/**
 * Finds the first chunk of `buffer`, for `smoothText`'s `chunking` option.
 *
 * It is called with the whole text received since the last chunk, once for every incoming
 * chunk and once more after every chunk it finds. To stay linear in the text, its cost should
 * not grow with the buffer while no chunk is complete: return early when the buffer cannot
 * hold a whole chunk yet, or find the end with one fast search (`indexOf`). Otherwise the work
 * over a long chunk (a long word, a long line) grows with the square of its length. The
 * built-in `'word'` and `'line'` read each character once.
 *
 * @param buffer - the text received and not yet emitted.
 * @returns a non-empty prefix of `buffer`, or `undefined` (or `null`) while no chunk is complete.
 */
export type ChunkDetector = (buffer: string) => string | null | undefined;

/** How `smoothText` cuts text into chunks. */
export type SmoothTextChunking = 'word' | 'line' | RegExp | Intl.Segmenter | ChunkDetector;

function regExpDetector(pattern: RegExp): PieceDetector {
  // A stateless copy: `exec` on a global or sticky RegExp would start at its lastIndex.
  const stateless = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  return (buffer) => {
    const match = stateless.exec(buffer);
    return match === null ? undefined : buffer.slice(0, match.index + match[0].length);
  };
}

function segmenterDetector(segmenter: Intl.Segmenter): PieceDetector {
  return (buffer) => {
    // Segments up to the second word-like one: a word with the spaces and punctuation around
    // it. Without word-likeness (grapheme or sentence granularity), one segment. Complete
    // only when another segment follows, since the last one may still grow.
    let sawWord = false;
    for (const { index, isWordLike } of segmenter.segment(buffer)) {
      if (index > 0 && (isWordLike === undefined || (isWordLike && sawWord))) {
        return buffer.slice(0, index);
      }
      sawWord ||= isWordLike === true;
    }
    return undefined;
  };
}

function functionDetector(detect: ChunkDetector): PieceDetector {
  return (buffer) => {
    const chunk = detect(buffer);
    if (chunk === undefined || chunk === null) return undefined;
    if (chunk === '' || !buffer.startsWith(chunk)) {
      throw new TypeError(
        `smoothText: the chunking function must return a non-empty prefix of its buffer or undefined, got ${JSON.stringify(chunk)}`,
      );
    }
    return chunk;
  };
}

function isSegmenter(value: unknown): value is Intl.Segmenter {
  return (
    typeof value === 'object' &&
    value !== null &&
    'segment' in value &&
    typeof value.segment === 'function'
  );
}

/**
 * The splitter maker for a `smoothText` `chunking` option, built once when the operator is
 * created: `'word'` and `'line'` scan each character once; a RegExp, an `Intl.Segmenter` or a
 * function is given the whole text received since the last chunk (see {@link ChunkDetector}).
 *
 * @param chunking - `'word'`, `'line'`, a RegExp (the chunk runs to the end of its first match;
 * an empty match counts as none), an `Intl.Segmenter`, or a {@link ChunkDetector}.
 * @returns a function that makes one subscription's splitter.
 * @throws TypeError for anything else.
 * @internal
 */
export function textSplitterFor(chunking: unknown): () => TextSplitter {
  if (chunking === 'word') return () => scanningSplitter(wordScanner());
  if (chunking === 'line') return () => scanningSplitter(lineScanner(true));
  const detect = detectorFor(chunking);
  return () => detectingSplitter(detect);
}

function detectorFor(chunking: unknown): PieceDetector {
  if (chunking instanceof RegExp) return regExpDetector(chunking);
  if (typeof chunking === 'function') return functionDetector(chunking as ChunkDetector);
  if (isSegmenter(chunking)) return segmenterDetector(chunking);
  throw new TypeError(
    `smoothText: chunking must be 'word', 'line', a RegExp, an Intl.Segmenter or a function, got ${String(chunking)}`,
  );
}
