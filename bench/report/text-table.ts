import type { GoalCheck, WorkloadReport } from '../suite/workload-report.js';
import type { BenchEnvironment } from './environment.js';

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join('  ')
    .trimEnd();
}

/**
 * The table printed on stdout: per workload, each client's median, its ratio to bare http
 * and the other figures; then each goal, held or not.
 *
 * @param reports - the workloads' reports.
 * @param environment - the machine and versions.
 * @returns the lines.
 */
export function textTable(
  reports: readonly WorkloadReport[],
  environment: BenchEnvironment,
): string[] {
  const lines = [
    `rx-completions bench: ${environment.cpu} × ${environment.cores}, Node ${environment.node}, ${environment.date}`,
  ];
  const header = ['client', 'median', 'vs bare http', 'more'];
  const rows = reports.flatMap((report) =>
    report.rows.map((row) => [
      row.client,
      row.figure,
      row.ratio === undefined ? '' : row.ratio.toFixed(row.ratio < 0.1 ? 3 : 2),
      row.detail,
    ]),
  );
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((cells) => cells[column]?.length ?? 0)),
  );
  for (const report of reports) {
    lines.push('', `${report.title}: ${report.measure}`, `  ${pad(header, widths)}`);
    for (const row of report.rows) {
      const ratio = row.ratio === undefined ? '' : row.ratio.toFixed(row.ratio < 0.1 ? 3 : 2);
      lines.push(`  ${pad([row.client, row.figure, ratio, row.detail], widths)}`);
    }
  }
  lines.push('', 'Goals (issue 9)', ...goalLines(reports.flatMap((report) => report.goals)));
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
