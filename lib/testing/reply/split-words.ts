/**
 * Splits text into word-ish pieces, each word with the whitespace after it, so a default reply
 * streams the way a model's tokens do; joining the pieces gives the text back.
 *
 * @param text - any text.
 * @returns the pieces (none for empty text).
 * @example
 * ```ts
 * splitWords('## Hi there\n'); // ['## ', 'Hi ', 'there\n']
 * ```
 */
export function splitWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/gu) ?? [];
}
