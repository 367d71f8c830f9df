import { performance } from 'node:perf_hooks';
import type { Timed } from './child-task.js';

/**
 * Times one run: the wall-clock seconds, and the CPU seconds this process spent meanwhile (on a
 * shared machine the first varies with the load; the second tells what the client costs).
 *
 * @param run - the run.
 * @returns both durations.
 */
export async function timeRun(run: () => Promise<void>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}
