import type { ReplyScript, ReplySource } from './reply/reply-script.js';
import { loopbackRoutes } from './routes/loopback-routes.js';
import type { RecordedRequest } from './server/recorded-request.js';
import { RunningLoopbackServer } from './server/running-loopback-server.js';
import type { WaitOptions } from './server/wait-until.js';

/**
 * How {@link startLoopbackServer} starts the server; every field is optional.
 *
 * @example
 * ```ts
 * const server = await startLoopbackServer({ delayMs: 0, reply: { chunkSize: 1 } });
 * ```
 */
export interface LoopbackServerOptions {
  /** The interface to bind. @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** The port; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** What to answer when no script is queued. @defaultValue the route's default reply */
  readonly reply?: ReplySource;
  /** Milliseconds between two writes of a reply (tests usually pass 0). @defaultValue 15 */
  readonly delayMs?: number;
  /**
   * Milliseconds an idle connection stays open, after a response or before its first request.
   * The default is advertised as `Keep-Alive: timeout=0`, which makes Node's agent and undici
   * (`fetch`) close the connection after each response, so `openConnections` counts the
   * requests in flight; 2000 or more lets clients reuse connections. Responses never say
   * `connection: close`, because undici would take a cut chunked body for a complete one.
   * @defaultValue 500
   */
  readonly keepAliveTimeoutMs?: number;
}

/**
 * A running loopback server: its address, the scripts it answers with, what it received and
 * its open connections.
 *
 * @example
 * ```ts
 * const server = await startLoopbackServer({ delayMs: 0 });
 * server.enqueue({ stall: 'after-headers' });
 * const subscription = completion$.subscribe(); // a request to `${server.url}/api/chat`
 * const [request] = await server.waitForRequests(1);
 * subscription.unsubscribe();
 * expect(await request.closed).toBe('client-closed');
 * await server.waitForIdle({ timeoutMs: 1000 }); // the socket is gone too
 * await server.close();
 * ```
 */
export interface LoopbackServer {
  /** The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  /** The bound interface. */
  readonly host: string;
  /** The bound port. */
  readonly port: number;
  /** Every request received since the start (or the last `clearRequests()`), oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The TCP connections open now. */
  readonly openConnections: number;
  /** The TCP connections accepted since the start. */
  readonly totalConnections: number;
  /** How many queued scripts still wait for a request. */
  readonly queuedScripts: number;
  /** Queues scripts: the next requests take them in order, later ones the `reply` option. */
  enqueue(...scripts: readonly ReplyScript[]): void;
  /** Forgets the recorded requests (queued scripts stay). */
  clearRequests(): void;
  /** Resolves with `requests` once it holds at least `count`; rejects on timeout. */
  waitForRequests(count: number, options?: WaitOptions): Promise<readonly RecordedRequest[]>;
  /** Resolves once no connection is open; rejects on timeout. */
  waitForIdle(options?: WaitOptions): Promise<void>;
  /** Stops listening, destroys every connection and resolves once the server is closed. */
  close(): Promise<void>;
}

/**
 * Starts the loopback server: an HTTP server on `127.0.0.1` (a free port by default) that
 * speaks the Aivvm protocol as chatbot-ui did (`POST /api/chat`, SPEC §2), scripted per
 * request for faults, recording every request and counting its connections.
 *
 * Requests take the queued scripts first (`enqueue`), then `options.reply`, then the default
 * reply: deterministic markdown about the last user message, streamed one word per write.
 * Every response allows any origin (CORS); unknown paths are 404. Client aborts never raise
 * errors in the server. Node only: import it from `rx-completions/testing`.
 *
 * @param options - where to listen and how to answer.
 * @returns the running server, once it listens.
 * @throws TypeError for an invalid `reply` script or a negative delay or timeout; the listen
 *   error (e.g. `EADDRINUSE`).
 * @example
 * ```ts
 * import { startLoopbackServer } from 'rx-completions/testing';
 *
 * const server = await startLoopbackServer({ delayMs: 0 });
 * const completion$ = Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
 *   baseURL: server.url,
 * });
 * ```
 */
export async function startLoopbackServer(
  options: LoopbackServerOptions = {},
): Promise<LoopbackServer> {
  const { host = '127.0.0.1', port = 0, reply, delayMs = 15, keepAliveTimeoutMs = 500 } = options;
  if (!(Number.isFinite(delayMs) && delayMs >= 0))
    throw new TypeError(`delayMs must be ≥ 0, got ${delayMs}`);
  if (!(Number.isFinite(keepAliveTimeoutMs) && keepAliveTimeoutMs >= 0)) {
    throw new TypeError(`keepAliveTimeoutMs must be ≥ 0, got ${keepAliveTimeoutMs}`);
  }
  const server = new RunningLoopbackServer({
    routes: loopbackRoutes,
    reply,
    delayMs,
    keepAliveTimeoutMs,
  });
  await server.listen(host, port);
  return server;
}
