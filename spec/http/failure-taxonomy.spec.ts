import axios, { type AxiosAdapter } from 'axios';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lib/errors/configuration-error.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { InterceptorError } from '../../lib/errors/interceptor-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import type { ByteRequest } from '../../lib/http/byte-request.js';
import { requestBytes } from '../../lib/http/request-bytes.js';
import { isRetryableByDefault } from '../../lib/operators/internal/is-retryable-by-default.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { collect } from '../support/collect.js';
import { useRawHttpServer, type RawHttpServer } from '../support/raw-http-server.js';

const raw = useRawHttpServer();
let server: RawHttpServer;
beforeAll(() => {
  server = raw();
});

const request = (overrides: Partial<ByteRequest> = {}): ByteRequest => ({
  provider: 'Test',
  method: 'GET',
  url: `${server.url}/`,
  headers: { authorization: 'Bearer sk-taxonomy-0123456789' },
  ...overrides,
});

function answer(status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  server.handle((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });
}

describe('failures are told apart', () => {
  it("a request interceptor's TypeError is an InterceptorError, with it as cause, never retried", async () => {
    const client = axios.create();
    const thrown = new TypeError('cannot read properties of undefined');
    let calls = 0;
    client.interceptors.request.use(() => {
      calls++;
      throw thrown;
    });
    const { error } = await collect(
      requestBytes(request({ axios: client })).pipe(retryCompletion({ count: 3 })),
    );
    expect(InterceptorError.isInstance(error)).toBe(true);
    expect(NetworkError.isInstance(error)).toBe(false);
    expect((error as Error).cause).toBe(thrown);
    expect(calls).toBe(1);
    expect(server.requests).toEqual([]);
    expect(isRetryableByDefault(error)).toBe(false);
  });

  it('an adapter whose body is not a stream (XHR) is a ConfigurationError saying what to pass', async () => {
    const xhrLike: AxiosAdapter = (config) =>
      Promise.resolve({
        data: 'the whole text',
        status: 200,
        statusText: 'OK',
        headers: {},
        config,
      });
    const { error } = await collect(
      requestBytes(request({ axios: axios.create({ adapter: xhrLike }) })),
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("axios.create({ adapter: 'fetch' })");
    expect(isRetryableByDefault(error)).toBe(false);
  });

  it('a URL axios refuses (unsupported protocol) is a ConfigurationError', async () => {
    const { error } = await collect(requestBytes(request({ url: 'ftp://127.0.0.1/x' })));
    expect(ConfigurationError.isInstance(error)).toBe(true);
  });

  it('a refused connection stays a retryable NetworkError', async () => {
    const closed = `${server.url.replace(/:\d+$/, '')}:1/`;
    const { error } = await collect(requestBytes(request({ url: closed })));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(isRetryableByDefault(error)).toBe(true);
  });
});

describe("HttpStatusError reads the provider's error JSON", () => {
  it('{"error":{message,type,code,param}}: the fields, and the message quotes the server', async () => {
    answer(
      404,
      '{"error":{"message":"The model `x` does not exist","type":"invalid_request_error","code":"model_not_found","param":"model"}}',
    );
    const { error } = await collect(requestBytes(request()));
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      serverMessage: 'The model `x` does not exist',
      errorType: 'invalid_request_error',
      errorCode: 'model_not_found',
      param: 'model',
    });
    expect((error as Error).message).toContain(
      'answered 404 Not Found: The model `x` does not exist',
    );
  });

  it('{"error":"text"}: the text is the server message', async () => {
    answer(500, '{"error":"upstream exploded"}');
    const { error } = await collect(requestBytes(request()));
    expect(error).toMatchObject({ serverMessage: 'upstream exploded', errorType: undefined });
  });
});

describe('bodyTruncated at the exact limit', () => {
  it('exactly the limit, then more: truncated', async () => {
    server.handle((_request, response) => {
      response.writeHead(500);
      response.write('A'.repeat(1000));
      setImmediate(() => response.end('B'.repeat(1000)));
    });
    const { error } = await collect(requestBytes(request({ errorBodyLimit: 1000 })));
    expect(error).toMatchObject({ bodyExcerpt: 'A'.repeat(1000), bodyTruncated: true });
  });

  it('2,000 bytes in one chunk with a 1,000 limit: truncated', async () => {
    answer(500, 'A'.repeat(2000));
    const { error } = await collect(requestBytes(request({ errorBodyLimit: 1000 })));
    expect(error).toMatchObject({ bodyExcerpt: 'A'.repeat(1000), bodyTruncated: true });
  });

  it('exactly the limit, then the end: not truncated', async () => {
    answer(500, 'A'.repeat(1000));
    const { error } = await collect(requestBytes(request({ errorBodyLimit: 1000 })));
    expect(error).toMatchObject({ bodyExcerpt: 'A'.repeat(1000), bodyTruncated: false });
  });
});
