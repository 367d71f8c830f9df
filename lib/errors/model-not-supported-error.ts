import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * The provider does not serve the requested model (the message is g4f's: `Model is not supported: <model>`).
 *
 * Emitted on subscribe, before any request is sent.
 *
 * @example
 * ```ts
 * Aivvm.createCompletion('llama', messages, true).subscribe({
 *   error: (e: unknown) => ModelNotSupportedError.isInstance(e) && console.error(e.model),
 * });
 * ```
 */
export class ModelNotSupportedError extends CompletionError {
  /** The model that was asked for. */
  readonly model: string;
  /** The provider that refused it. */
  readonly provider: string;

  /**
   * @param model - the model that was asked for.
   * @param provider - the provider's name.
   */
  constructor(model: string, provider: string) {
    super('MODEL_NOT_SUPPORTED', `Model is not supported: ${model}`);
    this.name = 'ModelNotSupportedError';
    this.model = model;
    this.provider = provider;
  }

  /** Whether `value` is a {@link ModelNotSupportedError}, also across copies of the package. */
  static override isInstance(value: unknown): value is ModelNotSupportedError {
    return isCompletionErrorWithCode(value, 'MODEL_NOT_SUPPORTED');
  }
}
