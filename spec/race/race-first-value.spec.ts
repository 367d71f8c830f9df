/**
 * The engine of `hedge`, `fallback` and the `createCompletion` facade, in virtual time: when
 * each candidate is started, which one wins, and when the others are torn down.
 */
import { take, tap, type Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AllProvidersFailedError } from '../../lib/errors/all-providers-failed-error.js';
import { raceFirstValue, type Candidate } from '../../lib/race/race-first-value.js';
import { synchronousSource } from '../operators/support/synchronous-source.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';

/** Candidates named `a`, `b`, `c`… in order. */
function named<T>(...sources: Observable<T>[]): Candidate<T>[] {
  return sources.map((source, index) => ({
    name: String.fromCharCode(97 + index),
    start: () => source,
  }));
}

describe('raceFirstValue', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('never subscribes to the second candidate when the first emits before `after`', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-a-b|');
      const b = cold('-x|');
      const race$ = raceFirstValue(named(a, b), { after: 3, scheduler: testScheduler });
      expectObservable(race$).toBe('-a-b|');
      expectSubscriptions(a.subscriptions).toBe('^---!');
      expectSubscriptions(b.subscriptions).toBe([]);
    });
  });

  it('starts the second after `after` of silence; when it emits first, the first is unsubscribed then', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('------a|');
      const b = cold('--x-y|');
      const race$ = raceFirstValue(named(a, b), { after: 3, scheduler: testScheduler });
      expectObservable(race$).toBe('-----x-y|');
      expectSubscriptions(a.subscriptions).toBe('^----!');
      expectSubscriptions(b.subscriptions).toBe('---^----!');
    });
  });

  it('lets the earlier first value win when both are slow, and unsubscribes the other at that frame', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-----a|');
      const b = cold('----x|');
      const race$ = raceFirstValue(named(a, b), { after: 3, scheduler: testScheduler });
      expectObservable(race$).toBe('-----a|');
      expectSubscriptions(a.subscriptions).toBe('^-----!');
      expectSubscriptions(b.subscriptions).toBe('---^-!');
    });
  });

  it('starts one more candidate every `after` of silence, and the first to emit wins', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('----------a|');
      const b = cold('------x|');
      const c = cold('-y|');
      const race$ = raceFirstValue(named(a, b, c), { after: 3, scheduler: testScheduler });
      expectObservable(race$).toBe('-------y|');
      expectSubscriptions(a.subscriptions).toBe('^------!');
      expectSubscriptions(b.subscriptions).toBe('---^---!');
      expectSubscriptions(c.subscriptions).toBe('------^-!');
    });
  });

  it('starts the next candidate at once when the first fails before its first value', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--#');
      const b = cold('-x|');
      const race$ = raceFirstValue(named(a, b), { after: 10, scheduler: testScheduler });
      expectObservable(race$).toBe('---x|');
      expectSubscriptions(a.subscriptions).toBe('^-!');
      expectSubscriptions(b.subscriptions).toBe('--^-!');
    });
  });

  it('arms the hedge timer again from the start of the candidate that replaced a failed one', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--#');
      const b = cold('--------x|');
      const c = cold('-y|');
      const race$ = raceFirstValue(named(a, b, c), { after: 4, scheduler: testScheduler });
      expectObservable(race$).toBe('-------y|');
      expectSubscriptions(b.subscriptions).toBe('--^----!');
      expectSubscriptions(c.subscriptions).toBe('------^-!');
    });
  });

  it('without `after`, waits for the first candidate however slow it is', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-- 100ms a|');
      const b = cold('x|');
      expectObservable(raceFirstValue(named(a, b))).toBe('-- 100ms a|');
      expectSubscriptions(b.subscriptions).toBe([]);
    });
  });

  it('drops the error of a candidate that fails while a later one is still running', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-----#');
      const b = cold('---x|');
      const race$ = raceFirstValue(named(a, b), { after: 3, scheduler: testScheduler });
      expectObservable(race$).toBe('------x|');
      expectSubscriptions(a.subscriptions).toBe('^----!');
      expectSubscriptions(b.subscriptions).toBe('---^---!');
    });
  });

  it('passes on the winner’s error after its first value, with no fallback and no hedge', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failure = new Error('reset after the first chunk');
      const a = cold('-a-#', undefined, failure);
      const b = cold('x|');
      const race$ = raceFirstValue(named(a, b), { after: 2, scheduler: testScheduler });
      expectObservable(race$).toBe('-a-#', undefined, failure);
      expectSubscriptions(a.subscriptions).toBe('^--!');
      expectSubscriptions(b.subscriptions).toBe([]);
    });
  });

  it('errors with AllProvidersFailedError listing each failure in order when all fail', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const [e1, e2, e3] = [new Error('one'), new Error('two'), new Error('three')];
      const a = cold('-#', undefined, e1);
      const b = cold('--#', undefined, e2);
      const c = cold('#', undefined, e3);
      const expected = new AllProvidersFailedError([
        { provider: 'a', error: e1 },
        { provider: 'b', error: e2 },
        { provider: 'c', error: e3 },
      ]);
      expectObservable(raceFirstValue(named(a, b, c))).toBe('---#', undefined, expected);
      expectSubscriptions(a.subscriptions).toBe('^!');
      expectSubscriptions(b.subscriptions).toBe('-^-!');
      expectSubscriptions(c.subscriptions).toBe('---(^!)');
    });
  });

  it('lists hedged failures in the order they happened, and errors only when the last running one fails', () => {
    const [slow, fast] = [new Error('slow'), new Error('fast')];
    let caught: unknown;
    testScheduler.run(({ cold, expectObservable }) => {
      const a = cold('------#', undefined, slow);
      const b = cold('-#', undefined, fast);
      const race$ = raceFirstValue(named(a, b), { after: 3, scheduler: testScheduler });
      expectObservable(race$).toBe('------#', undefined, expect.any(AllProvidersFailedError));
      race$.subscribe({ error: (error: unknown) => (caught = error) });
    });
    expect(AllProvidersFailedError.isInstance(caught)).toBe(true);
    const { failures, message, cause } = caught as AllProvidersFailedError;
    expect(failures).toEqual([
      { provider: 'b', error: fast },
      { provider: 'a', error: slow },
    ]);
    expect(failures[0]?.error).toBe(fast);
    expect(message).toBe('All 2 providers failed: b (Error: fast); a (Error: slow)');
    expect(cause).toBe(slow);
  });

  it('errors at once with AllProvidersFailedError when there is no candidate', () => {
    testScheduler.run(({ expectObservable }) => {
      expectObservable(raceFirstValue<string>([])).toBe(
        '#',
        undefined,
        new AllProvidersFailedError([]),
      );
    });
  });

  it('takes an empty completion for an answer: no fallback, no hedge', () => {
    const onWinner = vi.fn();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--|');
      const b = cold('x|');
      const race$ = raceFirstValue(named(a, b), { after: 5, scheduler: testScheduler, onWinner });
      expectObservable(race$).toBe('--|');
      expectSubscriptions(b.subscriptions).toBe([]);
    });
    expect(onWinner.mock.calls).toEqual([['a']]);
  });

  it('lets an empty completion win a hedge and unsubscribes the other candidate', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-----|');
      const b = cold('------x|');
      const race$ = raceFirstValue(named(a, b), { after: 2, scheduler: testScheduler });
      expectObservable(race$).toBe('-----|');
      expectSubscriptions(b.subscriptions).toBe('--^--!');
    });
  });

  it('tears everything down on unsubscribe, the hedge timer too', () => {
    const startC = vi.fn();
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('--------a|');
      const b = cold('--------x|');
      const c = cold('y|');
      const candidates = [
        ...named(a, b),
        { name: 'c', start: () => (startC(), c) } satisfies Candidate<string>,
      ];
      const race$ = raceFirstValue(candidates, { after: 3, scheduler: testScheduler });
      expectObservable(race$, '^---!').toBe('-');
      expectSubscriptions(a.subscriptions).toBe('^---!');
      expectSubscriptions(b.subscriptions).toBe('---^!');
      expectSubscriptions(c.subscriptions).toBe([]);
    });
    expect(startC).not.toHaveBeenCalled();
  });

  it('unsubscribes the winner when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-a-a-a-|');
      const race$ = raceFirstValue(named(a), { after: 3, scheduler: testScheduler });
      expectObservable(race$, '^--!').toBe('-a-');
      expectSubscriptions(a.subscriptions).toBe('^--!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => index);
    raceFirstValue(named(source)).pipe(take(3)).subscribe();
    expect(sideEffects).toEqual([0, 1, 2]);
  });

  it('tells `onWinner` the winner’s name once, before its first value', () => {
    const seen: string[] = [];
    testScheduler.run(({ cold, expectObservable }) => {
      const a = cold('--------a|');
      const b = cold('-x-y-z|');
      const race$ = raceFirstValue(named(a, b), {
        after: 2,
        scheduler: testScheduler,
        onWinner: (name) => seen.push(`winner ${name}`),
      });
      expectObservable(race$.pipe(tap((value) => seen.push(value)))).toBe('---x-y-z|');
    });
    expect(seen).toEqual(['winner b', 'x', 'y', 'z']);
  });

  it('errors with what a throwing `onWinner` threw, after the first value, without falling back', () => {
    const thrown = new Error('onWinner failed');
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('#');
      const b = cold('--x-y|');
      const c = cold('-z|');
      const race$ = raceFirstValue(named(a, b, c), {
        onWinner: () => {
          throw thrown;
        },
      });
      expectObservable(race$).toBe('--(x#)', undefined, thrown);
      expectSubscriptions(b.subscriptions).toBe('^-!');
      expectSubscriptions(c.subscriptions).toBe([]);
    });
  });

  it('errors with what a throwing `onWinner` threw when the winner completes empty', () => {
    const thrown = new Error('onWinner failed');
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const b = cold('-x|');
      const race$ = raceFirstValue(named(cold('--|'), b), {
        after: 1,
        scheduler: testScheduler,
        onWinner: () => {
          throw thrown;
        },
      });
      expectObservable(race$).toBe('--#', undefined, thrown);
      expectSubscriptions(b.subscriptions).toBe('-^!');
    });
  });

  it('never tells `onWinner` when all fail', () => {
    const onWinner = vi.fn();
    testScheduler.run(({ cold, expectObservable }) => {
      const race$ = raceFirstValue(named(cold('-#'), cold('#')), { onWinner });
      expectObservable(race$).toBe('-#', undefined, expect.any(AllProvidersFailedError));
    });
    expect(onWinner).not.toHaveBeenCalled();
  });

  it('starts each candidate lazily, once, and again for each subscription', () => {
    const starts: string[] = [];
    testScheduler.run(({ cold, expectObservable }) => {
      const a = cold('-#');
      const b = cold('-x|');
      const race$ = raceFirstValue([
        { name: 'a', start: () => (starts.push('a'), a) },
        { name: 'b', start: () => (starts.push('b'), b) },
      ]);
      expect(starts).toEqual([]);
      expectObservable(race$).toBe('--x|');
      expectObservable(race$).toBe('--x|');
    });
    expect(starts).toEqual(['a', 'a', 'b', 'b']);
  });

  it('falls back when a candidate’s `start` throws', () => {
    const failure = new Error('cannot build the request');
    let caught: unknown;
    testScheduler.run(({ cold, expectObservable }) => {
      const race$ = raceFirstValue([
        {
          name: 'broken',
          start: (): Observable<string> => {
            throw failure;
          },
        },
        ...named(cold('-x|')),
      ]);
      expectObservable(race$).toBe('-x|');
      raceFirstValue([
        {
          name: 'broken',
          start: () => {
            throw failure;
          },
        },
      ]).subscribe({
        error: (error: unknown) => (caught = error),
      });
    });
    expect((caught as AllProvidersFailedError).failures).toEqual([
      { provider: 'broken', error: failure },
    ]);
  });
});
