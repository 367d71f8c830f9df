import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUnicodeNameLookup } from '../../lib/decode/names/load-unicode-name-lookup.js';
import { NAME_ALIASES } from '../../lib/decode/names/generated/unicode-name-data.js';
import type { UnicodeNameLookup } from '../../lib/decode/names/unicode-name-lookup.js';
import { MAX_NAME_LENGTH } from '../../lib/decode/unicode-escape-grammar.js';
import {
  chunked,
  finelyChunked,
  mixedBytes,
  overlongNames,
  validUtf8,
} from './byte-arbitraries.js';
import type { NamePool } from './byte-arbitraries.js';
import { decodeChunks } from './decode-chunks.js';
import { PythonOracle } from './python-oracle.js';
import type { DecodeCase, DecodeOutcome } from './python-oracle.js';

// The oracle is python3 itself (spec/decode/oracle.py): Python's UTF-8 and unicode-escape codecs
// on the same chunk arrays. Python 3.11 knows Unicode 14 names, decodeText's table is Unicode 17:
// the generated `\N{...}` escapes use only names both know (checked below against Python), plus
// garbage names that neither knows.

const CASES = Number(process.env.DECODE_ORACLE_CASES ?? 10_000);
const OVERLONG_CASES = Number(process.env.DECODE_ORACLE_OVERLONG_CASES ?? 1_000);
const encoder = new TextEncoder();
const nameBytes = (name: string) => encoder.encode(name);

let oracle: PythonOracle;
let lookup: UnicodeNameLookup;
let pythonNames: [number, string][];

beforeAll(async () => {
  oracle = new PythonOracle();
  [lookup, pythonNames] = await Promise.all([loadUnicodeNameLookup(), oracle.knownNames()]);
});
afterAll(() => {
  oracle.close();
});

const key = ({ chunks, errors }: DecodeCase) =>
  `${errors}:${chunks.map((chunk) => Buffer.from(chunk).toString('hex')).join(',')}`;

/** Asks python3 synchronously: only for cases not in the batch (fast-check shrinking). */
function oracleSync(cases: readonly DecodeCase[]): DecodeOutcome[] {
  const input = cases
    .map(({ chunks, errors }) =>
      JSON.stringify({ chunks: chunks.map((c) => Buffer.from(c).toString('hex')), errors }),
    )
    .join('\n');
  const script = fileURLToPath(new URL('./oracle.py', import.meta.url));
  const { stdout } = spawnSync('python3', [script], { input: `${input}\n`, encoding: 'utf8' });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DecodeOutcome);
}

/**
 * Checks `count` generated chunk arrays against Python in both error modes: all cases go to
 * python3 in one batch first; fast-check then replays the same seed, so that only shrinking
 * asks Python again.
 */
async function expectSameAsPython(chunks: fc.Arbitrary<Uint8Array[]>, count: number) {
  const seed = Number(process.env.DECODE_ORACLE_SEED ?? Date.now() % 2 ** 31);
  const cases = (all: Uint8Array[]): DecodeCase[] => [
    { chunks: all, errors: 'strict' },
    { chunks: all, errors: 'replace' },
  ];
  const sampled = fc.sample(chunks, { seed, numRuns: count }).flatMap(cases);
  const answers = new Map<string, DecodeOutcome>();
  (await oracle.decode(sampled)).forEach((outcome, index) => {
    answers.set(key(sampled[index]!), outcome);
  });
  let asked = 0;
  fc.assert(
    fc.property(chunks, (all) => {
      for (const decodeCase of cases(all)) {
        const expected = answers.get(key(decodeCase)) ?? (asked++, oracleSync([decodeCase])[0]!);
        expect(decodeChunks(decodeCase)).toEqual(expected);
      }
    }),
    { seed, numRuns: count },
  );
  expect(asked).toBe(0);
}

/**
 * The names `\N{...}` escapes may use: names both know (a sample of Python's names, Hangul and
 * CJK included, and every alias Python knows), and garbage that is no name or alias newer than
 * Unicode 14 (such as `\N{EM}`).
 */
async function namePool(): Promise<NamePool> {
  const aliases = NAME_ALIASES.split('\n').map((line) => line.slice(line.indexOf(' ') + 1));
  const python = await oracle.lookup(aliases);
  const knownAliases = aliases.filter((_, index) => python[index] !== null);
  const known = [
    ...pythonNames.filter((_, index) => index % 97 === 0).map(([, name]) => name),
    ...knownAliases,
  ];
  const pythonKnows = new Set([...pythonNames.map(([, name]) => name), ...knownAliases]);
  const allowed = (name: string) =>
    lookup(nameBytes(name), 0, name.length) < 0 || pythonKnows.has(name.toUpperCase());
  return { known, allowed };
}

/** Whether `bytes` has a `\N{` followed by more than `MAX_NAME_LENGTH` bytes without `}`. */
function hasOverlongName(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  for (let open = text.indexOf('\\N{'); open >= 0; open = text.indexOf('\\N{', open + 1)) {
    const close = text.indexOf('}', open + 3);
    if ((close < 0 ? text.length : close) - (open + 3) > MAX_NAME_LENGTH) return true;
  }
  return false;
}

describe('decodeText against python3', () => {
  it('resolves every character name Python knows to the same code point', () => {
    expect(pythonNames.length).toBeGreaterThan(138_000);
    const wrong = pythonNames.filter(
      ([codePoint, name]) => lookup(nameBytes(name), 0, name.length) !== codePoint,
    );
    expect(wrong).toEqual([]);
  });

  it('resolves every alias Python knows to the same code point', async () => {
    const aliases = NAME_ALIASES.split('\n').map((line) => line.slice(line.indexOf(' ') + 1));
    const python = await oracle.lookup(aliases);
    const known = aliases.filter((_, index) => python[index] !== null);
    expect(known.length).toBeGreaterThan(450);
    for (const [index, alias] of aliases.entries()) {
      if (python[index] === null) continue;
      expect([alias, lookup(nameBytes(alias), 0, alias.length)]).toEqual([alias, python[index]]);
    }
  });

  it('knows no name longer than MAX_NAME_LENGTH, so that longer ones need no lookup', async () => {
    const longest = pythonNames.reduce((most, [, name]) => Math.max(most, name.length), 0);
    expect(longest).toBeLessThan(MAX_NAME_LENGTH);
    const tooLong = ['A', 'LATIN SMALL LETTER A '].map((name) =>
      name.repeat(MAX_NAME_LENGTH).slice(0, MAX_NAME_LENGTH + 1),
    );
    expect(await oracle.lookup(tooLong)).toEqual([null, null]);
  });

  it(`decodes ${CASES} generated chunk arrays (x2 error modes) exactly as Python`, async () => {
    await expectSameAsPython(chunked(mixedBytes(await namePool())), CASES);
  }, 120_000);

  it(`decodes ${OVERLONG_CASES} streams with over-long \\N{ names in many chunks exactly as Python`, async () => {
    const streams = overlongNames(await namePool(), MAX_NAME_LENGTH);
    // Most go past the bound (the others stop just short of it, or are closed before it).
    const samples = fc.sample(streams, { seed: 1, numRuns: 200 });
    expect(samples.filter(hasOverlongName).length).toBeGreaterThan(120);
    await expectSameAsPython(finelyChunked(streams), OVERLONG_CASES);
  }, 120_000);

  it('decodes valid UTF-8 exactly as Python for 2,000 generated chunkings', async () => {
    await expectSameAsPython(chunked(validUtf8), 2_000);
  }, 60_000);
});
