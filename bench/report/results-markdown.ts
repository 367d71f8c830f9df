import type { WorkloadReport } from '../suite/workload-report.js';
import type { BenchEnvironment } from './environment.js';

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
    'of the per-round ratios (1 = as fast as bare http; for times, bare time / client time). For',
    'throughput, each child reads the body up to N times within a few seconds and the fastest run',
    'counts (the peers, slow on the long stream, run once). The machine is shared and noisy:',
    'compare the ratios, not the absolute figures; "client CPU" is the CPU time of the client',
    'process alone.',
    '',
    '![Ratios to bare node:http](results.svg)',
  ];
  for (const report of reports) {
    lines.push('', `## ${report.title}`, '', `${report.measure}.`, '');
    lines.push('| client | median | vs bare http | more |', '| --- | ---: | ---: | --- |');
    for (const row of report.rows) {
      const ratio = row.ratio === undefined ? '' : row.ratio.toFixed(row.ratio < 0.1 ? 3 : 2);
      lines.push(`| ${row.client} | ${row.figure} | ${ratio} | ${cell(row.detail)} |`);
    }
  }
  lines.push('', '## Goals', '', '| goal | held | measured |', '| --- | --- | --- |');
  for (const goal of reports.flatMap((report) => report.goals)) {
    lines.push(`| ${cell(goal.goal)} | ${goal.held ? 'yes' : '**no**'} | ${cell(goal.measured)} |`);
  }
  return `${lines.join('\n')}\n`;
}
