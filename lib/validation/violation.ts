/**
 * One rule the caller's input breaks: the field, as a path, and what is wrong with it.
 *
 * @internal
 */
export interface Violation {
  /** The argument or option, e.g. `messages[0].role`. */
  readonly field: string;
  /** What is wrong, e.g. `must be a non-empty string, got undefined`. */
  readonly reason: string;
}
