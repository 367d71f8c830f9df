import type { ReplyScript } from '../reply/reply-script.js';
import type { ReplyTarget } from '../reply/write-reply.js';
import type { RecordedRequest } from '../recording/recorded-request.js';

/**
 * One request in flight, as a route sees it: the record, the response to write (with its close
 * signal and fault hook, ready for `writeReply`) and the scripting.
 */
export interface Exchange extends ReplyTarget {
  /** The request, body included. */
  readonly request: RecordedRequest;
  /** The server's default delay between writes. */
  readonly delayMs: number;
  /**
   * Takes the script for this request: the next queued one, else the server's `reply` option;
   * `undefined` means the route's default. Call it once, and only for requests the route
   * accepts. Throws a `TypeError` for an invalid script.
   */
  takeScript(): ReplyScript | undefined;
}

/**
 * One endpoint of the loopback server: a method and an exact path, and the handler that
 * answers it. The router does 404, 405, CORS and preflights.
 *
 * @example
 * ```ts
 * const healthRoute: Route = {
 *   method: 'GET',
 *   path: '/health',
 *   handle: (exchange) => writeReply(exchange, planReply({ text: 'ok' }, defaults)),
 * };
 * ```
 */
export interface Route {
  /** The method it answers, upper case. */
  readonly method: string;
  /** The path it answers, without query (for a route with a `pattern`, how to read it). */
  readonly path: string;
  /**
   * The paths it answers, when they have a variable part (`/v1beta/models/{model}:…`); `path`
   * alone is matched exactly otherwise.
   */
  readonly pattern?: RegExp;
  /** Answers one request; settles when the response is done (or abandoned). */
  handle(exchange: Exchange): Promise<void>;
}
