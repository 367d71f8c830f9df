/**
 * Tells `requestBytes` that the reply is whole although its body has not ended yet:
 * the protocol's end marker has arrived (`data: [DONE]`, an Anthropic `message_stop`, an Ollama
 * `done: true`), and what may follow is only the end of the HTTP message (the last chunk of
 * a chunked body, RFC 9112 §7.1).
 *
 * A subscriber that leaves after the marker then does not cost the connection: the rest of
 * the body is read and dropped (a few bytes, at most 64 KiB and 1 s) so that the keep-alive
 * pool can reuse the connection, rather than being aborted, which closes it and makes the next
 * request open a new one. Without the marker, unsubscribing aborts at once: a cancelled
 * completion stops the server's work.
 *
 * One per subscription: `requestBytes` reads it when the subscriber leaves.
 *
 * @example
 * ```ts
 * const replyEnd = new ReplyEnd();
 * requestBytes({ ...request, replyEnd }).pipe(
 *   decodeText(),
 *   takeWhile((text) => {
 *     if (!text.includes('[DONE]')) return true;
 *     replyEnd.reach();
 *     return false;
 *   }),
 * );
 * ```
 */
export class ReplyEnd {
  #reached = false;

  /** Whether the reply's end marker has arrived. */
  get reached(): boolean {
    return this.#reached;
  }

  /** Records that the reply's end marker has arrived: call it before completing. */
  reach(): void {
    this.#reached = true;
  }
}
