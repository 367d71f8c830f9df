import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * The caller aborted the completion through its `AbortSignal` (the `signal` option): the request
 * was aborted and nothing more is emitted. Every chunk that arrived before the abort was
 * emitted first.
 *
 * It is an error, not a completion, so that a reply cut short is never taken for a whole one
 * (`lastValueFrom`, `toMessage()` and a `for await` loop all see it). It is never retried.
 * `cause` is the signal's `reason` when it is an `Error` (a `DOMException` named `AbortError` or
 * `TimeoutError` for `AbortSignal.timeout()`).
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * provider.createCompletion(model, messages, true, { signal: controller.signal }).subscribe({
 *   error: (e: unknown) => AbortedError.isInstance(e) && console.error('stopped by the user'),
 * });
 * stopButton.onclick = () => controller.abort();
 * ```
 */
export class AbortedError extends CompletionError {
  /** @param reason - the signal's `reason`, kept as `cause` when it is an `Error`. */
  constructor(reason?: unknown) {
    super(
      'ABORTED',
      'The completion was aborted by its AbortSignal',
      reason instanceof Error ? { cause: reason } : undefined,
    );
    this.name = 'AbortedError';
  }

  /** Whether `value` is an {@link AbortedError}, also across copies of the package. */
  static override isInstance(value: unknown): value is AbortedError {
    return isCompletionErrorWithCode(value, 'ABORTED');
  }
}
