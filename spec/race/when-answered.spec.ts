import { take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { whenAnswered } from '../../lib/race/when-answered.js';
import { countedSource } from '../operators/support/operator-contract.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';

describe('whenAnswered', () => {
  it('pulls only one value of a synchronous source of 1,000 under take(1)', () => {
    const { source, pulls } = countedSource((index) => index);
    const seen: number[] = [];
    source
      .pipe(
        whenAnswered(() => undefined),
        take(1),
      )
      .subscribe((value) => seen.push(value));
    expect({ pulls: pulls(), seen }).toEqual({ pulls: 1, seen: [0] });
  });

  it('tells once, before the first value', () => {
    const seen: string[] = [];
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b|');
      const told$ = source.pipe(whenAnswered<string>(() => seen.push('answered')));
      expectObservable(told$).toBe('-a-b|');
      expectSubscriptions(source.subscriptions).toBe('^---!');
    });
    seen.length = 0;
    createTestScheduler().run(({ cold }) => {
      cold('-a-b|')
        .pipe(whenAnswered<string>(() => seen.push('answered')))
        .subscribe((value) => seen.push(value));
    });
    expect(seen).toEqual(['answered', 'a', 'b']);
  });

  it('tells on an empty completion, never on an error', () => {
    const seen: string[] = [];
    createTestScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('--|').pipe(whenAnswered(() => seen.push('empty')))).toBe('--|');
      expectObservable(cold('--#').pipe(whenAnswered(() => seen.push('error')))).toBe('--#');
    });
    expect(seen).toEqual(['empty']);
  });

  it('passes the first value on, then errors with what the callback threw, and unsubscribes', () => {
    const thrown = new Error('told');
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b|');
      const told$ = source.pipe(
        whenAnswered<string>(() => {
          throw thrown;
        }),
      );
      expectObservable(told$).toBe('-(a#)', undefined, thrown);
      expectSubscriptions(source.subscriptions).toBe('^!');
    });
  });
});
