/**
 * Hostile HTTP: what a server (or whatever sits in front of it) may answer besides a reply —
 * redirects to elsewhere, compressed bodies with trailing bytes, decompression bombs, 204s,
 * HTML challenge pages, JSON where SSE was asked, error JSON — and what a caller's own axios
 * set-up may do (an interceptor that throws, an adapter that cannot stream). Both providers,
 * over raw HTTP servers on 127.0.0.1 (two servers on two ports are two origins).
 */
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import axios, { type AxiosAdapter, type AxiosInstance } from 'axios';
import type { Observable } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lib/errors/configuration-error.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { InterceptorError } from '../../lib/errors/interceptor-error.js';
import { RedirectError } from '../../lib/errors/redirect-error.js';
import { ResponseTooLargeError } from '../../lib/errors/response-too-large-error.js';
import { UnexpectedResponseError } from '../../lib/errors/unexpected-response-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { useRawHttpServer, type RawHttpServer } from '../support/raw-http-server.js';
import { recordUntilSettled } from './support/record-events.js';
import { sseBytes } from './support/sse.js';

const KEY = 'sk-hostile-0123456789abcdef';
const messages = [{ role: 'user', content: 'hostile' }] as const;
const REPLY = Array.from({ length: 2700 }, (_, line) => `line ${line}: Привет, мир — 😀\n`).join(
  '',
);
const DELTAS = REPLY.match(/[^\n]*\n/g) ?? [];
const CHALLENGE = '<!DOCTYPE html><html><title>Just a moment...</title></html>';

/** Transport options both providers take. */
interface Transport {
  readonly axios?: AxiosInstance;
  readonly allowedRedirectOrigins?: readonly string[];
  readonly maxResponseBytes?: number;
}

/** What the rows need of a provider. */
interface Subject {
  readonly name: 'Aivvm' | 'OpenAICompatible';
  /** The route it posts to, under the base URL. */
  readonly path: string;
  /** The successful reply's body and content type. */
  readonly reply: { readonly contentType: string; readonly body: Buffer };
  readonly complete: (origin: string, stream: boolean, transport?: Transport) => Observable<string>;
}

const subjects: readonly Subject[] = [
  {
    name: 'Aivvm',
    path: '/api/chat',
    reply: { contentType: 'text/plain; charset=utf-8', body: Buffer.from(REPLY) },
    complete: (origin, stream, transport = {}) =>
      Aivvm.createCompletion('gpt-4', messages, stream, { baseURL: origin, ...transport }),
  },
  {
    name: 'OpenAICompatible',
    path: '/v1/chat/completions',
    reply: { contentType: 'text/event-stream', body: Buffer.from(sseBytes(DELTAS)) },
    complete: (origin, stream, transport = {}) =>
      new OpenAICompatible({ baseURL: `${origin}/v1`, apiKey: KEY, ...transport }).createCompletion(
        'gpt-4o-mini',
        messages,
        stream,
      ),
  },
];

const first = useRawHttpServer();
const second = useRawHttpServer();
let a: RawHttpServer;
let b: RawHttpServer;
beforeAll(() => {
  a = first();
  b = second();
});

async function run(source: Observable<string>) {
  const result = await recordUntilSettled(source);
  expect(result.events.filter((event) => event.kind !== 'next')).toHaveLength(1);
  return { ...result, text: result.values.join('') };
}

function sendReply(subject: Subject, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': subject.reply.contentType }).end(subject.reply.body);
}

/** The most `heapUsed + arrayBuffers` grew while `work` ran. */
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
  return peak - start;
}

describe.each(subjects)('$name against a hostile server', (subject) => {
  it('follows a same-origin 307: the prompt re-posted, the reply emitted', async () => {
    a.handle((request, response) => {
      if (request.path === subject.path) {
        response.writeHead(307, { location: `/moved${subject.path}` }).end();
      } else sendReply(subject, response);
    });
    const { text, completed } = await run(subject.complete(a.url, true));
    expect(completed).toBe(true);
    expect(text).toBe(REPLY);
    expect(a.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(a.requests[1]?.body.equals(a.requests[0]!.body)).toBe(true);
  });

  it('does not follow a 307 to another origin: RedirectError, the other server sees nothing', async () => {
    a.handle((_request, response) => {
      response.writeHead(307, { location: `${b.url}${subject.path}?key=x` }).end();
    });
    b.handle((_request, response) => {
      sendReply(subject, response);
    });
    const { values, error } = await run(subject.complete(a.url, true));
    expect(values).toEqual([]);
    expect(RedirectError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ refusal: 'cross-origin', targetOrigin: b.url, status: 307 });
    expect(b.requests).toEqual([]);
  });

  it('follows a 307 to an allowed origin, without the authorization header', async () => {
    a.handle((_request, response) => {
      response.writeHead(307, { location: `${b.url}${subject.path}` }).end();
    });
    b.handle((_request, response) => {
      sendReply(subject, response);
    });
    const { text } = await run(subject.complete(a.url, true, { allowedRedirectOrigins: [b.url] }));
    expect(text).toBe(REPLY);
    if (subject.name === 'OpenAICompatible')
      expect(a.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(b.requests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(b.requests[0]?.headers)).not.toContain(KEY);
  });

  it('a redirect loop stops after 5 redirects', async () => {
    a.handle((request, response) => {
      response.writeHead(308, { location: request.path }).end();
    });
    const { error } = await run(subject.complete(a.url, true));
    expect(error).toMatchObject({ code: 'REDIRECT', refusal: 'too-many' });
    expect(a.requests).toHaveLength(6);
  });

  it('a 302 without Location is a RedirectError, its body never the reply', async () => {
    a.handle((_request, response) => {
      response.writeHead(302, { 'content-type': 'text/plain' }).end('Found. Redirecting');
    });
    const { values, error } = await run(subject.complete(a.url, true));
    expect(values).toEqual([]);
    expect(error).toMatchObject({ code: 'REDIRECT', refusal: 'missing-location' });
  });

  it('gzip (108 KB) followed by trailing bytes: every byte of the reply, then completes', async () => {
    a.handle((_request, response) => {
      response.writeHead(200, {
        'content-type': subject.reply.contentType,
        'content-encoding': 'gzip',
      });
      response.end(
        Buffer.concat([gzipSync(subject.reply.body), Buffer.from('\n<html>trailing</html>')]),
      );
    });
    expect(Buffer.byteLength(REPLY)).toBeGreaterThan(108_000);
    const { text, completed } = await run(subject.complete(a.url, true));
    expect(completed).toBe(true);
    expect(text).toBe(REPLY);
  });

  it('a gzip bomb read whole (stream: false): ResponseTooLargeError at maxResponseBytes, memory bounded', async () => {
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61));
    const bomb = Buffer.concat(Array.from({ length: 9 }, () => member));
    const whole = subject.name === 'Aivvm' ? 'text/plain' : 'application/json';
    a.handle((_request, response) => {
      response.writeHead(200, {
        'content-type': whole,
        'content-encoding': 'gzip',
      });
      response.end(bomb);
    });
    let error: unknown;
    const growth = await peakMemoryGrowth(async () => {
      ({ error } = await run(subject.complete(a.url, false)));
    });
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 16 * 1024 * 1024 });
    expect(growth).toBeLessThan(160 * 1024 * 1024);
  });

  it.each([204, 304])(
    'status %i: UnexpectedResponseError, never an empty success',
    async (status) => {
      a.handle((_request, response) => {
        response.writeHead(status).end();
      });
      const { values, error } = await run(subject.complete(a.url, true));
      expect(values).toEqual([]);
      expect(UnexpectedResponseError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'status', status });
    },
  );

  it('an HTML challenge page with status 200: UnexpectedResponseError with its excerpt', async () => {
    a.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end(CHALLENGE);
    });
    const { values, error } = await run(subject.complete(a.url, true));
    expect(values).toEqual([]);
    expect(error).toMatchObject({ reason: 'content-type', bodyExcerpt: CHALLENGE });
  });

  it("the provider's error JSON becomes HttpStatusError fields", async () => {
    a.handle((_request, response) => {
      response
        .writeHead(400, { 'content-type': 'application/json' })
        .end(
          '{"error":{"message":"bad temperature","type":"invalid_request_error","code":"invalid_value","param":"temperature"}}',
        );
    });
    const { error } = await run(subject.complete(a.url, true));
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      serverMessage: 'bad temperature',
      errorType: 'invalid_request_error',
      errorCode: 'invalid_value',
      param: 'temperature',
    });
    expect((error as Error).message).toContain('bad temperature');
  });

  it.each([
    ['exactly 8 KiB, then the end', 8192, false],
    ['exactly 8 KiB in one write, then more', 8193, true],
  ])('bodyTruncated with %s', async (_name, length, truncated) => {
    a.handle((_request, response) => {
      response.writeHead(503);
      response.write('E'.repeat(8192));
      setImmediate(() => response.end('E'.repeat(length - 8192)));
    });
    const { error } = await run(subject.complete(a.url, true));
    expect(error).toMatchObject({ status: 503, bodyTruncated: truncated });
  });

  it("an interceptor's TypeError is an InterceptorError, never retried, nothing sent", async () => {
    const client = axios.create();
    let calls = 0;
    client.interceptors.request.use(() => {
      calls++;
      throw new TypeError('config.headers is undefined');
    });
    const { error } = await run(
      subject.complete(a.url, true, { axios: client }).pipe(retryCompletion({ count: 3 })),
    );
    expect(InterceptorError.isInstance(error)).toBe(true);
    expect(calls).toBe(1);
    expect(a.requests).toEqual([]);
  });

  it('an adapter whose body is not a stream: ConfigurationError naming the fetch adapter', async () => {
    const xhrLike: AxiosAdapter = (config) =>
      Promise.resolve({ data: REPLY, status: 200, statusText: 'OK', headers: {}, config });
    const { error } = await run(
      subject
        .complete(a.url, true, { axios: axios.create({ adapter: xhrLike }) })
        .pipe(retryCompletion({ count: 3 })),
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("adapter: 'fetch'");
  });
});

describe('OpenAICompatible only', () => {
  const openai = (transport: Transport = {}) =>
    new OpenAICompatible({ baseURL: `${a.url}/v1`, apiKey: KEY, ...transport });

  it("JSON with an error where SSE was asked: UnexpectedResponseError with the server's message", async () => {
    a.handle((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"error":{"message":"quota exceeded"}}');
    });
    const { error } = await run(openai().createCompletion('m', messages, true));
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', serverMessage: 'quota exceeded' });
  });

  it('listModels() of a gzip bomb: ResponseTooLargeError at maxResponseBytes', async () => {
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    a.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(Buffer.concat([member, member]));
    });
    const result = await recordUntilSettled(openai({ maxResponseBytes: 1024 * 1024 }).listModels());
    expect(ResponseTooLargeError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ limit: 1024 * 1024 });
  });
});
