/**
 * ASCII characters that never occur in a character name (`[A-Z0-9 -]`) and need no escaping in a
 * template literal: a word's code starts with one of them, so codes and plain words never mix up.
 */
const CODE_STARTS = '!"#%&\'()*+,./:;<=>?@[]^_abcdefghijklmnopqrstuvwxyz{|}~';
/** The first this many words have one-character codes; the rest, two characters. */
const ONE_CHARACTER_CODES = 24;
/** The second character of a two-character code, from the printable ASCII safe in a template literal. */
const CODE_SECONDS = Array.from({ length: 0x7f - 0x20 }, (_, index) =>
  String.fromCharCode(0x20 + index),
)
  .filter((character) => !'`\\$'.includes(character))
  .join('');

/** How many words can have a code. */
export const MAX_CODED_WORDS =
  ONE_CHARACTER_CODES + (CODE_STARTS.length - ONE_CHARACTER_CODES) * CODE_SECONDS.length;

/** The code of the `index`-th word: one ASCII character for the first ones, then two. */
function wordCode(index: number): string {
  if (index < ONE_CHARACTER_CODES) return CODE_STARTS.charAt(index);
  const rest = index - ONE_CHARACTER_CODES;
  return (
    CODE_STARTS.charAt(ONE_CHARACTER_CODES + Math.floor(rest / CODE_SECONDS.length)) +
    CODE_SECONDS.charAt(rest % CODE_SECONDS.length)
  );
}

/**
 * Codes character names compactly and in plain ASCII (so that bundlers keep them as they are):
 * every word followed by a space, but each word of a dictionary, with its space, as a code of one
 * or two characters. The coding is one-to-one on names made of `[A-Z0-9 -]`, so the generated
 * table keeps names coded, and a name is looked up by its code: nothing is decoded at load.
 *
 * The generator (`scripts/generate-unicode-names.ts`) and the lookup share this class.
 *
 * @example
 * ```ts
 * const coder = new NameCoder(['LATIN', 'LETTER']);
 * coder.code('LATIN SMALL LETTER A'); // '!SMALL "A '
 * ```
 */
export class NameCoder {
  private readonly codes: Map<string, string>;

  /** @param words - the dictionary, most valuable first (at most {@link MAX_CODED_WORDS}). */
  constructor(words: readonly string[]) {
    if (words.length > MAX_CODED_WORDS) throw new RangeError('Too many words to code');
    this.codes = new Map(words.map((word, index) => [word, wordCode(index)]));
  }

  /** The coded form of a name of `[A-Z0-9 -]`. */
  code(name: string): string {
    let coded = '';
    for (const word of name.split(' ')) coded += this.codes.get(word) ?? `${word} `;
    return coded;
  }
}
