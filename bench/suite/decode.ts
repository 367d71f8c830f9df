import { runChild } from '../child/run-child.js';
import type { WorkloadContext, WorkloadReport } from './workload-report.js';

/** Reads a figure out of what `benchDecode` printed. */
function figure(lines: readonly string[], pattern: RegExp): number {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  throw new Error(`the decode benchmark printed no ${String(pattern)}:\n${lines.join('\n')}`);
}

/**
 * Workload 6: the decode benchmark (`bench/decode/decode-text.bench.ts`, `benchDecode`), run in
 * its own child: decodeText against a bare streaming `TextDecoder` on valid UTF-8, and the
 * unicode-escape path alone.
 *
 * Goals : decodeText within 10% of TextDecoder; unicode-escape at least 100 MB/s.
 *
 * @param context - the sizes and child options.
 * @returns the rows and goals.
 */
export async function decode(context: WorkloadContext): Promise<WorkloadReport> {
  const rounds = context.sizes.decodeRounds;
  const { lines } = await runChild({ kind: 'decode', rounds }, context.child);
  for (const line of lines) context.progress(line);
  const bare = figure(lines, /TextDecoder\s+([\d.]+)/);
  const ours = figure(lines, /^\s+decodeText\s+([\d.]+)\s*$/);
  const ratio = figure(lines, /ratio\s+([\d.]+)/);
  const escapes = figure(lines, /unicode-escape.*decodeText\s+([\d.]+)/);
  return {
    title: '6. decodeText (the decode benchmark)',
    measure: `64 MiB of mixed UTF-8 in 4 KiB chunks, in memory; MB/s, median of ${rounds} rounds`,
    rows: [
      {
        client: 'TextDecoder',
        figure: `${bare} MB/s`,
        ratio: 1,
        cpuRatio: undefined,
        detail: 'streaming TextDecoder',
      },
      {
        client: 'ours',
        figure: `${ours} MB/s`,
        ratio,
        cpuRatio: undefined,
        detail: `unicode-escape ${escapes} MB/s`,
      },
    ],
    goals: [
      {
        goal: 'decodeText ≥ 0.9 of TextDecoder',
        held: ratio >= 0.9,
        measured: ratio.toFixed(3),
      },
      {
        goal: 'decodeText unicode-escape ≥ 100 MB/s ',
        held: escapes >= 100,
        measured: `${escapes} MB/s`,
      },
    ],
  };
}
