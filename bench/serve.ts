/**
 * Starts the bench server alone, with the full sizes, and prints its URL: for running and
 * profiling one child by hand (see `child/child-main.ts`). Stops on Ctrl-C, or after `--for=S`
 * seconds (600 by default).
 */
import { parseBenchOptions } from './bench-options.js';
import { startBenchServer } from './server/bench-server.js';

const seconds = Number(/^--for=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 600);
const server = await startBenchServer(parseBenchOptions([]).sizes);
console.log(server.url);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
setTimeout(stop, seconds * 1000);
