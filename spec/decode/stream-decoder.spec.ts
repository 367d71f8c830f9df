import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadUnicodeNameLookup } from '../../lib/decode/names/load-unicode-name-lookup.js';
import {
  MAX_PENDING_ESCAPE,
  NAMES_REQUIRED,
  StreamDecoder,
} from '../../lib/decode/stream-decoder.js';
import type { DecodeStep } from '../../lib/decode/stream-decoder.js';
import { MAX_NAME_LENGTH } from '../../lib/decode/unicode-escape-grammar.js';
import { chunked, finelyChunked, mixedBytes, overlongNames } from './byte-arbitraries.js';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const names = { known: ['EM DASH', 'LF', 'bom'], allowed: () => true };

/** A step that is text (the name table is loaded, so no step waits for it). */
function text(step: DecodeStep): string {
  if (typeof step !== 'string') throw new Error('a fault or NAMES_REQUIRED, not text');
  return step;
}

beforeAll(async () => {
  await loadUnicodeNameLookup();
});

describe('StreamDecoder', () => {
  it('never holds more than MAX_PENDING_ESCAPE bytes, whatever the chunks', () => {
    const streams = fc.oneof(
      chunked(mixedBytes(names)),
      finelyChunked(overlongNames(names, MAX_NAME_LENGTH)),
    );
    fc.assert(
      fc.property(streams, fc.boolean(), (chunks, replace) => {
        const decoder = new StreamDecoder(replace);
        for (const chunk of chunks) {
          const step = decoder.push(chunk);
          expect(step).not.toBe(NAMES_REQUIRED);
          if (typeof step !== 'string') return; // a fault ends the stream
          expect(decoder.heldBytes).toBeLessThanOrEqual(MAX_PENDING_ESCAPE);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('holds a name up to MAX_NAME_LENGTH bytes, and skips a longer one, keeping none of it', () => {
    const decoder = new StreamDecoder(false);
    expect(decoder.push(latin1(`\xff \\N{${'A'.repeat(MAX_NAME_LENGTH)}`))).toBe('ÿ ');
    expect(decoder.heldBytes).toBe(MAX_PENDING_ESCAPE);
    expect(decoder.push(latin1('A'))).toBe('');
    expect(decoder.heldBytes).toBe(0);
    expect(decoder.salvage()).toBe(''); // its bytes are gone, by design
  });

  it('skips 10 MB of an unclosed name holding nothing, then reports it malformed at its `\\`', () => {
    const decoder = new StreamDecoder(false);
    expect(decoder.push(latin1('caf\xe9 \\N{'))).toBe('café ');
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    for (let pushed = 0; pushed < 10_000_000; pushed += chunk.length) {
      expect(decoder.push(chunk)).toBe('');
      expect(decoder.heldBytes).toBe(0);
    }
    expect(decoder.end()).toMatchObject({
      text: '',
      error: { reason: 'malformed \\N character escape', offset: 5 },
    });
  });

  it('strict: reports an over-long name that closes as unknown, over `\\` to `}`, at its `\\`', () => {
    const decoder = new StreamDecoder(false);
    expect(decoder.push(latin1(`ok\xff\\N{${'A'.repeat(300)}`))).toBe('okÿ');
    expect(decoder.push(latin1('A'.repeat(1000)))).toBe('');
    expect(decoder.push(latin1('AA} \\x41'))).toMatchObject({
      text: '',
      error: { reason: 'unknown Unicode character name', offset: 3 },
    });
  });

  it('replace: one U+FFFD for `\\` to `}`, then the rest of that chunk as unicode-escape', () => {
    const decoder = new StreamDecoder(true);
    expect(decoder.push(latin1(`\xff\\N{${'B'.repeat(400)}`))).toBe('ÿ');
    expect(decoder.push(latin1('{\\N{EM DASH'))).toBe(''); // still inside the name
    // After the `}`: `\x41`, UTF-8 `é` as two Latin-1 characters, and a pending `\u20`.
    expect(decoder.push(latin1('B}\\x41\xc3\xa9\\u20'))).toBe('\ufffdAÃ©');
    expect(text(decoder.push(latin1('ac')))).toBe('€'); // the `\u20` joined, mode escape
    expect(decoder.push(new TextEncoder().encode('é'))).toBe('é'); // UTF-8 again
    expect(decoder.end()).toBe('');
  });

  it('replace: a `}` that ends the chunk leaves nothing pending; the next chunk is UTF-8', () => {
    const decoder = new StreamDecoder(true);
    expect(decoder.push(latin1(`\\N{\xff${'C'.repeat(300)}`))).toBe('');
    expect(decoder.push(latin1('}'))).toBe('\ufffd');
    expect(decoder.heldBytes).toBe(0);
    expect(decoder.push(new TextEncoder().encode('€ \\N{EM DASH}'))).toBe('€ \\N{EM DASH}');
  });

  it('replace: skips another over-long name after the first, and replaces it at the end', () => {
    const decoder = new StreamDecoder(true);
    const name = 'D'.repeat(MAX_NAME_LENGTH + 1);
    expect(decoder.push(latin1(`\xff\\N{${name}`))).toBe('ÿ');
    expect(decoder.push(latin1(`} \\N{${name}`))).toBe('\ufffd ');
    expect(decoder.heldBytes).toBe(0);
    expect(decoder.push(latin1(' {\\'))).toBe('');
    expect(decoder.end()).toBe('\ufffd');
  });
});

describe('StreamDecoder after ASCII chunks (the decoder that never streams)', () => {
  const utf8 = (value: string) => new TextEncoder().encode(value);

  it('switches between ASCII, UTF-8, a split character and Latin-1 without losing a byte', () => {
    const decoder = new StreamDecoder(false);
    const euro = utf8('€');
    const pushes: DecodeStep[] = [
      decoder.push(utf8('abc')),
      decoder.push(utf8('def')), // ASCII after ASCII
      decoder.push(utf8('é!')), // UTF-8 beyond ASCII after ASCII
      decoder.push(utf8('gh')),
      decoder.push(Uint8Array.of(0x69, ...euro.subarray(0, 2))), // ends inside '€'
      decoder.push(Uint8Array.of(...euro.subarray(2), 0x6a)),
      decoder.push(utf8('kl')),
      decoder.push(latin1('caf\xe9\\x41')), // not UTF-8, after ASCII: unicode-escape
      decoder.push(utf8('mn')),
      decoder.push(utf8('op')),
    ];
    expect(pushes.map((step) => text(step))).toEqual([
      'abc',
      'def',
      'é!',
      'gh',
      'i',
      '€j',
      'kl',
      'caféA',
      'mn',
      'op',
    ]);
    expect(text(decoder.end())).toBe('');
  });

  it('counts offsets through the fast path: a malformed escape after ASCII chunks', () => {
    const decoder = new StreamDecoder(false);
    text(decoder.push(utf8('abcd')));
    text(decoder.push(utf8('efgh')));
    const step = decoder.push(latin1('\xff\\xZZ'));
    expect(typeof step === 'object' && step.error.offset).toBe(9);
  });
});
