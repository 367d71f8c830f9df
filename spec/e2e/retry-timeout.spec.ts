/**
 * `retryCompletion` and `timeoutCompletion` end to end: Aivvm over real HTTP on 127.0.0.1
 * against the loopback server, no mocks. The marble specs in `spec/operators/` cover the
 * timing in virtual time; these check that the operators do the same to real requests.
 */
import type { MonoTypeOperatorFunction, Observable } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { timeoutCompletion } from '../../lib/operators/timeout-completion.js';
import type { AivvmOptions } from '../../lib/providers/aivvm/aivvm-options.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { collect } from '../support/collect.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
});
afterEach(async () => {
  await server.waitForIdle({ timeoutMs: 2000 });
  // A script left in the queue would answer the next test's request.
  expect(server.queuedScripts).toBe(0);
  server.clearRequests();
});
afterAll(async () => {
  await server.close();
});

const REPLY = ['Hel', 'lo, ', 'world', '!'];
const success = { chunks: REPLY, delayMs: 2 };

/** A streamed completion from the loopback server. */
function complete(options: AivvmOptions = {}): Observable<string> {
  return Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
    baseURL: server.url,
    ...options,
  });
}

/** Retries quickly: full jitter under 10, 20, 40 ms. */
const quickRetry = <T>(): MonoTypeOperatorFunction<T> =>
  retryCompletion<T>({ count: 3, delay: 10 });

describe('retryCompletion against a real server', () => {
  it('waits for `Retry-After: 1` after a 429, then streams the reply once', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '1' } }, success);
    const { values, error, completed } = await collect(complete().pipe(retryCompletion()));
    expect(error).toBeUndefined();
    expect(completed).toBe(true);
    expect(values.join('')).toBe('Hello, world!');
    const [limited, retried] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('retries a 503 three times, then streams the reply of the fourth request', async () => {
    server.enqueue({ status: 503 }, { status: 503 }, { status: 503 }, success);
    const { values, completed } = await collect(complete().pipe(quickRetry()));
    expect(completed).toBe(true);
    expect(values.join('')).toBe('Hello, world!');
    expect(server.requests).toHaveLength(4);
  });

  it('passes the last 503 on once `count` retries are spent', async () => {
    server.enqueue({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const { values, error } = await collect(complete().pipe(quickRetry()));
    expect(values).toEqual([]);
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry a failure after the first chunk: the text before the reset, then NetworkError', async () => {
    server.enqueue({ text: 'Hello, stream!', chunkSize: 3, delayMs: 2, resetAfterBytes: 9 });
    const { values, error } = await collect(complete().pipe(quickRetry()));
    expect(values.join('')).toBe('Hello, st');
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ bytesReceived: 9 });
    expect(server.requests).toHaveLength(1);
    await expect(server.requests[0]?.closed).resolves.toBe('reset');
  });

  it('does not retry a 400', async () => {
    server.enqueue({ status: 400, text: 'Bad request: no messages' });
    const { values, error } = await collect(complete().pipe(quickRetry()));
    expect(values).toEqual([]);
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, bodyExcerpt: 'Bad request: no messages' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a first-chunk timeout with a new request, closing the stalled one', async () => {
    server.enqueue({ stall: 'after-headers' }, success);
    const { values, completed } = await collect(
      complete().pipe(timeoutCompletion({ first: 100 }), quickRetry()),
    );
    expect(completed).toBe(true);
    expect(values.join('')).toBe('Hello, world!');
    expect(server.requests).toHaveLength(2);
    await expect(server.requests[0]?.closed).resolves.toBe('client-closed');
  });
});

describe('timeouts against a stalled stream', () => {
  const deadlines = { first: 2000, each: 100 };
  const stalled = { chunks: ['one ', 'two '], delayMs: 2, stall: { afterBytes: 8 } };

  it.each([
    ['the provider option `timeout`', () => complete({ timeout: deadlines })],
    ['`timeoutCompletion` piped by the user', () => complete().pipe(timeoutCompletion(deadlines))],
  ])('%s errors after the chunks received and closes the connection', async (_, completion) => {
    server.enqueue(stalled);
    const { values, error } = await collect(completion().pipe(quickRetry()));
    expect(values.join('')).toBe('one two ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 100 });
    expect(server.requests).toHaveLength(1); // a timeout after a chunk is not retried
    await expect(server.requests[0]?.closed).resolves.toBe('client-closed');
    await server.waitForIdle({ timeoutMs: 1000 });
    expect(server.requests[0]?.outcome).toBe('client-closed');
  });
});

describe('the total deadline against a steady stream', () => {
  it('ends a reply that streams steadily but too long, after the chunks that came, and closes the connection', async () => {
    server.enqueue({ chunks: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], delayMs: 100 });
    const { values, error } = await collect(complete({ timeout: { each: 2000, total: 350 } }));
    expect(values.length).toBeGreaterThan(0);
    expect(values.length).toBeLessThan(8);
    expect('abcdefgh'.startsWith(values.join(''))).toBe(true);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'total', afterMs: 350 });
    await expect(server.requests[0]?.closed).resolves.toBe('client-closed');
  });
});
