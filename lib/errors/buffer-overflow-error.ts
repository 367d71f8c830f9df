import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * A consumer that pulls (a `for await` loop, a web `ReadableStream` reader) fell so far behind a
 * completion that pushes that more than `maxBuffered` values waited unread. The completion was
 * unsubscribed (its request aborted) rather than letting memory grow without bound; every value
 * buffered before the limit was still delivered first.
 *
 * @example
 * ```ts
 * try {
 *   for await (const chunk of toAsyncIterable(completion$, { maxBuffered: 1000 })) await slow(chunk);
 * } catch (error) {
 *   if (BufferOverflowError.isInstance(error)) console.error(`over ${error.maxBuffered} unread`);
 * }
 * ```
 */
export class BufferOverflowError extends CompletionError {
  /** The bound that was passed. */
  readonly maxBuffered: number;

  /** @param maxBuffered - how many unread values were allowed. */
  constructor(maxBuffered: number) {
    super(
      'BUFFER_OVERFLOW',
      `More than ${maxBuffered} values waited unread: the consumer is too slow for the stream ` +
        '(raise maxBuffered, or consume faster)',
    );
    this.name = 'BufferOverflowError';
    this.maxBuffered = maxBuffered;
  }

  /** Whether `value` is a {@link BufferOverflowError}, also across copies of the package. */
  static override isInstance(value: unknown): value is BufferOverflowError {
    return isCompletionErrorWithCode(value, 'BUFFER_OVERFLOW');
  }
}
