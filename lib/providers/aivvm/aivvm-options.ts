import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import type { CompletionOptions } from '../provider.js';

/**
 * Options of `Aivvm.createCompletion`.
 *
 * @example
 * ```ts
 * Aivvm.createCompletion('gpt-4', messages, true, {
 *   systemMessage: 'You are a translator',
 *   temperature: 0.9,
 *   baseURL: server.url,
 * });
 * ```
 */
export interface AivvmOptions extends CompletionOptions {
  /**
   * Where the chatbot-ui server runs; requests go to `${baseURL}/api/chat`.
   * @default 'https://chat.aivvm.com'
   */
  readonly baseURL?: string;
  /**
   * The axios instance to send the request with (for proxies, interceptors, or the `fetch`
   * adapter).
   * @default the default axios instance
   */
  readonly axios?: AxiosInstanceLike;
  /**
   * Origins (`https://host:port`) a redirect may lead to besides `baseURL`'s own; credential
   * headers never cross an origin, even to one named here. Other cross-origin redirects, and
   * `https:` to `http:`, error with `RedirectError`.
   * @default [] (only same-origin redirects are followed)
   */
  readonly allowedRedirectOrigins?: readonly string[];
  /**
   * With `stream: false`, the most reply bytes (decompressed) read before the request is
   * aborted with `ResponseTooLargeError`.
   * @default 16777216 (16 MiB)
   */
  readonly maxResponseBytes?: number;
}
