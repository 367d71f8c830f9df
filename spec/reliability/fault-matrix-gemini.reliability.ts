/**
 * The fault matrix for Gemini (`POST /v1beta/models/{model}:streamGenerateContent?alt=sse`,
 * SSE parsed by eventsource-parser, no end marker: a finishReason means complete), against the
 * loopback server over real sockets on 127.0.0.1. One test per fault; each ends with
 * `expectNothingLeft()`. Stream bodies are written by hand, so each test knows exactly which
 * responses precede the fault.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ContentBlockedError } from '../../lib/errors/content-blocked-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { Gemini } from '../../lib/providers/gemini/gemini.js';
import type { GeminiCompletionOptions } from '../../lib/providers/gemini/gemini-options.js';
import { concatBytes, refusedPort } from '../support/collect.js';
import { useFaultHarness } from './support/fault-harness.js';
import { startResettingServer } from './support/raw-servers.js';
import { recordUntilSettled } from './support/record-events.js';
import { itHandlesTransportFaults } from './support/transport-faults.js';

const KEY = 'AIza-reliability-0123456789abcdef';
const harness = useFaultHarness({ apiKey: KEY });
const MODEL = 'gemini-2.5-flash';
const PATH = `/v1beta/models/${MODEL}:streamGenerateContent`;
const encoder = new TextEncoder();
const DELTAS = ['Привет, ', 'мир! ', 'Hello, ', 'world — 😀'];

/** One response event, CRLF-terminated as Gemini sends them; the last with its finishReason. */
function geminiEvent(text: string, finishReason?: string): string {
  const candidate = {
    content: { role: 'model', parts: [{ text }] },
    ...(finishReason ? { finishReason } : {}),
  };
  return `data: ${JSON.stringify({ candidates: [candidate] })}\r\n\r\n`;
}

/** The stream of `deltas`, the last one finishing (`STOP`) unless `finish` is false. */
function geminiBytes(deltas: readonly string[], finish = true): Uint8Array {
  const events = deltas.map((text, index) =>
    geminiEvent(text, finish && index === deltas.length - 1 ? 'STOP' : undefined),
  );
  return encoder.encode(events.join(''));
}

/** The byte length of the first `count` events of an unfinished stream. */
const geminiLength = (deltas: readonly string[], count: number): number =>
  geminiBytes(deltas.slice(0, count), false).length;

function complete(options: GeminiCompletionOptions = {}, baseURL = `${harness.server.url}/v1beta`) {
  const provider = new Gemini({ baseURL, apiKey: KEY });
  return provider.createCompletion(MODEL, [{ role: 'user', content: 'fault' }], true, options);
}

async function run(options: GeminiCompletionOptions = {}, baseURL?: string) {
  const result = await recordUntilSettled(complete(options, baseURL));
  const ends = result.events.filter((event) => event.kind !== 'next');
  expect(ends).toHaveLength(1); // one end, nothing after it
  return { ...result, text: result.values.join('') };
}

describe('Gemini fault matrix', () => {
  itHandlesTransportFaults({
    harness,
    path: PATH,
    complete: (options) => complete(options),
    run: (options) => run(options),
    success: { script: { body: geminiBytes(DELTAS), chunkSize: 7 }, text: DELTAS.join('') },
  });

  it('refused connection: NetworkError ECONNREFUSED, nothing emitted', async () => {
    const port = await refusedPort();
    const { values, error } = await run({}, `http://127.0.0.1:${port}/v1beta`);
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 'ECONNREFUSED', provider: 'Gemini' });
    await harness.expectNothingLeft();
  });

  it('reset before the headers: NetworkError ECONNRESET, nothing emitted', async () => {
    const rude = await startResettingServer();
    try {
      const { values, error } = await run({}, `${rude.url}/v1beta`);
      expect(values).toEqual([]);
      expect(NetworkError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 'ECONNRESET', bytesReceived: 0 });
    } finally {
      await rude.close();
    }
    await harness.expectNothingLeft();
  });

  it('reset mid-stream: every response before the reset is emitted, then NetworkError', async () => {
    const after = geminiLength(DELTAS, 2) + 10;
    harness.server.enqueue({
      path: PATH,
      body: geminiBytes(DELTAS),
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

  it('stall mid-stream: the text so far, then TimeoutError (each), request aborted', async () => {
    harness.server.enqueue({
      path: PATH,
      body: geminiBytes(DELTAS),
      chunkSize: 11,
      delayMs: 1,
      stall: { afterBytes: geminiLength(DELTAS, 2) },
    });
    const { text, error } = await run({ timeout: { first: 2000, each: 200 } });
    expect(text).toBe('Привет, мир! ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 200 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('truncated chunked encoding: every response before the cut, then NetworkError', async () => {
    harness.server.enqueue({
      path: PATH,
      body: geminiBytes(DELTAS),
      chunkSize: 13,
      delayMs: 1,
      truncate: { afterBytes: geminiLength(DELTAS, 3) + 5 },
    });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(NetworkError.isInstance(error)).toBe(true);
    await expect(harness.server.requests[0]?.closed).resolves.toBe('truncated');
    await harness.expectNothingLeft();
  });

  it('a clean end with no finishReason: every delta, then StreamError (truncated)', async () => {
    harness.server.enqueue({ path: PATH, body: geminiBytes(DELTAS, false), chunkSize: 6 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('a body ending inside a multi-byte character: the responses before it, then StreamError (truncated)', async () => {
    const body = geminiBytes(DELTAS, false);
    const cut = Buffer.from(body).indexOf(Buffer.from('😀')) + 2;
    harness.server.enqueue({ path: PATH, body: body.subarray(0, cut), chunkSize: 17 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('data that is not JSON: the deltas before it, then StreamError (invalid-json)', async () => {
    const body = concatBytes([
      geminiBytes(DELTAS.slice(0, 2), false),
      encoder.encode('data: {"candidates": [oops\r\n\r\n'),
      geminiBytes(DELTAS.slice(2)),
    ]);
    harness.server.enqueue({ path: PATH, body, chunkSize: 8 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 2).join(''));
    expect(error).toMatchObject({ kind: 'invalid-json', excerpt: '{"candidates": [oops' });
    await harness.expectNothingLeft();
  });

  it('an error object mid-stream: the deltas before it, then StreamError (server-error)', async () => {
    harness.server.enqueue({
      path: PATH,
      text: 'one two three four',
      streamError: { afterChunks: 2, message: 'The model is overloaded' },
    });
    const { text, error } = await run();
    expect(text).toBe('one two ');
    expect(error).toMatchObject({ kind: 'server-error', detail: 'The model is overloaded' });
    await harness.expectNothingLeft();
  });

  it('a reply stopped for SAFETY: the text before it, then ContentBlockedError', async () => {
    const body = concatBytes([
      geminiBytes(DELTAS.slice(0, 2), false),
      encoder.encode(
        `data: ${JSON.stringify({
          candidates: [
            {
              content: { role: 'model', parts: [{ text: 'x' }] },
              finishReason: 'SAFETY',
              safetyRatings: [
                { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
              ],
            },
          ],
        })}\r\n\r\n`,
      ),
    ]);
    harness.server.enqueue({ path: PATH, body, chunkSize: 5 });
    const { text, error } = await run();
    expect(text).toBe(`${DELTAS.slice(0, 2).join('')}x`);
    expect(ContentBlockedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      reason: 'SAFETY',
      categories: ['HARM_CATEGORY_DANGEROUS_CONTENT'],
    });
    await harness.expectNothingLeft();
  });

  it('gzip-encoded response: decompressed, byte-exact', async () => {
    const deltas = Array.from({ length: 200 }, (_, index) => `${index}: ${DELTAS.join('')} `);
    const headers = { 'content-encoding': 'gzip' };
    harness.server.enqueue({
      path: PATH,
      headers,
      body: gzipSync(geminiBytes(deltas)),
      chunkSize: 97,
      delayMs: 1,
    });
    const { text, completed } = await run();
    expect(completed).toBe(true);
    expect(text).toBe(deltas.join(''));
    await harness.expectNothingLeft();
  });
});
