import { createServer, type Server, type Socket } from 'node:net';

/** A bare TCP server on 127.0.0.1 that does something rude to every connection. */
export interface RawServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Connections open now (server side). */
  readonly openConnections: number;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/**
 * Starts a TCP server that resets (RST) each connection as soon as the request's first bytes
 * arrive: a reset before any response header.
 *
 * @returns the server, listening.
 */
export async function startResettingServer(): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      sockets.delete(socket);
    });
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get openConnections() {
      return sockets.size;
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
