import { from, take, toArray } from 'rxjs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { bufferSentences } from '../../lib/operators/buffer-sentences.js';
import { chunkedText } from './support/chunked-text.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

function sentencesOf(chunks: readonly string[]): string[] {
  let sentences: string[] = [];
  from(chunks)
    .pipe(bufferSentences(), toArray())
    .subscribe((values) => (sentences = values));
  return sentences;
}

describe('bufferSentences', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits each sentence with its punctuation and whitespace once the next one has begun', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a--b--c--|', { a: 'Hi. Pi is 3', b: '.14! ', c: 'Ok' });
      expectObservable(source.pipe(bufferSentences())).toBe('-x-----y--(z|)', {
        x: 'Hi. ',
        y: 'Pi is 3.14! ',
        z: 'Ok',
      });
      expectSubscriptions(source.subscriptions).toBe('^---------!');
    });
  });

  it.each([
    [
      'ends at . ! ? and …',
      'One. Two! Three? Four… Five',
      ['One. ', 'Two! ', 'Three? ', 'Four… ', 'Five'],
    ],
    ['keeps a decimal point inside', 'Pi is 3.14 today. Yes', ['Pi is 3.14 today. ', 'Yes']],
    [
      'keeps e.g. before a lower-case word inside',
      'Fruit, e.g. apples, is good. Yes',
      ['Fruit, e.g. apples, is good. ', 'Yes'],
    ],
    [
      'keeps a run of punctuation and the closers after it',
      'He said "Wow!?" Then left.) Ok',
      ['He said "Wow!?" ', 'Then left.) ', 'Ok'],
    ],
    [
      'keeps Markdown emphasis after the punctuation',
      '**Note.** Read it.',
      ['**Note.** ', 'Read it.'],
    ],
    ['keeps all the whitespace after the end', 'One.  \n\n Two', ['One.  \n\n ', 'Two']],
    [
      'ends at a line break',
      '# Title\n- item one\n- item two',
      ['# Title\n', '- item one\n', '- item two'],
    ],
    ['does not end at a list number', '1. First.\n2. Second.', ['1. First.\n', '2. Second.']],
    [
      'ends at CJK punctuation whatever follows',
      '你好。我是助手！好吗？',
      ['你好。', '我是助手！', '好吗？'],
    ],
    ['keeps CJK closing brackets', '他说「好。」然后', ['他说「好。」', '然后']],
    [
      'splits after an abbreviation before a capital (no abbreviation list)',
      'Dr. Smith',
      ['Dr. ', 'Smith'],
    ],
    ['keeps text without an end whole', 'no end here', ['no end here']],
  ])('%s', (_, text, expected) => {
    expect(sentencesOf([text])).toEqual(expected);
  });

  it('waits for the next non-whitespace character before ending a sentence', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b-c-d|', { a: 'Hi.', b: ' ', c: ' ', d: 'Yo' });
      expectObservable(source.pipe(bufferSentences())).toBe('-------x(y|)', {
        x: 'Hi.  ',
        y: 'Yo',
      });
    });
  });

  it('reads a whole code point after a sentence end, also when a chunk boundary splits it', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      // U+1D44E MATHEMATICAL ITALIC SMALL A is a lower-case letter: no sentence end before it.
      const source = cold('-a-b|', { a: 'Hi. \uD835', b: '\uDC4E ok. Yes' });
      expectObservable(source.pipe(bufferSentences())).toBe('---x(y|)', {
        x: 'Hi. \u{1D44E} ok. ',
        y: 'Yes',
      });
    });
  });

  it('emits the unfinished sentence before passing an error on', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-#', { a: 'Done. Half' }, new Error('reset'));
      expectObservable(source.pipe(bufferSentences())).toBe(
        '-x-(y#)',
        { x: 'Done. ', y: 'Half' },
        new Error('reset'),
      );
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-a-a-|', { a: 'Yes. ' });
      expectObservable(source.pipe(bufferSentences()), '^----!').toBe('---x--', { x: 'Yes. ' });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => `S${index}. `);
    source.pipe(bufferSentences(), take(3)).subscribe();
    expect(sideEffects).toEqual(['S0. ', 'S1. ', 'S2. ', 'S3. ']);
  });

  it('for any chunking: joins to the input and gives the same sentences as one chunk', () => {
    const alphabet = [
      'a',
      'B',
      ' ',
      '\n',
      '\r\n',
      '.',
      '!',
      '?',
      '…',
      '3',
      '"',
      '*',
      '。',
      '」',
      'e.g.',
      '1. ',
    ];
    fc.assert(
      fc.property(chunkedText(alphabet), ({ text, chunks }) => {
        const sentences = sentencesOf(chunks);
        expect(sentences.join('')).toBe(text);
        expect(sentences).toEqual(sentencesOf([text]));
        expect(sentences).not.toContain('');
      }),
      { numRuns: 500 },
    );
  });
});
