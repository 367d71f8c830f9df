import type { UnexpectedResponseReason } from '../errors/unexpected-response-error.js';

/** What a request accepts as its reply, besides a 2xx status. */
export interface AcceptedReply {
  /**
   * The media types the reply may have (`text/event-stream`, `application/json`...), compared
   * without parameters and case. A response without `content-type` is accepted; an HTML page
   * never is.
   * @default any type but HTML
   */
  readonly contentTypes?: readonly string[] | undefined;
}

/** What a browser shows, never what an API answers: a login, challenge or error page. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * The media type of a `content-type` value: `text/html; charset=utf-8` → `text/html`.
 *
 * @param contentType - the header's value, `''` when absent.
 * @returns the lower-case type and subtype.
 * @example
 * ```ts
 * mediaType('Text/Event-Stream; charset=utf-8'); // 'text/event-stream'
 * ```
 * @internal
 */
export function mediaType(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}

/**
 * Why a response whose status is under 300 is not a reply, or `undefined` when it is one.
 *
 * Only 200–203 carry a reply; 204, 205 and 206 (and a 304 or 1xx that reached here) do not.
 * Of the content types, HTML is always refused, a missing one always accepted, any other
 * checked against `accept.contentTypes` when given.
 *
 * @param status - the response status.
 * @param contentType - its `content-type`, `''` when absent.
 * @param accept - what the request accepts.
 * @returns the reason it is not a reply, or `undefined`.
 * @example
 * ```ts
 * unexpectedReply(200, 'text/html', {}); // 'content-type'
 * unexpectedReply(204, '', {}); // 'status'
 * ```
 * @internal
 */
export function unexpectedReply(
  status: number,
  contentType: string,
  accept: AcceptedReply | undefined,
): UnexpectedResponseReason | undefined {
  if (status < 200 || status > 203) return 'status';
  const type = mediaType(contentType);
  if (type === '') return undefined;
  if (PAGE_TYPES.has(type)) return 'content-type';
  const accepted = accept?.contentTypes;
  if (accepted !== undefined && !accepted.some((wanted) => mediaType(wanted) === type)) {
    return 'content-type';
  }
  return undefined;
}
