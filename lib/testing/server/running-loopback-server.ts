import { EventEmitter, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ReplyScript, ReplySource } from '../reply/reply-script.js';
import { ScriptQueue } from '../reply/script-queue.js';
import { ConnectionTracker } from './connection-tracker.js';
import type { RecordedRequest } from '../recording/recorded-request.js';
import { createRequestHandler } from './request-handler.js';
import type { Route } from './route.js';
import { waitUntil, type WaitOptions } from './wait-until.js';

const DEFAULT_TIMEOUT_MS = 1000;

/** The normalised settings of a {@link RunningLoopbackServer}. */
export interface LoopbackServerSettings {
  /** The routes it answers. */
  readonly routes: readonly Route[];
  /** What to answer when no script is queued. */
  readonly reply: ReplySource | undefined;
  /** Milliseconds between two writes of a reply. */
  readonly delayMs: number;
  /** Milliseconds an idle connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /** Whether a request is the server's own forward (kept in `forwardedRequests`). */
  readonly isOwnForward: (request: RecordedRequest) => boolean;
}

/**
 * The loopback server's implementation (the `LoopbackServer` the testing entry returns): a `node:http` server wired to the request
 * handler, the script queue, the connection tracker and the request log.
 *
 * @example
 * ```ts
 * const server = new RunningLoopbackServer({ routes, reply: undefined, delayMs: 0, keepAliveTimeoutMs: 500, isOwnForward: () => false });
 * await server.listen('127.0.0.1', 0);
 * ```
 */
export class RunningLoopbackServer {
  readonly #http: Server;
  readonly #changes = new EventEmitter().setMaxListeners(0);
  readonly #tracker: ConnectionTracker;
  readonly #scripts: ScriptQueue;
  readonly #requests: RecordedRequest[] = [];
  readonly #forwards: RecordedRequest[] = [];
  #closed: Promise<void> | undefined;

  /**
   * @param settings - routes, reply source, delay, keep-alive timeout and how to tell forwards.
   * @throws TypeError for an invalid static `reply` script.
   */
  constructor(settings: LoopbackServerSettings) {
    this.#scripts = new ScriptQueue(settings.reply);
    const notify = (): boolean => this.#changes.emit('change');
    const idleTimeoutMs = settings.keepAliveTimeoutMs;
    this.#tracker = new ConnectionTracker({ onChange: notify, idleTimeoutMs });
    this.#http = createServer({ keepAliveTimeout: settings.keepAliveTimeoutMs });
    this.#http.on('connection', (socket) => {
      this.#tracker.track(socket);
    });
    const handler = createRequestHandler({
      routes: settings.routes,
      scripts: this.#scripts,
      delayMs: settings.delayMs,
      isClosing: () => this.#closed !== undefined,
      record: (request) => {
        (settings.isOwnForward(request) ? this.#forwards : this.#requests).push(request);
        notify();
      },
    });
    this.#http.on('request', handler);
  }

  /**
   * Starts listening.
   *
   * @param host - the interface to bind.
   * @param port - the port, 0 for a free one.
   * @returns a promise that settles once listening, or rejects with the listen error.
   */
  async listen(host: string, port: number): Promise<void> {
    this.#http.listen({ host, port });
    await once(this.#http, 'listening');
  }

  get #address(): AddressInfo {
    return this.#http.address() as AddressInfo;
  }
  get host(): string {
    return this.#address.address;
  }
  get port(): number {
    return this.#address.port;
  }
  get url(): string {
    const { host } = this;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }
  get forwardedRequests(): readonly RecordedRequest[] {
    return this.#forwards;
  }
  get openConnections(): number {
    return this.#tracker.open;
  }
  get totalConnections(): number {
    return this.#tracker.total;
  }
  get queuedScripts(): number {
    return this.#scripts.size;
  }

  enqueue(...scripts: readonly ReplyScript[]): void {
    this.#scripts.enqueue(scripts);
  }

  clearRequests(): void {
    this.#requests.length = 0;
    this.#forwards.length = 0;
  }

  waitForRequests(count: number, options?: WaitOptions): Promise<readonly RecordedRequest[]> {
    const check = (): readonly RecordedRequest[] | undefined =>
      this.#requests.length >= count ? [...this.#requests] : undefined;
    const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return waitUntil(this.#changes, check, `${count} request(s)`, timeoutMs);
  }

  async waitForIdle(options?: WaitOptions): Promise<void> {
    const check = (): true | undefined => (this.#tracker.open === 0 ? true : undefined);
    const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    await waitUntil(this.#changes, check, 'every connection to close', timeoutMs);
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      const closed = once(this.#http, 'close');
      this.#http.close();
      this.#http.closeAllConnections();
      this.#tracker.destroyAll();
      await closed;
    })();
    return this.#closed;
  }
}
