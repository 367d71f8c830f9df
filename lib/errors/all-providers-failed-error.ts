import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/** One provider's failure, as {@link AllProvidersFailedError} lists it. */
export interface ProviderFailure {
  /** The provider's name. */
  readonly provider: string;
  /** Its error (this package's errors carry no secrets; others are kept as they are). */
  readonly error: unknown;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Every provider tried failed before its first chunk (fallback or hedging), or none could be
 * tried. `failures` lists each provider with its error, in the order they failed.
 *
 * @example
 * ```ts
 * createCompletion({ model: 'gpt-4', messages, providers: [a, b] }).subscribe({
 *   error: (e: unknown) => {
 *     if (AllProvidersFailedError.isInstance(e)) for (const f of e.failures) console.error(f.provider, f.error);
 *   },
 * });
 * ```
 */
export class AllProvidersFailedError extends CompletionError {
  /** Each provider's failure, in order. */
  readonly failures: readonly ProviderFailure[];

  /** @param failures - each provider's failure, in order. */
  constructor(failures: readonly ProviderFailure[]) {
    const list = failures.map((failure) => `${failure.provider} (${describe(failure.error)})`);
    const message =
      failures.length === 0
        ? 'No provider could be tried'
        : `All ${failures.length} providers failed: ${list.join('; ')}`;
    super('ALL_PROVIDERS_FAILED', message, { cause: failures[failures.length - 1]?.error });
    this.name = 'AllProvidersFailedError';
    this.failures = failures;
  }

  /** Whether `value` is an {@link AllProvidersFailedError}, also across copies of the package. */
  static override isInstance(value: unknown): value is AllProvidersFailedError {
    return isCompletionErrorWithCode(value, 'ALL_PROVIDERS_FAILED');
  }
}
