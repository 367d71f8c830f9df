/**
 * How long a provider's request may take without a byte arriving, in milliseconds, when its
 * `timeout` option does not say: 10 minutes, openai-node's whole-request default. It is an
 * idle deadline, not a total one: reasoning models may think for minutes before their first
 * token, and a long reply may stream for longer than that, but ten minutes without a single
 * byte (of the headers or of the body) is a dead connection.
 *
 * @example
 * ```ts
 * import { DEFAULT_IDLE_TIMEOUT_MS } from 'rx-completions';
 * console.log(DEFAULT_IDLE_TIMEOUT_MS / 60_000); // 10
 * ```
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 600_000;

/**
 * The deadlines of a provider's `timeout` option, in milliseconds. `Infinity` means no limit;
 * a deadline over 2³¹ − 1 ms (about 24.8 days, the longest a timer can wait) is clamped to it.
 * A late chunk or byte errors with `TimeoutError` and aborts the request, closing its socket.
 *
 * @example
 * ```ts
 * const timeout: CompletionTimeout = { first: 60_000, each: 10_000, total: 300_000 };
 * ```
 */
export interface CompletionTimeout {
  /**
   * The longest wait for the first chunk, from sending the request.
   * @default `each` when given; otherwise no limit (the `idle` deadline still applies)
   * @example `{ first: 60_000 }`
   */
  readonly first?: number;
  /**
   * The longest wait for each next chunk, from the previous one.
   * @default no limit (the `idle` deadline still applies)
   * @example `{ each: 10_000 }`
   */
  readonly each?: number;
  /**
   * The longest the whole completion may take, from sending the request to its last chunk.
   * @default no limit
   * @example `{ total: 300_000 }`
   */
  readonly total?: number;
  /**
   * The longest silence on the connection: no byte of the response (headers or body) for
   * this long, counted from sending the request and then from each byte. Unlike `each`, any
   * byte counts, even one that completes no chunk (an SSE comment, half a character).
   * @default {@link DEFAULT_IDLE_TIMEOUT_MS} (10 minutes), or the longest of `first`, `each`
   *   and `total` when that is longer: the default never cuts a wait the caller allowed, and
   *   an `Infinity` among them turns it off.
   * @example `{ idle: 30_000 }`, or `{ idle: Infinity }` to wait for ever
   */
  readonly idle?: number;
}
