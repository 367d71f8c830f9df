import fc from 'fast-check';

import { singleBytes, splitAt } from './decode-chunks.js';

const encoder = new TextEncoder();
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const bytes = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
};

/** The characters of an ASCII string. */
const characters = (text: string): string[] => text.split('');

const hexDigit = fc.constantFrom(...characters('0123456789abcdefABCDEF'));
const hex = (length: number) => fc.string({ unit: hexDigit, minLength: length, maxLength: length });
const octalDigit = fc.constantFrom(...characters('01234567'));
/** A byte that is no hex digit, to cut a `\x`, `\u` or `\U` escape short. */
const nonHex = fc.constantFrom(...characters('gGzZ-}{ \n\\'), '\xe9');

/** ASCII without backslashes: letters mostly, some controls and punctuation. */
const asciiText = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...characters('abcxyzNUxu{}0178 .')), weight: 4 },
      {
        arbitrary: fc.integer({ min: 0, max: 0x7f }).map((b) => String.fromCharCode(b)),
        weight: 1,
      },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((chars) => latin1(chars.join('').replaceAll('\\', '/')));

/** One character as UTF-8, of every sequence length (surrogates excluded, BOM included). */
const utf8Character = fc
  .oneof(
    fc.integer({ min: 0x80, max: 0x7ff }),
    fc.integer({ min: 0x800, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
    fc.constantFrom(0xfeff, 0x4e00, 0xac00, 0x1f600, 0x10ffff, 0x20ac),
  )
  .map((codePoint) => encoder.encode(String.fromCodePoint(codePoint)));

/** Valid UTF-8: ASCII and characters of every sequence length. */
export const validUtf8 = fc
  .array(fc.oneof(asciiText, utf8Character), { maxLength: 12 })
  .map(concat);

/** Bytes that are not UTF-8: strays, truncated sequences, encoded surrogates (ED A0..BF). */
const invalidUtf8 = fc.oneof(
  fc.integer({ min: 0x80, max: 0xff }).map((b) => Uint8Array.of(b)),
  fc
    .tuple(utf8Character, fc.nat())
    .filter(([bytes]) => bytes.length > 1)
    .map(([bytes, cut]) => bytes.subarray(0, 1 + (cut % (bytes.length - 1)))),
  fc
    .tuple(fc.integer({ min: 0xa0, max: 0xbf }), fc.integer({ min: 0x80, max: 0xbf }), fc.nat(2))
    .map(([second, third, length]) => Uint8Array.of(0xed, second, third).subarray(0, length + 1)),
);

const randomCase = (name: string) =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((lower) =>
    characters(name)
      .map((c, i) => (lower[i] ? c.toLowerCase() : c))
      .join(''),
  );

/**
 * Which names `\N{...}` escapes may use: names known to both sides (`known`), and garbage that
 * `allowed` accepts (the oracle tests reject garbage that happens to be a newer Unicode name).
 */
export interface NamePool {
  readonly known: readonly string[];
  readonly allowed: (name: string) => boolean;
}

/** A `\N{...}` escape: a known name or alias in any case, or garbage, or malformed. */
const namedEscape = ({ known, allowed }: NamePool) =>
  fc
    .oneof(
      {
        arbitrary: fc
          .constantFrom(...known)
          .chain((name) => fc.oneof(fc.constant(name), randomCase(name))),
        weight: 6,
      },
      {
        arbitrary: fc
          .string({
            unit: fc.constantFrom(...characters('ABCLFOMXYZ -0e')),
            minLength: 1,
            maxLength: 8,
          })
          .filter(allowed),
        weight: 2,
      },
      // unknown to Python 3.11 and to decodeText alike
      fc.constantFrom(
        'TANGUT IDEOGRAPH-17000',
        'LATIN CAPITAL LETTER \xc9',
        'CJK UNIFIED IDEOGRAPH-4e00',
        '',
      ),
    )
    .map((name) => latin1(`\\N{${name}}`));

/** Escapes of every form, complete, truncated and malformed. */
const escape = (names: NamePool) =>
  fc.oneof(
    fc
      .constantFrom(
        ...characters('\\\'"abfnrtv\nq8 9\r{N').map((c) => `\\${c}`),
        '\\',
        '\\N',
        '\\N{',
      )
      .map(latin1),
    fc
      .array(octalDigit, { minLength: 1, maxLength: 3 })
      .map((digits) => latin1(`\\${digits.join('')}`)),
    fc
      .oneof(
        hex(2).map((digits) => `\\x${digits}`),
        hex(4).map((digits) => `\\u${digits}`),
        fc.integer({ min: 0, max: 0x10ffff }).map((cp) => `\\U${cp.toString(16).padStart(8, '0')}`),
        hex(8).map((digits) => `\\U${digits}`), // mostly above U+10FFFF: illegal
        fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => `\\u${cp.toString(16)}`), // a lone surrogate
      )
      .map(latin1),
    fc
      .tuple(fc.constantFrom(['x', 2], ['u', 4], ['U', 8]), fc.nat(7), nonHex)
      .chain(([[kind, length], cut, after]) =>
        hex(cut % (length as number)).map((digits) =>
          latin1(`\\${kind as string}${digits}${after}`),
        ),
      ),
    fc.integer({ min: 0x80, max: 0xff }).map((b) => Uint8Array.of(0x5c, b)), // unknown: kept
    namedEscape(names),
  );

/** A truncated escape, for the end of a stream (otherwise the next bytes may complete it). */
const truncatedEscape = fc
  .constantFrom(
    '\\',
    '\\x',
    '\\xA',
    '\\u12',
    '\\U0001F6',
    '\\N',
    '\\N{',
    '\\N{EM DA',
    '\\7',
    '\\12',
  )
  .map(latin1);

/** Byte strings mixing everything decodeText meets, with `names` for `\N{...}`. */
export const mixedBytes = (names: NamePool) =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          { arbitrary: asciiText, weight: 2 },
          { arbitrary: utf8Character, weight: 2 },
          { arbitrary: invalidUtf8, weight: 1 },
          { arbitrary: escape(names), weight: 4 },
          { arbitrary: fc.uint8Array({ maxLength: 4 }), weight: 1 },
        ),
        { maxLength: 14 },
      ),
      fc.option(truncatedEscape, { freq: 4 }),
    )
    .map(([parts, end]) => concat(end === null ? parts : [...parts, end]));

/** A way to cut `bytes` into chunks: generated cut points (repeats give empty chunks), every byte. */
export const chunked = (bytes: fc.Arbitrary<Uint8Array>) =>
  bytes.chain((all) =>
    fc.oneof(
      {
        arbitrary: fc.array(fc.nat(all.length), { maxLength: 8 }).map((cuts) => splitAt(all, cuts)),
        weight: 4,
      },
      { arbitrary: fc.constant(singleBytes(all)), weight: 1 },
      { arbitrary: fc.constant<Uint8Array[]>([all]), weight: 1 },
    ),
  );

/**
 * The bytes of a name in `\N{...}` of `length` bytes, never `}`: a filler repeated, with noise
 * (any other byte, `\` and `{` included) at the start. Past `MAX_NAME_LENGTH` no name is known.
 */
const longName = (length: fc.Arbitrary<number>) =>
  fc
    .tuple(
      length,
      fc.constantFrom('A', 'LATIN SMALL LETTER ', 'x\\N{', '\xe9\n', 'EM DASH'),
      fc.uint8Array({ maxLength: 12 }),
    )
    .map(([size, filler, noise]) => {
      const name = latin1(filler.repeat(Math.ceil(size / filler.length))).subarray(0, size);
      noise.forEach((byte, index) => {
        if (index < size) name[index] = byte === 0x7d ? 0x41 : byte;
      });
      return name;
    });

/**
 * Streams with an over-long `\N{...` name (`maxNameLength` is `MAX_NAME_LENGTH`): names just
 * under, at and over the bound and far over it, closed by `}` or never, amid other bytes (more
 * over-long names included).
 */
export const overlongNames = (names: NamePool, maxNameLength: number) => {
  const length = fc.oneof(
    fc.integer({ min: maxNameLength - 3, max: maxNameLength + 3 }),
    fc.integer({ min: maxNameLength + 4, max: 4 * maxNameLength }),
  );
  const part = fc.oneof(
    { arbitrary: asciiText, weight: 2 },
    { arbitrary: utf8Character, weight: 2 },
    { arbitrary: invalidUtf8, weight: 1 },
    { arbitrary: escape(names), weight: 3 },
  );
  const overlong = fc
    .tuple(longName(length), fc.boolean())
    .map(([name, closed]) => concat([latin1('\\N{'), name, latin1(closed ? '}' : '')]));
  return fc
    .tuple(
      fc.array(part, { maxLength: 4 }),
      overlong,
      fc.array(fc.oneof({ arbitrary: part, weight: 6 }, { arbitrary: overlong, weight: 1 }), {
        maxLength: 6,
      }),
      fc.option(truncatedEscape, { freq: 4 }),
    )
    .map(([before, name, after, end]) =>
      concat([...before, name, ...after, ...(end === null ? [] : [end])]),
    );
};

/** Many chunks: up to 64 generated cuts, every byte, or one chunk. */
export const finelyChunked = (bytes: fc.Arbitrary<Uint8Array>) =>
  bytes.chain((all) =>
    fc.oneof(
      {
        arbitrary: fc
          .array(fc.nat(all.length), { maxLength: 64 })
          .map((cuts) => splitAt(all, cuts)),
        weight: 6,
      },
      { arbitrary: fc.constant(singleBytes(all)), weight: 1 },
      { arbitrary: fc.constant<Uint8Array[]>([all]), weight: 1 },
    ),
  );
