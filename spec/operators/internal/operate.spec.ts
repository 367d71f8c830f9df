import { Observable, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { operate } from '../../../lib/operators/internal/operate.js';
import { countedSource, itHonoursTheOperatorContract } from '../support/operator-contract.js';
import { createTestScheduler } from '../support/test-scheduler.js';

/** A `map` written with `operate`, throwing on a value of `poison`. */
const lengths = (): ReturnType<typeof operate<string, number>> =>
  operate<string, number>((destination) => ({
    next: (text) => {
      if (text === 'poison') throw new Error('poisoned');
      destination.next(text.length);
    },
  }));

describe('operate', () => {
  itHonoursTheOperatorContract({
    operator: lengths,
    valueAt: (index) => 'x'.repeat(index + 1),
    poison: 'poison',
  });

  it('maps values and forwards completion, subscribing and unsubscribing the source once', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-|', { a: 'ab', b: 'c' });
      expectObservable(source.pipe(lengths())).toBe('-x-y-|', { x: 2, y: 1 });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('forwards the source error when no error handler is given', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-#', { a: 'ab' }, new Error('upstream'));
      expectObservable(source.pipe(lengths())).toBe('-x-#', { x: 2 }, new Error('upstream'));
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('unsubscribes the source when the consumer unsubscribes', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c-|', { a: 'a', b: 'b', c: 'c' });
      expectObservable(source.pipe(lengths()), '^--!').toBe('-x-', { x: 1 });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('turns a throwing handler into an error at that value and unsubscribes the source', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-p-b-|', { a: 'ab', p: 'poison', b: 'b' });
      expectObservable(source.pipe(lengths())).toBe('-x-#', { x: 2 }, new Error('poisoned'));
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('sends what the error and complete handlers throw downstream as error', () => {
    const failing = (where: 'error' | 'complete') =>
      operate<number, number>((destination) => ({
        next: (value) => {
          destination.next(value);
        },
        error: () => {
          if (where === 'error') throw new Error('in error');
        },
        complete: () => {
          if (where === 'complete') throw new Error('in complete');
        },
      }));
    const seen: unknown[] = [];
    throwError(() => new Error('upstream'))
      .pipe(failing('error'))
      .subscribe({ error: (error: unknown) => seen.push(error) });
    of(1)
      .pipe(failing('complete'))
      .subscribe({
        next: (value) => seen.push(value),
        error: (error: unknown) => seen.push(error),
      });
    expect(seen).toEqual([new Error('in error'), 1, new Error('in complete')]);
  });

  it('sends an exception of setup to the consumer on subscribe, not to the caller', () => {
    const broken = operate<number, number>(() => {
      throw new Error('in setup');
    });
    const source$ = of(1).pipe(broken);
    let failure: unknown;
    expect(() => source$.subscribe({ error: (error: unknown) => (failure = error) })).not.toThrow();
    expect(failure).toEqual(new Error('in setup'));
  });

  it('tears down in order: the source first, then finalize, once', () => {
    const order: string[] = [];
    const source = new Observable<string>((subscriber) => {
      subscriber.next('a');
      return () => order.push('source teardown');
    });
    const recorded = operate<string, string>((destination) => ({
      next: (value) => {
        destination.next(value);
      },
      finalize: () => order.push('finalize'),
    }));
    const subscription = source.pipe(recorded).subscribe(() => order.push('next'));
    subscription.unsubscribe();
    subscription.unsubscribe();
    expect(order).toEqual(['next', 'source teardown', 'finalize']);
  });

  it('ignores what the source sends after the destination ended', () => {
    const { source, pulls } = countedSource((index) => index);
    const seen: string[] = [];
    source
      .pipe(
        operate<number, number>((destination) => ({
          next: (value) => {
            destination.next(value);
            destination.complete();
          },
        })),
      )
      .subscribe({
        next: (value) => seen.push(`next ${value}`),
        complete: () => seen.push('done'),
      });
    expect(seen).toEqual(['next 0', 'done']);
    expect(pulls()).toBe(1);
  });
});
