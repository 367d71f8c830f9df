/**
 * The first whole line of `buffer`, line end included, or `undefined` while it has no `\n`.
 *
 * A line ends at LF. CRLF stays whole because its CR comes before the LF, also when a chunk
 * boundary falls between them (the CR waits in the buffer for the LF). A lone CR is not a line
 * end: it is text, as it is to a terminal. (The WHATWG SSE parser also splits on a lone CR;
 * model output is not SSE framing, and splitting there would cut CRLFs at chunk boundaries.)
 *
 * @param buffer - text received and not yet emitted.
 * @returns the prefix of `buffer` up to and including its first `\n`.
 * @internal
 */
export function firstLine(buffer: string): string | undefined {
  const end = buffer.indexOf('\n');
  return end < 0 ? undefined : buffer.slice(0, end + 1);
}
