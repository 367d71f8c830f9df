import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * A malformed `unicode-escape` sequence in the response body (CPython's `unicode-escape` codec), with
 * `decodeText({ errors: 'strict' })`, the default.
 *
 * Emitted only after all the text decoded before the fault. `reason` is Python's own
 * (`truncated \xXX escape`, `illegal Unicode character`, `malformed \N character escape`,
 * `unknown Unicode character name`, `\ at end of string`); `offset` is the byte offset in the
 * stream where the malformed escape starts.
 *
 * @example
 * ```ts
 * bytes$.pipe(decodeText()).subscribe({
 *   error: (e: unknown) => DecodeError.isInstance(e) && console.error(e.reason, e.offset),
 * });
 * ```
 */
export class DecodeError extends CompletionError {
  /** Python's reason for the failure. */
  readonly reason: string;
  /** The byte offset in the stream where the malformed escape starts. */
  readonly offset: number;

  /**
   * @param reason - Python's reason, e.g. `truncated \xXX escape`.
   * @param offset - the byte offset of the escape in the stream.
   */
  constructor(reason: string, offset: number) {
    super('DECODE', `Cannot decode the response at byte ${offset}: ${reason}`);
    this.name = 'DecodeError';
    this.reason = reason;
    this.offset = offset;
  }

  /** Whether `value` is a {@link DecodeError}, also across copies of the package. */
  static override isInstance(value: unknown): value is DecodeError {
    return isCompletionErrorWithCode(value, 'DECODE');
  }
}
