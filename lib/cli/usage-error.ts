/**
 * A command line the CLI cannot run: an unknown option, a bad value, a missing prompt, an
 * unreadable `--api-key-file`. It exits with code 2 (see `EXIT_CODES.usage`).
 *
 * Its message names the option and what was wrong, never an option's secret value.
 *
 * @example
 * ```ts
 * throw new UsageError('--retries must be a whole number of 0 or more, got "-1"');
 * ```
 */
export class UsageError extends Error {
  /** @param message - what was wrong, naming the option. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
