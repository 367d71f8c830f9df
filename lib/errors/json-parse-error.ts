import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * Streamed text that was to be one JSON document (RFC 8259) is not: a character the grammar does
 * not allow, text after the document, or an end before the document is whole.
 *
 * Emitted after every value parsed before the offending character.
 *
 * @example
 * ```ts
 * text$.pipe(partialJson()).subscribe({
 *   error: (e: unknown) => JsonParseError.isInstance(e) && console.error(e.reason, e.offset),
 * });
 * ```
 */
export class JsonParseError extends CompletionError {
  /** What is wrong, e.g. `unexpected "}"` or `unexpected end of the JSON text`. */
  readonly reason: string;
  /** Where: the offset in the streamed text, in UTF-16 code units. */
  readonly offset: number;

  /**
   * @param reason - what is wrong.
   * @param offset - where, in the whole streamed text.
   */
  constructor(reason: string, offset: number) {
    super('JSON_PARSE', `The streamed text is not JSON: ${reason} at offset ${offset}`);
    this.name = 'JsonParseError';
    this.reason = reason;
    this.offset = offset;
  }

  /** Whether `value` is a {@link JsonParseError}, also across copies of the package. */
  static override isInstance(value: unknown): value is JsonParseError {
    return isCompletionErrorWithCode(value, 'JSON_PARSE');
  }
}
