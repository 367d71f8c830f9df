import { from, last, take } from 'rxjs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { accumulateText } from '../../lib/operators/accumulate-text.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

describe('accumulateText', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits the running text after each chunk', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b--c|', { a: 'Hel', b: 'lo', c: '!' });
      expectObservable(source.pipe(accumulateText())).toBe('-x-y--z|', {
        x: 'Hel',
        y: 'Hello',
        z: 'Hello!',
      });
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  it('emits once per chunk, repeating the text for an empty chunk', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b|', { a: 'x', b: '' });
      expectObservable(source.pipe(accumulateText())).toBe('-x-y|', { x: 'x', y: 'x' });
    });
  });

  it('passes errors through after the text so far', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-#', { a: 'x' }, new Error('boom'));
      expectObservable(source.pipe(accumulateText())).toBe('-x-#', { x: 'x' }, new Error('boom'));
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-a-a-|', { a: 'x' });
      expectObservable(source.pipe(accumulateText()), '^--!').toBe('-x--', { x: 'x' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => String(index));
    source.pipe(accumulateText(), take(3)).subscribe();
    expect(sideEffects).toEqual(['0', '1', '2']);
  });

  it('ends with the joined input, for any chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1 }), (chunks) => {
        let lastText: string | undefined;
        from(chunks)
          .pipe(accumulateText(), last())
          .subscribe((text) => (lastText = text));
        expect(lastText).toBe(chunks.join(''));
      }),
    );
  });
});
