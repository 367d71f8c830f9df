/**
 * `hedge` and `fallback`, the public faces of the race engine, in virtual time: naming,
 * pacing, argument checks.
 */
import { of } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AllProvidersFailedError } from '../../lib/errors/all-providers-failed-error.js';
import { MAX_TIMER_MS } from '../../lib/operators/internal/timer-limit.js';
import { fallback, hedge } from '../../lib/race/hedge.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';

describe('hedge', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('never starts the second source when the first emits within `after`', () => {
    const onWinner = vi.fn();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--a-b|');
      const b = cold('x|');
      const hedged$ = hedge([() => a, () => b], { after: 3, onWinner, scheduler: testScheduler });
      expectObservable(hedged$).toBe('--a-b|');
      expectSubscriptions(a.subscriptions).toBe('^----!');
      expectSubscriptions(b.subscriptions).toBe([]);
    });
    expect(onWinner.mock.calls).toEqual([['0']]);
  });

  it('waits at most 2³¹ − 1 ms (the longest a timer can wait) for after: 3e9', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-');
      const b = cold('(x|)');
      const hedged$ = hedge([() => a, () => b], { after: 3e9, scheduler: testScheduler });
      expectObservable(hedged$).toBe(`${MAX_TIMER_MS}ms (x|)`);
      expectSubscriptions(b.subscriptions).toBe(`${MAX_TIMER_MS}ms (^!)`);
    });
  });

  it('starts the second source at `after`; it wins, and the first is unsubscribed when it emits', () => {
    const onWinner = vi.fn();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('---------a|');
      const b = cold('--x-y|');
      const hedged$ = hedge([() => a, () => b], { after: 4, onWinner, scheduler: testScheduler });
      expectObservable(hedged$).toBe('------x-y|');
      expectSubscriptions(a.subscriptions).toBe('^-----!');
      expectSubscriptions(b.subscriptions).toBe('----^----!');
    });
    expect(onWinner.mock.calls).toEqual([['1']]);
  });

  it('keeps the first when it emits first although the second was started too', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('------a|');
      const b = cold('----x|');
      const hedged$ = hedge([() => a, () => b], { after: 4, scheduler: testScheduler });
      expectObservable(hedged$).toBe('------a|');
      expectSubscriptions(b.subscriptions).toBe('----^-!');
    });
  });

  it('reports named sources by their name', () => {
    const onWinner = vi.fn();
    testScheduler.run(({ cold, expectObservable }) => {
      const primary = { name: 'primary', start: () => cold('#') };
      const backup = { name: 'backup', start: () => cold('-x|') };
      const hedged$ = hedge([primary, backup], { after: 5, onWinner, scheduler: testScheduler });
      expectObservable(hedged$).toBe('-x|');
    });
    expect(onWinner.mock.calls).toEqual([['backup']]);
  });

  it('starts every source at once with `after: 0`', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--a|');
      const b = cold('-x|');
      const hedged$ = hedge([() => a, () => b], { after: 0, scheduler: testScheduler });
      expectObservable(hedged$).toBe('-x|');
      expectSubscriptions(a.subscriptions).toBe('^!');
      expectSubscriptions(b.subscriptions).toBe('^-!');
    });
  });

  it('uses the async scheduler by default (virtual inside `run`)', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const hedged$ = hedge([() => cold('-- 1s a|'), () => cold('-x|')], { after: 500 });
      expectObservable(hedged$).toBe('500ms -x|');
    });
  });

  it('errors with AllProvidersFailedError naming the sources by index when all fail', () => {
    const [first, second] = [new Error('first'), new Error('second')];
    testScheduler.run(({ cold, expectObservable }) => {
      const hedged$ = hedge(
        [() => cold('----#', undefined, first), () => cold('-#', undefined, second)],
        {
          after: 1,
          scheduler: testScheduler,
        },
      );
      const expected = new AllProvidersFailedError([
        { provider: '1', error: second },
        { provider: '0', error: first },
      ]);
      expectObservable(hedged$).toBe('----#', undefined, expected);
    });
  });

  it('errors with AllProvidersFailedError (no failures) when given no source', () => {
    testScheduler.run(({ expectObservable }) => {
      const expected = new AllProvidersFailedError([]);
      expectObservable(hedge([], { after: 1, scheduler: testScheduler })).toBe(
        '#',
        undefined,
        expected,
      );
    });
    expect(new AllProvidersFailedError([]).message).toBe('No provider could be tried');
  });

  it('is cold: nothing starts before subscribe', () => {
    const start = vi.fn(() => of('x'));
    const hedged$ = hedge([start], { after: 1 });
    expect(start).not.toHaveBeenCalled();
    hedged$.subscribe();
    hedged$.subscribe();
    expect(start).toHaveBeenCalledTimes(2);
  });

  it.each([-1, Number.NaN, Infinity, -Infinity])(
    'throws a RangeError at once for after: %s',
    (after) => {
      const start = vi.fn(() => of('x'));
      expect(() => hedge([start], { after })).toThrow(RangeError);
      expect(() => hedge([start], { after })).toThrow(/after must be a finite number/);
      expect(start).not.toHaveBeenCalled();
    },
  );

  it('throws at once for an `after` that is not a number', () => {
    expect(() => hedge([() => of('x')], { after: '5' as unknown as number })).toThrow(RangeError);
    expect(() => hedge([() => of('x')], {} as never)).toThrow(RangeError);
  });
});

describe('fallback', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('never hedges: waits for a slow first source and never starts the second', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-- 1m a|');
      const b = cold('x|');
      expectObservable(fallback([() => a, () => b])).toBe('-- 1m a|');
      expectSubscriptions(b.subscriptions).toBe([]);
    });
  });

  it('moves to the next source when one fails before its first value, and names the winner', () => {
    const onWinner = vi.fn();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--#');
      const b = cold('---#');
      const c = cold('-x-y|');
      expectObservable(fallback([() => a, () => b, () => c], onWinner)).toBe('------x-y|');
      expectSubscriptions(b.subscriptions).toBe('--^--!');
      expectSubscriptions(c.subscriptions).toBe('-----^---!');
    });
    expect(onWinner.mock.calls).toEqual([['2']]);
  });

  it('passes on an error after the first value without trying the next source', () => {
    const failure = new Error('reset');
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-a-#', undefined, failure);
      const b = cold('x|');
      expectObservable(fallback([() => a, () => b])).toBe('-a-#', undefined, failure);
      expectSubscriptions(b.subscriptions).toBe([]);
    });
  });

  it('unsubscribes the running source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('#');
      const b = cold('---x|');
      expectObservable(fallback([() => a, () => b]), '^-!').toBe('-');
      expectSubscriptions(b.subscriptions).toBe('^-!');
    });
  });
});
