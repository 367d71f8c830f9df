import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { StreamError } from '../../lib/errors/stream-error.js';
import { parseJsonLines } from '../../lib/ndjson/parse-json-lines.js';
import { decodeUtf8 } from '../../lib/sse/decode-utf8.js';
import { itHonoursTheOperatorContract } from '../operators/support/operator-contract.js';
import { collect } from '../support/collect.js';

const provider = 'Ollama';
const encoder = new TextEncoder();

/** Cuts `bytes` at the given points (taken modulo its length, sorted, deduplicated). */
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

const parseText = (chunks: readonly string[], maxLineSize?: number) =>
  collect(from(chunks).pipe(parseJsonLines({ provider, ...(maxLineSize ? { maxLineSize } : {}) })));

describe('parseJsonLines', () => {
  itHonoursTheOperatorContract({
    operator: () => parseJsonLines({ provider }),
    valueAt: (index) => `{"n":${String(index)}}\n`,
    poison: 'not json\n',
  });

  it('parses one value per line, \\n or \\r\\n, the last line without a line end too', async () => {
    const result = await parseText(['{"a":1}\n{"a":2}\r\n{"a"', ':3}']);
    expect(result.values).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(result.completed).toBe(true);
  });

  it('skips blank lines (spaces, tabs, \\r) and an empty body', async () => {
    expect((await parseText(['\n \t\r\n{"a":1}\n\n', '\r\n'])).values).toEqual([{ a: 1 }]);
    expect(await parseText([])).toEqual({ values: [], completed: true });
  });

  it('gives the same values for every split of the bytes, inside a line or a character', async () => {
    const lines = [{ text: 'Привет 👋' }, { text: 'mundo ñ', done: false }, { done: true }];
    const bytes = encoder.encode(lines.map((line) => `${JSON.stringify(line)}\r\n`).join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (points) => {
        const values = await lastValueFrom(
          from(cut(bytes, points)).pipe(decodeUtf8(), parseJsonLines({ provider }), toArray()),
        );
        expect(values).toEqual(lines);
      }),
      { numRuns: 500 },
    );
    for (let size = 1; size <= bytes.length; size++) {
      const chunks = cut(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i * size),
      );
      const values = await lastValueFrom(
        from(chunks).pipe(decodeUtf8(), parseJsonLines({ provider }), toArray()),
      );
      expect(values).toEqual(lines);
    }
  });

  it('errors with invalid-json after every value of the lines before it', async () => {
    const result = await parseText(['{"a":1}\n{"a":2}\nnot json\n{"a":3}\n']);
    expect(result.values).toEqual([{ a: 1 }, { a: 2 }]);
    expect(result.error).toBeInstanceOf(StreamError);
    expect(result.error).toMatchObject({ kind: 'invalid-json', excerpt: 'not json' });
  });

  it('errors with invalid-json for a cut last line without a line end', async () => {
    const result = await parseText(['{"a":1}\n{"a":']);
    expect(result.values).toEqual([{ a: 1 }]);
    expect(result.error).toMatchObject({ kind: 'invalid-json' });
  });

  it('errors with event-too-large as soon as a line outgrows the bound, without waiting for its end', async () => {
    const result = await parseText(['{"a":1}\n', '"', 'x'.repeat(20)], 16);
    expect(result.values).toEqual([{ a: 1 }]);
    expect(result.error).toMatchObject({ kind: 'event-too-large' });
  });

  it('accepts a line of exactly maxLineSize characters, with \\r\\n split across chunks', async () => {
    const line = `"${'x'.repeat(14)}"`; // 16 characters
    expect((await parseText([`${line}\r`, '\n'], 16)).values).toEqual(['x'.repeat(14)]);
    expect((await parseText([`${line}x\n`], 16)).error).toMatchObject({ kind: 'event-too-large' });
  });

  it('refuses a maxLineSize that is not a positive integer when the operator is made', () => {
    expect(() => parseJsonLines({ provider, maxLineSize: 0 })).toThrow(RangeError);
    expect(() => parseJsonLines({ provider, maxLineSize: 1.5 })).toThrow(RangeError);
  });
});
