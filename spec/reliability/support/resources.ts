/**
 * Handles and timers of the process, counted by type, as `process.getActiveResourcesInfo()`
 * lists them (`TCPSocketWrap`, `Timeout`, `TCPServerWrap`, `FSReqCallback`...).
 */
export type ResourceCounts = Readonly<Record<string, number>>;

/** The process's active resources now, counted by type. */
export function activeResources(): ResourceCounts {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** The resource types counted more often in `now` than in `baseline`, with the excess. */
export function excessOver(baseline: ResourceCounts, now: ResourceCounts): ResourceCounts {
  const excess: Record<string, number> = {};
  for (const [type, count] of Object.entries(now)) {
    const extra = count - (baseline[type] ?? 0);
    if (extra > 0) excess[type] = extra;
  }
  return excess;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A baseline that leaves out what comes and goes on its own: the least count of each type
 * seen over `windowMs` (sampled every 10 ms). vitest's worker keeps a timer alive while a
 * message to the main process awaits its answer; taken at such a moment, a plain snapshot
 * would hide one leaked timer.
 *
 * @param windowMs - how long to sample. @default 200
 */
export async function settledResources(windowMs = 200): Promise<ResourceCounts> {
  const least: Record<string, number> = { ...activeResources() };
  for (let sample = 0; sample < windowMs / 10; sample++) {
    await sleep(10);
    const now = activeResources();
    for (const type of Object.keys(least)) least[type] = Math.min(least[type] ?? 0, now[type] ?? 0);
  }
  return least;
}

/**
 * Polls, briefly and boundedly, until no resource type is counted more often than in
 * `baseline` (sockets closing, timers cleared), and returns what is still in excess: `{}`
 * when the process is back to its baseline.
 *
 * Bounded twice: at most `timeoutMs` of wall time and at most `timeoutMs / 10` polls. The
 * poll's own timer is not counted (it is not active while the check runs).
 *
 * @param baseline - the counts taken before the test's work.
 * @param timeoutMs - how long the resources may take to go. @default 3000
 */
export async function resourcesBackTo(
  baseline: ResourceCounts,
  timeoutMs = 3000,
): Promise<ResourceCounts> {
  const deadline = Date.now() + timeoutMs;
  let excess = excessOver(baseline, activeResources());
  for (let poll = 0; poll < timeoutMs / 10 && Date.now() < deadline; poll++) {
    if (Object.keys(excess).length === 0) return excess;
    await sleep(10);
    excess = excessOver(baseline, activeResources());
  }
  return excess;
}
