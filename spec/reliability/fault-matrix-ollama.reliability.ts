/**
 * The fault matrix for Ollama (`POST /api/chat`, NDJSON parsed by `parseJsonLines`), against
 * the loopback twin (`/ollama/api/chat`) over real sockets on 127.0.0.1. One test per fault;
 * each ends with `expectNothingLeft()`: no socket, timer or pending request left, no unhandled
 * rejection. Stream bodies are written by hand (`ndjsonBytes`), so each test knows exactly
 * which lines precede the fault.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../lib/errors/network-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import type { OllamaCompletionOptions } from '../../lib/providers/ollama/ollama-options.js';
import { Ollama } from '../../lib/providers/ollama/ollama.js';
import { concatBytes, refusedPort } from '../support/collect.js';
import { useFaultHarness } from './support/fault-harness.js';
import { startResettingServer } from './support/raw-servers.js';
import { recordUntilSettled } from './support/record-events.js';
import { itHandlesTransportFaults } from './support/transport-faults.js';

const KEY = 'ollama-reliability-0123456789abcdef';
const harness = useFaultHarness({ apiKey: KEY });
const PATH = '/ollama/api/chat';
const encoder = new TextEncoder();
const DELTAS = ['Привет, ', 'мир! ', 'Hello, ', 'world — 😀'];
const NDJSON = { 'content-type': 'application/x-ndjson' };

/** One NDJSON line of a content delta. */
const ndjsonLine = (content: string): string =>
  `${JSON.stringify({ model: 'm', message: { role: 'assistant', content }, done: false })}\n`;
const DONE_LINE = `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 1, eval_count: 4 })}\n`;

/** The bytes of a stream of these deltas, with the `done: true` line unless `done` is false. */
const ndjsonBytes = (deltas: readonly string[], done = true): Uint8Array =>
  encoder.encode(deltas.map(ndjsonLine).join('') + (done ? DONE_LINE : ''));

/** The byte length of the first `count` lines. */
const ndjsonLength = (deltas: readonly string[], count: number): number =>
  encoder.encode(deltas.slice(0, count).map(ndjsonLine).join('')).length;

function complete(options: OllamaCompletionOptions = {}, baseURL = `${harness.server.url}/ollama`) {
  const provider = new Ollama({ baseURL, apiKey: KEY });
  return provider.createCompletion('llama3.2', [{ role: 'user', content: 'fault' }], true, options);
}

async function run(options: OllamaCompletionOptions = {}, baseURL?: string) {
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

describe('Ollama fault matrix', () => {
  itHandlesTransportFaults({
    harness,
    path: PATH,
    complete: (options) => complete(options),
    run: (options) => run(options),
    success: {
      script: { body: ndjsonBytes(DELTAS), headers: NDJSON, chunkSize: 7 },
      text: DELTAS.join(''),
    },
  });

  it('refused connection: NetworkError ECONNREFUSED, nothing emitted', async () => {
    const port = await refusedPort();
    const { values, error } = await run({}, `http://127.0.0.1:${String(port)}`);
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 'ECONNREFUSED', provider: 'Ollama' });
    await harness.expectNothingLeft();
  });

  it('reset before the headers: NetworkError ECONNRESET, nothing emitted', async () => {
    const rude = await startResettingServer();
    try {
      const { values, error } = await run({}, rude.url);
      expect(values).toEqual([]);
      expect(NetworkError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 'ECONNRESET', bytesReceived: 0 });
    } finally {
      await rude.close();
    }
    await harness.expectNothingLeft();
  });

  it('reset mid-stream: every line before the reset is emitted, then NetworkError', async () => {
    const after = ndjsonLength(DELTAS, 2) + 10; // two whole lines and the start of a third
    harness.server.enqueue({
      path: PATH,
      body: ndjsonBytes(DELTAS),
      headers: NDJSON,
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

  it('stall mid-stream: the lines so far, then TimeoutError (each), request aborted', async () => {
    harness.server.enqueue({
      path: PATH,
      body: ndjsonBytes(DELTAS),
      headers: NDJSON,
      chunkSize: 11,
      delayMs: 1,
      stall: { afterBytes: ndjsonLength(DELTAS, 2) },
    });
    const { text, error } = await run({ timeout: { first: 2000, each: 200 } });
    expect(text).toBe('Привет, мир! ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 200 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('truncated chunked encoding: every line before the cut, then NetworkError', async () => {
    harness.server.enqueue({
      path: PATH,
      body: ndjsonBytes(DELTAS),
      headers: NDJSON,
      chunkSize: 13,
      delayMs: 1,
      truncate: { afterBytes: ndjsonLength(DELTAS, 3) + 5 },
    });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(NetworkError.isInstance(error)).toBe(true);
    await expect(harness.server.requests[0]?.closed).resolves.toBe('truncated');
    await harness.expectNothingLeft();
  });

  it('a body ending inside a multi-byte character: the lines before it, then StreamError (invalid-json)', async () => {
    const body = ndjsonBytes(DELTAS, false);
    const cut = indexOfBytes(body, encoder.encode('😀')) + 2; // two of its four bytes
    harness.server.enqueue({
      path: PATH,
      body: body.subarray(0, cut),
      headers: NDJSON,
      chunkSize: 17,
    });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    // The cut last line, without its newline, is parsed as the last line: it is not JSON.
    expect(error).toMatchObject({ kind: 'invalid-json' });
    await harness.expectNothingLeft();
  });

  it('invalid UTF-8 inside a line: U+FFFD, the stream completes', async () => {
    const line = encoder.encode(ndjsonLine('caf#'));
    const broken = line.map((byte) => (byte === 0x23 ? 0xff : byte)); // `#` → a stray 0xFF
    const body = concatBytes([ndjsonBytes(['ok '], false), broken, encoder.encode(DONE_LINE)]);
    harness.server.enqueue({ path: PATH, body, headers: NDJSON, chunkSize: 5 });
    const { text, completed } = await run();
    expect(text).toBe('ok caf\uFFFD');
    expect(completed).toBe(true);
    await harness.expectNothingLeft();
  });

  it('a line that is not JSON: the deltas before it, then StreamError (invalid-json)', async () => {
    const body = concatBytes([
      ndjsonBytes(DELTAS.slice(0, 2), false),
      encoder.encode('{"message": [oops\n'),
      ndjsonBytes(DELTAS.slice(2)),
    ]);
    harness.server.enqueue({ path: PATH, body, headers: NDJSON, chunkSize: 8 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 2).join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid-json', excerpt: '{"message": [oops' });
    await harness.expectNothingLeft();
  });

  it('CRLF line ends and blank lines: read as LF, the stream completes', async () => {
    const text = new TextDecoder().decode(ndjsonBytes(DELTAS)).replaceAll('\n', '\r\n\r\n');
    // `body`: sent as it is (a script's `text` would be the reply text, turned into NDJSON).
    harness.server.enqueue({
      path: PATH,
      body: encoder.encode(text),
      headers: NDJSON,
      chunkSize: 3,
    });
    const result = await run();
    expect(result.text).toBe(DELTAS.join(''));
    expect(result.completed).toBe(true);
    await harness.expectNothingLeft();
  });

  it('no done: true line: every delta, then StreamError (truncated)', async () => {
    harness.server.enqueue({
      path: PATH,
      body: ndjsonBytes(DELTAS, false),
      headers: NDJSON,
      chunkSize: 6,
    });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('lines after done: true are not read: the stream completes and the request is closed', async () => {
    const chunks = [ndjsonBytes(DELTAS), encoder.encode(ndjsonLine('never'))];
    harness.server.enqueue({
      path: PATH,
      chunks,
      headers: NDJSON,
      stall: { afterBytes: chunks[0]?.length ?? 0 },
    });
    const { text, completed } = await run();
    expect(completed).toBe(true);
    expect(text).toBe(DELTAS.join(''));
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('a 10 MB line: StreamError (event-too-large) after ~1 MiB, not 10 MB of memory', async () => {
    const line = new Uint8Array(10 * 1024 * 1024).fill(0x78);
    const body = concatBytes([ndjsonBytes(['ok'], false), encoder.encode('{"message":"'), line]);
    const chunks = Array.from({ length: Math.ceil(body.length / 65536) }, (_, index) =>
      body.subarray(index * 65536, (index + 1) * 65536),
    );
    harness.server.enqueue({ path: PATH, chunks, headers: NDJSON, delayMs: 1 });
    let result: Awaited<ReturnType<typeof run>> | undefined;
    const growth = await peakMemoryGrowth(async () => {
      result = await run();
    });
    expect(result?.text).toBe('ok');
    expect(StreamError.isInstance(result?.error)).toBe(true);
    expect(result?.error).toMatchObject({ kind: 'event-too-large' });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    await harness.expectNothingLeft();
  });

  it('an {"error"} line: the deltas before it, then StreamError (server-error)', async () => {
    harness.server.enqueue({
      path: PATH,
      text: 'one two three four',
      streamError: { afterChunks: 2, message: 'model runner has unexpectedly stopped' },
    });
    const { text, error } = await run();
    expect(text).toBe('one two ');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'server-error',
      detail: 'model runner has unexpectedly stopped',
    });
    await harness.expectNothingLeft();
  });

  it('gzip-encoded response: decompressed, byte-exact', async () => {
    const deltas = Array.from(
      { length: 200 },
      (_, index) => `${String(index)}: ${DELTAS.join('')} `,
    );
    const body = gzipSync(ndjsonBytes(deltas));
    const headers = { ...NDJSON, 'content-encoding': 'gzip' };
    harness.server.enqueue({ path: PATH, headers, body, chunkSize: 97, delayMs: 1 });
    const { text, completed } = await run();
    expect(completed).toBe(true);
    expect(text).toBe(deltas.join(''));
    await harness.expectNothingLeft();
  });
});

/** The index of `needle` in `haystack`, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle);
}
