import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** A request the raw server received. */
export interface RawRequest {
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Answers one request; `response.socket` may be destroyed to cut the body. */
export type RawHandler = (request: RawRequest, response: ServerResponse) => void;

/** An HTTP server on 127.0.0.1 whose every answer the test writes by hand. */
export interface RawHttpServer {
  /** `http://127.0.0.1:<port>`: also the server's origin. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RawRequest[];
  /** Connections open now (server side). */
  readonly openConnections: number;
  /** Sets how the next requests are answered. */
  handle(handler: RawHandler): void;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 that records each request (body included) and answers it
 * with the current handler (404 until one is set).
 */
export async function startRawHttpServer(): Promise<RawHttpServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  let handler: RawHandler = (_request, response) => {
    response.writeHead(404).end();
  };
  const server = createServer((incoming, response) => {
    const parts: Buffer[] = [];
    incoming.on('data', (part: Buffer) => parts.push(part));
    incoming.on('end', () => {
      const request: RawRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(parts),
      };
      requests.push(request);
      handler(request, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get openConnections() {
      return sockets.size;
    },
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * A raw server for the enclosing suite: started before it, its requests cleared after each
 * test, closed at the end.
 *
 * @returns a getter for the running server.
 */
export function useRawHttpServer(): () => RawHttpServer {
  let server: RawHttpServer | undefined;
  beforeAll(async () => {
    server = await startRawHttpServer();
  });
  afterEach(() => {
    server?.requests.splice(0);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the raw server is not started yet');
    return server;
  };
}
