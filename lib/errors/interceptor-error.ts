import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * Code of the caller's own threw while axios ran the request: a request or response
 * interceptor, a `transformRequest`. Anything axios rejects with that is not an `AxiosError`
 * is this. It is not a network failure and is never retried; the thrown value is the `cause`,
 * as it was thrown (it is the caller's own object, so it is kept whole).
 *
 * @example
 * ```ts
 * completion$.subscribe({
 *   error: (e: unknown) => InterceptorError.isInstance(e) && console.error(e.cause),
 * });
 * ```
 */
export class InterceptorError extends CompletionError {
  /** The provider whose request it was. */
  readonly provider: string;

  /**
   * @param provider - the provider whose request it was.
   * @param cause - what the caller's code threw.
   */
  constructor(provider: string, cause: unknown) {
    const said = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super('INTERCEPTOR', `${provider}: the axios instance's own code threw: ${said}`, { cause });
    this.name = 'InterceptorError';
    this.provider = provider;
  }

  /** Whether `value` is an {@link InterceptorError}, also across copies of the package. */
  static override isInstance(value: unknown): value is InterceptorError {
    return isCompletionErrorWithCode(value, 'INTERCEPTOR');
  }
}
