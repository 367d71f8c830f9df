import type { GoalCheck, WorkloadReport } from '../suite/workload-report.js';
import type { BenchEnvironment } from './environment.js';

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join('  ')
    .trimEnd();
}

/**
 * A ratio with two decimals (three under 0.1), or nothing.
 *
 * @param ratio - the ratio, if any.
 * @returns the text.
 */
export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? '' : ratio.toFixed(ratio < 0.1 ? 3 : 2);
}

/**
 * The table printed on stdout: per workload, each client's median, its ratios to bare http
 * (wall-clock, CPU time) and the other figures; then each goal, held or not.
 *
 * @param reports - the workloads' reports.
 * @param environment - the machine and versions.
 * @param quick - the quick sizes: the goals are said to be noisy.
 * @returns the lines.
 */
export function textTable(
  reports: readonly WorkloadReport[],
  environment: BenchEnvironment,
  quick = false,
): string[] {
  const lines = [
    `rx-completions bench: ${environment.cpu} × ${environment.cores}, Node ${environment.node}, ${environment.date}`,
  ];
  const header = ['client', 'median', 'wall', 'CPU', 'more'];
  const cells = (row: WorkloadReport['rows'][number]) => [
    row.client,
    row.figure,
    formatRatio(row.ratio),
    formatRatio(row.cpuRatio),
    row.detail,
  ];
  const rows = reports.flatMap((report) => report.rows.map(cells));
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((cells) => cells[column]?.length ?? 0)),
  );
  for (const report of reports) {
    lines.push('', `${report.title}: ${report.measure}`, `  ${pad(header, widths)}`);
    for (const row of report.rows) lines.push(`  ${pad(cells(row), widths)}`);
  }
  lines.push(
    '',
    'wall, CPU: ratio to bare http by wall-clock and by the client process CPU time (the stable',
    'figure on a shared machine; the goals use it).',
    '',
    quick
      ? 'Goals (issue 17), on the quick sizes: small runs on a shared machine, so a goal near its bound can flip from run to run; `npm run bench` decides.'
      : 'Goals (issue 17)',
    ...goalLines(reports.flatMap((report) => report.goals)),
  );
  return lines;
}

/**
 * One line per goal: `held` or `NOT held`, the goal, what was measured.
 *
 * @param goals - the checks.
 * @returns the lines.
 */
export function goalLines(goals: readonly GoalCheck[]): string[] {
  return goals.map(
    (goal) => `  ${goal.held ? 'held    ' : 'NOT held'}  ${goal.goal} (${goal.measured})`,
  );
}
