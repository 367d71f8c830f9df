import { identity, NEVER, take } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { timeoutCompletion } from '../../lib/operators/timeout-completion.js';
import { MAX_TIMER_MS } from '../../lib/operators/internal/timer-limit.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

describe('timeoutCompletion', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('errors with a first-chunk TimeoutError and unsubscribes when the first chunk is late', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-------a|', { a: 'x' });
      expectObservable(source.pipe(timeoutCompletion(5))).toBe(
        '-----#',
        undefined,
        new TimeoutError('first', 5),
      );
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('errors with a next-chunk TimeoutError after the chunks already received', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b------c|', { a: 'x', b: 'y', c: 'z' });
      expectObservable(source.pipe(timeoutCompletion({ first: 5, each: 3 }))).toBe(
        '-a-b--#',
        { a: 'x', b: 'y' },
        new TimeoutError('each', 3),
      );
      expectSubscriptions(source.subscriptions).toBe('^-----!');
    });
  });

  it('passes chunks that come in time through, and completion', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('----a--b--c|', { a: 'x', b: 'y', c: 'z' });
      expectObservable(source.pipe(timeoutCompletion({ first: 5, each: 3 }))).toBe('----a--b--c|', {
        a: 'x',
        b: 'y',
        c: 'z',
      });
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  it('bounds only the first chunk when given a number', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a 100ms b|', { a: 'x', b: 'y' });
      expectObservable(source.pipe(timeoutCompletion(5))).toBe('-a 100ms b|', { a: 'x', b: 'y' });
    });
  });

  it('applies `each` to the first chunk too when given alone, and names it a first-chunk timeout', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-----a|', { a: 'x' });
      expectObservable(source.pipe(timeoutCompletion({ each: 3 }))).toBe(
        '---#',
        undefined,
        new TimeoutError('first', 3),
      );
    });
  });

  it('errors with a total TimeoutError when the whole completion takes too long, however steady', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c-d|', { a: 'w', b: 'x', c: 'y', d: 'z' });
      expectObservable(source.pipe(timeoutCompletion({ each: 3, total: 6 }))).toBe(
        '-a-b-c#',
        { a: 'w', b: 'x', c: 'y' },
        new TimeoutError('total', 6),
      );
      expectSubscriptions(source.subscriptions).toBe('^-----!');
    });
  });

  it('lets a completion that ends within `total` complete, and cancels the total timer', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b|', { a: 'x', b: 'y' });
      const timed = source.pipe(timeoutCompletion({ total: 5 }));
      expectObservable(timed).toBe('-a-b|', { a: 'x', b: 'y' });
      expectSubscriptions(source.subscriptions).toBe('^---!');
    });
  });

  it('reports the first-chunk deadline when it fires before `total`', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('----------a|', { a: 'x' });
      expectObservable(source.pipe(timeoutCompletion({ first: 4, total: 8 }))).toBe(
        '----#',
        undefined,
        new TimeoutError('first', 4),
      );
    });
  });

  it('waits for the first chunk for ever with `first: Infinity`, then bounds the gaps by `each`', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('50ms a-b-----c|', { a: 'x', b: 'y', c: 'z' });
      expectObservable(source.pipe(timeoutCompletion({ first: Infinity, each: 3 }))).toBe(
        '50ms a-b--#',
        { a: 'x', b: 'y' },
        new TimeoutError('each', 3),
      );
      expectSubscriptions(source.subscriptions).toBe('^ 54ms !');
    });
  });

  it('passes errors and completion through with `first: Infinity`', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const error = new Error('reset');
      expectObservable(
        cold('--#', undefined, error).pipe(timeoutCompletion({ first: Infinity, each: 1 })),
      ).toBe('--#', undefined, error);
      expectObservable(cold('---|').pipe(timeoutCompletion({ first: Infinity, each: 1 }))).toBe(
        '---|',
      );
    });
  });

  it.each([[Infinity], [{ each: Infinity }], [{ first: Infinity, total: Infinity }]])(
    'is the identity when every deadline is Infinity: %o',
    (config) => {
      expect(timeoutCompletion(config)).toBe(identity);
    },
  );

  it('clamps a deadline over 2³¹ − 1 ms to it, as long as a timer can wait', () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
    testScheduler.run(({ expectObservable }) => {
      expectObservable(NEVER.pipe(timeoutCompletion(3e9))).toBe(
        `${MAX_TIMER_MS}ms #`,
        undefined,
        new TimeoutError('first', MAX_TIMER_MS),
      );
      expectObservable(NEVER.pipe(timeoutCompletion({ total: 4e9 }))).toBe(
        `${MAX_TIMER_MS}ms #`,
        undefined,
        new TimeoutError('total', MAX_TIMER_MS),
      );
    });
  });

  it('makes a stalled request retryable by retryCompletion placed after it', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const stalled = cold('------------a|', { a: 'x' });
      const result = stalled.pipe(
        timeoutCompletion({ first: 10 }),
        retryCompletion({ count: 1, delay: 5, jitter: 'none' }),
      );
      expectObservable(result).toBe('25ms #', undefined, new TimeoutError('first', 10));
      expectSubscriptions(stalled.subscriptions).toBe(['^---------!', '15ms ^---------!']);
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-a-a-|', { a: 'x' });
      expectObservable(source.pipe(timeoutCompletion(5)), '^--!').toBe('-a--', { a: 'x' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => index);
    source.pipe(timeoutCompletion({ first: 10, each: 10 }), take(3)).subscribe();
    expect(sideEffects).toEqual([0, 1, 2]);
  });

  it.each([
    [{}, TypeError],
    [{ first: undefined, each: undefined, total: undefined }, TypeError],
    [0, RangeError],
    [-1, RangeError],
    [Number.NaN, RangeError],
    [-Infinity, RangeError],
    [{ first: 10, each: 0 }, RangeError],
    [{ total: Number.NaN }, RangeError],
    [{ total: '5' }, TypeError],
    [{ each: '5' }, TypeError],
  ])('throws at creation for %o', (config, errorClass) => {
    expect(() => timeoutCompletion(config as never)).toThrow(errorClass);
  });
});
