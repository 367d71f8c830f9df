import { concat, defer, finalize, of, Subject, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { BufferOverflowError } from '../../lib/errors/buffer-overflow-error.js';
import { toAsyncIterable } from '../../lib/interop/to-async-iterable.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

async function drain<T>(iterable: AsyncIterable<T>): Promise<{ values: T[]; error?: unknown }> {
  const values: T[] = [];
  try {
    for await (const value of iterable) values.push(value);
  } catch (error: unknown) {
    return { values, error };
  }
  return { values };
}

describe('toAsyncIterable', () => {
  it('yields every value of a synchronous source in order, then ends', async () => {
    expect(await drain(toAsyncIterable(of(1, 2, 3)))).toEqual({ values: [1, 2, 3] });
  });

  it('subscribes only when the loop asks for its first value', async () => {
    let subscriptions = 0;
    const iterable = toAsyncIterable(defer(() => (subscriptions++, of('a'))));
    expect(subscriptions).toBe(0);
    expect(await iterable.next()).toEqual({ done: false, value: 'a' });
    expect(subscriptions).toBe(1);
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
  });

  it('throws the error from the loop after every value before it', async () => {
    const boom = new Error('boom');
    const { values, error } = await drain(
      toAsyncIterable(
        concat(
          of(1, 2),
          throwError(() => boom),
        ),
      ),
    );
    expect(values).toEqual([1, 2]);
    expect(error).toBe(boom);
  });

  it('throws an error that arrives while the loop waits, and ends after it', async () => {
    const subject = new Subject<number>();
    const iterable = toAsyncIterable(subject);
    const first = iterable.next();
    subject.error(new Error('late'));
    await expect(first).rejects.toThrow('late');
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
  });

  it('unsubscribes at once when the loop breaks', async () => {
    const subject = new Subject<string>();
    let finalized = false;
    const source = subject.pipe(finalize(() => (finalized = true)));
    const pending = (async () => {
      for await (const value of toAsyncIterable(source)) if (value === 'stop') break;
    })();
    // The loop subscribes on its first `next()`; give it that turn of the microtask queue.
    await Promise.resolve();
    expect(subject.observed).toBe(true);
    subject.next('go');
    subject.next('stop');
    await pending;
    expect(finalized).toBe(true);
    expect(subject.observed).toBe(false);
  });

  it('unsubscribes and errors with BufferOverflowError past maxBuffered, after the values waiting', async () => {
    const subject = new Subject<number>();
    const iterable = toAsyncIterable(subject, { maxBuffered: 3 });
    const first = iterable.next();
    subject.next(0);
    expect(await first).toEqual({ done: false, value: 0 });
    for (let value = 1; value <= 4; value++) subject.next(value);
    expect(subject.observed).toBe(false);
    const rest = await drain(iterable);
    expect(rest.values).toEqual([1, 2, 3]);
    expect(BufferOverflowError.isInstance(rest.error)).toBe(true);
    expect(rest.error).toMatchObject({ code: 'BUFFER_OVERFLOW', maxBuffered: 3 });
  });

  it('keeps memory to what is unread when the loop keeps up (one value at a time, 100,000 values)', async () => {
    const subject = new Subject<number>();
    const iterable = toAsyncIterable(subject, { maxBuffered: 2 });
    let sum = 0;
    for (let value = 0; value < 100_000; value++) {
      const next = iterable.next();
      subject.next(value);
      const result = await next;
      if (result.done !== true) sum += result.value;
    }
    expect(sum).toBe((99_999 * 100_000) / 2);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxBuffered %s when created', (maxBuffered) => {
    expect(() => toAsyncIterable(of(1), { maxBuffered })).toThrow(RangeError);
  });

  describe('over a real request', () => {
    const server = useLoopbackServer();

    it('streams a completion with for await, and break aborts the request', async () => {
      server().enqueue({ text: 'one two three four', chunkSize: 4, delayMs: 5 });
      const completion$ = Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
        baseURL: server().url,
      });
      const seen: string[] = [];
      for await (const chunk of toAsyncIterable(completion$)) {
        seen.push(chunk);
        break;
      }
      expect(seen).toEqual(['one ']);
      const [request] = await server().waitForRequests(1);
      expect(await request?.closed).toBe('client-closed');
    });
  });
});

describe('toAsyncIterable with calls of next() made at once', () => {
  it('answers each in order, and ends the others when the source completes', async () => {
    const subject = new Subject<string>();
    const iterable = toAsyncIterable(subject);
    const [first, second, third] = [iterable.next(), iterable.next(), iterable.next()];
    subject.next('a');
    subject.next('b');
    subject.complete();
    expect(await Promise.all([first, second, third])).toEqual([
      { done: false, value: 'a' },
      { done: false, value: 'b' },
      { done: true, value: undefined },
    ]);
  });

  it('ends the calls still waiting when the loop is left with return()', async () => {
    const subject = new Subject<string>();
    const iterable = toAsyncIterable(subject);
    const pending = iterable.next();
    await iterable.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(subject.observed).toBe(false);
  });
});
