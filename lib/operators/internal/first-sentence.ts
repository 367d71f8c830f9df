/** Closing quotes, brackets and Markdown emphasis that stay with the punctuation before them. */
const CLOSERS = `"'”’)\\]}»*_`;
/** The same, plus the CJK closing brackets. */
const CJK_CLOSERS = `${CLOSERS}」』）】〕》`;

/**
 * Where a sentence ends. A match runs from the end punctuation to the last whitespace before
 * the next sentence; every alternative needs the next non-whitespace character, so a sentence
 * is only complete once the text after it has started (or the stream has ended).
 */
const SENTENCE_END = new RegExp(
  [
    // `.` `!` `?` `…`, not `.` after a list number alone at the start of a line (`1. `),
    // then closers and whitespace, then anything but a lower-case letter (`e.g. this`).
    `(?:(?<!(?:^|\\n)[ \\t]*\\d+)\\.|[!?…])[.!?…]*[${CLOSERS}]*\\s+(?=[^\\s\\p{Ll}])`,
    // CJK full-width `。` `！` `？`: a sentence end whatever follows. (The lookahead excludes
    // what the run could still grow by, so that the result does not depend on chunk ends.)
    `[。！？]+[${CJK_CLOSERS}]*\\s*(?=[^\\s。！？${CJK_CLOSERS}])`,
    // A line break (headings, list items, paragraphs).
    `\\n\\s*(?=\\S)`,
  ].join('|'),
  'u',
);

/**
 * The first whole sentence of `buffer`, with its punctuation and the whitespace after it, or
 * `undefined` while none is complete.
 *
 * A sentence ends after:
 * - a run of `.`, `!`, `?` or `…`, any closing quotes, brackets or `*`/`_` right after it, and
 *   whitespace, when the next word does not start with a lower-case letter — so `3.14`,
 *   `e.g. this` and `Wait… what` stay inside their sentence, and `Stop. Go` does not; a `.`
 *   after a number that starts a line (a list marker, `1. First`) is not an end either;
 * - a run of CJK `。`, `！` or `？` (and its closers), whatever follows;
 * - a line break.
 *
 * The whitespace after the end belongs to the sentence that ends, so a sentence is complete
 * only when the next non-whitespace character has arrived. Abbreviations before a capital
 * (`Dr. Smith`) are sentence ends: there is no abbreviation list.
 *
 * @param buffer - text received and not yet emitted.
 * @returns a prefix of `buffer`, or `undefined`.
 * @internal
 */
export function firstSentence(buffer: string): string | undefined {
  const match = SENTENCE_END.exec(buffer);
  return match === null ? undefined : buffer.slice(0, match.index + match[0].length);
}
