import { concat, defer, finalize, of, Subject, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { BufferOverflowError } from '../../lib/errors/buffer-overflow-error.js';
import { toReadableStream } from '../../lib/interop/to-readable-stream.js';

async function readAll<T>(stream: ReadableStream<T>): Promise<{ values: T[]; error?: unknown }> {
  const reader = stream.getReader();
  const values: T[] = [];
  try {
    for (let step = 0; step < 10_000; step++) {
      const result = await reader.read();
      if (result.done) return { values };
      values.push(result.value);
    }
    throw new Error('the stream did not end within 10,000 reads');
  } catch (error: unknown) {
    return { values, error };
  }
}

describe('toReadableStream', () => {
  it('reads every value in order, then closes', async () => {
    expect(await readAll(toReadableStream(of('a', 'b', 'c')))).toEqual({ values: ['a', 'b', 'c'] });
  });

  it('subscribes on the first read, not when created', async () => {
    let subscriptions = 0;
    const stream = toReadableStream(defer(() => (subscriptions++, of(1))));
    await Promise.resolve();
    expect(subscriptions).toBe(0);
    expect(await readAll(stream)).toEqual({ values: [1] });
    expect(subscriptions).toBe(1);
  });

  it('errors after every value before the error has been read', async () => {
    const boom = new Error('boom');
    const { values, error } = await readAll(
      toReadableStream(
        concat(
          of(1, 2, 3),
          throwError(() => boom),
        ),
      ),
    );
    expect(values).toEqual([1, 2, 3]);
    expect(error).toBe(boom);
  });

  it('cancel unsubscribes the source', async () => {
    const subject = new Subject<string>();
    let finalized = false;
    const reader = toReadableStream(subject.pipe(finalize(() => (finalized = true)))).getReader();
    const first = reader.read();
    await Promise.resolve();
    subject.next('x');
    expect(await first).toEqual({ done: false, value: 'x' });
    await reader.cancel();
    expect(finalized).toBe(true);
    expect(subject.observed).toBe(false);
  });

  it('errors with BufferOverflowError when more than maxBuffered values wait unread', async () => {
    const subject = new Subject<number>();
    const reader = toReadableStream(subject, { maxBuffered: 2 }).getReader();
    const first = reader.read();
    await Promise.resolve();
    subject.next(0);
    expect(await first).toEqual({ done: false, value: 0 });
    for (let value = 1; value <= 3; value++) subject.next(value);
    expect(subject.observed).toBe(false);
    expect(await reader.read()).toEqual({ done: false, value: 1 });
    expect(await reader.read()).toEqual({ done: false, value: 2 });
    const error: unknown = await reader.read().catch((caught: unknown) => caught);
    expect(BufferOverflowError.isInstance(error)).toBe(true);
  });
});
