import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/** One reason the value does not match, with where it is (`items[2].name`). */
export interface SchemaIssue {
  /** What is wrong, as the schema library says it. */
  readonly message: string;
  /** The path to the offending value, `''` for the value itself. */
  readonly path: string;
}

/**
 * A completion's JSON is valid JSON but does not match the schema it was checked against
 * (`toObject(schema)`): `issues` lists every reason, as the schema library gave them. The value
 * is kept as `value`, so an app can show or repair it.
 *
 * @example
 * ```ts
 * text$.pipe(toObject(Person)).subscribe({
 *   error: (e: unknown) => SchemaValidationError.isInstance(e) && console.error(e.issues),
 * });
 * ```
 */
export class SchemaValidationError extends CompletionError {
  /** Every reason the value does not match. */
  readonly issues: readonly SchemaIssue[];
  /** The parsed value that did not match. */
  readonly value: unknown;

  /**
   * @param issues - the reasons.
   * @param value - the value checked.
   */
  constructor(issues: readonly SchemaIssue[], value: unknown) {
    const first = issues[0];
    const where = first && first.path !== '' ? ` at ${first.path}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(
      'SCHEMA_VALIDATION',
      `The reply does not match the schema: ${first?.message ?? 'invalid'}${where}${more}`,
    );
    this.name = 'SchemaValidationError';
    this.issues = issues;
    this.value = value;
  }

  /** Whether `value` is a {@link SchemaValidationError}, also across copies of the package. */
  static override isInstance(value: unknown): value is SchemaValidationError {
    return isCompletionErrorWithCode(value, 'SCHEMA_VALIDATION');
  }
}
