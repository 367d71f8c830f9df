import { scanSteps } from './scan-steps.js';
import type { TextSplitter } from './text-splitter.js';

/**
 * Finds the first whole piece (line, sentence, word...) at the start of `buffer`.
 *
 * @param buffer - the text received and not yet emitted.
 * @returns a non-empty prefix of `buffer`, or `undefined` while no piece is complete.
 * @internal
 */
export type PieceDetector = (buffer: string) => string | undefined;

/**
 * A splitter for a detector that reads the whole buffer (a caller's RegExp or function): each
 * chunk is appended to the buffer and `detect` is called on it, then again on the rest after
 * each piece it finds. The cost of a chunk is that of `detect` on the buffer, so it stays
 * linear in the input only while pieces are short; the built-in pieces use a
 * `PieceScanner` instead.
 *
 * @param detect - finds the first whole piece of the buffer; an empty string counts as none.
 * @returns the splitter.
 * @internal
 */
export function detectingSplitter(detect: PieceDetector): TextSplitter {
  let buffer = '';
  const detectCounted = (text: string) => {
    scanSteps.count += text.length;
    return detect(text);
  };
  return {
    push(chunk) {
      buffer += chunk;
      const pieces: string[] = [];
      for (let piece = detectCounted(buffer); piece; piece = detectCounted(buffer)) {
        pieces.push(piece);
        buffer = buffer.slice(piece.length);
      }
      return pieces;
    },
    flush() {
      const rest = buffer;
      buffer = '';
      return rest;
    },
  };
}
