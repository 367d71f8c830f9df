/** What reached the process without a handler: rejections and exceptions. */
export interface UnhandledWatch {
  /** Everything seen since the watch started (or was last cleared). */
  readonly seen: unknown[];
  /** Stops watching. */
  stop(): void;
}

/**
 * Records every unhandled promise rejection of the process (vitest would also fail the run;
 * this lets each test assert it directly, next to its cause).
 *
 * @returns the watch; call `stop()` in `afterAll`.
 */
export function watchUnhandled(): UnhandledWatch {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', onRejection);
  return {
    seen,
    stop: () => {
      process.off('unhandledRejection', onRejection);
    },
  };
}
