import { Observable, from, of, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { decodeText } from '../../lib/decode/decode-text.js';
import { loadUnicodeNameLookup } from '../../lib/decode/names/load-unicode-name-lookup.js';
import { MAX_NAME_LENGTH } from '../../lib/decode/unicode-escape-grammar.js';
import { DecodeError } from '../../lib/errors/decode-error.js';
import { itHonoursTheOperatorContract } from '../operators/support/operator-contract.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Each character as one byte: Latin-1 text, and escapes spelled out (`'\\x41'`). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Joins byte arrays. */
const bytesOf = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

let testScheduler: TestScheduler;

// `\N{...}` escapes wait for the lazily loaded name table (see names-loading.spec.ts); with the
// table loaded first, decodeText is synchronous, as virtual time needs.
beforeAll(async () => {
  await loadUnicodeNameLookup();
});

beforeEach(() => {
  testScheduler = new TestScheduler((actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('decodeText', () => {
  describe('as an operator', () => {
    itHonoursTheOperatorContract({
      operator: () => decodeText(),
      valueAt: (index) => new TextEncoder().encode(`chunk ${index}`),
      poison: null as unknown as Uint8Array,
    });
  });

  it('emits the text of each chunk as it arrives, holding a split character for the next', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-|', {
        a: Uint8Array.of(0x68, 0xe4, 0xb8),
        b: Uint8Array.of(0x80, 0x69),
      });
      expectObservable(source.pipe(decodeText())).toBe('-x-y-|', { x: 'h', y: '一i' });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('never emits an empty string, not even for chunks that only start a character', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b-c-d|', {
        a: Uint8Array.of(0xf0),
        b: Uint8Array.of(0x9f, 0x98),
        c: Uint8Array.of(0x80),
        d: new Uint8Array(0),
      });
      expectObservable(source.pipe(decodeText())).toBe('-----x--|', { x: '😀' });
    });
  });

  it('decodes a chunk that is not UTF-8 as unicode-escape, Latin-1 for the other bytes', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-|', { a: latin1('caf\xe9 \\u20ac\\t\\N{EM DASH} \\q') });
      expectObservable(source.pipe(decodeText())).toBe('-a-|', { a: 'café €\t— \\q' });
    });
  });

  it('keeps an escape split across chunks pending, and decodes the next chunk as unicode-escape too', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b-c-|', {
        a: latin1('\xff \\u20'),
        b: bytesOf(latin1('ac '), utf8('é')),
        c: utf8('é'),
      });
      // b joins the pending `\u20`: all of it is unicode-escape, so its UTF-8 'é' is two Latin-1
      // characters; c is UTF-8 again.
      expectObservable(source.pipe(decodeText())).toBe('-x-y-z-|', {
        x: 'ÿ ',
        y: '€ Ã©',
        z: 'é',
      });
    });
  });

  it('decodes what is pending at completion: a truncated UTF-8 sequence as Latin-1', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-|', { a: Uint8Array.of(0x6f, 0x6b, 0xe4, 0xb8) });
      expectObservable(source.pipe(decodeText())).toBe('-x-(y|)', { x: 'ok', y: 'ä¸' });
    });
  });

  it('emits the text before a malformed escape, then errors with DecodeError at its stream offset', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c|', {
        a: utf8('hi '),
        b: latin1('\xff ok \\xZZ more'),
        c: utf8('!'),
      });
      expectObservable(source.pipe(decodeText())).toBe(
        '-x-(y#)',
        { x: 'hi ', y: 'ÿ ok ' },
        new DecodeError('truncated \\xXX escape', 8),
      );
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('errors at completion on an escape the stream ended in', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-|', { a: latin1('\xe9\\N{LATIN') });
      expectObservable(source.pipe(decodeText())).toBe(
        '-x-#',
        { x: 'é' },
        new DecodeError('malformed \\N character escape', 1),
      );
    });
  });

  it("with errors: 'replace', puts U+FFFD where Python does and never errors", () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b|', {
        a: latin1('\xff\\xZZ \\N{} \\U00110000 \\'),
        b: latin1('x4'),
      });
      // `\` waits for b, `\x4` for more, and the stream ends: U+FFFD at completion.
      expectObservable(source.pipe(decodeText({ errors: 'replace' }))).toBe('-x--(y|)', {
        x: 'ÿ\ufffdZZ \ufffd} \ufffd ',
        y: '\ufffd',
      });
    });
  });

  describe('a \\N{ name longer than any (MAX_NAME_LENGTH) is skipped, not held', () => {
    const name = 'A'.repeat(MAX_NAME_LENGTH + 1);
    const chunks = {
      a: latin1(`caf\xe9 \\N{${name.slice(0, 100)}`),
      b: latin1(name.slice(100)),
      c: latin1('AAAA'),
      d: bytesOf(latin1('A}\\x41'), utf8('é'), latin1('\\u20')),
      e: bytesOf(latin1('ac '), utf8('é')),
      f: utf8('é'),
    };

    it('replace: one U+FFFD at its `}`, the rest of that chunk as unicode-escape, then UTF-8', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const source = cold('-a-b-c-d-e-f-|', chunks);
        // b and c are inside the name: no emission. d and e are unicode-escape (a pending `\u20`
        // joins them), so their UTF-8 `é` is two Latin-1 characters; f is UTF-8 again.
        expectObservable(source.pipe(decodeText({ errors: 'replace' }))).toBe('-a-----d-e-f-|', {
          a: 'café ',
          d: '\ufffdAÃ©',
          e: '€ Ã©',
          f: 'é',
        });
      });
    });

    it('strict: errors at its `\\` with an unknown name once its `}` comes', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold('-a-b-c-d-e-f-|', chunks);
        expectObservable(source.pipe(decodeText())).toBe(
          '-a-----#',
          { a: 'café ' },
          new DecodeError('unknown Unicode character name', 5),
        );
        expectSubscriptions(source.subscriptions).toBe('^------!');
      });
    });

    it('errors (strict) or ends with U+FFFD (replace) as malformed if the stream ends first', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const source = cold('-a-b-c-|', chunks);
        expectObservable(source.pipe(decodeText())).toBe(
          '-a-----#',
          { a: 'café ' },
          new DecodeError('malformed \\N character escape', 5),
        );
        expectObservable(source.pipe(decodeText({ errors: 'replace' }))).toBe('-a-----(r|)', {
          a: 'café ',
          r: '\ufffd',
        });
      });
    });

    it('forwards an error of the source without the skipped bytes, which were not kept', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const failure = new Error('socket hang up');
        const source = cold('-a-b-#', chunks, failure);
        expectObservable(source.pipe(decodeText())).toBe('-a---#', { a: 'café ' }, failure);
      });
    });
  });

  it('forwards an error of the source after the text decoded so far', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const failure = new Error('socket hang up');
      const source = cold('-a-#', { a: utf8('partial') }, failure);
      expectObservable(source.pipe(decodeText())).toBe('-a-#', { a: 'partial' }, failure);
    });
  });

  it('emits the bytes held back (as Latin-1) before an error of the source: nothing is lost', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failure = new Error('socket hang up');
      const source = cold(
        '-a-b-#',
        { a: Uint8Array.of(0x61, 0xe2, 0x82), b: bytesOf(latin1('\xff '), latin1('\\x4')) },
        failure,
      );
      expectObservable(source.pipe(decodeText())).toBe(
        '-a-b-(c#)',
        { a: 'a', b: '\u00e2\u0082\u00ff ', c: '\\x4' },
        failure,
      );
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('unsubscribes from the source when the consumer unsubscribes', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c-|', { a: utf8('a'), b: utf8('b'), c: utf8('c') });
      expectObservable(source.pipe(decodeText()), '---!').toBe('-a-', { a: 'a' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('decodes each subscription on its own (cold, no state shared)', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const source = cold('-a-b|', { a: Uint8Array.of(0xe4), b: Uint8Array.of(0xb8, 0x80) });
      const text = source.pipe(decodeText());
      expectObservable(text).toBe('---x|', { x: '一' });
      expectObservable(text).toBe('---x|', { x: '一' });
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const sideEffects: number[] = [];
    const synchronous = new Observable<Uint8Array>((subscriber) => {
      for (let index = 0; !subscriber.closed && index < 10; index++) {
        sideEffects.push(index);
        subscriber.next(utf8(String(index)));
      }
    });
    synchronous.pipe(decodeText(), take(3)).subscribe();
    expect(sideEffects).toEqual([0, 1, 2]);
  });

  it('throws at once, not on subscribe, when the options are invalid', () => {
    expect(() => decodeText({ errors: 'ignore' } as never)).toThrow(
      new TypeError("decodeText: errors must be 'strict' or 'replace', got 'ignore'"),
    );
    expect(() => decodeText(null as never)).toThrow(TypeError);
    expect(() => decodeText({})).not.toThrow();
  });

  it('errors with a DecodeError users can recognise by class and by isInstance', () => {
    let caught: unknown;
    of(latin1('\xff\\U00110000'))
      .pipe(decodeText())
      .subscribe({ error: (error: unknown) => (caught = error) });
    expect(caught).toBeInstanceOf(DecodeError);
    expect(DecodeError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'DECODE',
      reason: 'illegal Unicode character',
      offset: 1,
    });
  });

  it('decodes a 1 MiB stream in 4 KiB chunks to the same text as one TextDecoder', () => {
    const text = 'Ünïcödé 文字 🚀 text\n'.repeat(40_000);
    const bytes = utf8(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, index) =>
      bytes.subarray(index * 4096, (index + 1) * 4096),
    );
    const emitted: string[] = [];
    from(chunks)
      .pipe(decodeText())
      .subscribe((chunk) => emitted.push(chunk));
    expect(emitted.join('')).toBe(text);
  });
});
