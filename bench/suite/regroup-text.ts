import { from, reduce, type OperatorFunction } from 'rxjs';
import { bufferLines } from '../../lib/operators/buffer-lines.js';
import { bufferSentences } from '../../lib/operators/buffer-sentences.js';
import { smoothText } from '../../lib/operators/smooth-text.js';
import { median } from '../stats.js';
import type { ClientLabel, ResultRow, WorkloadContext, WorkloadReport } from './workload-report.js';

const MB = 1_000_000;

/** `length` characters of `unit` repeated, in chunks of `size` characters. */
function chunked(unit: string, length: number, size: number): string[] {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const chunks: string[] = [];
  for (let start = 0; start < length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}

/** The inputs that were quadratic (or cubic) before the operators read each character once. */
const INPUTS: readonly { readonly name: string; readonly chunks: readonly string[] }[] = [
  { name: '1 MB without whitespace', chunks: chunked('aGVsbG8gd29ybGQ+/w==', MB, 4) },
  { name: '1 MB CJK', chunks: chunked('敏捷的棕色狐狸跳过了懒狗', MB, 4) },
  {
    name: '100k chunks',
    chunks: chunked('the quick brown fox jumps over the lazy dog ', 400_000, 4),
  },
];

const OPERATORS: readonly (readonly [ClientLabel, () => OperatorFunction<string, string>])[] = [
  ['smoothText', () => smoothText({ delayMs: 0 })],
  ['bufferLines', bufferLines],
  ['bufferSentences', bufferSentences],
];

/** The least any regrouping does: every chunk through an RxJS pipeline, the text kept. */
const concatenate: OperatorFunction<string, string> = reduce((text, chunk) => text + chunk, '');

/** Seconds to run `chunks` through `operator`, checking that the output joins to the input. */
function timeRun(chunks: readonly string[], operator: OperatorFunction<string, string>): number {
  const expected = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  let length = 0;
  const start = performance.now();
  from(chunks)
    .pipe(operator)
    .subscribe((piece) => (length += piece.length));
  const seconds = (performance.now() - start) / 1000;
  if (length !== expected) throw new Error(`regrouping gave ${length} of ${expected} characters`);
  return seconds;
}

/**
 * Workload 7: `smoothText` (no delay), `bufferLines` and `bufferSentences` on the inputs that
 * used to be quadratic — 1 MB without whitespace, 1 MB of CJK (4-character chunks) and 100,000
 * chunks of prose without line or sentence ends — side by side with a bare RxJS `reduce` that
 * concatenates the same chunks, in this process, alternating run by run. The ratio is the
 * median of the per-round ratios (baseline time / operator time).
 *
 * @param context - the sizes (`decodeRounds` rounds) and the progress printer.
 * @returns the rows and goals.
 */
export async function regroupText(context: WorkloadContext): Promise<WorkloadReport> {
  const rounds = Math.max(2, context.sizes.decodeRounds);
  const rows: ResultRow[] = [];
  const goals: WorkloadReport['goals'][number][] = [];
  for (const input of INPUTS) {
    // Warm-up: one run each, so that the first round does not measure the JIT.
    timeRun(input.chunks, concatenate);
    for (const [, operator] of OPERATORS) timeRun(input.chunks, operator());
    const baseline: number[] = [];
    const times = new Map<ClientLabel, number[]>(OPERATORS.map(([label]) => [label, []]));
    for (let round = 0; round < rounds; round++) {
      baseline.push(timeRun(input.chunks, concatenate));
      for (const [label, operator] of round % 2 ? [...OPERATORS].reverse() : OPERATORS) {
        times.get(label)?.push(timeRun(input.chunks, operator()));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const mb = input.chunks.reduce((sum, chunk) => sum + chunk.length, 0) / MB;
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
    rows.push({
      client: 'concat baseline',
      figure: ms(median(baseline)),
      ratio: 1,
      cpuRatio: undefined,
      detail: `${input.name}: ${input.chunks.length.toLocaleString('en-US')} chunks, ${(mb / median(baseline)).toFixed(0)} MB/s`,
    });
    for (const [label, samples] of times) {
      const ratio = median(samples.map((seconds, round) => (baseline[round] ?? NaN) / seconds));
      rows.push({
        client: label,
        figure: ms(median(samples)),
        ratio,
        cpuRatio: undefined,
        detail: `${input.name}: ${(mb / median(samples)).toFixed(1)} MB/s`,
      });
      context.progress(
        `${input.name} ${label}: ${ms(median(samples))}, ${ratio.toFixed(2)} of the baseline`,
      );
    }
    const slowest = Math.max(...[...times.values()].map((samples) => median(samples)));
    goals.push({
      goal: `Regrouping ${input.name}: every operator under 1 s (linear, not quadratic)`,
      held: slowest < 1,
      measured: `slowest ${ms(slowest)}`,
    });
  }
  return {
    title: '7. Regrouping text (smoothText, bufferLines, bufferSentences)',
    measure: `in memory, 4-character chunks; ms, median of ${rounds} rounds; ratio = baseline time / operator time`,
    rows,
    goals,
  };
}
