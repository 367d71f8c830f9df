import axios from 'axios';
import { beforeAll, describe, expect, it } from 'vitest';
import { RedirectError } from '../../lib/errors/redirect-error.js';
import { UnexpectedResponseError } from '../../lib/errors/unexpected-response-error.js';
import type { ByteRequest } from '../../lib/http/byte-request.js';
import { nextHop } from '../../lib/http/redirect-hop.js';
import { requestBytes } from '../../lib/http/request-bytes.js';
import { collect, concatBytes } from '../support/collect.js';
import { useRawHttpServer, type RawHttpServer } from '../support/raw-http-server.js';

const SECRET = 'sk-redirect-SECRET-0123456789';
const CREDENTIALS = {
  authorization: `Bearer ${SECRET}`,
  'x-api-key': SECRET,
  'api-key': SECRET,
  'x-goog-api-key': SECRET,
  cookie: `session=${SECRET}`,
};
const PROMPT = '{"messages":[{"role":"user","content":"the prompt"}]}';
const text = (bytes: readonly Uint8Array[]): string => new TextDecoder().decode(concatBytes(bytes));

const first = useRawHttpServer();
const second = useRawHttpServer();
let a: RawHttpServer;
let b: RawHttpServer;
beforeAll(() => {
  a = first();
  b = second();
});

/** Echoes the method and body of each request. */
function echo(server: RawHttpServer): void {
  server.handle((request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(`${request.method} ${request.body.toString()}`);
  });
}

function redirectFrom(server: RawHttpServer, status: number, location: string | undefined): void {
  server.handle((request, response) => {
    if (request.path !== '/start') {
      response
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(`${request.method} ${request.body.toString()}`);
      return;
    }
    response.writeHead(status, location === undefined ? {} : { location }).end('moved');
  });
}

const adapters = [
  ['http adapter', undefined],
  ['fetch adapter', axios.create({ adapter: 'fetch' })],
] as const;

describe.each(adapters)('redirects over the %s (RFC 9110 §15.4)', (_name, client) => {
  const post = (overrides: Partial<ByteRequest> = {}): ByteRequest => ({
    provider: 'Test',
    method: 'POST',
    url: `${a.url}/start`,
    headers: { 'content-type': 'application/json', ...CREDENTIALS },
    body: new TextEncoder().encode(PROMPT),
    axios: client,
    ...overrides,
  });

  it.each([307, 308])(
    'follows a same-origin %i with the method, the body and the credentials',
    async (status) => {
      redirectFrom(a, status, '/next');
      const result = await collect(requestBytes(post()));
      expect(result.completed).toBe(true);
      expect(text(result.values)).toBe(`POST ${PROMPT}`);
      expect(a.requests.map((request) => request.path)).toEqual(['/start', '/next']);
      expect(a.requests[1]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    },
  );

  it.each([301, 302, 303])(
    'turns a POST redirected by %i into a GET without body',
    async (status) => {
      redirectFrom(a, status, '/next');
      const result = await collect(requestBytes(post()));
      expect(text(result.values)).toBe('GET ');
      const followed = a.requests[1];
      expect(followed?.method).toBe('GET');
      expect(followed?.body.length).toBe(0);
      expect(followed?.headers['content-type']).toBeUndefined();
    },
  );

  it('does not follow a redirect to another origin: RedirectError naming its origin, and the other server sees nothing', async () => {
    echo(b);
    redirectFrom(a, 307, `http://user:pass@${b.url.slice(7)}/steal?key=${SECRET}`);
    const result = await collect(requestBytes(post()));
    expect(result.values).toEqual([]);
    expect(RedirectError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({
      status: 307,
      refusal: 'cross-origin',
      targetOrigin: b.url,
    });
    expect(String(result.error)).not.toContain('steal');
    expect(JSON.stringify(result.error)).not.toContain(SECRET);
    expect(b.requests).toEqual([]);
  });

  it('follows a redirect to an allowed origin without any credential header, the instance defaults included', async () => {
    echo(b);
    redirectFrom(a, 307, `${b.url}/there`);
    const withDefaults =
      client ?? axios.create({ headers: { common: { 'proxy-authorization': `Basic ${SECRET}` } } });
    const result = await collect(
      requestBytes(post({ allowedRedirectOrigins: [b.url], axios: withDefaults })),
    );
    expect(text(result.values)).toBe(`POST ${PROMPT}`);
    const received = b.requests[0];
    for (const name of [...Object.keys(CREDENTIALS), 'proxy-authorization']) {
      expect(received?.headers[name]).toBeUndefined();
    }
    expect(JSON.stringify(received?.headers)).not.toContain(SECRET);
  });

  it('stops a redirect loop after 5 redirects', async () => {
    a.handle((_request, response) => {
      response.writeHead(302, { location: '/start' }).end();
    });
    const result = await collect(requestBytes(post({ method: 'GET', body: undefined })));
    expect(result.error).toMatchObject({ code: 'REDIRECT', refusal: 'too-many' });
    expect(a.requests).toHaveLength(6);
  });

  it('a 3xx without Location is a RedirectError, never the reply', async () => {
    redirectFrom(a, 302, undefined);
    const result = await collect(requestBytes(post()));
    expect(result.values).toEqual([]);
    expect(result.error).toMatchObject({
      code: 'REDIRECT',
      refusal: 'missing-location',
      status: 302,
    });
  });

  it('a 304 is an UnexpectedResponseError, never the reply', async () => {
    a.handle((_request, response) => {
      response.writeHead(304).end();
    });
    const result = await collect(requestBytes(post()));
    expect(result.values).toEqual([]);
    expect(UnexpectedResponseError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ reason: 'status', status: 304 });
  });
});

describe('nextHop', () => {
  const target = { provider: 'Test', method: 'POST', url: 'https://api.example/v1' };
  const hop = {
    method: 'POST',
    url: 'https://api.example/v1/chat',
    headers: { authorization: 'Bearer x' },
    body: new Uint8Array([1]),
    redirects: 0,
  };

  it('refuses https to http on the same host as a downgrade', () => {
    const next = nextHop(hop, 308, 'http://api.example/v1/chat', [], target);
    expect(next).toMatchObject({ refusal: 'downgrade', targetOrigin: 'http://api.example' });
  });

  it('treats another port as another origin', () => {
    const next = nextHop(hop, 307, 'https://api.example:8443/v1/chat', [], target);
    expect(next).toMatchObject({
      refusal: 'cross-origin',
      targetOrigin: 'https://api.example:8443',
    });
  });

  it('an allowed origin is followed with the credentials removed', () => {
    const next = nextHop(hop, 307, 'https://other.example/x', ['https://other.example'], target);
    expect(next).toMatchObject({ method: 'POST', url: 'https://other.example/x' });
    expect(RedirectError.isInstance(next)).toBe(false);
    if (!RedirectError.isInstance(next)) expect(next.headers.authorization).toBe(false);
  });
});
