import type { AxiosInstance } from 'axios';

/** The default bound on how much of an error response's body is read: 8 KiB. */
export const DEFAULT_ERROR_BODY_LIMIT = 8 * 1024;

/**
 * A request described as data, as providers describe theirs: `requestBytes` sends it.
 *
 * Providers never touch axios directly (STYLE.md): they build one of these.
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
  readonly body?: Uint8Array;
  /**
   * The axios instance to send it with (its adapter decides between Node's `http` and `fetch`).
   * @default the default axios instance
   */
  readonly axios?: AxiosInstance | undefined;
  /**
   * How many bytes of an error response's body are read into `HttpStatusError.bodyExcerpt`
   * before the request is aborted.
   * @default 8192
   */
  readonly errorBodyLimit?: number | undefined;
}
