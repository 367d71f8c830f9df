import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Where a hostile server puts the credential it received. */
export type EchoPlace =
  | 'status-text'
  | 'body'
  | 'header'
  | 'sse-error'
  | 'models-body'
  /** A 500 whose body is longer than the 8 KiB excerpt, the cut falling inside the credential. */
  | 'excerpt-end';

/** How it encodes the credential first. */
export type EchoForm = 'plain' | 'json' | 'url' | 'upper' | 'base64';

/** A server on 127.0.0.1 that echoes whatever credential a request carries. */
export interface EchoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Where and how the next responses echo the credential. */
  echo: { place: EchoPlace; form: EchoForm };
  /** The credentials the last request carried, as the server read them. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'cookie'];

/** What the server read: a Bearer token, a decoded `user:password`, or the header's value. */
function credentialsOf(request: IncomingMessage): string[] {
  const found: string[] = [];
  for (const name of CREDENTIAL_HEADERS) {
    const value = request.headers[name];
    if (typeof value !== 'string') continue;
    const [scheme, token] = value.split(' ', 2);
    if (scheme === 'Bearer' && token !== undefined) found.push(token);
    else if (scheme === 'Basic' && token !== undefined)
      found.push(Buffer.from(token, 'base64').toString('utf8'));
    else found.push(value);
  }
  return found;
}

/** JSON-escaped the way different servers do: `\/` for slashes, `\uXXXX` for `+` and `-`. */
const jsonEscaped = (text: string): string =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/\//g, '\\/')
    .replace(/[+-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Each form, as the server encodes a credential. */
export const ENCODE: Readonly<Record<EchoForm, (text: string) => string>> = {
  plain: (text) => text,
  json: jsonEscaped,
  url: (text) => new URLSearchParams({ echo: text }).toString(),
  upper: (text) => text.toUpperCase(),
  base64: (text) => Buffer.from(text).toString('base64'),
};

function reply(server: EchoServer, request: IncomingMessage, response: ServerResponse): void {
  const echoed = server.received.map(ENCODE[server.echo.form]).join(' ');
  const isModels = request.url?.endsWith('/models') === true;
  switch (server.echo.place) {
    case 'status-text':
      response.writeHead(401, `Bad credential ${echoed}`, { 'content-type': 'application/json' });
      response.end('{}');
      return;
    case 'body':
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(`{"error":{"message":"Incorrect API key provided: ${echoed}"}}`);
      return;
    case 'header':
      response.writeHead(401, { 'content-type': 'application/json', 'x-echo': echoed });
      response.end('{}');
      return;
    case 'sse-error':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        `data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}\n\n` +
          `data: {"error":{"message":"quota exceeded for ${echoed}"}}\n\n`,
      );
      return;
    case 'excerpt-end':
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`${'x'.repeat(8192 - 20)}${echoed}${'y'.repeat(100)}`);
      return;
    case 'models-body':
      response.writeHead(isModels ? 200 : 404, { 'content-type': 'text/plain' });
      response.end(`upstream refused ${echoed}`);
      return;
  }
}

/**
 * Starts a server on 127.0.0.1 that answers every request by echoing the credentials it
 * carried (`authorization`, `x-api-key`, `api-key`, `x-goog-api-key`, `cookie`), encoded as
 * `echo.form` says, where `echo.place` says.
 *
 * @returns the server, listening.
 */
export async function startEchoServer(): Promise<EchoServer> {
  const sockets = new Set<Socket>();
  let received: string[] = [];
  const state: EchoServer = {
    url: '',
    echo: { place: 'body', form: 'plain' },
    get received() {
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      received = credentialsOf(request);
      reply(state, request, response);
    });
  });
  server.keepAliveTimeout = 1;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}` });
}
