import { createServer, type Server, type Socket } from 'node:net';

/** A bare TCP server on 127.0.0.1 whose response headers never end. */
export interface TricklingHeadersServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Connections open now (server side). */
  readonly openConnections: number;
  /** Connections accepted so far. */
  readonly acceptedConnections: number;
  /** Resolves once every accepted connection has closed; rejects after `timeoutMs`. */
  waitForClosed(timeoutMs: number): Promise<void>;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

const STATUS_LINE = 'HTTP/1.1 200 OK\r\nX-Trickle: ';

/**
 * Starts a TCP server that answers each request with a status line and then one header byte
 * every `intervalMs`, never ending the headers: a client sees no response, only a socket that
 * stays alive. Bounded: it stops writing after `maxBytes` bytes (the connection stays open).
 *
 * @param intervalMs - the pause between two bytes.
 * @param maxBytes - the most header bytes written per connection.
 * @returns the server, listening.
 */
export async function startTricklingHeadersServer(
  intervalMs = 20,
  maxBytes = 500,
): Promise<TricklingHeadersServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const closedWaiters = new Set<() => void>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    accepted += 1;
    socket.on('error', () => undefined);
    let written = 0;
    let ticker: NodeJS.Timeout | undefined;
    socket.once('close', () => {
      clearInterval(ticker);
      sockets.delete(socket);
      if (sockets.size === 0) for (const resolve of closedWaiters) resolve();
    });
    socket.once('data', () => {
      socket.write(STATUS_LINE);
      ticker = setInterval(() => {
        written += 1;
        if (written > maxBytes) clearInterval(ticker);
        else socket.write('a');
      }, intervalMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get openConnections() {
      return sockets.size;
    },
    get acceptedConnections() {
      return accepted;
    },
    waitForClosed: (timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (sockets.size === 0) {
          resolve();
          return;
        }
        const timer = setTimeout(() => {
          closedWaiters.delete(done);
          reject(new Error(`connections still open after ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          closedWaiters.delete(done);
          resolve();
        };
        closedWaiters.add(done);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
