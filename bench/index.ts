/**
 * `npm run bench` (`--quick` for CI): this SDK side by side with the official `openai` SDK (6 and
 * 7), the Vercel AI SDK (6 and 7) and a bare `node:http` client, on one loopback server (issues
 * 9 and 17). Each client runs in its own child process, the order rotating from round to round;
 * the figures are medians, and ratios to bare http by wall-clock and by the client's CPU time.
 *
 * Prints the table and the goals on stdout (progress on stderr), writes `RESULTS.md` and
 * `results.svg` (to `bench/`, or a temp folder with `--quick`). Exits 1 when a workload breaks
 * (wrong text, a client error); goals that do not hold are reported, not failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBenchOptions } from './bench-options.js';
import { benchEnvironment } from './report/environment.js';
import { resultsChart } from './report/results-chart.js';
import { resultsMarkdown } from './report/results-markdown.js';
import { textTable } from './report/text-table.js';
import { startBenchServer } from './server/bench-server.js';
import { bigBody } from './suite/big-body.js';
import { cancellation } from './suite/cancellation.js';
import { concurrency } from './suite/concurrency.js';
import { decode } from './suite/decode.js';
import { firstChunk } from './suite/first-chunk.js';
import { manySmallChunks } from './suite/many-small-chunks.js';
import { memory } from './suite/memory.js';
import { regroupText } from './suite/regroup-text.js';
import type { WorkloadContext, WorkloadReport } from './suite/workload-report.js';

const WORKLOADS: Record<string, (context: WorkloadContext) => Promise<WorkloadReport>> = {
  chunks: manySmallChunks,
  'body-ascii': (context) => bigBody(context, 'ascii'),
  body: (context) => bigBody(context, 'big'),
  concurrency,
  'first-chunk': firstChunk,
  memory,
  cancel: cancellation,
  decode,
  regroup: regroupText,
};

const options = parseBenchOptions(process.argv.slice(2));
const started = performance.now();
const server = await startBenchServer(options.sizes);
const context: WorkloadContext = {
  server,
  sizes: options.sizes,
  child: { cpuProfDir: options.cpuProfDir, timeoutMs: 180_000 },
  progress: (line) => process.stderr.write(`  ${line}\n`),
};
const reports: WorkloadReport[] = [];
try {
  for (const [name, run] of Object.entries(WORKLOADS)) {
    if (options.only && !options.only.includes(name)) continue;
    const start = performance.now();
    process.stderr.write(`${name}\n`);
    reports.push(await run(context));
    process.stderr.write(`  (${((performance.now() - start) / 1000).toFixed(0)} s)\n`);
  }
} catch (error: unknown) {
  process.stderr.write(
    `the bench broke: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await server.close();
}

if (process.exitCode !== 1) {
  const environment = benchEnvironment();
  for (const line of textTable(reports, environment, options.quick)) console.log(line);
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(
    join(options.outDir, 'RESULTS.md'),
    resultsMarkdown(reports, environment, options.command),
  );
  writeFileSync(
    join(options.outDir, 'results.svg'),
    resultsChart(
      reports,
      `${environment.cpu} × ${environment.cores}, Node ${environment.node}, ${environment.date}`,
    ),
  );
  console.log(
    `\nWrote ${join(options.outDir, 'RESULTS.md')} and results.svg in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
}
