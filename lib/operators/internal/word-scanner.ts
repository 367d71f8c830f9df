import { isSpace } from './char-classes.js';
import type { PieceScanner } from './piece-scanner.js';

const LEADING_SPACE = 0;
const WORD = 1;
const TRAILING_SPACE = 2;

/**
 * A scanner for `smoothText`'s `'word'` pieces: the whitespace before a word (if any), the
 * word, and the whitespace after it received so far — what the RegExp `\S+\s+` (the Vercel AI
 * SDK's `word`) matches at the start of the buffer, the text before the match included. A
 * piece is complete as soon as the first whitespace after a word arrives.
 *
 * @returns a new scanner (one per subscription).
 * @internal
 */
export function wordScanner(): PieceScanner {
  let state = LEADING_SPACE;
  return {
    scan(text, from) {
      for (let index = from; index < text.length; index++) {
        const space = isSpace(text.charCodeAt(index));
        if (state === TRAILING_SPACE) {
          if (!space) {
            state = LEADING_SPACE;
            return index;
          }
        } else if (!space) state = WORD;
        else if (state === WORD) state = TRAILING_SPACE;
      }
      if (state !== TRAILING_SPACE) return -1;
      state = LEADING_SPACE;
      return text.length;
    },
  };
}
