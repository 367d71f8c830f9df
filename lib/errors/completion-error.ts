/**
 * Every failure this package reports, as a stable machine-readable code.
 *
 * Branch on `error.code` (or on the class, with `instanceof` or the static `isInstance`) rather
 * than on message text.
 */
export type CompletionErrorCode =
  | 'MODEL_NOT_SUPPORTED'
  | 'HTTP_STATUS'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'DECODE'
  | 'STREAM'
  | 'INVALID_REQUEST'
  | 'ALL_PROVIDERS_FAILED'
  | 'BUFFER_OVERFLOW'
  | 'ABORTED'
  | 'JSON_PARSE'
  | 'SCHEMA_VALIDATION'
  | 'NO_WORKING_PROVIDER'
  | 'REDIRECT'
  | 'UNEXPECTED_RESPONSE'
  | 'RESPONSE_TOO_LARGE'
  | 'CONFIGURATION'
  | 'INTERCEPTOR'
  | 'TOOL_EXECUTION'
  | 'CONTENT_BLOCKED';

const brand = Symbol.for('rx-completions.CompletionError');

/** Options every {@link CompletionError} accepts. */
export interface CompletionErrorOptions {
  /** The underlying failure, already stripped of request headers and secrets. */
  readonly cause?: unknown;
}

/**
 * The base class of every error this package emits.
 *
 * Errors never carry request headers, an `authorization` header or an API key: what they hold
 * is safe to log, `JSON.stringify` and `util.inspect`.
 *
 * The class is branded with `Symbol.for('rx-completions.CompletionError')`, so
 * {@link CompletionError.isInstance} recognises errors from another installed copy of the
 * package (or another realm) where `instanceof` would not.
 *
 * @example
 * ```ts
 * completion$.subscribe({
 *   error: (error: unknown) => {
 *     if (CompletionError.isInstance(error)) console.error(error.code, error.message);
 *   },
 * });
 * ```
 */
export class CompletionError extends Error {
  /** The stable code of this failure. */
  readonly code: CompletionErrorCode;

  /**
   * @param code - the stable code of the failure.
   * @param message - a sentence a person can act on.
   * @param options - the (already redacted) cause.
   */
  constructor(code: CompletionErrorCode, message: string, options?: CompletionErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CompletionError';
    this.code = code;
    Object.defineProperty(this, brand, { value: true, enumerable: false });
  }

  /**
   * Whether `value` is a {@link CompletionError}, also across copies of the package and realms.
   *
   * @param value - anything caught.
   * @returns true for any error of this package.
   */
  static isInstance(value: unknown): value is CompletionError {
    return typeof value === 'object' && value !== null && brand in value;
  }

  /** The error as plain data: what `JSON.stringify` prints. */
  toJSON(): Record<string, unknown> {
    const data: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
    };
    for (const [key, value] of Object.entries(this)) {
      if (!(key in data)) data[key] = value;
    }
    return data;
  }
}

/**
 * Builds the `isInstance` guard of a subclass: the package brand plus the subclass's code, so it
 * works across copies of the package where `instanceof` does not.
 *
 * @internal
 */
export function isCompletionErrorWithCode(value: unknown, code: CompletionErrorCode): boolean {
  return CompletionError.isInstance(value) && value.code === code;
}
