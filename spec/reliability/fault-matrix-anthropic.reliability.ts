/**
 * The fault matrix for Anthropic (`POST /v1/messages`, named SSE events parsed by
 * eventsource-parser), against the loopback server over real sockets on 127.0.0.1. One test
 * per fault; each ends with `expectNothingLeft()`: no socket, timer or pending request left,
 * no unhandled rejection. Stream bodies are written by hand, so each test knows exactly which
 * events precede the fault.
 */
import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { Anthropic } from '../../lib/providers/anthropic/anthropic.js';
import type { AnthropicCompletionOptions } from '../../lib/providers/anthropic/anthropic-options.js';
import { refusedPort } from '../support/collect.js';
import { useFaultHarness } from './support/fault-harness.js';
import { recordUntilSettled } from './support/record-events.js';
import { itHandlesTransportFaults } from './support/transport-faults.js';

const KEY = 'sk-ant-reliability-0123456789abcdef';
const harness = useFaultHarness({ apiKey: KEY });
const PATH = '/v1/messages';
const encoder = new TextEncoder();
const DELTAS = ['Привет, ', 'мир! ', 'Hello, ', 'world — 😀'];

const event = (value: Record<string, unknown>): string =>
  `event: ${String(value.type)}\ndata: ${JSON.stringify(value)}\n\n`;
const HEAD = [
  event({ type: 'message_start', message: { usage: { input_tokens: 3, output_tokens: 1 } } }),
  event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
];
const delta = (text: string): string =>
  event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
const TAIL = [
  event({ type: 'content_block_stop', index: 0 }),
  event({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 4 } }),
  event({ type: 'message_stop' }),
];
const OVERLOADED = `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })}\n\n`;

/** The events of a stream of `deltas`, with or without its end. */
const streamText = (deltas: readonly string[], end = true): string =>
  [...HEAD, ...deltas.map(delta), ...(end ? TAIL : [])].join('');
const streamBytes = (deltas: readonly string[], end = true): Uint8Array =>
  encoder.encode(streamText(deltas, end));
/** The bytes up to the end of the `count`-th delta. */
const lengthThrough = (count: number): number =>
  encoder.encode([...HEAD, ...DELTAS.slice(0, count).map(delta)].join('')).length;

function complete(options: AnthropicCompletionOptions = {}, baseURL = harness.server.url) {
  const provider = new Anthropic({ baseURL, apiKey: KEY });
  return provider.createCompletion(
    'claude-sonnet-4-5',
    [{ role: 'user', content: 'fault' }],
    true,
    options,
  );
}

async function run(options: AnthropicCompletionOptions = {}, baseURL?: string) {
  const result = await recordUntilSettled(complete(options, baseURL));
  const ends = result.events.filter((e) => e.kind !== 'next');
  expect(ends).toHaveLength(1); // one end, nothing after it
  return { ...result, text: result.values.join('') };
}

describe('Anthropic fault matrix', () => {
  itHandlesTransportFaults({
    harness,
    path: PATH,
    complete: (options) => complete(options),
    run: (options) => run(options),
    success: { script: { body: streamBytes(DELTAS), chunkSize: 7 }, text: DELTAS.join('') },
  });

  it('refused connection: NetworkError ECONNREFUSED, nothing emitted', async () => {
    const port = await refusedPort();
    const { values, error } = await run({}, `http://127.0.0.1:${port}`);
    expect(values).toEqual([]);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 'ECONNREFUSED', provider: 'Anthropic' });
    await harness.expectNothingLeft();
  });

  it('split at every byte: the whole text, completed', async () => {
    harness.server.enqueue({ path: PATH, body: streamBytes(DELTAS), chunkSize: 1 });
    const { text, completed } = await run();
    expect({ text, completed }).toEqual({ text: DELTAS.join(''), completed: true });
    await harness.expectNothingLeft();
  });

  it('reset mid-stream: every event before the reset is emitted, then NetworkError', async () => {
    const after = lengthThrough(2) + 10;
    harness.server.enqueue({
      path: PATH,
      body: streamBytes(DELTAS),
      chunkSize: 9,
      delayMs: 1,
      resetAfterBytes: after,
    });
    const { text, error } = await run();
    expect(text).toBe('Привет, мир! ');
    expect(NetworkError.isInstance(error)).toBe(true);
    await expect(harness.server.requests[0]?.closed).resolves.toBe('reset');
    await harness.expectNothingLeft();
  });

  it('stall mid-stream: the events so far, then TimeoutError (each), request aborted', async () => {
    harness.server.enqueue({
      path: PATH,
      body: streamBytes(DELTAS),
      chunkSize: 11,
      delayMs: 1,
      stall: { afterBytes: lengthThrough(2) },
    });
    const { text, error } = await run({ timeout: { first: 2000, each: 200 } });
    expect(text).toBe('Привет, мир! ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 200 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('truncated chunked encoding: every event before the cut, then NetworkError', async () => {
    harness.server.enqueue({
      path: PATH,
      body: streamBytes(DELTAS),
      chunkSize: 13,
      delayMs: 1,
      truncate: { afterBytes: lengthThrough(3) + 5 },
    });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(NetworkError.isInstance(error)).toBe(true);
    await harness.expectNothingLeft();
  });

  it('a clean end without message_stop: every event, then StreamError (truncated)', async () => {
    harness.server.enqueue({ path: PATH, body: streamBytes(DELTAS, false), chunkSize: 5 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.join(''));
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('a body ending inside a multi-byte character: the events before it, then StreamError (truncated)', async () => {
    const body = streamBytes(DELTAS, false);
    const emoji = encoder.encode('😀');
    const at = body.findIndex((_, i) => emoji.every((byte, j) => body[i + j] === byte));
    const cut = at + 2; // two of its four bytes
    harness.server.enqueue({ path: PATH, body: body.subarray(0, cut), chunkSize: 17 });
    const { text, error } = await run();
    expect(text).toBe(DELTAS.slice(0, 3).join(''));
    expect(error).toMatchObject({ kind: 'truncated' });
    await harness.expectNothingLeft();
  });

  it('an overloaded_error event mid-stream: the text before it, then StreamError, not retried', async () => {
    const body = encoder.encode(streamText(DELTAS.slice(0, 2), false) + OVERLOADED);
    harness.server.enqueue({ path: PATH, body, chunkSize: 6 });
    const result = await recordUntilSettled(
      complete().pipe(retryCompletion({ count: 2, delay: 0 })),
    );
    expect(result.values.join('')).toBe('Привет, мир! ');
    expect(result.error).toMatchObject({ kind: 'server-error', errorType: 'overloaded_error' });
    expect(harness.server.requests).toHaveLength(1); // a retry would repeat the text
    await harness.expectNothingLeft();
  });

  it('an overloaded_error event before any text, then a 529: both retried, as a 529 is', async () => {
    harness.server.enqueue(
      { path: PATH, body: encoder.encode(`${HEAD[0] ?? ''}${OVERLOADED}`) },
      { path: PATH, status: 529 },
      { path: PATH, body: streamBytes(DELTAS), chunkSize: 3 },
    );
    const result = await recordUntilSettled(
      complete().pipe(retryCompletion({ count: 2, delay: 0 })),
    );
    expect(result.completed).toBe(true);
    expect(result.values.join('')).toBe(DELTAS.join(''));
    expect(harness.server.requests).toHaveLength(3);
    await harness.expectNothingLeft();
  });

  it('an event that is not JSON: the events before it, then StreamError (invalid-json)', async () => {
    const body = encoder.encode(
      streamText(DELTAS.slice(0, 1), false) + 'event: content_block_delta\ndata: {oops\n\n',
    );
    harness.server.enqueue({ path: PATH, body });
    const { text, error } = await run();
    expect(text).toBe(DELTAS[0]);
    expect(error).toMatchObject({ kind: 'invalid-json' });
    await harness.expectNothingLeft();
  });

  it('an Anthropic error body (401): HttpStatusError with its type and message', async () => {
    const stranger = new Anthropic({ baseURL: harness.server.url, apiKey: 'sk-ant-wrong' });
    const refused = await recordUntilSettled(
      stranger.createCompletion('claude-sonnet-4-5', [{ role: 'user', content: 'x' }], true),
    );
    expect(HttpStatusError.isInstance(refused.error)).toBe(true);
    expect(refused.error).toMatchObject({ status: 401, errorType: 'authentication_error' });
    await harness.expectNothingLeft();
  });
});
