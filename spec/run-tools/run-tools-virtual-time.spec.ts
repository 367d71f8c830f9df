import { takeUntil, timer, type Observable } from 'rxjs';
import type { ColdObservable } from 'rxjs/internal/testing/ColdObservable';
import { describe, expect, it } from 'vitest';
import type { CompletionEvent } from '../../lib/events/completion-event.js';
import { runTools } from '../../lib/run-tools/run-tools.js';
import type { Tool } from '../../lib/run-tools/tool.js';
import { createTestScheduler } from '../operators/support/test-scheduler.js';
import { scriptedProvider, toolCall } from './support/scripted-provider.js';

const events: Record<string, CompletionEvent> = {
  a: { type: 'text-delta', text: 'Checking.' },
  b: toolCall(0, 'c0', 'fast', {}),
  c: toolCall(1, 'c1', 'slow', {}),
  f: { type: 'finish', reason: 'tool_calls' },
  t: { type: 'text-delta', text: 'Done.' },
  s: { type: 'finish', reason: 'stop' },
};

/**
 * The run of every test here, in virtual time: request 1 `-a-b-c-f|` (frames 1–8), the tools
 * from frame 8 (`fast` ends at 11, `slow` at 13), request 2 `-t-s|` from 13 to 17.
 */
function scenario(
  cold: (marbles: string, values?: Record<string, unknown>) => ColdObservable<unknown>,
) {
  const colds: ColdObservable<unknown>[] = [];
  const signals = new Map<string, AbortSignal>();
  const reply = (marbles: string) => () => {
    const source = cold(marbles, events);
    colds.push(source);
    return source as Observable<CompletionEvent>;
  };
  const provider = scriptedProvider('scripted', [reply('-a-b-c-f|'), reply('-t-s|')]);
  const tool = (name: string, marbles: string): Tool => ({
    parameters: {},
    execute: (_input, { signal }) => {
      signals.set(name, signal);
      const source = cold(marbles, { x: name });
      colds.push(source);
      return source;
    },
  });
  const run$ = runTools({
    model: 'm',
    prompt: 'Go',
    provider,
    tools: { fast: tool('fast', '--x|'), slow: tool('slow', '----x|') },
  });
  return { run$, provider, colds, signals };
}

describe('runTools in virtual time', () => {
  it('runs the whole scenario: events at their frames', () => {
    const scheduler = createTestScheduler();
    scheduler.run(({ cold, flush }) => {
      const { run$, signals } = scenario(cold);
      const seen: [number, string][] = [];
      let completedAt = -1;
      run$.subscribe({
        next: (event) =>
          seen.push([
            scheduler.now(),
            event.type === 'tool-result' ? `result:${event.name}` : event.type,
          ]),
        complete: () => (completedAt = scheduler.now()),
      });
      flush();
      expect(seen).toEqual([
        [1, 'text-delta'],
        [3, 'tool-call'],
        [5, 'tool-call'],
        [7, 'finish'],
        [11, 'result:fast'], // both tools started at 8, together
        [13, 'result:slow'],
        [13, 'step'],
        [14, 'text-delta'], // request 2 started at 13
        [16, 'finish'],
        [17, 'step'],
      ]);
      expect(completedAt).toBe(17);
      expect([...signals.values()].map((signal) => signal.aborted)).toEqual([false, false]);
    });
  });

  it.each(Array.from({ length: 19 }, (_, frame) => frame))(
    'unsubscribed at frame %i: every request and tool it started is ended, the running ones aborted, nothing started after',
    (frame) => {
      createTestScheduler().run(({ cold, flush }) => {
        const { run$, provider, colds, signals } = scenario(cold);
        run$.pipe(takeUntil(timer(frame))).subscribe();
        flush();
        for (const source of colds) {
          for (const log of source.subscriptions) {
            // Ended by the frame of the stop (or before, by itself): nothing left running.
            expect(log.unsubscribedFrame).toBeLessThanOrEqual(frame);
          }
        }
        expect(provider.requests.every((request) => request.ended !== undefined)).toBe(true);
        for (const [name, signal] of signals) {
          // Aborted exactly when the tool had not ended by the stop.
          const endsAt = name === 'fast' ? 11 : 13;
          if (frame < endsAt) expect(signal.aborted).toBe(true);
          if (frame > endsAt) expect(signal.aborted).toBe(false);
        }
        expect(signals.size).toBe(frame <= 8 ? 0 : 2); // at a tie, the earlier-scheduled stop wins
        expect(provider.requests).toHaveLength(frame <= 13 ? 1 : 2);
      });
    },
  );
});
