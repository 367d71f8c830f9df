import { identity, type MonoTypeOperatorFunction } from 'rxjs';
import { checkedNumber } from '../operators/internal/checked-number.js';
import { idleDeadline } from '../operators/internal/idle-deadline.js';
import { timeoutCompletion } from '../operators/timeout-completion.js';
import { DEFAULT_IDLE_TIMEOUT_MS, type CompletionTimeout } from './completion-timeout.js';

/** The two operators a provider applies for its `timeout` option. */
export interface ProviderDeadlines<T> {
  /** For the response's bytes, before decoding: the `idle` deadline (any byte is life). */
  readonly bytes: MonoTypeOperatorFunction<Uint8Array>;
  /** For the decoded chunks: the `first`, `each` and `total` deadlines. */
  readonly chunks: MonoTypeOperatorFunction<T>;
}

/** The `idle` deadline in ms: as given, or the default, never shorter than another deadline. */
function idleMs(timeout: CompletionTimeout): number {
  if (timeout.idle !== undefined) return checkedNumber(timeout.idle, 'deadline', 'timeout: idle');
  const { first = 0, each = 0, total = 0 } = timeout;
  return Math.max(DEFAULT_IDLE_TIMEOUT_MS, first, each, total);
}

/**
 * The operators a provider applies for its `timeout` option: `first`, `each` and `total`
 * through `timeoutCompletion` on the chunks, and the `idle` deadline (10 minutes by default)
 * on the bytes (one timer, re-armed lazily rather than per chunk), so that a request whose headers trickle or whose body stalls ends in
 * `TimeoutError` instead of hanging — which unsubscribes from the bytes and closes the socket.
 * A number is `{ first: number }`; `Infinity` (as a number, or in `first`, `each` or `total`)
 * also turns the default idle deadline off. Built once per call, so a bad limit throws at once.
 *
 * @param timeout - the provider option: a first-chunk limit in ms, or {@link CompletionTimeout}.
 * @returns the operators for the bytes and for the chunks.
 * @example
 * ```ts
 * const deadlines = withDeadlines<string>({ each: 5_000 });
 * requestBytes(request).pipe(deadlines.bytes, decodeText(), deadlines.chunks);
 * ```
 */
export function withDeadlines<T>(
  timeout: number | CompletionTimeout | undefined,
): ProviderDeadlines<T> {
  const given: CompletionTimeout =
    timeout === undefined ? {} : typeof timeout === 'number' ? { first: timeout } : timeout;
  const { first, each, total } = given;
  const chunks =
    first === undefined && each === undefined && total === undefined
      ? identity
      : timeoutCompletion<T>({
          ...(first === undefined ? {} : { first }),
          ...(each === undefined ? {} : { each }),
          ...(total === undefined ? {} : { total }),
        });
  return { bytes: idleDeadline<Uint8Array>(idleMs(given)), chunks };
}
