/**
 * Load: 1,000 concurrent completions (500 Aivvm, 500 OpenAICompatible, interleaved) against
 * one loopback server, every reply complete and byte-exact; then 1,000 more with 10% of them
 * unsubscribed at random moments, the other 900 unaffected. Sockets back to 0 after each.
 */
import type { Subscription } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import {
  completionFor,
  keyedReplies,
  replyText,
  type ProviderName,
} from './support/keyed-replies.js';
import { resourcesBackTo, settledResources } from './support/resources.js';
import { runSeed, seededRandom } from './support/seeded-random.js';
import { watchUnhandled, type UnhandledWatch } from './support/unhandled.js';

const COUNT = 1000;
const seed = runSeed();
let server: LoopbackServer;
let unhandled: UnhandledWatch;

beforeAll(async () => {
  server = await startLoopbackServer({
    delayMs: 0,
    // New connections wait up to this long for their request: 50 ms is too short for 1,000
    // connections opened at once in one busy process (the server would reset some).
    keepAliveTimeoutMs: 500,
    reply: keyedReplies({ aivvmChunkSize: 7, delayMs: 1 }),
  });
  unhandled = watchUnhandled();
});
afterAll(async () => {
  unhandled.stop();
  await server.close();
});

/** One completion's record: its text, how it ended, and anything after its end. */
interface Outcome {
  readonly key: string;
  text: string;
  end: 'complete' | 'error' | 'unsubscribed' | undefined;
  error?: unknown;
  lateEvents: number;
}

const providerOf = (index: number): ProviderName =>
  index % 2 === 0 ? 'Aivvm' : 'OpenAICompatible';

/** Starts `COUNT` completions at once; resolves when all have ended (or were unsubscribed). */
function startAll(round: string): {
  outcomes: Outcome[];
  subscriptions: Subscription[];
  settled: Promise<void>;
} {
  const outcomes: Outcome[] = [];
  const subscriptions: Subscription[] = [];
  const ends: Promise<void>[] = [];
  for (let index = 0; index < COUNT; index++) {
    const outcome: Outcome = { key: `${round}-${index}`, text: '', end: undefined, lateEvents: 0 };
    outcomes.push(outcome);
    ends.push(
      new Promise<void>((resolve) => {
        const observe = (end: Outcome['end']): void => {
          if (outcome.end !== undefined) outcome.lateEvents += 1;
          else outcome.end = end;
          resolve();
        };
        const subscription = completionFor(providerOf(index), server.url, outcome.key).subscribe({
          next: (chunk) => {
            if (outcome.end !== undefined) outcome.lateEvents += 1;
            else outcome.text += chunk;
          },
          error: (error: unknown) => {
            outcome.error = error;
            observe('error');
          },
          complete: () => {
            observe('complete');
          },
        });
        subscription.add(() => {
          if (outcome.end === undefined) observe('unsubscribed');
        });
        subscriptions.push(subscription);
      }),
    );
  }
  return { outcomes, subscriptions, settled: Promise.all(ends).then(() => undefined) };
}

describe(`load (seed ${seed})`, () => {
  it(`holds ${COUNT} concurrent completions, every reply complete and byte-exact`, async () => {
    const baseline = await settledResources();
    server.clearRequests();
    const started = Date.now();
    const { outcomes, settled } = startAll('all');
    await settled;
    const elapsed = Date.now() - started;
    const failed = outcomes.filter((outcome) => outcome.end !== 'complete');
    expect(failed.map((outcome) => [outcome.key, String(outcome.error)])).toEqual([]);
    for (const outcome of outcomes) expect(outcome.text).toBe(replyText(outcome.key));
    expect(outcomes.every((outcome) => outcome.lateEvents === 0)).toBe(true);
    expect(server.requests).toHaveLength(COUNT);
    expect(new Set(server.requests.map((request) => request.outcome))).toEqual(
      new Set(['completed']),
    );
    await server.waitForIdle({ timeoutMs: 10_000 });
    expect(server.openConnections).toBe(0);
    expect(await resourcesBackTo(baseline, 5000)).toEqual({});
    expect(unhandled.seen).toEqual([]);
    console.info(`load: ${COUNT} concurrent completions in ${elapsed} ms`);
  });

  it(`unsubscribes 10% at random moments: the other 90% unaffected, sockets back to 0`, async () => {
    const baseline = await settledResources();
    server.clearRequests();
    const random = seededRandom(seed);
    const cancelled = new Map<number, number>(); // index → delay in ms
    while (cancelled.size < COUNT / 10)
      cancelled.set(Math.floor(random() * COUNT), Math.floor(random() * 300));
    const { outcomes, subscriptions, settled } = startAll('cut');
    const timers = [...cancelled].map(([index, delay]) =>
      setTimeout(() => subscriptions[index]?.unsubscribe(), delay),
    );
    await settled;
    timers.forEach(clearTimeout);
    for (const [index, outcome] of outcomes.entries()) {
      expect(outcome.lateEvents).toBe(0);
      const expected = replyText(outcome.key);
      if (cancelled.has(index)) {
        // Cut at a random moment (or completed before it): what arrived is a prefix.
        expect(expected.startsWith(outcome.text)).toBe(true);
        expect(outcome.end === 'unsubscribed' || outcome.end === 'complete').toBe(true);
      } else {
        expect([outcome.key, outcome.end, outcome.text]).toEqual([
          outcome.key,
          'complete',
          expected,
        ]);
      }
    }
    const cut = outcomes.filter((outcome) => outcome.end === 'unsubscribed').length;
    expect(cut).toBeGreaterThan(0);
    await server.waitForIdle({ timeoutMs: 10_000 });
    expect(server.openConnections).toBe(0);
    const closed = await Promise.all(server.requests.map((request) => request.closed));
    expect(closed.filter((outcome) => outcome === 'client-closed').length).toBeLessThanOrEqual(cut);
    expect(closed.filter((outcome) => outcome === 'completed').length).toBeGreaterThanOrEqual(
      COUNT - cut,
    );
    expect(await resourcesBackTo(baseline, 5000)).toEqual({});
    expect(unhandled.seen).toEqual([]);
    console.info(`load: ${cut} of ${COUNT} unsubscribed mid-flight, ${COUNT - cut} complete`);
  });
});
