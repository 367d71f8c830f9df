import { from, take, toArray } from 'rxjs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { smoothText, type SmoothTextConfig } from '../../lib/operators/smooth-text.js';
import { chunkedText } from './support/chunked-text.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

/** The chunks `smoothText` gives without pacing. */
function chunksOf(chunks: readonly string[], config: SmoothTextConfig = {}): string[] {
  let result: string[] = [];
  from(chunks)
    .pipe(smoothText({ ...config, delayMs: 0 }), toArray())
    .subscribe((values) => (result = values));
  return result;
}

describe('smoothText', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits a burst word by word, delayMs apart, and the rest when the source completes', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a---------|', { a: 'Hi there you fine' });
      expectObservable(source.pipe(smoothText({ delayMs: 3 }))).toBe('-a--b--c---(d|)', {
        a: 'Hi ',
        b: 'there ',
        c: 'you ',
        d: 'fine',
      });
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  it('keeps the pace for the rest and completes right after it, without a trailing delay', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-(a|)', { a: 'Hi there you' });
      expectObservable(source.pipe(smoothText({ delayMs: 3 }))).toBe('-a--b--(c|)', {
        a: 'Hi ',
        b: 'there ',
        c: 'you',
      });
      expectSubscriptions(source.subscriptions).toBe('^!');
    });
  });

  it('does not delay chunks that arrive slower than the pace', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-----b-----c|', { a: 'one ', b: 'two ', c: 'three ' });
      expectObservable(source.pipe(smoothText({ delayMs: 3 }))).toBe('-a-----b-----c|', {
        a: 'one ',
        b: 'two ',
        c: 'three ',
      });
    });
  });

  it('waits for whitespace before emitting a word split across chunks', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b-c|', { a: 'Hel', b: 'lo wo', c: 'rld ' });
      expectObservable(source.pipe(smoothText({ delayMs: 1 }))).toBe('---x-y|', {
        x: 'Hello ',
        y: 'world ',
      });
    });
  });

  it('paces a word received in many chunks (a long URL) as one chunk, once its whitespace arrives', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b-c-d-|', { a: 'go https://', b: 'example.', c: 'com/x', d: ' now' });
      expectObservable(source.pipe(smoothText({ delayMs: 3 }))).toBe('-a-----b--(c|)', {
        a: 'go ',
        b: 'https://example.com/x ',
        c: 'now',
      });
    });
  });

  it('emits what it buffered, at the same pace, before passing an error on', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-#', { a: 'Hi there you' }, new Error('reset'));
      expectObservable(source.pipe(smoothText({ delayMs: 3 }))).toBe(
        '-a--b--(c#)',
        { a: 'Hi ', b: 'there ', c: 'you' },
        new Error('reset'),
      );
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('stops the pacing timers and the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-------|', { a: 'one two three four ' });
      expectObservable(source.pipe(smoothText({ delayMs: 3 })), '^----!').toBe('-a--b-', {
        a: 'one ',
        b: 'two ',
      });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const unpaced = synchronousSource((index) => `w${index} `);
    unpaced.source.pipe(smoothText({ delayMs: 0 }), take(3)).subscribe();
    expect(unpaced.sideEffects).toEqual(['w0 ', 'w1 ', 'w2 ']);

    const paced = synchronousSource((index) => `w${index} `);
    paced.source.pipe(smoothText({ delayMs: 10 }), take(1)).subscribe();
    expect(paced.sideEffects).toEqual(['w0 ']);
  });

  it('uses the Vercel AI SDK’s default pace of 10 ms', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('(a|)', { a: 'a b c' });
      expectObservable(source.pipe(smoothText())).toBe('a 9ms b 9ms (c|)', {
        a: 'a ',
        b: 'b ',
        c: 'c',
      });
    });
  });

  it('chunks into lines, keeping the blank lines already received with the line before', () => {
    expect(chunksOf(['one\ntwo\n\n\r\nthr', 'ee\r', '\n\n'], { chunking: 'line' })).toEqual([
      'one\n',
      'two\n\n\r\n',
      'three\r\n\n',
    ]);
  });

  it('chunks up to the end of a RegExp’s first match, ignoring the g flag', () => {
    expect(chunksOf(['a,b;c', ',d'], { chunking: /[,;]/g })).toEqual(['a,', 'b;', 'c,', 'd']);
  });

  it('treats an empty RegExp match as no chunk', () => {
    expect(chunksOf(['abc'], { chunking: /x*/ })).toEqual(['abc']);
  });

  it('chunks with an Intl.Segmenter, for text without spaces', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const chunks = chunksOf(['我们今天', '去公园。'], { chunking: segmenter });
    expect(chunks.join('')).toBe('我们今天去公园。');
    expect(chunks.length).toBeGreaterThan(2);
    expect(
      chunksOf([' Hello, wor', 'ld '], {
        chunking: new Intl.Segmenter('en', { granularity: 'word' }),
      }),
    ).toEqual([' Hello, ', 'world ']);
  });

  it('chunks with a detector function', () => {
    const everyTwo = (buffer: string): string | undefined =>
      buffer.length >= 2 ? buffer.slice(0, 2) : undefined;
    expect(chunksOf(['abc', 'de'], { chunking: everyTwo })).toEqual(['ab', 'cd', 'e']);
  });

  it('errors with a TypeError, after the buffered text, when the detector returns no prefix', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a|', { a: 'abc' });
      const result = source.pipe(smoothText({ chunking: () => 'zz', delayMs: 0 }));
      expectObservable(result).toBe(
        '-(x#)',
        { x: 'abc' },
        new TypeError(
          'smoothText: the chunking function must return a non-empty prefix of its buffer or undefined, got "zz"',
        ),
      );
    });
  });

  it.each([
    [{ delayMs: -1 }, RangeError],
    [{ delayMs: Number.NaN }, RangeError],
    [{ chunking: 'sentence' }, TypeError],
    [{ chunking: 42 }, TypeError],
  ])('throws at creation for %o', (config, errorClass) => {
    expect(() => smoothText(config as never)).toThrow(errorClass);
  });

  it('for any chunking and pace: joins to the input and keeps chunks at least delayMs apart', () => {
    fc.assert(
      fc.property(
        chunkedText(['a', 'bc', ' ', '  ', '\n', '.']),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom<'word' | 'line'>('word', 'line'),
        ({ text, chunks }, gaps, delayMs, chunking) => {
          const emitted: { frame: number; text: string }[] = [];
          const scheduler = createTestScheduler();
          scheduler.run(({ cold }) => {
            const marble = chunks.map((_, i) => `${gaps[i] ?? 1}ms ${String.fromCharCode(97 + i)}`);
            const values = Object.fromEntries(
              chunks.map((c, i) => [String.fromCharCode(97 + i), c]),
            );
            cold(`${marble.join(' ')} |`, values)
              .pipe(smoothText({ chunking, delayMs }))
              .subscribe((value) => emitted.push({ frame: scheduler.now(), text: value }));
          });
          expect(emitted.map((e) => e.text).join('')).toBe(text);
          emitted.forEach((e, i) => {
            expect(e.text).not.toBe('');
            if (i > 0) expect(e.frame - emitted[i - 1]!.frame).toBeGreaterThanOrEqual(delayMs);
          });
        },
      ),
    );
  });
});
