import type { Observable } from 'rxjs';

/** One notification of an Observable, in the order it came. */
export type Notification<T> =
  | { readonly kind: 'next'; readonly value: T }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'complete' };

/** What {@link recordUntilSettled} saw. */
export interface Recorded<T> {
  /** Every notification, in order, including any (wrongly) delivered after the first end. */
  readonly events: Notification<T>[];
  /** The values before the end. */
  readonly values: T[];
  /** The error, when it errored. */
  readonly error: unknown;
  /** Whether it completed. */
  readonly completed: boolean;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Subscribes, waits for the error or the completion (at most `timeoutMs`), then keeps
 * listening for `graceMs` more, so that a late notification — something emitted after the
 * end — shows up in `events`.
 *
 * @param source - the Observable under test.
 * @param timeoutMs - the most it may take to end. @default 10000
 * @param graceMs - how long to listen after the end. @default 30
 * @returns the notifications; rejects when it did not end in time (and unsubscribes).
 */
export async function recordUntilSettled<T>(
  source: Observable<T>,
  timeoutMs = 10_000,
  graceMs = 30,
): Promise<Recorded<T>> {
  const events: Notification<T>[] = [];
  let end: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  const subscription = source.subscribe({
    next: (value) => events.push({ kind: 'next', value }),
    error: (error: unknown) => {
      events.push({ kind: 'error', error });
      end();
    },
    complete: () => {
      events.push({ kind: 'complete' });
      end();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => {
      resolve('late');
    }, timeoutMs);
  });
  const outcome = await Promise.race([ended.then(() => 'ended' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    subscription.unsubscribe();
    throw new Error(`the Observable did not end within ${timeoutMs} ms`);
  }
  await settle(graceMs);
  const endIndex = events.findIndex((event) => event.kind !== 'next');
  const terminal = events[endIndex];
  return {
    events,
    values: events
      .slice(0, endIndex)
      .flatMap((event) => (event.kind === 'next' ? [event.value] : [])),
    error: terminal?.kind === 'error' ? terminal.error : undefined,
    completed: terminal?.kind === 'complete',
  };
}
