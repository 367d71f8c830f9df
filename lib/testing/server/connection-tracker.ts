import type { Socket } from 'node:net';

/**
 * Counts a server's TCP connections and can destroy them all.
 *
 * Every tracked socket gets an `error` listener, so a client that resets or vanishes never
 * causes an uncaught `ECONNRESET` or `EPIPE`. A connection that carries no request within
 * `idleTimeoutMs` is closed (undici opens a spare connection after an aborted `fetch`); the
 * request handler lifts that timeout when a request arrives.
 *
 * @example
 * ```ts
 * const tracker = new ConnectionTracker({ idleTimeoutMs: 500, onChange: () => changes.emit('change') });
 * httpServer.on('connection', (socket) => tracker.track(socket));
 * ```
 */
export class ConnectionTracker {
  readonly #sockets = new Set<Socket>();
  readonly #onChange: () => void;
  readonly #idleTimeoutMs: number;
  #total = 0;

  /**
   * @param options - `onChange`, called after a connection opens or closes, and
   *   `idleTimeoutMs`, how long a new connection may wait for its first request.
   */
  constructor(options: { readonly onChange: () => void; readonly idleTimeoutMs: number }) {
    this.#onChange = options.onChange;
    this.#idleTimeoutMs = options.idleTimeoutMs;
  }

  /** The connections open now. */
  get open(): number {
    return this.#sockets.size;
  }

  /** The connections accepted since the start. */
  get total(): number {
    return this.#total;
  }

  /**
   * Starts counting a new connection until it closes.
   *
   * @param socket - the accepted socket.
   */
  track(socket: Socket): void {
    socket.on('error', () => undefined);
    socket.setTimeout(this.#idleTimeoutMs); // node:http destroys it on timeout when no request is open
    this.#sockets.add(socket);
    this.#total += 1;
    socket.once('close', () => {
      this.#sockets.delete(socket);
      this.#onChange();
    });
    this.#onChange();
  }

  /** Destroys every open connection (their `close` events follow). */
  destroyAll(): void {
    for (const socket of this.#sockets) socket.destroy();
  }
}
