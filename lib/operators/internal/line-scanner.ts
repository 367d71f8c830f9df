import { CR, LF } from './char-classes.js';
import type { PieceScanner } from './piece-scanner.js';

/**
 * A scanner for whole lines: a line ends at LF and keeps it.
 *
 * A CRLF stays whole because its CR comes before the LF, also when a chunk boundary falls
 * between them (the CR waits with its line for the LF). A lone CR is not a line end: it is
 * text, as it is to a terminal. (The WHATWG server-sent events parser also splits on a lone
 * CR; model output is not event-stream framing, and splitting there would cut CRLFs at chunk
 * boundaries.)
 *
 * With `blankLines`, the line breaks right after the LF that have been received with it
 * (`\n`, `\r\n`) belong to the line: what the RegExp `\n(?:\r?\n)*` (the Vercel AI SDK's
 * `line`) matches, the text before it included.
 *
 * @param blankLines - whether the blank lines received right after a line go with it.
 * @returns the scanner (it keeps no state: a line end is found in the chunk that brings it).
 * @internal
 */
export function lineScanner(blankLines: boolean): PieceScanner {
  return {
    scan(text, from) {
      const lineEnd = text.indexOf('\n', from);
      if (lineEnd < 0 || !blankLines) return lineEnd < 0 ? -1 : lineEnd + 1;
      let index = lineEnd + 1;
      for (; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === CR && text.charCodeAt(index + 1) === LF) index++;
        else if (code !== LF) break;
      }
      return index;
    },
  };
}
