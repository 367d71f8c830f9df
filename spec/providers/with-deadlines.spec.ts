import { identity } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../../lib/providers/completion-timeout.js';
import { withDeadlines } from '../../lib/providers/with-deadlines.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';

const byte = new Uint8Array([0x61]);

describe('withDeadlines', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('defaults to an idle deadline of ten minutes', () => {
    expect(DEFAULT_IDLE_TIMEOUT_MS).toBe(10 * 60 * 1000);
  });

  it('ends a request with no byte (headers trickling, or nothing) after the default idle deadline', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const silent = cold<Uint8Array>('-');
      expectObservable(silent.pipe(withDeadlines(undefined).bytes)).toBe(
        '10m #',
        undefined,
        new TimeoutError('first', DEFAULT_IDLE_TIMEOUT_MS),
      );
      expectSubscriptions(silent.subscriptions).toBe('^ 599999ms !');
    });
  });

  it('counts any byte as life, and ends a body stalled for the idle deadline', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const stalled = cold('9m a 9m b 11m c|', { a: byte, b: byte, c: byte });
      expectObservable(stalled.pipe(withDeadlines({}).bytes)).toBe(
        '9m a 9m b 599999ms #',
        { a: byte, b: byte },
        new TimeoutError('each', DEFAULT_IDLE_TIMEOUT_MS),
      );
    });
  });

  it('leaves the chunks alone when no first, each or total is given', () => {
    expect(withDeadlines(undefined).chunks).toBe(identity);
    expect(withDeadlines({ idle: 5 }).chunks).toBe(identity);
  });

  it('takes the idle deadline as given', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const bytes = cold('-a 100ms b|', { a: byte, b: byte });
      expectObservable(bytes.pipe(withDeadlines({ idle: 50 }).bytes)).toBe(
        '-a 49ms #',
        { a: byte },
        new TimeoutError('each', 50),
      );
    });
  });

  it('never lets the default idle deadline cut a longer wait the caller allowed', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const thinking = cold('15m a|', { a: byte });
      const { bytes } = withDeadlines({ first: 20 * 60_000 });
      expectObservable(thinking.pipe(bytes)).toBe('15m a|', { a: byte });
      expectObservable(thinking.pipe(withDeadlines({ total: 30 * 60_000 }).bytes)).toBe('15m a|', {
        a: byte,
      });
    });
  });

  it.each([
    [Infinity],
    [{ first: Infinity }],
    [{ each: Infinity }],
    [{ total: Infinity }],
    [{ idle: Infinity }],
  ])('turns the default idle deadline off with %o', (timeout) => {
    expect(withDeadlines(timeout).bytes).toBe(identity);
  });

  it('applies first, each and total to the chunks, a number being the first-chunk deadline', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const chunks = cold('-a-b-c-d|', { a: 'w', b: 'x', c: 'y', d: 'z' });
      expectObservable(chunks.pipe(withDeadlines<string>({ total: 4 }).chunks)).toBe(
        '-a-b#',
        { a: 'w', b: 'x' },
        new TimeoutError('total', 4),
      );
      expectObservable(cold('---a|').pipe(withDeadlines<string>(2).chunks)).toBe(
        '--#',
        undefined,
        new TimeoutError('first', 2),
      );
    });
  });

  it.each([
    [{ idle: 0 }, RangeError],
    [{ idle: Number.NaN }, RangeError],
    [{ total: -1 }, RangeError],
    [{ idle: '5' }, TypeError],
  ])('throws at once for %o', (timeout, errorClass) => {
    expect(() => withDeadlines(timeout as never)).toThrow(errorClass);
  });
});
