import { defer, identity, take, type Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestScheduler } from 'rxjs/testing';
import type { ColdObservable } from 'rxjs/internal/testing/ColdObservable';
import { DecodeError } from '../../lib/errors/decode-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { MAX_TIMER_MS } from '../../lib/operators/internal/timer-limit.js';
import { httpStatusError, networkError } from './support/errors.js';
import { createTestScheduler } from './support/test-scheduler.js';
import { synchronousSource } from './support/synchronous-source.js';

/** A source whose n-th subscription is the n-th of `attempts` (the last one repeats). */
function attemptsOf<T>(attempts: readonly ColdObservable<T>[]): Observable<T> {
  let next = 0;
  return defer(() => attempts[Math.min(next++, attempts.length - 1)]!);
}

describe('retryCompletion', () => {
  let testScheduler: TestScheduler;
  beforeEach(() => {
    testScheduler = createTestScheduler();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('resubscribes after a 429, waiting as long as `Retry-After` (seconds) says', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failed = cold('-#', undefined, httpStatusError(429, { 'retry-after': '1' }));
      const succeeded = cold('-a-b|', { a: 'Hel', b: 'lo' });
      const result = attemptsOf([failed, succeeded]).pipe(retryCompletion());
      expectObservable(result).toBe('1002ms a-b|', { a: 'Hel', b: 'lo' });
      expectSubscriptions(failed.subscriptions).toBe('^!');
      expectSubscriptions(succeeded.subscriptions).toBe('1001ms ^---!');
    });
  });

  it('honours a `Retry-After` HTTP-date, counted from the scheduler’s now', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const retryAfter = { 'retry-after': 'Thu, 01 Jan 1970 00:00:05 GMT' };
      const failed = cold('-#', undefined, httpStatusError(503, retryAfter));
      const succeeded = cold('(a|)', { a: 'ok' });
      expectObservable(attemptsOf([failed, succeeded]).pipe(retryCompletion())).toBe(
        '5000ms (a|)',
        { a: 'ok' },
      );
      expectSubscriptions(succeeded.subscriptions).toBe('5000ms (^!)');
    });
  });

  it('prefers `retry-after-ms` to `retry-after`', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const headers = { 'retry-after-ms': '250', 'retry-after': '9' };
      const failed = cold('#', undefined, httpStatusError(429, headers));
      const succeeded = cold('(a|)', { a: 'ok' });
      expectObservable(attemptsOf([failed, succeeded]).pipe(retryCompletion())).toBe('250ms (a|)', {
        a: 'ok',
      });
    });
  });

  it('does not jitter or cap a `Retry-After` by maxDelay', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const failed = cold('#', undefined, httpStatusError(429, { 'retry-after': '20' }));
      const succeeded = cold('(a|)', { a: 'ok' });
      const result = attemptsOf([failed, succeeded]).pipe(retryCompletion({ maxDelay: 1_000 }));
      expectObservable(result).toBe('20000ms (a|)', { a: 'ok' });
    });
  });

  it('passes the error on at once when `Retry-After` is longer than maxRetryAfter', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = httpStatusError(429, { 'retry-after': '61' });
      const failed = cold('-#', undefined, error);
      expectObservable(failed.pipe(retryCompletion())).toBe('-#', undefined, error);
      expectSubscriptions(failed.subscriptions).toBe('^!');
    });
  });

  it('waits for a long `Retry-After` when maxRetryAfter allows it', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const failed = cold('#', undefined, httpStatusError(503, { 'retry-after': '3600' }));
      const succeeded = cold('(a|)', { a: 'ok' });
      const result = attemptsOf([failed, succeeded]).pipe(
        retryCompletion({ maxRetryAfter: Infinity }),
      );
      expectObservable(result).toBe('3600s (a|)', { a: 'ok' });
    });
  });

  it.each([
    ['Retry-After: 2592000 (30 days)', { 'retry-after': '2592000' }],
    ['retry-after-ms: 3e9', { 'retry-after-ms': '3000000000' }],
    ['a Retry-After date in the year 9999', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }],
  ])('passes the error on at once for %s, longer than a timer can wait', (_, headers) => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = httpStatusError(503, headers);
      const failed = cold('-#', undefined, error);
      const result = failed.pipe(retryCompletion({ maxRetryAfter: Infinity }));
      expectObservable(result).toBe('-#', undefined, error);
      expectSubscriptions(failed.subscriptions).toBe('^!');
    });
  });

  it('waits for a `retry-after-ms` of exactly 2³¹ − 1 ms, the longest timer', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const headers = { 'retry-after-ms': String(MAX_TIMER_MS) };
      const failed = cold('#', undefined, httpStatusError(503, headers));
      const succeeded = cold('(a|)', { a: 'ok' });
      const result = attemptsOf([failed, succeeded]).pipe(
        retryCompletion({ maxRetryAfter: Infinity }),
      );
      expectObservable(result).toBe(`${MAX_TIMER_MS}ms (a|)`, { a: 'ok' });
    });
  });

  it('passes the error on at once when the backoff is longer than a timer can wait', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = httpStatusError(500);
      const failed = cold('-#', undefined, error);
      const options = { delay: 3e9, maxDelay: 3e9, jitter: 'none' } as const;
      expectObservable(failed.pipe(retryCompletion(options))).toBe('-#', undefined, error);
      expectSubscriptions(failed.subscriptions).toBe('^!');
    });
  });

  it('backs off exponentially from `delay`, capped at maxDelay, then passes the last error on', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = httpStatusError(500);
      const failing = cold('#', undefined, error);
      const result = failing.pipe(
        retryCompletion({ count: 4, delay: 100, maxDelay: 300, jitter: 'none' }),
      );
      // waits 100, 200, 300 (400 capped), 300 (800 capped)
      expectObservable(result).toBe('900ms #', undefined, error);
      expectSubscriptions(failing.subscriptions).toBe([
        '(^!)',
        '100ms (^!)',
        '300ms (^!)',
        '600ms (^!)',
        '900ms (^!)',
      ]);
    });
  });

  it('uses openai-node’s defaults: 2 retries from 500 ms', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = networkError();
      const failing = cold('#', undefined, error);
      expectObservable(failing.pipe(retryCompletion({ jitter: 'none' }))).toBe(
        '1500ms #',
        undefined,
        error,
      );
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '500ms (^!)', '1500ms (^!)']);
    });
  });

  it('spreads the backoff with full jitter: a uniform wait below the capped delay', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold('#', undefined, httpStatusError(502));
      expectObservable(failing.pipe(retryCompletion({ delay: 1_000 }))).toBe(
        '750ms #',
        undefined,
        httpStatusError(502),
      );
      // 0.25 × 1000, then 0.25 × 2000
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '250ms (^!)', '750ms (^!)']);
    });
  });

  it('maps the capped delay through a jitter function, clamped to [0, maxDelay]', () => {
    testScheduler.run(({ cold, expectSubscriptions, expectObservable }) => {
      const failing = cold('#', undefined, httpStatusError(500));
      const jitter = (ms: number): number => (ms === 100 ? ms / 2 : 10 * ms);
      expectObservable(failing.pipe(retryCompletion({ delay: 100, maxDelay: 1_000, jitter }))).toBe(
        '1050ms #',
        undefined,
        httpStatusError(500),
      );
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '50ms (^!)', '1050ms (^!)']);
    });
  });

  it.each([
    ['408', httpStatusError(408)],
    ['409', httpStatusError(409)],
    ['429 without Retry-After', httpStatusError(429)],
    ['500', httpStatusError(500)],
    ['503', httpStatusError(503)],
    ['a NetworkError', networkError()],
    ['a first-chunk TimeoutError', new TimeoutError('first', 1_000)],
    ['a 400 with x-should-retry: true', httpStatusError(400, { 'x-should-retry': 'true' })],
    ['a 422 with X-Should-Retry: TRUE', httpStatusError(422, { 'X-Should-Retry': 'TRUE' })],
    ['a 503 with x-should-retry: maybe', httpStatusError(503, { 'x-should-retry': 'maybe' })],
  ])('retries %s by default', (_, error) => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold('-#', undefined, error);
      expectObservable(failing.pipe(retryCompletion({ count: 1, jitter: 'none' }))).toBe(
        '- 500ms -#',
        undefined,
        error,
      );
      expectSubscriptions(failing.subscriptions).toBe(['^!', '501ms ^!']);
    });
  });

  it.each([
    ['400', httpStatusError(400)],
    ['401', httpStatusError(401)],
    ['404', httpStatusError(404)],
    ['422', httpStatusError(422)],
    ['a 503 with x-should-retry: false', httpStatusError(503, { 'x-should-retry': 'false' })],
    ['a 429 with X-Should-Retry:  False ', httpStatusError(429, { 'X-Should-Retry': ' False ' })],
    ['a total TimeoutError', new TimeoutError('total', 1_000)],
    ['a ModelNotSupportedError', new ModelNotSupportedError('llama', 'Aivvm')],
    ['a DecodeError', new DecodeError('truncated \\xXX escape', 3)],
    ['a next-chunk TimeoutError', new TimeoutError('each', 1_000)],
    ['an error that is not this package’s', new Error('bug')],
  ])('never retries %s by default', (_, error) => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold('-#', undefined, error);
      expectObservable(failing.pipe(retryCompletion())).toBe('-#', undefined, error);
      expectSubscriptions(failing.subscriptions).toBe('^!');
    });
  });

  it('passes an error after the first chunk through unchanged, without re-sending', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = httpStatusError(503);
      const source = cold('-a-#', { a: 'Hel' }, error);
      expectObservable(source.pipe(retryCompletion())).toBe('-a-#', { a: 'Hel' }, error);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('retries after failed attempts that emitted nothing, then stops retrying once a chunk came', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const first = cold('#', undefined, networkError());
      const second = cold('-a#', { a: 'x' }, networkError('reset'));
      const result = attemptsOf([first, second]).pipe(retryCompletion({ jitter: 'none' }));
      expectObservable(result).toBe('500ms -a#', { a: 'x' }, networkError('reset'));
      expectSubscriptions(first.subscriptions).toBe('(^!)');
      expectSubscriptions(second.subscriptions).toBe('500ms ^-!');
    });
  });

  it('lets shouldRetry widen, narrow or defer to the default policy', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const teapot = cold('#', undefined, httpStatusError(418));
      const shouldRetry = vi.fn((error: unknown) =>
        error instanceof Error && error.message.includes('418') ? true : undefined,
      );
      expectObservable(
        teapot.pipe(retryCompletion({ count: 1, jitter: 'none', shouldRetry })),
      ).toBe('500ms #', undefined, httpStatusError(418));
      expectSubscriptions(teapot.subscriptions).toBe(['(^!)', '500ms (^!)']);

      const busy = cold('#', undefined, httpStatusError(503));
      expectObservable(busy.pipe(retryCompletion({ shouldRetry: () => false }))).toBe(
        '#',
        undefined,
        httpStatusError(503),
      );
    });
  });

  it('tells shouldRetry the retry number and the wait the server asked for', () => {
    const shouldRetry = vi.fn(() => undefined);
    testScheduler.run(({ cold, expectObservable }) => {
      const failing = cold('#', undefined, httpStatusError(429, { 'retry-after': '2' }));
      expectObservable(failing.pipe(retryCompletion({ count: 2, shouldRetry }))).toBe(
        '4000ms #',
        undefined,
        httpStatusError(429, { 'retry-after': '2' }),
      );
    });
    expect(shouldRetry.mock.calls).toEqual([
      [expect.anything(), { retry: 1, retryAfterMs: 2_000 }],
      [expect.anything(), { retry: 2, retryAfterMs: 2_000 }],
    ]);
  });

  it('tells onRetry each retry, its wait and the error, before the wait, and not the last failure', () => {
    const onRetry = vi.fn();
    const error = httpStatusError(500);
    testScheduler.run(({ cold, expectObservable, flush }) => {
      const failing = cold('#', undefined, error);
      expectObservable(
        failing.pipe(retryCompletion({ count: 2, delay: 100, jitter: 'none', onRetry })),
      ).toBe('300ms #', undefined, error);
      flush();
    });
    expect(onRetry.mock.calls).toEqual([
      [error, { retry: 1, retryAfterMs: undefined, waitMs: 100 }],
      [error, { retry: 2, retryAfterMs: undefined, waitMs: 200 }],
    ]);
  });

  it('does not call onRetry for an error that is not retried', () => {
    const onRetry = vi.fn();
    testScheduler.run(({ cold, expectObservable }) => {
      const failing = cold('#', undefined, httpStatusError(400));
      expectObservable(failing.pipe(retryCompletion({ count: 2, onRetry }))).toBe(
        '#',
        undefined,
        httpStatusError(400),
      );
    });
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('takes a plain count', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold('#', undefined, networkError());
      expectObservable(failing.pipe(retryCompletion(3))).toBe('#', undefined, networkError());
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '(^!)', '(^!)', '(^!)']);
    });
  });

  it('is the identity with a count of 0', () => {
    expect(retryCompletion(0)).toBe(identity);
    expect(retryCompletion({ count: 0 })).toBe(identity);
  });

  it('cancels the wait when unsubscribed during it', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold('-#', undefined, httpStatusError(429, { 'retry-after': '1' }));
      expectObservable(failing.pipe(retryCompletion()), '^ 500ms !').toBe('');
      expectSubscriptions(failing.subscriptions).toBe('^!');
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-a-a-|', { a: 'x' });
      expectObservable(source.pipe(retryCompletion()), '^--!').toBe('-a--', { a: 'x' });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('stops a synchronous source on unsubscribe', () => {
    const { source, sideEffects } = synchronousSource((index) => index);
    source.pipe(retryCompletion(), take(3)).subscribe();
    expect(sideEffects).toEqual([0, 1, 2]);
  });

  it.each([
    [{ count: -1 }, RangeError],
    [{ count: 1.5 }, RangeError],
    [{ count: Number.NaN }, RangeError],
    [{ delay: -1 }, RangeError],
    [{ delay: Infinity }, RangeError],
    [{ maxDelay: Number.NaN }, RangeError],
    [{ maxRetryAfter: -1 }, RangeError],
    [{ jitter: 'half' }, TypeError],
    [{ count: '2' }, TypeError],
  ])('throws at creation for %o', (config, errorClass) => {
    expect(() => retryCompletion(config as never)).toThrow(errorClass);
  });
});
