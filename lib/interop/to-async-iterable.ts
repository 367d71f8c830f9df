import type { Observable, Subscription } from 'rxjs';
import { BufferOverflowError } from '../errors/buffer-overflow-error.js';
import { maxBufferedOf, type PullOptions } from './max-buffered.js';

type Settled = { readonly kind: 'complete' } | { readonly kind: 'error'; readonly error: unknown };

/**
 * An Observable as an async iterable, for `for await`: each value in order, the Observable's
 * error thrown from the loop after every value before it, the loop ending when it completes.
 *
 * - Cold stays cold: the Observable is subscribed when the loop asks for its first value, not
 *   before; each call gives one iteration (a second `for await` over the same iterable gets
 *   nothing more).
 * - `break`, `return` or an exception in the loop body unsubscribes at once: for a completion,
 *   the request is aborted.
 * - Values the loop has not taken yet wait in memory, at most `maxBuffered` of them (65,536 by
 *   default); past that the source is unsubscribed and the loop throws `BufferOverflowError`
 *   after the values already waiting.
 *
 * @param source - any Observable, e.g. a completion.
 * @param options - the buffering bound.
 * @returns an async iterable iterator over the values.
 * @throws RangeError at once for a `maxBuffered` that is not a whole number of 1 or more.
 *
 * @example
 * ```ts
 * for await (const chunk of toAsyncIterable(provider.createCompletion(model, messages, true))) {
 *   process.stdout.write(chunk);
 *   if (enough) break; // aborts the request
 * }
 * ```
 */
export function toAsyncIterable<T>(
  source: Observable<T>,
  options?: PullOptions,
): AsyncIterableIterator<T> {
  const maxBuffered = maxBufferedOf(options, 'toAsyncIterable: maxBuffered');
  const buffered: T[] = [];
  let head = 0;
  let settled: Settled | undefined;
  let subscription: Subscription | undefined;
  // Calls of `next()` not answered yet, oldest first (a caller may make several at once).
  const waiting: { resolve: (result: IteratorResult<T>) => void; reject: (e: unknown) => void }[] =
    [];
  const done: IteratorResult<T> = { done: true, value: undefined };

  const stop = (): void => {
    subscription?.unsubscribe();
    if (!settled) settled = { kind: 'complete' };
    buffered.length = 0;
    head = 0;
    for (const pending of waiting.splice(0)) pending.resolve(done);
  };

  const settle = (end: Settled): void => {
    settled = end;
    const [first, ...rest] = waiting.splice(0);
    if (!first) return;
    // Told once: the other calls, and later ones, find the iteration done.
    settled = { kind: 'complete' };
    // An Observable may error with any value: it is passed on as it is, like `firstValueFrom`.
    if (end.kind === 'error') first.reject(end.error);
    else first.resolve(done);
    for (const pending of rest) pending.resolve(done);
  };

  const start = (): void => {
    subscription = source.subscribe({
      next: (value) => {
        const pending = waiting.shift();
        if (pending) {
          pending.resolve({ done: false, value });
          return;
        }
        if (buffered.length - head >= maxBuffered) {
          subscription?.unsubscribe();
          settle({ kind: 'error', error: new BufferOverflowError(maxBuffered) });
          return;
        }
        buffered.push(value);
      },
      error: (error: unknown) => {
        settle({ kind: 'error', error });
      },
      complete: () => {
        settle({ kind: 'complete' });
      },
    });
    // A source that settled while being subscribed could not unsubscribe what it was given.
    if (settled) subscription.unsubscribe();
  };

  const take = (): Promise<IteratorResult<T>> => {
    if (head < buffered.length) {
      const value = buffered[head] as T;
      head += 1;
      // Drop what was read once it is half of the array, so memory follows what is unread.
      if (head * 2 >= buffered.length) {
        buffered.splice(0, head);
        head = 0;
      }
      return Promise.resolve({ done: false, value });
    }
    if (settled) {
      const end = settled;
      settled = { kind: 'complete' };
      return end.kind === 'error'
        ? // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          Promise.reject(end.error)
        : Promise.resolve(done);
    }
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
    });
  };

  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (!subscription && !settled) start();
      return take();
    },
    return: () => {
      stop();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw: (error: unknown) => {
      stop();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
