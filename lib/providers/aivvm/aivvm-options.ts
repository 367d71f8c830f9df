import type { AxiosInstance } from 'axios';
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
  readonly axios?: AxiosInstance;
}
