/** The system errors of a connection the server closed as the request was written to it. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Whether a request failed on the keep-alive race: it was written to a pooled connection that
 * the server had closed meanwhile (its idle timeout fired as the connection was reused), so the
 * connection was reset before any byte of a response. Node documents the race under
 * `request.reusedSocket`, and RFC 9112 §9.3.1 asks clients to anticipate such asynchronous
 * closes. A server that closes a connection as idle has not read the request written to it,
 * so it is sent again on another connection, as browsers do for a reused connection that
 * fails before any response byte. (A server that did read it and then reset the connection
 * without a byte of response looks the same: that is the rare case this cannot tell apart.)
 *
 * Only axios's `http` adapter says whether its connection was reused (`error.request`, a
 * `ClientRequest`): with any other adapter this is false.
 *
 * @param error - what `axios.request` rejected with.
 * @returns true for a reset of a reused connection before the response.
 * @example
 * ```ts
 * if (isStaleConnectionReset(error) && !resent) send(hop);
 * ```
 * @internal
 */
export function isStaleConnectionReset(error: unknown): boolean {
  const code = fieldOf(error, 'code') ?? fieldOf(fieldOf(error, 'cause'), 'code');
  return (
    typeof code === 'string' &&
    RESET_CODES.has(code) &&
    fieldOf(fieldOf(error, 'request'), 'reusedSocket') === true
  );
}
