/**
 * Bounds of `decodeText` on hostile bodies (Aivvm). What a chunk leaves pending must stay
 * small: a UTF-8 tail is at most 3 bytes and an escape at most 10 (`\UXXXXXXXX`), or `\N{` and
 * a name of `MAX_NAME_LENGTH` (256) bytes. A longer name is known to be malformed whatever
 * follows (no Unicode name or alias is that long), so its bytes are skipped, not held, until
 * its `}` (an unknown name) or the end (a malformed `\N` escape): time stays linear in the body
 * and memory flat. (Before, the whole rest of the body was held and re-scanned at every chunk:
 * 4 MiB took ~3 s and +60 MB, 10 MB ~5-15 s.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Observable } from 'rxjs';
import { decodeText } from '../../lib/decode/decode-text.js';
import { DecodeError } from '../../lib/errors/decode-error.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { concatBytes } from '../support/collect.js';
import { recordUntilSettled } from './support/record-events.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
});
afterAll(async () => {
  await server.close();
});

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** `bytes` as views of `size` bytes (the in-process server then copies nothing). */
const split = (bytes: Uint8Array, size: number): Uint8Array[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
    bytes.subarray(index * size, (index + 1) * size),
  );

/** The most array-buffer memory may grow while a body is decoded (socket reads included). */
const PEAK_LIMIT = 8 * 1024 * 1024;

/**
 * The most array-buffer memory may grow while a big body comes over the socket: its read buffers
 * are garbage until collected, so a plain body peaks at about twice its size here. (Holding an
 * unclosed `\\N{...` name, re-joined at every chunk, peaked at about 15 times the body.)
 */
const socketPeakLimit = (body: Uint8Array) => 3 * body.length;

/** Runs `work`, sampling the array-buffer memory every 2 ms. */
async function measured<T>(work: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 2);
  const started = Date.now();
  try {
    const result = await work();
    return { result, elapsed: Date.now() - started, peakGrowth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

const complete = () =>
  Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'bounds' }], true, {
    baseURL: server.url,
  });

describe('decodeText bounds what it holds back', () => {
  it('escapes cut at every write stay a few bytes pending: 640 KiB split every 7 bytes', async () => {
    // `\x41` then a 0xFF, which is never UTF-8: writes are decoded as unicode-escape and
    // most end inside an escape. (Which reads are UTF-8 depends on how TCP coalesces the
    // writes, so only the bounds are checked, not the exact text: SPEC §3 decodes per chunk.)
    const body = concatBytes([latin1('caf\xe9 '), latin1('\\x41\xff'.repeat(128 * 1024))]);
    server.enqueue({ path: '/api/chat', chunks: split(body, 7) });
    const { result, elapsed, peakGrowth } = await measured(() =>
      recordUntilSettled(complete(), 30_000),
    );
    console.info(`decode: 640 KiB of split escapes in ${elapsed} ms, peak +${peakGrowth} B`);
    expect(result.completed).toBe(true);
    expect(result.values.join('')).toMatch(/^café (A|\\x41|ÿ)/);
    expect(elapsed).toBeLessThan(20_000);
    expect(peakGrowth).toBeLessThan(PEAK_LIMIT);
  });

  it('a `\\N{` that never closes is skipped, not held: 4 MiB, an error soon after the end', async () => {
    const body = concatBytes([latin1('caf\xe9 \\N{'), new Uint8Array(4 * 1024 * 1024).fill(0x41)]);
    server.enqueue({ path: '/api/chat', chunks: split(body, 16 * 1024) });
    const { result, elapsed, peakGrowth } = await measured(() =>
      recordUntilSettled(complete(), 30_000),
    );
    const { values, error } = result;
    console.info(`decode: unclosed \\N{ over 4 MiB in ${elapsed} ms, peak +${peakGrowth} B`);
    expect(values.join('')).toBe('café ');
    expect(DecodeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'malformed \\N character escape', offset: 5 });
    expect(elapsed).toBeLessThan(1000);
    expect(peakGrowth).toBeLessThan(socketPeakLimit(body));
  });

  it('a `\\N{` closed 10 MB later is an unknown name at its `\\`, found in bounded time and memory', async () => {
    const body = concatBytes([
      latin1('caf\xe9 \\N{'),
      new Uint8Array(10 * 1000 * 1000).fill(0x41),
      latin1('} never decoded'),
    ]);
    server.enqueue({ path: '/api/chat', chunks: split(body, 16 * 1024) });
    const { result, elapsed, peakGrowth } = await measured(() =>
      recordUntilSettled(complete(), 30_000),
    );
    console.info(`decode: \\N{ closed after 10 MB in ${elapsed} ms, peak +${peakGrowth} B`);
    expect(result.values.join('')).toBe('café ');
    expect(result.error).toMatchObject({ reason: 'unknown Unicode character name', offset: 5 });
    expect(elapsed).toBeLessThan(2000);
    expect(peakGrowth).toBeLessThan(socketPeakLimit(body));
  });

  it.each(['strict', 'replace'] as const)(
    'decodeText alone (%s): 10 MB of an unclosed name in linear time, holding nothing',
    (errors) => {
      const chunk = new Uint8Array(16 * 1024).fill(0x41);
      const values: string[] = [];
      let error: unknown;
      // A synchronous source that samples the array-buffer memory after each chunk.
      globalThis.gc?.();
      const before = process.memoryUsage().arrayBuffers;
      let peak = before;
      const source = new Observable<Uint8Array>((subscriber) => {
        subscriber.next(latin1('caf\xe9 \\N{'));
        for (let index = 0; index < 610 && !subscriber.closed; index++) {
          subscriber.next(chunk);
          peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        }
        subscriber.complete();
      });
      const started = performance.now();
      source.pipe(decodeText({ errors })).subscribe({
        next: (text) => values.push(text),
        error: (e: unknown) => (error = e),
      });
      const elapsed = performance.now() - started;
      console.info(
        `decode (${errors}): unclosed \\N{ over 10 MB in ${elapsed.toFixed(0)} ms, ` +
          `peak +${peak - before} B`,
      );
      if (errors === 'strict') {
        expect(values).toEqual(['café ']);
        expect(error).toMatchObject({ reason: 'malformed \\N character escape', offset: 5 });
      } else {
        expect(values).toEqual(['café ', '\ufffd']);
        expect(error).toBeUndefined();
      }
      expect(elapsed).toBeLessThan(500);
      expect(peak - before).toBeLessThan(256 * 1024);
    },
  );
});
