import type { ProviderForwardTarget } from './forward/forward-through-provider.js';
import { randomUUID } from 'node:crypto';

import {
  assertOpenAIOptions,
  DEFAULT_LOOPBACK_MODELS,
  type LoopbackServerOptions,
} from './loopback-server-options.js';
import type { ReplyScript } from './reply/reply-script.js';
import type { ForwardTarget } from './forward/forward-target.js';
import { createLoopbackRoutes } from './routes/loopback-routes.js';
import type { RecordedRequest } from './recording/recorded-request.js';
import { RunningLoopbackServer } from './server/running-loopback-server.js';
import type { WaitOptions } from './server/wait-until.js';

export type { LoopbackServerOptions } from './loopback-server-options.js';

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
  /**
   * Every request received since the start (or the last `clearRequests()`), oldest first,
   * except the server's own forwards (see `forwardedRequests`).
   */
  readonly requests: readonly RecordedRequest[];
  /**
   * The requests `/api/chat` forwarded to this server's own `/v1/chat/completions` (its default
   * upstream), oldest first: kept apart so that `requests` and `waitForRequests` count what
   * clients sent. A forward to another server is in that server's `requests`.
   */
  readonly forwardedRequests: readonly RecordedRequest[];
  /** The TCP connections open now. */
  readonly openConnections: number;
  /** The TCP connections accepted since the start. */
  readonly totalConnections: number;
  /** How many queued scripts still wait for a request. */
  readonly queuedScripts: number;
  /** Queues scripts: the next requests take them in order, later ones the `reply` option. */
  enqueue(...scripts: readonly ReplyScript[]): void;
  /** Forgets the recorded requests, forwarded ones too (queued scripts stay). */
  clearRequests(): void;
  /** Resolves with `requests` once it holds at least `count`; rejects on timeout. */
  waitForRequests(count: number, options?: WaitOptions): Promise<readonly RecordedRequest[]>;
  /** Resolves once no connection is open; rejects on timeout. */
  waitForIdle(options?: WaitOptions): Promise<void>;
  /** Stops listening, destroys every connection and resolves once the server is closed. */
  close(): Promise<void>;
}

/** The header that marks `/api/chat`'s forwards to its own server (the value is per server). */
const FORWARD_HEADER = 'x-loopback-forward';

/**
 * Starts the loopback server: an HTTP server on `127.0.0.1` (a free port by default) that
 * speaks both protocols, scripted per request for faults, recording every request and
 * counting its connections:
 *
 * - `POST /v1/chat/completions` and `GET /v1/models`, OpenAI's protocol (SSE or JSON, usage,
 *   OpenAI error JSON, 401 without the `apiKey` when one is set);
 * - `POST /api/chat`, the Aivvm protocol as chatbot-ui spoke it (its `pages/api/chat.ts`): it forwards the
 *   conversation, system prompt first, to `upstream` (by default its own `/v1`) and streams
 *   the content back as plain text; upstream failures are a 500 with the reason as status text.
 *
 * Requests take the queued scripts first (`enqueue`; a script with a `path` only for that
 * path), then `options.reply`, then the default reply: deterministic markdown about the last
 * user message, streamed one word per write. Every response allows any origin (CORS); unknown
 * paths are 404. Client aborts never raise errors in the server. Node only: import it from
 * `rx-completions/testing`.
 *
 * @param options - where to listen, how to answer and where to forward.
 * @returns the running server, once it listens.
 * @throws TypeError for an invalid `reply` script, a negative delay or timeout, an invalid
 *   `apiKey`, model id or upstream URL; the listen error (e.g. `EADDRINUSE`).
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
  const { apiKey, models = DEFAULT_LOOPBACK_MODELS, upstream } = options;
  if (!(Number.isFinite(delayMs) && delayMs >= 0))
    throw new TypeError(`delayMs must be ≥ 0, got ${delayMs}`);
  if (!(Number.isFinite(keepAliveTimeoutMs) && keepAliveTimeoutMs >= 0)) {
    throw new TypeError(`keepAliveTimeoutMs must be ≥ 0, got ${keepAliveTimeoutMs}`);
  }
  assertOpenAIOptions(options);
  const token = randomUUID();
  const ownV1 = (): ForwardTarget => ({
    baseURL: `${server.url}/v1`,
    apiKey,
    headers: { [FORWARD_HEADER]: token },
  });
  const target: ForwardTarget | ProviderForwardTarget | undefined =
    upstream === undefined || 'provider' in upstream
      ? upstream
      : { baseURL: upstream.baseURL, apiKey: upstream.apiKey, headers: upstream.headers ?? {} };
  const routes = createLoopbackRoutes({
    apiKey,
    models: [...models],
    upstream: () => target ?? ownV1(),
  });
  const server = new RunningLoopbackServer({
    routes,
    reply,
    delayMs,
    keepAliveTimeoutMs,
    isOwnForward: (request) => request.headers[FORWARD_HEADER] === token,
  });
  await server.listen(host, port);
  return server;
}
