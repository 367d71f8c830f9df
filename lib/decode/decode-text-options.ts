/** How `decodeText` treats a malformed escape, as Python's `errors` argument does. */
export type DecodeTextErrors = 'strict' | 'replace';

/** The options of `decodeText`. */
export interface DecodeTextOptions {
  /**
   * `'strict'`: a malformed escape (`\xZZ`, `\U00110000`, an unknown `\N{...}` name, a
   * truncated escape at the end of the stream) emits the text decoded before it, then errors
   * with a `DecodeError`. `'replace'`: it becomes U+FFFD, exactly where Python's
   * `errors='replace'` puts one, and the stream never errors.
   *
   * @default 'strict'
   * @example
   * ```ts
   * bytes$.pipe(decodeText({ errors: 'replace' }));
   * ```
   */
  readonly errors?: DecodeTextErrors;
}

/**
 * Checks the options of `decodeText` once, when the operator is created, and fills in the
 * defaults.
 *
 * @param options - what the caller passed, possibly from untyped code.
 * @returns whether malformed escapes are replaced.
 * @throws TypeError when `options` is not an object or `errors` is not `'strict'` or `'replace'`.
 *
 * @example
 * ```ts
 * normalizeDecodeTextOptions({ errors: 'replace' }); // { replace: true }
 * ```
 */
export function normalizeDecodeTextOptions(options: DecodeTextOptions | undefined): {
  readonly replace: boolean;
} {
  if (options === undefined) return { replace: false };
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(`decodeText: options must be an object, got ${describe(options)}`);
  }
  const errors: unknown = options.errors;
  if (errors === undefined || errors === 'strict') return { replace: false };
  if (errors === 'replace') return { replace: true };
  throw new TypeError(`decodeText: errors must be 'strict' or 'replace', got ${describe(errors)}`);
}

/** A short description of a bad option value for an error message. */
function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : typeof value;
}
