/**
 * Bounds of `decodeText` on hostile bodies (Aivvm). What a chunk leaves pending must stay
 * small: a UTF-8 tail is at most 3 bytes and an escape at most 10 (`\UXXXXXXXX`) — except
 * `\N{...`, which waits for its `}` however far away it is.
 *
 * KNOWN BUG (reported, not fixed here: lib/decode is being reworked in parallel): a `\N{`
 * that never closes keeps the whole rest of the body pending, and every chunk re-joins and
 * re-scans it — memory grows with the body and time with its square (4 MiB: ~2 s, 10 MB:
 * ~15 s). The test below is `it.fails` until the fix lands: bound the pending name at the
 * longest Unicode name or alias (CPython's lookup gives up past 256 bytes), then treat the
 * escape as malformed (strict: `DecodeError`; replace: U+FFFD, skipping to the `}`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it.fails('KNOWN BUG: a `\\N{` that never closes holds the rest of the body (4 MiB)', async () => {
    const body = concatBytes([latin1('caf\xe9 \\N{'), new Uint8Array(4 * 1024 * 1024).fill(0x41)]);
    server.enqueue({ path: '/api/chat', chunks: split(body, 16 * 1024) });
    const { result, elapsed, peakGrowth } = await measured(() =>
      recordUntilSettled(complete(), 30_000),
    );
    const { values, error } = result;
    console.info(`decode: unclosed \\N{ over 4 MiB in ${elapsed} ms, peak +${peakGrowth} B`);
    expect(values.join('')).toBe('café ');
    expect(DecodeError.isInstance(error)).toBe(true);
    // What the fix must give: an error soon, holding no more than a name's length.
    expect(elapsed).toBeLessThan(1000);
    expect(peakGrowth).toBeLessThan(PEAK_LIMIT);
  });
});
