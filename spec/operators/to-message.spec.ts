import { Subject, takeUntil } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { toMessage } from '../../lib/operators/to-message.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

describe('toMessage', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits one assistant message with the joined text when the source completes', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c|', { a: 'Hel', b: 'lo', c: ', world' });
      expectObservable(source.pipe(toMessage())).toBe('------(m|)', {
        m: { role: 'assistant', content: 'Hello, world' },
      });
      expectSubscriptions(source.subscriptions).toBe('^-----!');
    });
  });

  it('emits a message with empty content when the source completes without a chunk', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('--|').pipe(toMessage())).toBe('--(m|)', {
        m: { role: 'assistant', content: '' },
      });
    });
  });

  it('passes an error on without any partial message', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-#', { a: 'Hel', b: 'lo' }, new Error('reset'));
      expectObservable(source.pipe(toMessage())).toBe('-----#', undefined, new Error('reset'));
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c-|', { a: 'x', b: 'y', c: 'z' });
      expectObservable(source.pipe(toMessage()), '^--!').toBe('----');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const stop = new Subject<void>();
    const { source, sideEffects } = synchronousSource((index) => {
      if (index === 3) stop.next();
      return String(index);
    });
    source.pipe(toMessage(), takeUntil(stop)).subscribe();
    expect(sideEffects).toEqual(['0', '1', '2', '3']);
  });
});
