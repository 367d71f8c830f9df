/**
 * Finds where pieces (lines, sentences, words) end while the text streams in, looking at each
 * character once: it remembers what it has read of the current piece instead of reading the
 * piece again when more text arrives.
 *
 * @internal
 */
export interface PieceScanner {
  /**
   * Reads `text` from `from` on, as the continuation of what it read since the last piece
   * ended.
   *
   * @param text - the next text.
   * @param from - where in `text` to start.
   * @returns the index in `text` just after the end of the current piece (at least `from`,
   * and then the piece is not empty: it began in earlier text), after which the scanner
   * starts a new piece; or -1 when the piece is not complete yet.
   */
  scan(text: string, from: number): number;
}
