import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonParseError } from '../../lib/errors/json-parse-error.js';
import { PartialJsonParser } from '../../lib/json/partial-json-parser.js';

/** Feeds `pieces` in order; returns each snapshot that changed, and the final value or error. */
function parsePieces(pieces: readonly string[]): {
  snapshots: unknown[];
  value?: unknown;
  error?: unknown;
} {
  const parser = new PartialJsonParser();
  const snapshots: unknown[] = [];
  try {
    for (const piece of pieces) if (parser.feed(piece)) snapshots.push(parser.snapshot());
    parser.end();
    return { snapshots, value: parser.snapshot() };
  } catch (error: unknown) {
    return { snapshots, error };
  }
}

/** Splits `text` at the given cut points. */
function split(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  return pieces;
}

/** Whether `partial` could be an earlier snapshot of `whole`. */
function isPartialOf(partial: unknown, whole: unknown): boolean {
  if (typeof partial === 'string') return typeof whole === 'string' && whole.startsWith(partial);
  if (typeof partial === 'number') return typeof whole === 'number';
  if (Array.isArray(partial)) {
    return (
      Array.isArray(whole) &&
      partial.length <= whole.length &&
      partial.every((item, index) => isPartialOf(item, whole[index]))
    );
  }
  if (typeof partial === 'object' && partial !== null) {
    if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) return false;
    return Object.entries(partial).every(
      ([key, value]) =>
        Object.hasOwn(whole, key) && isPartialOf(value, (whole as Record<string, unknown>)[key]),
    );
  }
  return Object.is(partial, whole);
}

describe('PartialJsonParser', () => {
  it('gives each more complete value of a streamed object', () => {
    const { snapshots, value } = parsePieces([
      '{"na',
      'me": "Ad',
      'a", "ag',
      'e": 3',
      '6, "tags": [tr',
      'ue, "x"]}',
    ]);
    expect(snapshots).toEqual([
      {},
      { name: 'Ad' },
      { name: 'Ada' },
      { name: 'Ada', age: 3 },
      { name: 'Ada', age: 36, tags: [] },
      { name: 'Ada', age: 36, tags: [true, 'x'] },
    ]);
    expect(value).toEqual({ name: 'Ada', age: 36, tags: [true, 'x'] });
  });

  it('keeps escapes split across pieces whole, surrogate pairs included', () => {
    const { value } = parsePieces(['["a\\', 'n\\u00', 'e9\\ud83d', '\\ude00"]']);
    expect(value).toEqual(['a\né😀']);
  });

  it('sets __proto__ as an own member, as JSON.parse does', () => {
    const { value } = parsePieces(['{"__proto__": {"polluted": 1}}']);
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(value).toEqual(JSON.parse('{"__proto__": {"polluted": 1}}'));
  });

  it('never changes an emitted snapshot when later pieces arrive', () => {
    const parser = new PartialJsonParser();
    parser.feed('{"a": [1, {"b": "x');
    const first = parser.snapshot();
    const copy: unknown = structuredClone(first);
    parser.feed('yz"}, 2], "c": 3}');
    expect(first).toEqual(copy);
  });

  it.each([
    ['{"a" 1}', 5],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['01', 1],
    ['[1] 2', 4],
    ['"tab\there"', 4],
    ['tru', 3],
    ['', 0],
    ['{"a": nul}', 9],
  ])('refuses %j with a JsonParseError at offset %i', (text, offset) => {
    const { error } = parsePieces([text]);
    expect(JsonParseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'JSON_PARSE', offset });
  });

  it('agrees with JSON.parse on any JSON value split anywhere, every snapshot a part of it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.json().map((text) => JSON.stringify(JSON.parse(text), null, 2)),
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, cuts) => {
          const { snapshots, value, error } = parsePieces(split(text, cuts));
          expect(error).toBeUndefined();
          expect(value).toEqual(JSON.parse(text));
          for (const snapshot of snapshots) expect(isPartialOf(snapshot, value)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts exactly what JSON.parse accepts (random and damaged texts)', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', '"', ',', '}', ']', '\\', 'x', ' '))
      .map(([text, at, insert]) => {
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + 1);
      });
    fc.assert(
      fc.property(
        fc.oneof(damaged, fc.string()),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, cuts) => {
          let expected: unknown;
          let valid = true;
          try {
            expected = JSON.parse(text);
          } catch {
            valid = false;
          }
          const { value, error } = parsePieces(split(text, cuts));
          if (valid) expect(value).toEqual(expected);
          else expect(JsonParseError.isInstance(error)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
