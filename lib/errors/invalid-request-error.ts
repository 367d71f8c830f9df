import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/** What an {@link InvalidRequestError} is built from. */
export interface InvalidRequestErrorInit {
  /** The provider the request was for. */
  readonly provider: string;
  /**
   * The offending argument or option, as a path: `options`, `messages`, `messages[2].role`,
   * `temperature`, `stop[1]`, `body.seed`. For a request body over `maxInputBytes`, the part
   * that holds the most of it (`messages`, `model`, `systemMessage`, `stop` or `body`).
   */
  readonly field: string;
  /** What is wrong with it, e.g. `must be an array, got a string`. Never the value itself. */
  readonly reason: string;
}

/**
 * The caller's arguments cannot make a valid request: options that are not an object (`null`),
 * `messages` that is not an array, a message whose `role` is not `system`, `user` or
 * `assistant`, a `temperature` that is not a finite number, a `body` option that JSON cannot
 * encode (a BigInt, a cycle) or that would replace `model`, `messages` or `stream`, a base URL
 * that is not http(s), a request body over `maxInputBytes` (4 MiB of UTF-8 JSON by default).
 *
 * Emitted on subscribe, before any request is sent: the server sees nothing. The message
 * names the field and the rule it breaks, and describes the value by its type only, so that
 * neither a prompt nor a key pasted into the wrong argument is ever printed.
 *
 * @example
 * ```ts
 * Aivvm.createCompletion('gpt-4', [{ content: 'Hi' }] as never, true).subscribe({
 *   error: (e: unknown) => InvalidRequestError.isInstance(e) && console.error(e.field, e.reason),
 * }); // messages[0].role must be one of "system", "user", "assistant", got undefined
 * ```
 */
export class InvalidRequestError extends CompletionError {
  /** The provider the request was for. */
  readonly provider: string;
  /** The offending argument or option. */
  readonly field: string;
  /** What is wrong with it. */
  readonly reason: string;

  /** @param init - the provider, the field and the reason. */
  constructor(init: InvalidRequestErrorInit) {
    super('INVALID_REQUEST', `Invalid request to ${init.provider}: ${init.field} ${init.reason}`);
    this.name = 'InvalidRequestError';
    this.provider = init.provider;
    this.field = init.field;
    this.reason = init.reason;
  }

  /** Whether `value` is an {@link InvalidRequestError}, also across copies of the package. */
  static override isInstance(value: unknown): value is InvalidRequestError {
    return isCompletionErrorWithCode(value, 'INVALID_REQUEST');
  }
}
