/**
 * Property-based cancellation (fast-check): any pipeline of the package's text operators
 * (`accumulateText`, `bufferLines`, `bufferSentences`, `smoothText`, `retryCompletion`,
 * `timeoutCompletion`, then optionally `toMessage`) over a real provider completion, from a
 * server that may fail first (503, retried) or stall, unsubscribed at any moment — after some
 * milliseconds or from inside `next` after some values — leaves no request open and emits
 * nothing after the unsubscribe.
 */
import fc from 'fast-check';
import { map, type Observable, type OperatorFunction } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accumulateText } from '../../lib/operators/accumulate-text.js';
import { bufferLines } from '../../lib/operators/buffer-lines.js';
import { bufferSentences } from '../../lib/operators/buffer-sentences.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { smoothText } from '../../lib/operators/smooth-text.js';
import { timeoutCompletion } from '../../lib/operators/timeout-completion.js';
import { toMessage } from '../../lib/operators/to-message.js';
import {
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
  type ReplyScript,
} from '../../lib/testing/index.js';
import { completionFor, lastUserMessage, replyText } from './support/keyed-replies.js';
import { resourcesBackTo, settledResources } from './support/resources.js';
import { runSeed } from './support/seeded-random.js';
import { watchUnhandled, type UnhandledWatch } from './support/unhandled.js';

const seed = runSeed();

const OPERATORS = {
  accumulateText: () => accumulateText(),
  bufferLines: () => bufferLines(),
  bufferSentences: () => bufferSentences(),
  smoothText: () => smoothText({ delayMs: 2 }),
  retryCompletion: () => retryCompletion<string>({ count: 2, delay: 5 }),
  timeoutCompletion: () => timeoutCompletion<string>({ first: 2000, each: 1000 }),
} satisfies Record<string, () => OperatorFunction<string, string>>;
type OperatorName = keyof typeof OPERATORS;

type Behaviour = 'streams' | 'fails-first' | 'stalls';

/** Answers `<behaviour>/<run>` keys: the reply text, a 503 on the first try, or a stall. */
function replyFor(attempts: Map<string, number>) {
  return (request: RecordedRequest): ReplyScript => {
    const key = lastUserMessage(request);
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const aivvm = request.path.startsWith('/api/chat');
    const text = `${replyText(key)}\nA second line. And a third sentence!\n`;
    const stream: ReplyScript = { text, delayMs: 2, ...(aivvm ? { chunkSize: 6 } : {}) };
    if (key.startsWith('fails-first') && attempt === 1) return { status: 503 };
    if (key.startsWith('stalls')) return { ...stream, stall: { afterBytes: 40 } };
    return stream;
  };
}

let server: LoopbackServer;
let unhandled: UnhandledWatch;
const attempts = new Map<string, number>();
beforeAll(async () => {
  server = await startLoopbackServer({
    delayMs: 0,
    keepAliveTimeoutMs: 50,
    reply: replyFor(attempts),
  });
  unhandled = watchUnhandled();
});
afterAll(async () => {
  unhandled.stop();
  await server.close();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const cutArbitrary = fc.oneof(
  fc.record({ after: fc.constant('ms' as const), count: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ after: fc.constant('values' as const), count: fc.integer({ min: 1, max: 6 }) }),
);

const caseArbitrary = fc.record({
  provider: fc.constantFrom('Aivvm' as const, 'OpenAICompatible' as const),
  behaviour: fc.constantFrom<Behaviour>('streams', 'fails-first', 'stalls'),
  operators: fc.array(fc.constantFrom(...(Object.keys(OPERATORS) as OperatorName[])), {
    maxLength: 4,
  }),
  asMessage: fc.boolean(),
  cut: cutArbitrary,
});

describe(`cancellation, property-based (seed ${seed})`, () => {
  it('any operator pipeline, unsubscribed at any moment: no request open, nothing after', async () => {
    const baseline = await settledResources();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (testCase) => {
        run += 1;
        server.clearRequests();
        const key = `${testCase.behaviour}/${run}`;
        let pipeline: Observable<unknown> = completionFor(testCase.provider, server.url, key);
        for (const name of testCase.operators) {
          pipeline = (pipeline as Observable<string>).pipe(OPERATORS[name]());
        }
        if (testCase.asMessage) {
          pipeline = (pipeline as Observable<string>).pipe(
            toMessage(),
            map((message) => message.content),
          );
        }

        let unsubscribed = false;
        let after = 0;
        let values = 0;
        const subscription = pipeline.subscribe({
          next: () => {
            if (unsubscribed) after += 1;
            values += 1;
            if (testCase.cut.after === 'values' && values >= testCase.cut.count) {
              unsubscribed = true;
              subscription.unsubscribe();
            }
          },
          error: () => {
            if (unsubscribed) after += 1;
          },
          complete: () => {
            if (unsubscribed) after += 1;
          },
        });
        // Time cut, or the values cut's fallback when fewer values come (a stall, a message).
        await sleep(testCase.cut.after === 'ms' ? testCase.cut.count : 150);
        unsubscribed = true;
        subscription.unsubscribe();

        await server.waitForIdle({ timeoutMs: 3000 });
        await sleep(20); // a late notification would show up by now
        const outcomes = await Promise.all(server.requests.map((request) => request.closed));
        expect(after).toBe(0);
        expect(server.openConnections).toBe(0);
        expect(outcomes).toHaveLength(server.requests.length); // every request settled
        expect(unhandled.seen).toEqual([]);
      }),
      { seed, numRuns: 150, plugins: [fc.interruptAfterTimeLimit(60_000)] },
    );
    expect(await resourcesBackTo(baseline, 5000)).toEqual({});
    console.info(`cancellation: ${run} pipelines cut at random moments, all clean`);
  });
});
