import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * The `createCompletion` facade found no working registered provider that serves the model. The
 * model may well be known: `notWorking` names the registered providers that serve it but are
 * marked not working (as `Aivvm` is, its site being gone), so the fix is either to register a
 * provider for it or to `setWorking(name, true)` on one of those.
 *
 * @example
 * ```ts
 * createCompletion({ model: 'gpt-4', messages }).subscribe({
 *   error: (e: unknown) => NoWorkingProviderError.isInstance(e) && console.error(e.notWorking),
 * }); // ['Aivvm']
 * ```
 */
export class NoWorkingProviderError extends CompletionError {
  /** The model asked for. */
  readonly model: string;
  /** Registered providers that serve the model but are marked not working. */
  readonly notWorking: readonly string[];

  /**
   * @param model - the model asked for.
   * @param notWorking - the registered providers that serve it but are not working.
   */
  constructor(model: string, notWorking: readonly string[]) {
    const known =
      notWorking.length === 0
        ? 'none registered serves it: register one (registry.register(provider))'
        : `${notWorking.join(', ')} ${notWorking.length === 1 ? 'serves' : 'serve'} it but ` +
          `${notWorking.length === 1 ? 'is' : 'are'} marked not working ` +
          '(registry.setWorking(name, true) to use it anyway)';
    super('NO_WORKING_PROVIDER', `No working provider serves the model ${model}: ${known}`);
    this.name = 'NoWorkingProviderError';
    this.model = model;
    this.notWorking = notWorking;
  }

  /** Whether `value` is a {@link NoWorkingProviderError}, also across copies of the package. */
  static override isInstance(value: unknown): value is NoWorkingProviderError {
    return isCompletionErrorWithCode(value, 'NO_WORKING_PROVIDER');
  }
}
