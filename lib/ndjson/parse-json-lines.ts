import type { OperatorFunction } from 'rxjs';
import { StreamError } from '../errors/stream-error.js';
import { operate } from '../operators/internal/operate.js';

/** The default bound on one line of JSON: 1 MiB of text. */
export const DEFAULT_MAX_LINE_SIZE = 1024 * 1024;

/** Options of {@link parseJsonLines}. */
export interface ParseJsonLinesOptions {
  /** The provider, for error messages. */
  readonly provider: string;
  /**
   * The most characters one line may hold (its line end not counted); past it the stream
   * errors with a `StreamError` of kind `event-too-large` instead of growing memory.
   * @default 1048576
   */
  readonly maxLineSize?: number;
}

/** One line's text without its line end: `\n`, or `\r\n` (a lone `\r` is kept as text). */
const withoutLineEnd = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** A line of JSON's own whitespace only (RFC 8259: space, tab, CR; LF ends the line). */
const BLANK = /^[ \t\r]*$/;

function parseLine(line: string, provider: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'a line is not JSON',
      excerpt: line,
    });
  }
}

/**
 * Parses newline-delimited JSON (NDJSON, JSON Lines: one JSON text per line, as RFC 8259
 * encodes it) into the values of its lines, as Ollama streams its replies.
 *
 * - Lines end with `\n`; a `\r` before it is dropped, so `\r\n` works too. Text may be split
 *   anywhere across chunks (decode the bytes with `decodeUtf8()` first, which keeps a
 *   character split across chunks whole).
 * - Blank lines (only spaces, tabs or a `\r`) are skipped; the last line counts even without a
 *   line end.
 * - A line that is not JSON is a `StreamError` (`invalid-json`), emitted after every value of
 *   the lines before it.
 * - A line longer than `maxLineSize` characters is a `StreamError` (`event-too-large`), raised
 *   as soon as that many characters are buffered without a line end: memory stays bounded.
 *
 * The fragments of an unfinished line are kept in a list and only new text is scanned for a
 * line end, so the cost is linear in the input however it is chunked.
 *
 * @param options - the provider's name and the line bound.
 * @returns an operator from text to the parsed value of each line.
 * @throws RangeError at once when `maxLineSize` is not a positive integer.
 * @example
 * ```ts
 * bytes$.pipe(decodeUtf8(), parseJsonLines({ provider: 'Ollama' }));
 * // '{"a":1}\n{"a"' + ':2}\n' → { a: 1 }, { a: 2 }
 * ```
 */
export function parseJsonLines(options: ParseJsonLinesOptions): OperatorFunction<string, unknown> {
  const { provider } = options;
  const maxLineSize = options.maxLineSize ?? DEFAULT_MAX_LINE_SIZE;
  if (!Number.isSafeInteger(maxLineSize) || maxLineSize < 1) {
    throw new RangeError(`maxLineSize must be a positive integer, got ${String(maxLineSize)}`);
  }
  const tooLarge = (): StreamError =>
    new StreamError({
      kind: 'event-too-large',
      provider,
      detail: `a line exceeded ${String(maxLineSize)} characters`,
    });
  return operate<string, unknown>((destination) => {
    let fragments: string[] = [];
    let buffered = 0;
    const emitLine = (line: string): void => {
      const text = withoutLineEnd(line);
      // A `\r` that ended the line is not part of it: the bound counts the line's own text.
      if (text.length > maxLineSize) throw tooLarge();
      if (BLANK.test(text)) return;
      destination.next(parseLine(text, provider));
    };
    return {
      next: (text) => {
        let start = 0;
        let end = text.indexOf('\n');
        while (end >= 0 && !destination.closed) {
          fragments.push(text.slice(start, end));
          const line = fragments.join('');
          fragments = [];
          buffered = 0;
          emitLine(line);
          start = end + 1;
          end = text.indexOf('\n', start);
        }
        if (start >= text.length) return;
        const rest = text.slice(start);
        fragments.push(rest);
        buffered += rest.length;
        // One character more than the bound may be the `\r` of a `\r\n` still to come.
        if (buffered > maxLineSize + 1) throw tooLarge();
      },
      complete: () => {
        const last = fragments.join('');
        fragments = [];
        emitLine(last);
        destination.complete();
      },
    };
  });
}
