/**
 * One subscription's state of a text regrouping: takes text chunks, gives whole pieces.
 *
 * @internal
 */
export interface TextSplitter {
  /**
   * Takes the next chunk.
   *
   * @param chunk - text from the source.
   * @returns the pieces it completes, in order; never empty strings.
   */
  push(chunk: string): string[];
  /**
   * Takes the rest, when the source has ended.
   *
   * @returns the text received after the last piece (possibly empty), which is then forgotten.
   */
  flush(): string;
}
