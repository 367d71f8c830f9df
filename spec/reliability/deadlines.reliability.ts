/**
 * Deadlines and retry waits for both providers, over real sockets on 127.0.0.1: the default
 * idle deadline (made small per call with `timeout: { idle }`; its ten-minute value is checked
 * in `spec/providers/with-deadlines.spec.ts`) against headers trickled a byte at a time and a
 * stalled body; `Retry-After` waits longer than a timer can hold; `x-should-retry` in any case.
 */
import type { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import type { CompletionOptions } from '../../lib/providers/provider.js';
import type { ReplyScript } from '../../lib/testing/index.js';
import {
  startTricklingHeadersServer,
  type TricklingHeadersServer,
} from '../support/trickling-headers-server.js';
import { useFaultHarness } from './support/fault-harness.js';
import { recordUntilSettled } from './support/record-events.js';
import { SSE_DONE, sseBytes, sseLength } from './support/sse.js';

const KEY = 'sk-reliability-deadlines-0123456789';
const harness = useFaultHarness({ apiKey: KEY });
const encoder = new TextEncoder();
const DELTAS = ['Привет, ', 'мир! ', 'Hello, ', 'world — 😀'];
const TEXT = DELTAS.join('');

let trickling: TricklingHeadersServer;
beforeAll(async () => {
  trickling = await startTricklingHeadersServer();
});
afterAll(async () => {
  await trickling.close();
});

/** What a row needs to know of one provider. */
interface Subject {
  readonly name: string;
  readonly path: string;
  /** A completion from the server at `root` (the loopback server's URL, or the raw one's). */
  readonly complete: (root: string, options?: CompletionOptions) => Observable<string>;
  /** A reply that streams {@link TEXT}. */
  readonly success: ReplyScript;
  /** A reply that streams the first two deltas, then stalls. */
  readonly stalled: ReplyScript;
  /** {@link success} in ten writes or so, 60 ms apart: longer than a 300 ms idle deadline. */
  readonly steady: ReplyScript;
}

const messages = [{ role: 'user' as const, content: 'deadline' }];
const subjects: readonly Subject[] = [
  {
    name: 'Aivvm',
    path: '/api/chat',
    complete: (root, options = {}) =>
      Aivvm.createCompletion('gpt-4', messages, true, { baseURL: root, ...options }),
    success: { path: '/api/chat', text: TEXT, chunkSize: 5, delayMs: 1 },
    steady: { path: '/api/chat', text: TEXT, chunkSize: 4, delayMs: 60 },
    stalled: {
      path: '/api/chat',
      text: TEXT,
      chunkSize: 5,
      delayMs: 1,
      stall: { afterBytes: encoder.encode('Привет, мир! ').length },
    },
  },
  {
    name: 'OpenAICompatible',
    path: '/v1/chat/completions',
    complete: (root, options = {}) =>
      new OpenAICompatible({ baseURL: `${root}/v1`, apiKey: KEY }).createCompletion(
        'gpt-4o-mini',
        messages,
        true,
        options,
      ),
    success: { path: '/v1/chat/completions', body: sseBytes(DELTAS), chunkSize: 11, delayMs: 1 },
    steady: {
      path: '/v1/chat/completions',
      body: sseBytes(DELTAS),
      chunkSize: Math.ceil(sseBytes(DELTAS).length / 10),
      delayMs: 60,
    },
    stalled: {
      path: '/v1/chat/completions',
      body: sseBytes(DELTAS),
      chunkSize: 11,
      delayMs: 1,
      stall: { afterBytes: sseLength(DELTAS, 2) },
    },
  },
];

describe.each(subjects)('$name deadlines', (subject) => {
  const { path } = subject;
  const run = (options?: CompletionOptions, root = harness.server.url) =>
    recordUntilSettled(subject.complete(root, options));

  it('headers trickled a byte at a time: TimeoutError (first) after the idle deadline, socket closed', async () => {
    const { values, error, events } = await run({ timeout: { idle: 300 } }, trickling.url);
    expect(values).toEqual([]);
    expect(events).toHaveLength(1);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'first', afterMs: 300 });
    await trickling.waitForClosed(3000);
    expect(trickling.openConnections).toBe(0);
    await harness.expectNothingLeft();
  });

  it('body stalled after some text: the text, then TimeoutError (each) after the idle deadline, socket closed', async () => {
    harness.server.enqueue(subject.stalled);
    const { values, error } = await run({ timeout: { idle: 300 } });
    expect(values.join('')).toBe('Привет, мир! ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 300 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });

  it('a steady stream longer than the idle deadline completes: the deadline is between bytes', async () => {
    harness.server.enqueue(subject.steady);
    const { values, completed } = await run({ timeout: { idle: 300 } });
    expect(completed).toBe(true);
    expect(values.join('')).toBe(TEXT);
    await harness.expectNothingLeft();
  });

  it.each([
    ['Retry-After: 2592000 (30 days)', { 'retry-after': '2592000' }],
    ['retry-after-ms: 3e9', { 'retry-after-ms': '3000000000' }],
    ['Retry-After in the year 9999', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }],
  ])(
    '503 with %s and maxRetryAfter: Infinity: the error passes through, no retry',
    async (_, headers) => {
      harness.server.enqueue({ path, status: 503, headers });
      const { values, error } = await recordUntilSettled(
        subject
          .complete(harness.server.url)
          .pipe(retryCompletion({ maxRetryAfter: Infinity, count: 3 })),
      );
      expect(values).toEqual([]);
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 503, responseHeaders: headers });
      expect(harness.server.requests).toHaveLength(1);
      await harness.expectNothingLeft();
    },
  );

  it('400 with X-Should-Retry: TRUE is retried, then the reply streams once', async () => {
    harness.server.enqueue(
      { path, status: 400, headers: { 'X-Should-Retry': 'TRUE' } },
      subject.success,
    );
    const { values, completed } = await recordUntilSettled(
      subject.complete(harness.server.url).pipe(retryCompletion({ count: 1, delay: 1 })),
    );
    expect(completed).toBe(true);
    expect(values.join('')).toBe(TEXT);
    expect(harness.server.requests).toHaveLength(2);
    await harness.expectNothingLeft();
  });

  it('503 with x-should-retry: False passes through, no retry', async () => {
    harness.server.enqueue({ path, status: 503, headers: { 'x-should-retry': 'False' } });
    const { error } = await recordUntilSettled(
      subject.complete(harness.server.url).pipe(retryCompletion({ count: 3, delay: 1 })),
    );
    expect(error).toMatchObject({ status: 503 });
    expect(harness.server.requests).toHaveLength(1);
    await harness.expectNothingLeft();
  });
});

describe('OpenAICompatible idle deadline and SSE comments', () => {
  it('comments (": keep-alive") count as life: a request quiet in content but not in bytes completes', async () => {
    const pings = ': keep-alive\n\n'.repeat(8);
    const body = encoder.encode(
      pings + new TextDecoder().decode(sseBytes(DELTAS, false)) + SSE_DONE,
    );
    harness.server.enqueue({ path: '/v1/chat/completions', body, chunkSize: 14, delayMs: 60 });
    const subject = subjects[1]!;
    const { values, completed } = await recordUntilSettled(
      subject.complete(harness.server.url, { timeout: { idle: 300 } }),
    );
    expect(completed).toBe(true);
    expect(values.join('')).toBe(TEXT);
    await harness.expectNothingLeft();
  });
});
