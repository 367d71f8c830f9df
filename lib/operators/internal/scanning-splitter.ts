import { isHighSurrogate } from './char-classes.js';
import type { PieceScanner } from './piece-scanner.js';
import { scanSteps } from './scan-steps.js';
import type { TextSplitter } from './text-splitter.js';

/**
 * A splitter that regroups text in linear time: the text after the last piece is kept as a
 * list of fragments, `scanner` reads each new chunk once, and the fragments are joined only
 * when a piece is complete (each character is copied once). Concatenating the buffer and
 * searching it again for every chunk would be quadratic in the length of a piece.
 *
 * A chunk's last code unit, when it is a high surrogate, is read with the next chunk, so that
 * the scanner always sees whole code points.
 *
 * @param scanner - finds the piece ends; a new one per subscription.
 * @returns the splitter.
 * @internal
 */
export function scanningSplitter(scanner: PieceScanner): TextSplitter {
  let fragments: string[] = [];
  let heldBack = '';
  return {
    push(chunk) {
      let text = heldBack + chunk;
      heldBack = '';
      if (text !== '' && isHighSurrogate(text.charCodeAt(text.length - 1))) {
        heldBack = text.slice(-1);
        text = text.slice(0, -1);
      }
      const pieces: string[] = [];
      let from = 0;
      for (let end = scanner.scan(text, from); end >= 0; end = scanner.scan(text, from)) {
        scanSteps.count += end + 1 - from;
        fragments.push(text.slice(from, end));
        pieces.push(fragments.join(''));
        fragments = [];
        from = end;
      }
      scanSteps.count += text.length - from;
      if (from < text.length) fragments.push(from === 0 ? text : text.slice(from));
      return pieces;
    },
    flush() {
      const rest = fragments.join('') + heldBack;
      fragments = [];
      heldBack = '';
      return rest;
    },
  };
}
