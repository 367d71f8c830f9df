import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * The request cannot work as set up: an axios adapter whose response body is not a stream
 * (the XHR adapter in browsers), an invalid option or URL that axios refuses. Retrying would
 * fail the same way, so retry policies leave it alone; the message says what to change.
 *
 * @example
 * ```ts
 * // In a browser, pass an axios instance that streams:
 * Aivvm.createCompletion('gpt-4', messages, true, { axios: axios.create({ adapter: 'fetch' }) });
 * ```
 */
export class ConfigurationError extends CompletionError {
  /** The provider whose request it was. */
  readonly provider: string;

  /**
   * @param provider - the provider whose request it was.
   * @param message - what is wrong and what to do instead.
   */
  constructor(provider: string, message: string) {
    super('CONFIGURATION', `${provider}: ${message}`);
    this.name = 'ConfigurationError';
    this.provider = provider;
  }

  /** Whether `value` is a {@link ConfigurationError}, also across copies of the package. */
  static override isInstance(value: unknown): value is ConfigurationError {
    return isCompletionErrorWithCode(value, 'CONFIGURATION');
  }
}
