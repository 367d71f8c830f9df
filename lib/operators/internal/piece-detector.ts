/**
 * Finds the first whole piece (line, sentence, word...) at the start of `buffer`.
 *
 * @param buffer - the text received and not yet emitted.
 * @returns a non-empty prefix of `buffer`, or `undefined` while no piece is complete.
 * @internal
 */
export type PieceDetector = (buffer: string) => string | undefined;
