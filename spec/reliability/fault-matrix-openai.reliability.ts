/**
 * The fault matrix for OpenAICompatible (`POST /v1/chat/completions`, SSE parsed by
 * eventsource-parser), against the loopback server over real sockets on 127.0.0.1. One test
 * per fault; each ends with `expectNothingLeft()`: no socket, timer or pending request left,
 * no unhandled rejection. Stream bodies are written by hand (`sseBytes`), so each test knows
 * exactly which events precede the fault.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../lib/errors/network-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import type { OpenAICompletionOptions } from '../../lib/providers/openai-compatible/openai-compatible-options.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { concatBytes, refusedPort } from '../support/collect.js';
import { useFaultHarness } from './support/fault-harness.js';
import { startResettingServer } from './support/raw-servers.js';
import { recordUntilSettled } from './support/record-events.js';
import { itHandlesTransportFaults } from './support/transport-faults.js';
import { SSE_DONE, sseBytes, sseDelta, sseLength } from './support/sse.js';

const KEY = 'sk-reliability-0123456789abcdef';
const harness = useFaultHarness({ apiKey: KEY });
const PATH = '/v1/chat/completions';
const encoder = new TextEncoder();
const DELTAS = ['Привет, ', 'мир! ', 'Hello, ', 'world — 😀'];

function complete(options: OpenAICompletionOptions = {}, baseURL = `${harness.server.url}/v1`) {
  const provider = new OpenAICompatible({ baseURL, apiKey: KEY });
  return provider.createCompletion(
    'gpt-4o-mini',
    [{ role: 'user', content: 'fault' }],
    true,
    options,
  );
}

async function run(options: OpenAICompletionOptions = {}, baseURL?: string) {
  const result = await recordUntilSettled(complete(options, baseURL));
  const ends = result.events.filter((event) => event.kind !== 'next');
  expect(ends).toHaveLength(1); // one end, nothing after it
  return { ...result, text: result.values.join('') };
}

/** The most `heapUsed + arrayBuffers` grew above its value at the start while `work` ran. */
async function peakMemoryGrowth(work: () => Promise<void>): Promise<number> {
  globalThis.gc?.();
  const used = (): number => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const start = used();
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, used());
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, used()) - start;
}

describe('OpenAICompatible fault matrix', () => {
  itHandlesTransportFaults({
    harness,
    path: PATH,
    complete: (options) => complete(options),
    run: (options) => run(options),
    success: { script: { body: sseBytes(DELTAS), chunkSize: 7 }, text: DELTAS.join('') },
  });

  it('refused connection: NetworkError ECONNREFUSED, nothing emitted', async () => {
    const port = await refusedPort();
    const { values, error } = await run({}, `http://127.0.0.1:${port}/v1`);
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 'ECONNREFUSED', provider: 'OpenAICompatible' });
    await harness.expectNothingLeft();
  });

  it('reset before the headers: NetworkError ECONNRESET, nothing emitted', async () => {
    const rude = await startResettingServer();
    try {
      const { values, error } = await run({}, `${rude.url}/v1`);
      expect(values).toEqual([]);
      expect(NetworkError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 'ECONNRESET', bytesReceived: 0 });
    } finally {
      await rude.close();
    }
    await harness.expectNothingLeft();
  });

  it('reset right after the headers: NetworkError, nothing emitted', async () => {
    harness.server.enqueue({ path: PATH, body: sseBytes(DELTAS), resetAfterBytes: 0 });
    const { values, error } = await run();
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    await harness.expectNothingLeft();
  });

  it('reset mid-stream: every event before the reset is emitted, then NetworkError', async () => {
    const after = sseLength(DELTAS, 2) + 10; // two whole events and the start of a third
    harness.server.enqueue({
      path: PATH,
      body: sseBytes(DELTAS),
      chunkSize: 9,
      delayMs: 1,
      resetAfterBytes: after,
    });
    const { text, error } = await run();
    expect(text).toBe('Привет, мир! ');
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ bytesReceived: after });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('reset');
    await harness.expectNothingLeft();
  });

  it('stall mid-stream: the events so far, then TimeoutError (each), request aborted', async () => {
    harness.server.enqueue({
      path: PATH,
      body: sseBytes(DELTAS),
      chunkSize: 11,
      delayMs: 1,
      stall: { afterBytes: sseLength(DELTAS, 2) },
    });
    const { text, error } = await run({ timeout: { first: 2000, each: 200 } });
    expect(text).toBe('Привет, мир! ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 200 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('slow drip, one byte every 100 ms: every byte arrives and the stream completes', async () => {
    // The first events at once; the last event's end (a 4-byte emoji included) and `[DONE]`
    // one byte per write, 100 ms apart: 24 bytes, 2.3 s.
    const body = sseBytes(DELTAS);
    const dripped = 24;
    const head = body.subarray(0, body.length - dripped);
    const tail = Array.from(body.subarray(body.length - dripped), (byte) => Uint8Array.of(byte));
    harness.server.enqueue({ path: PATH, chunks: [head, ...tail], delayMs: 100 });
    const started = Date.now();
    const { text, completed } = await run({ timeout: { first: 1000, each: 3000 } });
    expect(completed).toBe(true);
    expect(text).toBe(DELTAS.join(''));
    expect(Date.now() - started).toBeGreaterThanOrEqual(dripped * 100 - 50);
    await harness.expectNothingLeft();
  });

  it('truncated chunked encoding: every event before the cut, then NetworkError', async () => {
    harness.server.enqueue({
      path: PATH,
      body: sseBytes(DELTAS),
      chunkSize: 13,
      delayMs: 1,
      truncate: { afterBytes: sseLength(DELTAS, 3) + 5 },
    });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(NetworkError.isInstance(error)).toBe(true);
    await expect(harness.server.requests[0]?.closed).resolves.toBe('truncated');
    await harness.expectNothingLeft();
  });

  it('a body ending inside a multi-byte character: the events before it, then StreamError (truncated)', async () => {
    const body = sseBytes(DELTAS, false);
    const cut = indexOfBytes(body, encoder.encode('😀')) + 2; // two of its four bytes
    harness.server.enqueue({ path: PATH, body: body.subarray(0, cut), chunkSize: 17 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('a body ending inside a JSON escape: the events before it, then StreamError (truncated)', async () => {
    const body = concatBytes([
      sseBytes(['one '], false),
      encoder.encode('data: {"choices":[{"delta":{"content":"caf\\u00'),
    ]);
    harness.server.enqueue({ path: PATH, body });
    const { text, error } = await run();
    expect(text).toBe('one ');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('invalid UTF-8 inside an event: U+FFFD (WHATWG SSE decoding), the stream completes', async () => {
    const event = encoder.encode(sseDelta('caf#'));
    const broken = event.map((byte) => (byte === 0x23 ? 0xff : byte)); // `#` → a stray 0xFF
    const body = concatBytes([sseBytes(['ok '], false), broken, encoder.encode(SSE_DONE)]);
    harness.server.enqueue({ path: PATH, body, chunkSize: 5 });
    const { text, completed } = await run();
    expect(text).toBe('ok caf\uFFFD');
    expect(completed).toBe(true);
    await harness.expectNothingLeft();
  });

  it('malformed SSE, data that is not JSON: the deltas before it, then StreamError (invalid-json)', async () => {
    const body = concatBytes([
      sseBytes(DELTAS.slice(0, 2), false),
      encoder.encode('data: {"choices": [oops\n\n'),
      sseBytes(DELTAS.slice(2)),
    ]);
    harness.server.enqueue({ path: PATH, body, chunkSize: 8 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 2).join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid-json', excerpt: '{"choices": [oops' });
    await harness.expectNothingLeft();
  });

  it('malformed SSE, no [DONE]: every delta, then StreamError (truncated)', async () => {
    harness.server.enqueue({ path: PATH, body: sseBytes(DELTAS, false), chunkSize: 6 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('malformed SSE, a 10 MB line: StreamError (event-too-large) after ~1 MiB, not 10 MB of memory', async () => {
    const line = new Uint8Array(10 * 1024 * 1024).fill(0x78);
    const body = concatBytes([sseBytes(['ok'], false), encoder.encode('data: '), line]);
    // Pre-split views (not `chunkSize`, which makes the in-process server copy the 10 MB).
    const chunks = Array.from({ length: Math.ceil(body.length / 65536) }, (_, index) =>
      body.subarray(index * 65536, (index + 1) * 65536),
    );
    harness.server.enqueue({ path: PATH, chunks, delayMs: 1 });
    let result: Awaited<ReturnType<typeof run>> | undefined;
    const growth = await peakMemoryGrowth(async () => {
      result = await run();
    });
    expect(result?.text).toBe('ok');
    expect(StreamError.isInstance(result?.error)).toBe(true);
    expect(result?.error).toMatchObject({ kind: 'event-too-large' });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    // The parser holds at most 1 MiB of text (2 MiB as UTF-16) plus a few 64 KiB chunks in
    // flight; the 10 MB line is never held whole (it would be 10–20 MB on its own).
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    await harness.expectNothingLeft();
  });

  it('a stream error event: the deltas before it, then StreamError (server-error)', async () => {
    harness.server.enqueue({
      path: PATH,
      text: 'one two three four',
      streamError: { afterChunks: 2, message: 'The model is overloaded' },
    });
    const { text, error } = await run();
    expect(text).toBe('one two ');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'server-error', detail: 'The model is overloaded' });
    await harness.expectNothingLeft();
  });

  it('gzip-encoded response: decompressed, byte-exact', async () => {
    const deltas = Array.from({ length: 200 }, (_, index) => `${index}: ${DELTAS.join('')} `);
    const body = gzipSync(sseBytes(deltas));
    const headers = { 'content-encoding': 'gzip' };
    harness.server.enqueue({ path: PATH, headers, body, chunkSize: 97, delayMs: 1 });
    const { text, completed } = await run();
    expect(completed).toBe(true);
    expect(text).toBe(deltas.join(''));
    await harness.expectNothingLeft();
  });

  it('gzip-encoded response cut mid-body: NetworkError after a prefix of the text', async () => {
    const deltas = Array.from({ length: 400 }, (_, index) => `${index}: ${DELTAS.join('')} `);
    const body = gzipSync(sseBytes(deltas));
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
    expect(deltas.join('').startsWith(text)).toBe(true);
    await harness.expectNothingLeft();
  });
});

/** The index of `needle` in `haystack`, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle);
}
