import type { ReplyEnd } from './reply-end.js';
import type { AxiosInstanceLike } from './axios-instance-like.js';
import type { AcceptedReply } from './response-acceptance.js';

/** The default bound on a body read whole (`stream: false`, `listModels()`): 16 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The default bound on how much of an error response's body is read: 8 KiB. */
export const DEFAULT_ERROR_BODY_LIMIT = 8 * 1024;

/**
 * A request described as data, as providers describe theirs: `requestBytes` sends it.
 *
 * Providers never touch axios directly: they build one of these.
 */
export interface ByteRequest {
  /** The provider's name, for error messages. */
  readonly provider: string;
  /** The HTTP method. */
  readonly method: 'GET' | 'POST';
  /** The absolute URL. */
  readonly url: string;
  /** The request headers, exactly as they are to be sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body, already encoded. */
  readonly body?: Uint8Array | undefined;
  /**
   * The axios instance to send it with (its adapter decides between Node's `http` and `fetch`).
   * @default the default axios instance
   */
  readonly axios?: AxiosInstanceLike | undefined;
  /**
   * How many bytes of an error response's body are read into `HttpStatusError.bodyExcerpt`
   * before the request is aborted.
   * @default 8192
   */
  readonly errorBodyLimit?: number | undefined;
  /**
   * What the reply may be: its media types. A response of another type (and an HTML page,
   * always) errors with `UnexpectedResponseError` instead of being emitted.
   * @default any type but HTML
   */
  readonly accept?: AcceptedReply | undefined;
  /**
   * Origins (`https://host:port`) a redirect may lead to besides the request's own. Credential
   * headers (`authorization`, `x-api-key`, `api-key`, `cookie`...) are dropped when a
   * redirect crosses an origin, even to one named here.
   * @default [] (only same-origin redirects are followed)
   */
  readonly allowedRedirectOrigins?: readonly string[] | undefined;
  /**
   * The most body bytes (after decompression) emitted before the request is aborted with
   * `ResponseTooLargeError`. Providers set it for bodies they read whole.
   * @default no bound
   */
  readonly maxResponseBytes?: number | undefined;
  /**
   * Set by the reader when the reply's end marker arrives before the body's end: unsubscribing
   * after it lets the connection go back to the keep-alive pool instead of closing it.
   * @default none (unsubscribing before the body's end always aborts)
   */
  readonly replyEnd?: ReplyEnd | undefined;
}
