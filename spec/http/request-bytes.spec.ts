import { inspect } from 'node:util';
import axios from 'axios';
import { take } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import type { ByteRequest } from '../../lib/http/byte-request.js';
import { requestBytes } from '../../lib/http/request-bytes.js';
import type { LoopbackServer } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';
import { cancelAtFirstValue } from '../support/cancel-at-first-value.js';
import { collect, collectCompleted, concatBytes, refusedPort } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';

const SECRET = 'sk-test-SECRET-0123456789';
const loopback = useLoopbackServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

const body = new TextEncoder().encode(
  JSON.stringify({
    model: { id: 'gpt-4', name: 'GPT-4' },
    messages: [{ role: 'user', content: 'hi' }],
    key: '',
    prompt: 'p',
    temperature: 0.7,
  }),
);

function chatRequest(overrides: Partial<ByteRequest> = {}): ByteRequest {
  return {
    provider: 'Test',
    method: 'POST',
    url: `${server.url}/api/chat?key=${SECRET}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    body,
    ...overrides,
  };
}

const adapters = [
  ['http adapter (Node streams)', undefined],
  ['fetch adapter (web ReadableStream)', axios.create({ adapter: 'fetch' })],
] as const;

describe.each(adapters)('requestBytes over the %s', (_name, client) => {
  const request = (overrides: Partial<ByteRequest> = {}): ByteRequest =>
    chatRequest({ axios: client, ...overrides });

  it('sends nothing before subscribe, and one request per subscription', async () => {
    const before = countsOf(server);
    const bytes$ = requestBytes(request());
    await expectNothingSent(server, before, 'a request not subscribed to');
    server.clearRequests();
    await collectCompleted(bytes$);
    await collectCompleted(bytes$);
    expect(
      server.requests.map((recorded) => recorded.method),
      'one request per subscription',
    ).toEqual(['POST', 'POST']);
  });

  it('emits the body as it arrives, in order, then completes', async () => {
    server.enqueue({ chunks: ['one ', 'two ', 'three'], delayMs: 5 });
    const result = await collect(requestBytes(request()));
    expect(result.completed).toBe(true);
    expect(result.values.length).toBeGreaterThan(1);
    expect(new TextDecoder().decode(concatBytes(result.values))).toBe('one two three');
  });

  it('errors with HttpStatusError carrying status, status text and the body excerpt', async () => {
    server.enqueue({ status: 503, statusText: 'Upstream went away', text: 'try later' });
    const { error } = await collect(requestBytes(request()));
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 503,
      statusText: 'Upstream went away',
      bodyExcerpt: 'try later',
      bodyTruncated: false,
      provider: 'Test',
      method: 'POST',
      url: `${server.url}/api/chat`,
    });
  });

  it('reads no more of a huge error body than the limit, then aborts', async () => {
    // Larger than what the loopback socket buffers can hold (Linux grows a receive buffer up
    // to 32 MiB), so the server cannot finish writing it before the client's abort arrives.
    server.enqueue({
      status: 500,
      body: new Uint8Array(64 * 1024 * 1024).fill(65),
      chunkSize: 65536,
    });
    const { error } = await collect(requestBytes(request({ errorBodyLimit: 1000 })));
    expect(error).toBeInstanceOf(HttpStatusError);
    const status = error as HttpStatusError;
    expect(status.bodyExcerpt).toBe('A'.repeat(1000));
    expect(status.bodyTruncated).toBe(true);
    await server.waitForIdle({ timeoutMs: 1000 });
    expect(server.requests[0]?.outcome).not.toBe('completed');
  });

  it('emits every byte received before a reset, then NetworkError', async () => {
    const payload = new Uint8Array(5000).map((_, index) => index % 251);
    server.enqueue({ body: payload, chunkSize: 700, delayMs: 2, resetAfterBytes: 3000 });
    const result = await collect(requestBytes(request()));
    expect(NetworkError.isInstance(result.error)).toBe(true);
    expect(concatBytes(result.values)).toEqual(payload.subarray(0, 3000));
    expect((result.error as NetworkError).bytesReceived).toBe(3000);
  });

  it('emits every byte before a truncated chunked body, then NetworkError', async () => {
    server.enqueue({ text: 'abcdefghij'.repeat(10), chunkSize: 10, truncate: { afterBytes: 40 } });
    const result = await collect(requestBytes(request()));
    expect(NetworkError.isInstance(result.error)).toBe(true);
    expect(new TextDecoder().decode(concatBytes(result.values))).toBe('abcdefghij'.repeat(4));
  });

  it('errors with NetworkError when the connection is refused', async () => {
    const port = await refusedPort();
    const { error } = await collect(requestBytes(request({ url: `http://127.0.0.1:${port}/x` })));
    expect(NetworkError.isInstance(error)).toBe(true);
    if (!client) expect((error as NetworkError).errno).toBe('ECONNREFUSED');
  });

  it('aborts when unsubscribed before the headers: the server sees the close', async () => {
    server.enqueue({ stall: 'before-headers' });
    const seen: string[] = [];
    const subscription = requestBytes(request()).subscribe({
      next: () => seen.push('next'),
      error: () => seen.push('error'),
      complete: () => seen.push('complete'),
    });
    const [recorded] = await server.waitForRequests(1);
    subscription.unsubscribe();
    await expect(recorded?.closed).resolves.toBe('client-closed');
    await server.waitForIdle({ timeoutMs: 1000 });
    expect(seen, 'what the subscriber saw after unsubscribing').toEqual([]);
  });

  it('aborts when unsubscribed mid-stream: nothing is emitted after', async () => {
    server.enqueue({ chunks: ['first', 'second'], delayMs: 30, stall: { afterBytes: 11 } });
    const decoder = new TextDecoder();
    const seen = await cancelAtFirstValue(requestBytes(request()), server, (bytes) =>
      decoder.decode(bytes),
    );
    expect(seen).toEqual(['first']);
  });

  it('take(1) on a long stream closes the socket', async () => {
    server.enqueue({ text: 'x'.repeat(100_000), chunkSize: 100, delayMs: 1 });
    const result = await collect(requestBytes(request()).pipe(take(1)));
    expect(result.values).toHaveLength(1);
    await server.waitForIdle({ timeoutMs: 1000 });
  });

  it('never lets a header, the API key or the query string into an error', async () => {
    const port = await refusedPort();
    server.enqueue(
      { status: 401, statusText: 'Unauthorized', text: 'bad key' },
      { text: 'abc'.repeat(100), chunkSize: 30, resetAfterBytes: 60 },
    );
    const failures = [
      await collect(requestBytes(request())),
      await collect(requestBytes(request())),
      await collect(requestBytes(request({ url: `http://127.0.0.1:${port}/?key=${SECRET}` }))),
    ];
    for (const { error } of failures) {
      expect(error).toBeDefined();
      for (const text of [JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]) {
        expect(text).not.toContain(SECRET);
        expect(text.toLowerCase()).not.toContain('authorization');
      }
    }
  });
});
