import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../lib/sse/decode-utf8.js';
import { itHonoursTheOperatorContract } from '../operators/support/operator-contract.js';

/** Cuts `bytes` at the given points (sorted, deduplicated). */
function cut(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const at = [...new Set(points.map((point) => point % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...at, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

const pieces = fc.oneof(
  fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text)),
  fc.constantFrom(
    Uint8Array.of(0xef, 0xbb, 0xbf),
    Uint8Array.of(0xe2, 0x82),
    Uint8Array.of(0xff),
    Uint8Array.of(0xed, 0xa0, 0x80),
    new TextEncoder().encode('data: {"a":"b"}\n\n'),
  ),
);
const streams = fc.array(pieces, { maxLength: 12 }).map((parts) => {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
});

describe('decodeUtf8', () => {
  itHonoursTheOperatorContract({
    operator: decodeUtf8,
    valueAt: (index) => new TextEncoder().encode(`chunk ${index}`),
    poison: {} as Uint8Array,
  });

  it('gives the text of one streaming TextDecoder for any chunking (ASCII fast path included)', async () => {
    await fc.assert(
      fc.asyncProperty(streams, fc.array(fc.nat(), { maxLength: 16 }), async (bytes, points) => {
        const expected = new TextDecoder().decode(bytes);
        const chunks = cut(bytes, points);
        const text = (await lastValueFrom(from(chunks).pipe(decodeUtf8(), toArray()))).join('');
        expect(text).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never emits an empty string', async () => {
    const chunks = [Uint8Array.of(0xe2), Uint8Array.of(0x82), Uint8Array.of(0xac)];
    expect(await lastValueFrom(from(chunks).pipe(decodeUtf8(), toArray()))).toEqual(['€']);
  });
});
