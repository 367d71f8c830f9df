import { asyncScheduler, identity, interval, take } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { TimeoutError } from '../../../lib/errors/timeout-error.js';
import { idleDeadline } from '../../../lib/operators/internal/idle-deadline.js';
import { createTestScheduler } from '../support/test-scheduler.js';

describe('idleDeadline', () => {
  it('errors with first when nothing comes, and with each after a quiet spell', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const silent = cold<number>('-');
      expectObservable(silent.pipe(idleDeadline(5))).toBe(
        '5ms #',
        undefined,
        new TimeoutError('first', 5),
      );
      expectSubscriptions(silent.subscriptions).toBe('^ 4ms !');
      const stalling = cold('a 3ms b 3ms c 9ms d|');
      expectObservable(stalling.pipe(idleDeadline(5))).toBe(
        'a 3ms b 3ms c 4ms #',
        undefined,
        new TimeoutError('each', 5),
      );
    });
  });

  it('sets its timer a few times, not once per value', () => {
    const values: number[] = [];
    const schedule = vi.spyOn(asyncScheduler, 'schedule');
    try {
      createTestScheduler().run(() => {
        interval(1)
          .pipe(take(1000), idleDeadline(50))
          .subscribe((value) => values.push(value));
      });
      expect(values).toHaveLength(1000);
      // One for `interval`, one for the deadline (RxJS `timeout` schedules once per value).
      expect(schedule).toHaveBeenCalledTimes(2);
    } finally {
      schedule.mockRestore();
    }
  });

  it('is the source itself for Infinity', () => {
    expect(idleDeadline(Infinity)).toBe(identity);
  });
});
