import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../lib/operators/internal/backoff-delay.js';

describe('backoffDelay', () => {
  it('doubles from delay and stops at maxDelay without jitter', () => {
    const backoff = { delay: 500, maxDelay: 8_000, jitter: 'none' } as const;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(retry, backoff, Math.random));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('draws a full-jitter delay in [0, capped delay) for any retry and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, delay, maxDelay, random) => {
          const capped = delay === 0 ? 0 : Math.min(maxDelay, delay * 2 ** (retry - 1));
          const wait = backoffDelay(retry, { delay, maxDelay, jitter: 'full' }, () => random);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(capped);
          if (capped > 0) expect(wait).toBeLessThan(capped);
        },
      ),
    );
  });

  it('clamps what a jitter function returns to [0, maxDelay], and NaN to the capped delay', () => {
    const base = { delay: 100, maxDelay: 1_000 };
    expect(backoffDelay(1, { ...base, jitter: () => -5 }, Math.random)).toBe(0);
    expect(backoffDelay(1, { ...base, jitter: () => 5_000 }, Math.random)).toBe(1_000);
    expect(backoffDelay(2, { ...base, jitter: () => Number.NaN }, Math.random)).toBe(200);
  });
});
