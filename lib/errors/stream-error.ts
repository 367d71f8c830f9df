import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/** What was wrong with a response stream. */
export type StreamErrorKind =
  /** The server reported an error inside the stream (an `error` object in a `data:` event). */
  | 'server-error'
  /** A `data:` event (or a non-streaming body) was not the JSON the protocol promises. */
  | 'invalid-json'
  /**
   * A `data:` event (or a non-streaming body) was JSON, but a field had a type the protocol
   * does not allow (a `content` that is a number, a boolean, an object).
   */
  | 'unexpected-shape'
  /** A tool call's arguments were not JSON (RFC 8259), or a call came without a name. */
  | 'invalid-tool-call'
  /** An SSE line or event was larger than the documented bound (`maxEventSize`). */
  | 'event-too-large'
  /** The stream ended cleanly but without its end marker (`data: [DONE]`): the reply may be cut. */
  | 'truncated';

/** What a {@link StreamError} is built from. */
export interface StreamErrorInit {
  /** What was wrong. */
  readonly kind: StreamErrorKind;
  /** The provider whose stream it was. */
  readonly provider: string;
  /** What a person should read: the server's own message, or what did not parse. */
  readonly detail: string;
  /** The start of the offending data (at most 200 characters). */
  readonly excerpt?: string;
  /** The type the server gave its in-stream error, e.g. Anthropic's `overloaded_error`. */
  readonly errorType?: string | undefined;
}

/**
 * A response stream that broke its protocol: an error reported inside the stream, a `data:`
 * event that is not JSON, an event larger than the bound.
 *
 * Emitted after every text delta that came before the offending event.
 *
 * @example
 * ```ts
 * provider.createCompletion('gpt-4o', messages, true).subscribe({
 *   error: (e: unknown) => StreamError.isInstance(e) && console.error(e.kind, e.detail),
 * });
 * ```
 */
export class StreamError extends CompletionError {
  /** What was wrong. */
  readonly kind: StreamErrorKind;
  /** The provider whose stream it was. */
  readonly provider: string;
  /** The server's message, or what did not parse. */
  readonly detail: string;
  /** The start of the offending data. */
  readonly excerpt: string;
  /** The type the server gave its in-stream error (`overloaded_error`...), when it gave one. */
  readonly errorType: string | undefined;

  /** @param init - the kind, provider, detail and excerpt. */
  constructor(init: StreamErrorInit) {
    super('STREAM', `${init.provider} stream failed (${init.kind}): ${init.detail}`);
    this.name = 'StreamError';
    this.kind = init.kind;
    this.provider = init.provider;
    this.detail = init.detail;
    this.excerpt = (init.excerpt ?? '').slice(0, 200);
    this.errorType = init.errorType;
  }

  /** Whether `value` is a {@link StreamError}, also across copies of the package. */
  static override isInstance(value: unknown): value is StreamError {
    return isCompletionErrorWithCode(value, 'STREAM');
  }
}
