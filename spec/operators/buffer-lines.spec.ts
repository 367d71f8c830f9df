import { from, take, toArray } from 'rxjs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import { bufferLines } from '../../lib/operators/buffer-lines.js';
import { chunkedText } from './support/chunked-text.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

function linesOf(chunks: readonly string[]): string[] {
  let lines: string[] = [];
  from(chunks)
    .pipe(bufferLines(), toArray())
    .subscribe((values) => (lines = values));
  return lines;
}

describe('bufferLines', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('emits each line with its line end as soon as it is complete', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a--b--c--|', { a: 'one\ntw', b: 'o', c: '\nthree' });
      expectObservable(source.pipe(bufferLines())).toBe('-x-----y--(z|)', {
        x: 'one\n',
        y: 'two\n',
        z: 'three',
      });
      expectSubscriptions(source.subscriptions).toBe('^---------!');
    });
  });

  it('emits the lines of one chunk one by one, at the same time', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-------|', { a: 'a\nb\n\nc\n' });
      expectObservable(source.pipe(bufferLines())).toBe('-(wxyz)--|', {
        w: 'a\n',
        x: 'b\n',
        y: '\n',
        z: 'c\n',
      });
    });
  });

  it('keeps a CRLF whole when a chunk boundary falls between CR and LF', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b-----|', { a: 'one\r', b: '\ntwo\r\n' });
      expectObservable(source.pipe(bufferLines())).toBe('---(xy)--|', {
        x: 'one\r\n',
        y: 'two\r\n',
      });
    });
  });

  it('treats a lone CR as text, not a line end', () => {
    expect(linesOf(['50%\r75%\r', '100%\n'])).toEqual(['50%\r75%\r100%\n']);
  });

  it('flushes an unfinished last line when the source completes, and nothing when there is none', () => {
    expect(linesOf(['a\nb'])).toEqual(['a\n', 'b']);
    expect(linesOf(['a\n'])).toEqual(['a\n']);
    expect(linesOf([])).toEqual([]);
  });

  it('never emits empty strings for empty chunks', () => {
    expect(linesOf(['', 'a', '', '\n', ''])).toEqual(['a\n']);
  });

  it('emits the unfinished line before passing an error on', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-#', { a: 'done\npart' }, new Error('reset'));
      expectObservable(source.pipe(bufferLines())).toBe(
        '-x-(y#)',
        { x: 'done\n', y: 'part' },
        new Error('reset'),
      );
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('emits a half surrogate pair held back at a chunk end before passing an error on', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-#', { a: 'done\npart\uD83D' }, new Error('reset'));
      expectObservable(source.pipe(bufferLines())).toBe(
        '-x-(y#)',
        { x: 'done\n', y: 'part\uD83D' },
        new Error('reset'),
      );
    });
  });

  it('passes an error on at once when nothing is buffered', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-#', { a: 'done\n' }, new Error('reset'));
      expectObservable(source.pipe(bufferLines())).toBe(
        '-x-#',
        { x: 'done\n' },
        new Error('reset'),
      );
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-a-a-|', { a: 'x\n' });
      expectObservable(source.pipe(bufferLines()), '^--!').toBe('-x--', { x: 'x\n' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => `${index}\n`);
    source.pipe(bufferLines(), take(3)).subscribe();
    expect(sideEffects).toEqual(['0\n', '1\n', '2\n']);
  });

  it('keeps a buffer per subscription', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const lines$ = cold('-a-b|', { a: 'x', b: 'y\n' }).pipe(bufferLines());
      expectObservable(lines$).toBe('---x|', { x: 'xy\n' });
      expectObservable(lines$, '--^').toBe('-----x|', { x: 'xy\n' });
    });
  });

  it('for any chunking: joins to the input, and every line but the last ends at its only LF', () => {
    fc.assert(
      fc.property(
        chunkedText(['a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀']),
        ({ text, chunks }) => {
          const lines = linesOf(chunks);
          expect(lines.join('')).toBe(text);
          expect(lines).toEqual(linesOf([text]));
          lines.forEach((line, index) => {
            expect(line).not.toBe('');
            const lfs = line.split('\n').length - 1;
            if (index < lines.length - 1 || line.endsWith('\n')) {
              expect(lfs).toBe(1);
              expect(line.endsWith('\n')).toBe(true);
            } else {
              expect(lfs).toBe(0);
            }
          });
        },
      ),
    );
  });
});
