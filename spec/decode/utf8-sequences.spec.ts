import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  incompleteUtf8TailLength,
  startsWithInvalidUtf8,
} from '../../lib/decode/utf8-sequences.js';
import { validUtf8 } from './byte-arbitraries.js';

const streaming = new TextDecoder('utf-8', { fatal: true });
const whole = new TextDecoder('utf-8', { fatal: true });

/** What a streaming fatal TextDecoder does with `bytes`: throws, or holds back some bytes. */
function textDecoderHolds(bytes: Uint8Array): number | 'invalid' {
  try {
    const before = streaming.decode(bytes, { stream: true });
    return bytes.length - new TextEncoder().encode(before).length;
  } catch {
    return 'invalid';
  } finally {
    try {
      streaming.decode(); // start afresh
    } catch {
      // the flush of held-back bytes fails; the decoder is reset all the same
    }
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    whole.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The edges of the byte ranges that matter after a lead byte. */
const EDGES = [0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];

/** After 'a': every 1- and 2-byte ending from 0x80 up, and 3-byte ones at the range edges. */
function* everyEnding(): Generator<Uint8Array> {
  for (let a = 0x80; a < 0x100; a++) {
    yield Uint8Array.of(0x61, a);
    for (let b = 0x80; b < 0x100; b++) yield Uint8Array.of(0x61, a, b);
    if (a >= 0xe0) for (const b of EDGES) for (const c of EDGES) yield Uint8Array.of(0x61, a, b, c);
  }
}

describe('incompleteUtf8TailLength', () => {
  it('is what a streaming TextDecoder holds back, for every ending of 1 to 3 bytes', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const bytes of everyEnding()) {
      const holds = textDecoderHolds(bytes);
      const tail = incompleteUtf8TailLength(bytes);
      // When TextDecoder rejects the bytes, what comes before the tail must be invalid too (an
      // invalid prefix such as ED A0 is no tail), so decodeText falls back to unicode-escape.
      const agrees =
        holds === 'invalid' ? !isValidUtf8(bytes.subarray(0, bytes.length - tail)) : tail === holds;
      if (!agrees) mismatches.push(`${Buffer.from(bytes).toString('hex')}: ${tail} vs ${holds}`);
      compared++;
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(18_000);
  });

  it('holds back nothing after ASCII or a complete character, and at most 3 bytes', () => {
    expect(incompleteUtf8TailLength(new Uint8Array(0))).toBe(0);
    expect(incompleteUtf8TailLength(Uint8Array.of(0xe4, 0xb8, 0x80))).toBe(0);
    expect(incompleteUtf8TailLength(Uint8Array.of(0xf0, 0x9f, 0x98))).toBe(3);
    expect(incompleteUtf8TailLength(Uint8Array.of(0xed, 0x9f))).toBe(2);
    expect(incompleteUtf8TailLength(Uint8Array.of(0xed, 0xa0))).toBe(0);
  });
});

describe('startsWithInvalidUtf8', () => {
  it('never calls valid UTF-8 (or a prefix of it) invalid', () => {
    fc.assert(
      fc.property(validUtf8, fc.nat(), (bytes, cut) => {
        expect(startsWithInvalidUtf8(bytes.subarray(0, cut % (bytes.length + 1)))).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is right whenever it says invalid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        if (startsWithInvalidUtf8(bytes)) expect(textDecoderHolds(bytes)).toBe('invalid');
      }),
      { numRuns: 5_000 },
    );
  });

  it('spots Latin-1 text at its first accented letter', () => {
    expect(startsWithInvalidUtf8(Uint8Array.from('caf\xe9 au lait', (c) => c.charCodeAt(0)))).toBe(
      true,
    );
    expect(startsWithInvalidUtf8(Uint8Array.of(0x61, 0xc3))).toBe(false);
  });
});
