import fc from 'fast-check';

/** A text drawn from `alphabet` and the same text cut into chunks at arbitrary points. */
export interface ChunkedText {
  readonly text: string;
  readonly chunks: readonly string[];
}

/**
 * Texts made of `alphabet`'s pieces, each cut at arbitrary offsets (empty chunks included),
 * for "split at every boundary" properties.
 */
export function chunkedText(alphabet: readonly string[]): fc.Arbitrary<ChunkedText> {
  return fc
    .array(fc.constantFrom(...alphabet), { maxLength: 40 })
    .map((pieces) => pieces.join(''))
    .chain((text) =>
      fc
        .array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 })
        .map((cuts): ChunkedText => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const chunks: string[] = [];
          let start = 0;
          for (const cut of sorted) {
            chunks.push(text.slice(start, cut));
            start = cut;
          }
          chunks.push(text.slice(start));
          return { text, chunks };
        }),
    );
}
