import * as echarts from 'echarts';
import type { ClientLabel, WorkloadReport } from '../suite/workload-report.js';

/** The clients the chart draws, in order, with their colours. */
const SERIES: readonly (readonly [ClientLabel, string])[] = [
  ['ours', '#c2185b'],
  ['bare http + TextDecoder', '#90a4ae'],
  ['bare http + latin1 strings (the floor)', '#cfd8dc'],
  ['axios stream', '#8d6e63'],
  ['axios stream + split + JSON.parse', '#bcaaa4'],
  ['openai 6', '#7fd1b9'],
  ['openai 7', '#10a37f'],
  ['ai 6', '#9e9e9e'],
  ['ai 7', '#444444'],
];

/** The ratio a bar shows: by CPU time where measured (the stable figure), else by wall-clock. */
function ratioOf(row: WorkloadReport['rows'][number]): number | undefined {
  return row.cpuRatio ?? row.ratio;
}

/** The workload's title without its number, on two lines at most. */
function categoryOf(report: WorkloadReport): string {
  return report.title
    .replace(/^\d+[ab]?\.\s*/, '')
    .replace(' (the decode benchmark)', '\nvs TextDecoder')
    .replace('Big body, ', 'Big body\n');
}

/**
 * `bench/results.svg`: a bar chart of the ratios to the bare `node:http` limit by the client
 * process's CPU time (by wall-clock for the in-process benchmarks, which only compute), one
 * group per workload that has ratios, one bar per client, drawn with Apache ECharts' server-side SVG
 * renderer (no DOM, no canvas).
 *
 * @param reports - the workloads' reports.
 * @param subtitle - the machine, Node and date.
 * @returns the SVG document.
 */
export function resultsChart(reports: readonly WorkloadReport[], subtitle: string): string {
  const charted = reports.filter((report) =>
    report.rows.some(
      (row) => ratioOf(row) !== undefined && SERIES.some(([name]) => name === row.client),
    ),
  );
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1200, height: 520 });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: {
      text: 'Fraction of the bare node:http limit by client CPU time (higher is better; 1 = bare http)',
      subtext: subtitle,
      left: 'center',
      textStyle: { fontSize: 15 },
    },
    legend: { top: 64, data: SERIES.map(([name]) => name) },
    grid: { top: 108, left: 56, right: 24, bottom: 56 },
    xAxis: { type: 'category', data: charted.map(categoryOf), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, name: 'ratio' },
    series: SERIES.map(([name, color], index) => ({
      name,
      type: 'bar',
      color,
      barMaxWidth: 36,
      label: {
        show: true,
        position: 'top',
        fontSize: 10,
        formatter: ({ value }: { value: unknown }) =>
          typeof value === 'number' ? value.toFixed(value < 0.1 ? 3 : 2) : '',
      },
      data: charted.map((report) => {
        const row = report.rows.find((candidate) => candidate.client === name);
        return row === undefined ? null : (ratioOf(row) ?? null);
      }),
      ...(index === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: '#1565c0' },
              label: { formatter: 'bare http', position: 'insideEndTop' },
              data: [{ yAxis: 1 }],
            },
          }
        : {}),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
