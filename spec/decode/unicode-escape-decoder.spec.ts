import { beforeAll, describe, expect, it } from 'vitest';

import { loadUnicodeNameLookup } from '../../lib/decode/names/load-unicode-name-lookup.js';
import type { UnicodeNameLookup } from '../../lib/decode/names/unicode-name-lookup.js';
import { NAMES_REQUIRED, UnicodeEscapeDecoder } from '../../lib/decode/unicode-escape-decoder.js';
import { MAX_NAME_LENGTH } from '../../lib/decode/unicode-escape-grammar.js';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

let names: UnicodeNameLookup;
beforeAll(async () => {
  names = await loadUnicodeNameLookup();
});

/** `bytes.decode('unicode-escape', errors)` for a whole input (final). */
function decode(text: string, errors: 'strict' | 'replace' = 'strict') {
  const result = new UnicodeEscapeDecoder(errors === 'replace').decode(latin1(text), true, names);
  if (result === NAMES_REQUIRED) throw new Error('names required');
  return result.fault === undefined ? result.text : result;
}

// The expected values are what python3 prints for `codecs.decode(text, 'unicode-escape', errors)`.
describe('UnicodeEscapeDecoder', () => {
  it.each([
    ['\\\\ \\\' \\" \\a \\b \\f \\n \\r \\t \\v', '\\ \' " \x07 \b \f \n \r \t \v'],
    ['line\\\ncontinued', 'linecontinued'],
    ['\\1 \\12 \\123 \\777 \\8 \\9', '\x01 \n S ǿ \\8 \\9'],
    ['\\x41\\xe9 \\u20ac \\U0001F600 \\ud800', 'Aé € 😀 \ud800'],
    ['\\N{EM DASH}\\N{em dash}\\N{LF}\\N{HANGUL SYLLABLE GA}', '——\n가'],
    ['\\q \\\r \\\xe9 caf\xe9', '\\q \\\r \\é café'],
  ])('decodes %j as Python does', (text, expected) => {
    expect(decode(text)).toBe(expected);
  });

  it.each([
    ['ok \\xZZ', 'truncated \\xXX escape', 3, 'ok \ufffdZZ'],
    ['ok \\u12', 'truncated \\uXXXX escape', 3, 'ok \ufffd'],
    ['ok \\U0011', 'truncated \\UXXXXXXXX escape', 3, 'ok \ufffd'],
    ['ok \\U00110000!', 'illegal Unicode character', 3, 'ok \ufffd!'],
    ['ok \\N{}', 'malformed \\N character escape', 3, 'ok \ufffd}'],
    ['ok \\Nx', 'malformed \\N character escape', 3, 'ok \ufffdx'],
    ['ok \\N{EM', 'malformed \\N character escape', 3, 'ok \ufffd'],
    ['ok \\N{NO SUCH NAME}!', 'unknown Unicode character name', 3, 'ok \ufffd!'],
    ['ok \\', '\\ at end of string', 3, 'ok \ufffd'],
  ])('reports %j as Python does, and replaces its error range', (text, reason, start, replaced) => {
    expect(decode(text)).toEqual({ text: 'ok ', end: start, fault: { reason, start } });
    expect(decode(text, 'replace')).toBe(replaced);
  });

  it('leaves a trailing escape that more bytes could complete undecoded, unless final', () => {
    const decoder = new UnicodeEscapeDecoder(false);
    for (const tail of ['\\', '\\x4', '\\u20a', '\\U0001F60', '\\N', '\\N{EM DA', '\\1', '\\12']) {
      expect(decoder.decode(latin1(`ab${tail}`), false, names)).toEqual({
        text: 'ab',
        end: 2,
        fault: undefined,
      });
    }
    expect(decoder.decode(latin1('ab\\123'), false, names)).toMatchObject({ text: 'abS', end: 6 });
    expect(decoder.decode(latin1('ab\\12'), true, names)).toMatchObject({ text: 'ab\n', end: 5 });
  });

  it('asks for the name table only for a complete \\N{...} escape', () => {
    const decoder = new UnicodeEscapeDecoder(true);
    expect(decoder.decode(latin1('\\N{EM DASH}'), false, undefined)).toBe(NAMES_REQUIRED);
    expect(decoder.decode(latin1('\\N{} \\N{EM'), false, undefined)).toEqual({
      text: '\ufffd} ',
      end: 5,
      fault: undefined,
    });
  });

  it('knows a name longer than MAX_NAME_LENGTH is unknown without the name table', () => {
    const name = 'A'.repeat(MAX_NAME_LENGTH + 1);
    const strict = new UnicodeEscapeDecoder(false);
    expect(strict.decode(latin1(`ok \\N{${name}}!`), false, undefined)).toEqual({
      text: 'ok ',
      end: 3,
      fault: { reason: 'unknown Unicode character name', start: 3 },
    });
    const replace = new UnicodeEscapeDecoder(true);
    expect(replace.decode(latin1(`ok \\N{${name}}!`), false, undefined)).toMatchObject({
      text: 'ok \ufffd!',
    });
    // One byte shorter, it might be a name: the table decides.
    expect(replace.decode(latin1(`\\N{${name.slice(1)}}`), false, undefined)).toBe(NAMES_REQUIRED);
  });

  it('decodes inputs longer than its buffer', () => {
    const text = 'caf\xe9 \\u20ac '.repeat(5_000);
    expect(decode(text)).toBe('café € '.repeat(5_000));
  });
});
