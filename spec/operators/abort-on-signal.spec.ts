import { of, take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../lib/errors/aborted-error.js';
import { abortOnSignal } from '../../lib/operators/abort-on-signal.js';
import { synchronousSource } from './support/synchronous-source.js';
import { createTestScheduler } from './support/test-scheduler.js';

describe('abortOnSignal', () => {
  it('errors with AbortedError and unsubscribes the source when the signal aborts', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const controller = new AbortController();
      const source = cold('--a--b--c--d--|');
      const sourceSubs = '^-------!      ';
      const expected = '    --a--b--#      ';
      cold('--------x').subscribe(() => {
        controller.abort();
      });
      expectObservable(source.pipe(abortOnSignal(controller.signal))).toBe(
        expected,
        undefined,
        new AbortedError(),
      );
      expectSubscriptions(source.subscriptions).toBe(sourceSubs);
    });
  });

  it('never subscribes the source when the signal is already aborted', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('--a--|');
      expectObservable(source.pipe(abortOnSignal(AbortSignal.abort()))).toBe(
        '#',
        undefined,
        new AbortedError(),
      );
      expectSubscriptions(source.subscriptions).toBe([]);
    });
  });

  it('keeps the reason as the cause', () => {
    const reason = new Error('user pressed stop');
    let error: unknown;
    of(1)
      .pipe(abortOnSignal(AbortSignal.abort(reason)))
      .subscribe({ error: (caught: unknown) => (error = caught) });
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ABORTED', cause: reason });
  });

  it('is the identity without a signal', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-|').pipe(abortOnSignal(undefined))).toBe('-a-|');
    });
  });

  it('removes its abort listener when the source ends', () => {
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      removed++;
      remove(...args);
    };
    of(1, 2).pipe(abortOnSignal(signal)).subscribe();
    expect([added, removed]).toEqual([1, 1]);
    let errors = 0;
    of(1)
      .pipe(abortOnSignal(signal))
      .subscribe({ error: () => errors++ });
    controller.abort();
    expect(errors).toBe(0);
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => index);
    source.pipe(abortOnSignal(new AbortController().signal), take(3)).subscribe();
    expect(sideEffects).toEqual([0, 1, 2]);
  });
});
