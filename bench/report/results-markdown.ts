import type { WorkloadReport } from '../suite/workload-report.js';
import type { BenchEnvironment } from './environment.js';
import { FINDINGS } from './findings.js';
import { formatRatio } from './text-table.js';

const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * `bench/RESULTS.md`: the figures, the goals, the machine, Node, the peers' versions, the date
 * and the command, with the chart.
 *
 * @param reports - the workloads' reports.
 * @param environment - the machine and versions.
 * @param command - the command that produced it.
 * @returns the Markdown text.
 */
export function resultsMarkdown(
  reports: readonly WorkloadReport[],
  environment: BenchEnvironment,
  command: string,
): string {
  const lines = [
    '# Benchmark results',
    '',
    `Measured by \`${command}\` on ${environment.date}: ${environment.cpu}, ${environment.cores} cores, ` +
      `Node ${environment.node}; ${Object.entries(environment.versions)
        .map(([name, version]) => `\`${name}\` ${version}`)
        .join(', ')}.`,
    '',
    'Each client runs in its own child process, one after the other, the order reversed from round',
    'to round (A B C D, D C B A...), against one minimal `node:http` server on 127.0.0.1 (prebuilt',
    'bodies, 64 KiB writes). Ratios are to a bare `node:http` client on the same stream, the median',
    'of the per-round ratios (1 = as fast as bare http; for times, bare time / client time), by',
    'wall-clock time and by the CPU time of the client process (`process.cpuUsage()`: user + system,',
    'all its threads). The machine is shared: other processes lengthen the wall-clock time, not the',
    "client's CPU time, so the CPU ratio is the stable figure and the one the goals and the chart use.",
    'For throughput, each child reads the body up to N times within a few seconds and the fastest',
    'run counts (the peers, slow on the long stream, run once). Compare ratios, not absolute figures.',
    'The decode and regroup benchmarks run in one process and only compute: wall-clock there.',
    'Ours is the built package (`dist/`, which `npm run bench` builds first), as users run it; the',
    'peers are their published builds too. The machine’s speed itself varies between children (by',
    'half at times, CPU time included), hence five rounds and medians of per-round ratios.',
    '',
    '![Ratios to bare node:http](results.svg)',
  ];
  for (const report of reports) {
    lines.push('', `## ${report.title}`, '', `${report.measure}.`, '');
    lines.push(
      '| client | median | vs bare, wall | vs bare, CPU | more |',
      '| --- | ---: | ---: | ---: | --- |',
    );
    for (const row of report.rows) {
      lines.push(
        `| ${row.client} | ${row.figure} | ${formatRatio(row.ratio)} | ${formatRatio(row.cpuRatio)} | ${cell(row.detail)} |`,
      );
    }
  }
  lines.push('', '## Goals', '', '| goal | held | measured |', '| --- | --- | --- |');
  for (const goal of reports.flatMap((report) => report.goals)) {
    lines.push(`| ${cell(goal.goal)} | ${goal.held ? 'yes' : '**no**'} | ${cell(goal.measured)} |`);
  }
  lines.push('', ...FINDINGS);
  return `${lines.join('\n')}\n`;
}
