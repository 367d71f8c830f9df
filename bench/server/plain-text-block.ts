/** The size of the block the Aivvm bodies repeat: 1 MiB, a multiple of every write size. */
export const BLOCK_SIZE = 1024 * 1024;

/** Mostly English, as a model writes it, with some 2-, 3- and 4-byte UTF-8 sequences. */
const FRAGMENTS = [
  'The quick brown fox jumps over the lazy dog. ',
  'Here is the code you asked for:\n```ts\nconst answer = await completion$.pipe(toArray());\n```\n',
  'In summary, the Observable completes once the body ends. ',
  'Café, naïve, résumé — déjà vu. ',
  '日本語のテキストも少し。',
  'Done 🙂\n',
];

/** A plain-text block and how many UTF-16 code units it decodes to. */
export interface PlainTextBlock {
  /** Exactly {@link BLOCK_SIZE} bytes of UTF-8, ending on a character boundary. */
  readonly bytes: Buffer;
  /** Its length once decoded, in UTF-16 code units (what a JavaScript string counts). */
  readonly textLength: number;
}

/**
 * The block every Aivvm body repeats: the fragments in turn, padded with spaces to
 * {@link BLOCK_SIZE} bytes, so that repeating it stays valid UTF-8 (a character may still
 * straddle two writes, as on a real connection).
 *
 * @returns the block and its decoded length.
 */
export function plainTextBlock(): PlainTextBlock {
  return blockOf(FRAGMENTS);
}

/**
 * A block of ASCII alone (the first three fragments): English text and code, as most replies are.
 *
 * @returns the block and its decoded length (its byte length).
 */
export function asciiTextBlock(): PlainTextBlock {
  return blockOf(FRAGMENTS.slice(0, 3));
}

function blockOf(fragments: readonly string[]): PlainTextBlock {
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; ; index++) {
    const fragment = fragments[index % fragments.length] ?? '';
    const size = Buffer.byteLength(fragment);
    if (bytes + size > BLOCK_SIZE) break;
    parts.push(fragment);
    bytes += size;
  }
  parts.push(' '.repeat(BLOCK_SIZE - bytes));
  const text = parts.join('');
  return { bytes: Buffer.from(text), textLength: text.length };
}
