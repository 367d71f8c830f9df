import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { chunked, validUtf8 } from './byte-arbitraries.js';
import { decodeChunks, singleBytes, splitAt } from './decode-chunks.js';

const expectedText = (bytes: Uint8Array) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
/** A lone surrogate: a character broken at a chunk boundary would show one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('decodeText on valid UTF-8', () => {
  it('decodes to the same text for every chunking, in whole characters, never empty', () => {
    fc.assert(
      fc.property(
        validUtf8.chain((bytes) => fc.tuple(fc.constant(bytes), chunked(fc.constant(bytes)))),
        ([bytes, chunks]) => {
          const { emissions, error } = decodeChunks({ chunks, errors: 'strict' });
          expect(error).toBeNull();
          expect(emissions.join('')).toBe(expectedText(bytes));
          for (const text of emissions) {
            expect(text).not.toBe('');
            expect(text).not.toMatch(LONE_SURROGATE);
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('decodes every split in two and every single-byte split of all sequence lengths', () => {
    const text = 'a\u00e9\u20ac\ud83d\ude00\ufeff\u0800\uffff\u{10ffff}z';
    const bytes = new TextEncoder().encode(text);
    const chunkings = [
      singleBytes(bytes),
      ...Array.from({ length: bytes.length + 1 }, (_, cut) => splitAt(bytes, [cut])),
    ];
    for (const chunks of chunkings) {
      expect(decodeChunks({ chunks, errors: 'strict' }).emissions.join('')).toBe(text);
    }
  });
});
