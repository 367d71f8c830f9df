import * as echarts from 'echarts';
import type { ClientLabel, WorkloadReport } from '../suite/workload-report.js';

/** The clients the chart draws, in order, with their colours. */
const SERIES: readonly (readonly [ClientLabel, string])[] = [
  ['ours', '#c2185b'],
  ['bare http + TextDecoder', '#90a4ae'],
  ['axios stream', '#8d6e63'],
  ['openai', '#10a37f'],
  ['ai', '#444444'],
];

/** The workload's title without its number, on two lines at most. */
function categoryOf(report: WorkloadReport): string {
  return report.title
    .replace(/^\d+\.\s*/, '')
    .replace(' (the decode benchmark)', '\nvs TextDecoder');
}

/**
 * `bench/results.svg`: a bar chart of the ratios to the bare `node:http` limit, one group per
 * workload that has ratios, one bar per client, drawn with Apache ECharts' server-side SVG
 * renderer (no DOM, no canvas).
 *
 * @param reports - the workloads' reports.
 * @param subtitle - the machine, Node and date.
 * @returns the SVG document.
 */
export function resultsChart(reports: readonly WorkloadReport[], subtitle: string): string {
  const charted = reports.filter((report) =>
    report.rows.some(
      (row) => row.ratio !== undefined && SERIES.some(([name]) => name === row.client),
    ),
  );
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 960, height: 480 });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: {
      text: 'Fraction of the bare node:http limit (higher is better; 1 = as fast as bare http)',
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
      data: charted.map((report) => report.rows.find((row) => row.client === name)?.ratio ?? null),
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
