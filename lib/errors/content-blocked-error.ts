import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/** What was blocked: the prompt (nothing was generated) or the reply (cut where it stopped). */
export type BlockedContent = 'prompt' | 'response';

/** What a {@link ContentBlockedError} is built from. */
export interface ContentBlockedErrorInit {
  /** The provider that blocked it. */
  readonly provider: string;
  /** Whether the prompt or the reply was blocked. */
  readonly blocked: BlockedContent;
  /** The server's reason, e.g. `SAFETY`, `BLOCKLIST`, `PROHIBITED_CONTENT`. */
  readonly reason: string;
  /** The safety categories that blocked it, e.g. `HARM_CATEGORY_HARASSMENT` (may be empty). */
  readonly categories?: readonly string[];
}

/**
 * The server refused to answer: it blocked the prompt, or stopped the reply, for a safety,
 * blocklist, prohibited-content or recitation reason. Not a transport failure, and retrying
 * the same request gives the same answer.
 *
 * Emitted after every event that came before the block (the reply's text up to where it was
 * stopped).
 *
 * @example
 * ```ts
 * gemini.createCompletion('gemini-2.5-flash', messages, true).subscribe({
 *   error: (e: unknown) => {
 *     if (ContentBlockedError.isInstance(e)) console.error(e.reason, e.categories.join(', '));
 *   },
 * });
 * ```
 */
export class ContentBlockedError extends CompletionError {
  /** The provider that blocked it. */
  readonly provider: string;
  /** Whether the prompt or the reply was blocked. */
  readonly blocked: BlockedContent;
  /** The server's reason. */
  readonly reason: string;
  /** The safety categories that blocked it. */
  readonly categories: readonly string[];

  /** @param init - the provider, what was blocked, the reason and the categories. */
  constructor(init: ContentBlockedErrorInit) {
    const categories = init.categories ?? [];
    const which = categories.length === 0 ? '' : `: ${categories.join(', ')}`;
    super(
      'CONTENT_BLOCKED',
      `${init.provider} blocked the ${init.blocked} (${init.reason})${which}`,
    );
    this.name = 'ContentBlockedError';
    this.provider = init.provider;
    this.blocked = init.blocked;
    this.reason = init.reason;
    this.categories = [...categories];
  }

  /** Whether `value` is a {@link ContentBlockedError}, also across copies of the package. */
  static override isInstance(value: unknown): value is ContentBlockedError {
    return isCompletionErrorWithCode(value, 'CONTENT_BLOCKED');
  }
}
