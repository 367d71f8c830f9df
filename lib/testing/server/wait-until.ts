import type { EventEmitter } from 'node:events';

/**
 * How long a `waitFor...` helper of the loopback server waits.
 *
 * @example
 * ```ts
 * await server.waitForIdle({ timeoutMs: 1000 });
 * ```
 */
export interface WaitOptions {
  /** Milliseconds before the wait rejects. @defaultValue 1000 */
  readonly timeoutMs?: number;
}

/**
 * Resolves with the first non-`undefined` answer of `check`, asked now and after every
 * `change` event of `changes`; rejects when `timeoutMs` passes first.
 *
 * Event-driven, never polling: the emitter says when something changed. The timer and the
 * listener are removed either way.
 *
 * @param changes - emits `change` whenever the watched state may have changed.
 * @param check - returns the awaited value, or `undefined` to keep waiting.
 * @param description - what is awaited, for the timeout message.
 * @param timeoutMs - the deadline.
 * @returns the first value `check` returns.
 * @example
 * ```ts
 * await waitUntil(changes, () => (tracker.open === 0 ? true : undefined), 'no open connections', 1000);
 * ```
 */
export function waitUntil<T>(
  changes: EventEmitter,
  check: () => T | undefined,
  description: string,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first !== undefined) {
      resolve(first);
      return;
    }
    const onChange = (): void => {
      const value = check();
      if (value === undefined) return;
      stop();
      resolve(value);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    const stop = (): void => {
      clearTimeout(timer);
      changes.off('change', onChange);
    };
    changes.on('change', onChange);
  });
}
