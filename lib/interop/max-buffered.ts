import { checkedNumber } from '../operators/internal/checked-number.js';

/** The default bound on values waiting for a pulling consumer. */
export const DEFAULT_MAX_BUFFERED = 65_536;

/** Options of the adapters that hand a pushing Observable to a pulling consumer. */
export interface PullOptions {
  /**
   * The most values that may wait unread. An Observable pushes: when the consumer pulls more
   * slowly than the source emits, values wait in memory. Past this bound the source is
   * unsubscribed (its request aborted) and the consumer gets a `BufferOverflowError` after the
   * values already waiting. `Infinity` turns the bound off.
   * @default 65536
   * @example `{ maxBuffered: 1024 }`
   */
  readonly maxBuffered?: number;
}

/**
 * `options.maxBuffered`, checked when the adapter is created (as RxJS checks an operator's
 * arguments): a whole number of 1 or more, or `Infinity`.
 *
 * @param options - the adapter's options.
 * @param name - the adapter, for the message.
 * @returns the bound.
 * @throws RangeError or TypeError for any other value.
 * @internal
 */
export function maxBufferedOf(options: PullOptions | undefined, name: string): number {
  const value = checkedNumber(options?.maxBuffered ?? DEFAULT_MAX_BUFFERED, 'count', name);
  if (value === 0) throw new RangeError(`${name} must be 1 or more, or Infinity, got 0`);
  return value;
}
