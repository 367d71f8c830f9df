/**
 * A text with one layer of encoding undone, and where each of its characters came from, so
 * that what is found in it can be cut out of the original.
 */
export interface DecodedView {
  /** The decoded text, ASCII letters lower-cased (secrets are matched regardless of case). */
  readonly text: string;
  /**
   * `starts[i]` is where the i-th decoded character starts in the original text;
   * `starts[text.length]` is the original's length.
   */
  readonly starts: readonly number[];
}

/** How a text may have been encoded around a secret. */
export type TextEncoding = 'plain' | 'json' | 'percent' | 'form';

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Lower-cases ASCII letters only, so that the text keeps its length (and its indexes).
 *
 * @param text - any text.
 * @returns the text with `A`–`Z` as `a`–`z`.
 * @example
 * ```ts
 * foldAsciiCase('SK-Ab/É'); // 'sk-ab/É'
 * ```
 */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** The escape at `index` and its length, or `undefined` when there is none. */
function escapeAt(
  text: string,
  index: number,
  encoding: TextEncoding,
): [string, number] | undefined {
  const char = text[index];
  if (encoding === 'json' && char === '\\') {
    const next = text[index + 1] ?? '';
    const simple = JSON_ESCAPES[next];
    if (simple !== undefined) return [simple, 2];
    const hex = text.slice(index + 2, index + 6);
    if (next === 'u' && /^[\da-f]{4}$/i.test(hex))
      return [String.fromCharCode(parseInt(hex, 16)), 6];
    return undefined;
  }
  if ((encoding === 'percent' || encoding === 'form') && char === '%') {
    const hex = text.slice(index + 1, index + 3);
    if (/^[0-7][\da-f]$/i.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 3];
  }
  if (encoding === 'form' && char === '+') return [' ', 1];
  return undefined;
}

/**
 * `text` with one encoding undone: JSON string escapes (RFC 8259 §7: `\"`, `\/`, `\uXXXX`...),
 * percent-encoding of ASCII characters (RFC 3986 §2.1), and for `form` also `+` as a space
 * (the WHATWG `application/x-www-form-urlencoded` parser). `plain` undoes nothing.
 *
 * @param text - the text as it is.
 * @param encoding - the layer to undo.
 * @returns the decoded, case-folded text and the map back to the original.
 * @example
 * ```ts
 * decodedView('a\\/b', 'json'); // { text: 'a/b', starts: [0, 1, 3, 4] }
 * ```
 */
export function decodedView(text: string, encoding: TextEncoding): DecodedView {
  const starts: number[] = [];
  let decoded = '';
  let index = 0;
  while (index < text.length) {
    starts.push(index);
    const escape = encoding === 'plain' ? undefined : escapeAt(text, index, encoding);
    decoded += escape?.[0] ?? text.charAt(index);
    index += escape?.[1] ?? 1;
  }
  starts.push(text.length);
  return { text: foldAsciiCase(decoded), starts };
}
