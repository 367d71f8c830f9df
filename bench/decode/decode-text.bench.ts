/**
 * The throughput of `decodeText` (SPEC §3: within 10% of a bare streaming `TextDecoder` on
 * valid UTF-8; at least 100 MB/s on the unicode-escape path), measured in one process with the
 * two decoders alternating, round after round, on the same chunks. The ratio is the median of
 * each round's ratio.
 */
import { from } from 'rxjs';

import { decodeText } from '../../lib/decode/decode-text.js';

const MIB = 1024 * 1024;
const CHUNK_SIZE = 4096;

/** A deterministic pseudo-random generator (mulberry32), so every run decodes the same bytes. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` bytes made of the given fragments in random order, cut at a fragment boundary. */
function corpus(size: number, fragments: readonly Uint8Array[], seed: number): Uint8Array {
  const next = random(seed);
  const bytes = new Uint8Array(size);
  let offset = 0;
  while (offset < size) {
    const fragment = fragments[Math.floor(next() * fragments.length)]!;
    if (offset + fragment.length > size) break;
    bytes.set(fragment, offset);
    offset += fragment.length;
  }
  return bytes.subarray(0, offset);
}

const encoder = new TextEncoder();
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Mixed UTF-8: ASCII, Cyrillic, CJK and emoji (1- to 4-byte sequences). */
const MIXED_UTF8 = [
  'The quick brown fox jumps over the lazy dog. ',
  'const answer = await completion$.pipe(toArray()); ',
  'Съешь же ещё этих мягких французских булок, да выпей чаю. ',
  '敏捷的棕色狐狸跳过了懒狗。天气很好。',
  '🙂🚀🎉 ',
  '**Markdown** `code` and 1234567890\n',
].map((text) => encoder.encode(text));

/** Text that is not UTF-8 (Latin-1 bytes) and full of unicode-escape escapes. */
const ESCAPED = [
  'caf\xe9 na\xefve r\xe9sum\xe9 ',
  'Hello, \\u043c\\u0438\\u0440! ',
  '\\U0001F600 \\x41\\x42 \\n\\t ',
  'plain ASCII words in between the escapes. ',
  'octal \\101\\102 and quotes \\"\\\' ',
].map(latin1);

function chunksOf(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) {
    chunks.push(bytes.subarray(offset, offset + CHUNK_SIZE));
  }
  return chunks;
}

/** Decodes with a bare streaming TextDecoder; returns the number of UTF-16 units. */
function bareTextDecoder(chunks: readonly Uint8Array[]): number {
  const decoder = new TextDecoder();
  let length = 0;
  for (const chunk of chunks) length += decoder.decode(chunk, { stream: true }).length;
  return length + decoder.decode().length;
}

/** Decodes with decodeText over a synchronous Observable; returns the number of UTF-16 units. */
function withDecodeText(chunks: readonly Uint8Array[]): number {
  let length = 0;
  from(chunks)
    .pipe(decodeText())
    .subscribe((text) => (length += text.length));
  return length;
}

/**
 * MB/s (10^6 bytes per second) of one run, per second of the process's CPU time rather than of
 * the wall clock: other processes on a shared machine then skew the comparison much less.
 */
function throughput(decode: (chunks: readonly Uint8Array[]) => number, chunks: Uint8Array[]) {
  const bytes = chunks.reduce((total, chunk) => total + chunk.length, 0);
  const start = process.cpuUsage();
  decode(chunks);
  const { user, system } = process.cpuUsage(start);
  return bytes / (user + system); // bytes per microsecond = MB/s
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Runs the decode benchmark and prints medians and the ratio. */
export function benchDecode(rounds = 15): void {
  const utf8 = chunksOf(corpus(64 * MIB, MIXED_UTF8, 1));
  const escaped = chunksOf(corpus(16 * MIB, ESCAPED, 2));
  if (bareTextDecoder(utf8) !== withDecodeText(utf8)) throw new Error('decoders disagree');

  const bare: number[] = [];
  const decoded: number[] = [];
  const ratios: number[] = [];
  const escapes: number[] = [];
  throughput(withDecodeText, escaped); // warm-up
  for (let round = 0; round < rounds; round++) {
    // Alternate which decoder goes first, so that neither always runs on a warmer machine.
    const [first, second] =
      round % 2 === 0 ? [bareTextDecoder, withDecodeText] : [withDecodeText, bareTextDecoder];
    const a = throughput(first, utf8);
    const b = throughput(second, utf8);
    const [bareRun, decodedRun] = first === bareTextDecoder ? [a, b] : [b, a];
    bare.push(bareRun);
    decoded.push(decodedRun);
    ratios.push(decodedRun / bareRun);
    escapes.push(throughput(withDecodeText, escaped));
  }
  console.log(`decodeText, ${rounds} rounds, 4 KiB chunks (median MB/s of CPU time)`);
  console.log(`  valid UTF-8, 64 MiB mixed:  TextDecoder ${median(bare).toFixed(0)}`);
  console.log(`                              decodeText  ${median(decoded).toFixed(0)}`);
  console.log(
    `                              ratio       ${median(ratios).toFixed(3)} (goal >= 0.9)`,
  );
  console.log(
    `  unicode-escape, 16 MiB:     decodeText  ${median(escapes).toFixed(0)} (goal >= 100)`,
  );
}
