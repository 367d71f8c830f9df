/**
 * The fault matrix for Aivvm (`POST /api/chat`, a plain-text body decoded by `decodeText`),
 * against the loopback server over real sockets on 127.0.0.1. One test per fault; each ends
 * with `expectNothingLeft()`: no socket, timer or pending request left, no unhandled rejection.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../lib/errors/decode-error.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import type { AivvmOptions } from '../../lib/providers/aivvm/aivvm-options.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { refusedPort } from '../support/collect.js';
import { useFaultHarness } from './support/fault-harness.js';
import { startResettingServer } from './support/raw-servers.js';
import { recordUntilSettled } from './support/record-events.js';
import { itHandlesTransportFaults } from './support/transport-faults.js';

const harness = useFaultHarness();
const PATH = '/api/chat';
const encoder = new TextEncoder();
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const bytesOf = (text: string): number => encoder.encode(text).length;

function complete(options: AivvmOptions = {}) {
  return Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'fault' }], true, {
    baseURL: harness.server.url,
    ...options,
  });
}

/** The text the stream delivered before it ended, and its end. */
async function run(options: AivvmOptions = {}) {
  const result = await recordUntilSettled(complete(options));
  const ends = result.events.filter((event) => event.kind !== 'next');
  expect(ends).toHaveLength(1); // one end, nothing after it
  return { ...result, text: result.values.join('') };
}

const REPLY = 'Привет, мир! Hello, world — 😀 done.';

describe('Aivvm fault matrix', () => {
  itHandlesTransportFaults({
    harness,
    path: PATH,
    complete: (options) => complete(options),
    run: (options) => run(options),
    success: { script: { text: REPLY, chunkSize: 7 }, text: REPLY },
  });

  it('refused connection: NetworkError ECONNREFUSED, nothing emitted', async () => {
    const port = await refusedPort();
    const { values, error } = await run({ baseURL: `http://127.0.0.1:${port}` });
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 'ECONNREFUSED', bytesReceived: 0, provider: 'Aivvm' });
    await harness.expectNothingLeft();
  });

  it('reset before the headers: NetworkError ECONNRESET, nothing emitted', async () => {
    const rude = await startResettingServer();
    try {
      const { values, error } = await run({ baseURL: rude.url });
      expect(values).toEqual([]);
      expect(NetworkError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 'ECONNRESET', bytesReceived: 0 });
    } finally {
      await rude.close();
    }
    await harness.expectNothingLeft();
  });

  it('reset right after the headers: NetworkError, nothing emitted', async () => {
    harness.server.enqueue({ path: PATH, text: REPLY, resetAfterBytes: 0 });
    const { values, error } = await run();
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    await expect(harness.server.requests[0]?.closed).resolves.toBe('reset');
    await harness.expectNothingLeft();
  });

  it('reset mid-stream: every byte before the reset is emitted, then NetworkError', async () => {
    const before = 'Привет, мир! Hello';
    const after = bytesOf(before);
    harness.server.enqueue({
      path: PATH,
      text: REPLY,
      chunkSize: 5,
      delayMs: 1,
      resetAfterBytes: after,
    });
    const { text, error } = await run();
    expect(text).toBe(before);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ bytesReceived: after });
    await harness.expectNothingLeft();
  });

  it('upstream failure (status 500, reason in the status text): HttpStatusError', async () => {
    harness.server.enqueue({ path: PATH, upstreamError: 'The model is overloaded' });
    const { error } = await run();
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, statusText: 'The model is overloaded' });
    await harness.expectNothingLeft();
  });

  it('stall mid-stream: the text so far, then TimeoutError (each), request aborted', async () => {
    const before = 'Привет, мир!';
    harness.server.enqueue({
      path: PATH,
      text: REPLY,
      chunkSize: 3,
      delayMs: 1,
      stall: { afterBytes: bytesOf(before) },
    });
    const { text, error } = await run({ timeout: { first: 2000, each: 200 } });
    expect(text).toBe(before);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 200 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('slow drip, one byte every 100 ms: every byte arrives, in order, as it comes', async () => {
    const drip = 'hé!€';
    harness.server.enqueue({ path: PATH, text: drip, chunkSize: 1, delayMs: 100 });
    const started = Date.now();
    const { values, completed } = await run({ timeout: { first: 1000, each: 1000 } });
    expect(completed).toBe(true);
    expect(values).toEqual(['h', 'é', '!', '€']); // a character split over writes arrives whole
    expect(Date.now() - started).toBeGreaterThanOrEqual(600); // 7 bytes, 6 gaps
    await harness.expectNothingLeft();
  });

  it('truncated chunked encoding: every byte before the cut, then NetworkError', async () => {
    const before = 'Привет, мир! Hello, world';
    harness.server.enqueue({
      path: PATH,
      text: REPLY,
      chunkSize: 4,
      delayMs: 1,
      truncate: { afterBytes: bytesOf(before) },
    });
    const { text, error } = await run();
    expect(text).toBe(before);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ bytesReceived: bytesOf(before) });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('truncated');
    await harness.expectNothingLeft();
  });

  it('a body ending inside a multi-byte character: the held bytes are decoded at the end (SPEC §3)', async () => {
    const euro = encoder.encode('€'); // E2 82 AC
    harness.server.enqueue({ path: PATH, chunks: [encoder.encode('abc'), euro.subarray(0, 2)] });
    const { text, completed } = await run();
    // Not valid UTF-8 on its own, so unicode-escape: each byte as Latin-1.
    expect(text).toBe('abc\u00e2\u0082');
    expect(completed).toBe(true);
    await harness.expectNothingLeft();
  });

  it('a body ending inside an escape: the text before it, then DecodeError (truncated)', async () => {
    // Not UTF-8 (a Latin-1 é), so unicode-escape; the trailing `\x4` waits for more bytes.
    harness.server.enqueue({ path: PATH, chunks: [latin1('caf\xe9 ok \\x4')] });
    const { text, error } = await run();
    expect(text).toBe('café ok ');
    expect(DecodeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'truncated \\xXX escape', offset: 8 });
    await harness.expectNothingLeft();
  });

  it('invalid UTF-8 with valid escapes, split across chunks: decoded as unicode-escape', async () => {
    // Each write holds a byte that is not UTF-8, so each is unicode-escape (SPEC §3), and the
    // escapes cut by a write boundary (`\u20|ac`, `\N{EM |DASH}`) wait for their end.
    const chunks = ['caf\xe9 \\u20', 'ac \\N{EM ', 'DASH} \\x41\xff', ' \\U0001F600 \xe9nd'];
    harness.server.enqueue({ path: PATH, chunks: chunks.map(latin1), delayMs: 1 });
    const { text, completed } = await run();
    expect(text).toBe('café € — Aÿ 😀 énd');
    expect(completed).toBe(true);
    await harness.expectNothingLeft();
  });

  it('gzip-encoded response: decompressed, byte-exact', async () => {
    const body = gzipSync(encoder.encode(REPLY.repeat(200)));
    const headers = { 'content-encoding': 'gzip' };
    harness.server.enqueue({ path: PATH, headers, body, chunkSize: 97, delayMs: 1 });
    const { text, completed } = await run();
    expect(completed).toBe(true);
    expect(text).toBe(REPLY.repeat(200));
    await harness.expectNothingLeft();
  });

  it('gzip-encoded response cut mid-body: NetworkError after the text of every byte decompressed', async () => {
    const full = encoder.encode(REPLY.repeat(400));
    const body = gzipSync(full);
    const headers = { 'content-encoding': 'gzip' };
    const cut = Math.floor(body.length / 2);
    harness.server.enqueue({
      path: PATH,
      headers,
      body,
      chunkSize: 64,
      truncate: { afterBytes: cut },
    });
    const { text, error } = await run();
    expect(NetworkError.isInstance(error)).toBe(true);
    // `bytesReceived` counts decompressed bytes; a character they cut is held back by
    // decodeText, then either dropped or emitted as Latin-1 before the error (its contract).
    const received = full.subarray(0, (error as NetworkError).bytesReceived);
    const whole = new TextDecoder().decode(received, { stream: true });
    const tail = received.subarray(encoder.encode(whole).length);
    expect([whole, whole + String.fromCharCode(...tail)]).toContain(text);
    await harness.expectNothingLeft();
  });
});
