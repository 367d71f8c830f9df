/**
 * Soak: 10,000 subscribe/unsubscribe cycles against the loopback server, both providers, each
 * cut at a random point — before the headers, mid-stream (from inside `next`), or after
 * completion — at most 50 at a time. Afterwards: heap (after `gc()`) and handles flat,
 * sockets 0, nothing emitted after any unsubscribe, no error.
 *
 * Tolerances: heap growth from the end of a 1,000-cycle warm-up to any later checkpoint (every
 * 1,500 cycles) < 4 MiB — a leak of ~500 bytes per cycle (one closure or small buffer) over the
 * 9,000 measured cycles would exceed it; handle and timer counts back to the baseline exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { completionFor, keyedReplies, type ProviderName } from './support/keyed-replies.js';
import { resourcesBackTo, settledResources } from './support/resources.js';
import { runSeed, seededRandom } from './support/seeded-random.js';
import { watchUnhandled, type UnhandledWatch } from './support/unhandled.js';

const CYCLES = 10_000;
const WARM_UP = 1_000;
const CONCURRENCY = 50;
const HEAP_TOLERANCE = 4 * 1024 * 1024;
const seed = runSeed();

type CutPoint = 'before-headers' | 'mid-stream' | 'after-completion';
const CUT_POINTS: readonly CutPoint[] = ['before-headers', 'mid-stream', 'after-completion'];

let server: LoopbackServer;
let unhandled: UnhandledWatch;
beforeAll(async () => {
  server = await startLoopbackServer({
    delayMs: 0,
    keepAliveTimeoutMs: 500,
    // Replies for `before-headers` cycles hold their headers back 30 ms, so the cut (0–10 ms
    // after subscribe) always comes first.
    reply: keyedReplies({ aivvmChunkSize: 9, delayMs: 1 }, (key) =>
      key.startsWith('before-headers') ? { headersDelayMs: 30 } : {},
    ),
  });
  unhandled = watchUnhandled();
});
afterAll(async () => {
  unhandled.stop();
  await server.close();
});

/** What went wrong across all cycles (all must stay 0). */
interface Tally {
  late: number;
  errors: number;
  cuts: Record<CutPoint, number>;
}

/** One cycle: subscribe, cut at `point`, resolve once unsubscribed. */
function cycle(index: number, point: CutPoint, random: () => number, tally: Tally): Promise<void> {
  const provider: ProviderName = index % 2 === 0 ? 'Aivvm' : 'OpenAICompatible';
  return new Promise<void>((resolve) => {
    let cut = false;
    const late = (): void => {
      if (cut) tally.late += 1;
    };
    const finish = (): void => {
      if (cut) return;
      cut = true;
      subscription.unsubscribe();
      tally.cuts[point] += 1;
      resolve();
    };
    const subscription = completionFor(provider, server.url, `${point}-${index}`).subscribe({
      next: () => {
        late();
        if (point === 'mid-stream') finish();
      },
      error: () => {
        late();
        tally.errors += 1;
        finish();
      },
      complete: () => {
        late();
        finish();
      },
    });
    if (point === 'before-headers') setTimeout(finish, Math.floor(random() * 10));
  });
}

/** Runs cycles `from` to `to` with at most `CONCURRENCY` in flight. */
async function runCycles(from: number, to: number, random: () => number, tally: Tally) {
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) {
      const index = next++;
      const point = CUT_POINTS[Math.floor(random() * CUT_POINTS.length)] ?? 'mid-stream';
      await cycle(index, point, random, tally);
      if (index % 500 === 0) server.clearRequests(); // the server's own log is not the client's leak
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function heapAfterGc(): number {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run with --expose-gc (vitest.reliability.config.ts)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe(`soak (seed ${seed})`, () => {
  it(`${CYCLES} subscribe/unsubscribe cycles: heap and handles flat, sockets 0`, async () => {
    const random = seededRandom(seed);
    const tally: Tally = {
      late: 0,
      errors: 0,
      cuts: { 'before-headers': 0, 'mid-stream': 0, 'after-completion': 0 },
    };
    const baseline = await settledResources();
    const started = Date.now();

    await runCycles(0, WARM_UP, random, tally);
    await server.waitForIdle({ timeoutMs: 10_000 });
    server.clearRequests();
    const heapAfterWarmUp = heapAfterGc();

    const checkpoints: number[] = [];
    for (let from = WARM_UP; from < CYCLES; from += 1_500) {
      await runCycles(from, Math.min(from + 1_500, CYCLES), random, tally);
      await server.waitForIdle({ timeoutMs: 10_000 });
      server.clearRequests();
      checkpoints.push(heapAfterGc());
    }
    const growth = Math.max(...checkpoints) - heapAfterWarmUp;
    const leftover = await resourcesBackTo(baseline, 5000);
    const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
    console.info(
      `soak: ${CYCLES} cycles in ${Date.now() - started} ms, cuts ${JSON.stringify(tally.cuts)}; ` +
        `heap after warm-up ${mib(heapAfterWarmUp)} MiB, checkpoints ` +
        `${checkpoints.map(mib).join(' / ')} MiB, max growth ${mib(growth)} MiB; ` +
        `handles over baseline ${JSON.stringify(leftover)}`,
    );

    expect(tally.late).toBe(0);
    expect(tally.errors).toBe(0);
    expect(Object.values(tally.cuts).reduce((sum, count) => sum + count, 0)).toBe(CYCLES);
    expect(Math.min(...Object.values(tally.cuts))).toBeGreaterThan(CYCLES / 5);
    expect(server.openConnections).toBe(0);
    expect(growth).toBeLessThan(HEAP_TOLERANCE);
    expect(leftover).toEqual({});
    expect(unhandled.seen).toEqual([]);
  });
});
