import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import type { CompletionOptions } from '../provider.js';

/** OpenAI's own API root, the default `baseURL`. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * How an {@link OpenAICompatible} provider is set up.
 *
 * @example
 * ```ts
 * const ollama = new OpenAICompatible({ baseURL: 'http://127.0.0.1:11434/v1', name: 'ollama' });
 * ```
 */
export interface OpenAICompatibleConfig {
  /**
   * The API root, ending in `/v1`: requests go to `${baseURL}/chat/completions`.
   * @default 'https://api.openai.com/v1' (with `OPENAI_API_KEY`, as the official SDK)
   */
  readonly baseURL?: string;
  /**
   * The API key, sent as `authorization: Bearer <key>`; never printed, never in an error.
   * `''` sends no key.
   * @default process.env.OPENAI_API_KEY when `baseURL` is on `https://api.openai.com` (where
   * there is a `process`); no key for any other server
   */
  readonly apiKey?: string;
  /** Extra request headers (a proxy's, an organisation's). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The axios instance to send requests with.
   * @default the default axios instance
   */
  readonly axios?: AxiosInstanceLike;
  /**
   * The models it serves: when given, any other is a `ModelNotSupportedError`.
   * @default any model name is accepted
   */
  readonly models?: readonly string[];
  /**
   * Its name, in errors and the registry.
   * @default 'OpenAICompatible'
   */
  readonly name?: string;
  /**
   * Whether automatic selection may pick it.
   * @default true
   */
  readonly working?: boolean;
  /**
   * The most characters one SSE line or event may hold before the stream errors
   * (`StreamError` of kind `event-too-large`).
   * @default 1048576
   */
  readonly maxEventSize?: number;
  /**
   * Origins (`https://host:port`) a redirect may lead to besides `baseURL`'s own; credential
   * headers (`authorization`...) never cross an origin, even to one named here. Other
   * cross-origin redirects, and `https:` to `http:`, error with `RedirectError`.
   * @default [] (only same-origin redirects are followed)
   */
  readonly allowedRedirectOrigins?: readonly string[];
  /**
   * The most bytes (decompressed) of a body read whole — `stream: false` and `listModels()` —
   * before the request is aborted with `ResponseTooLargeError`.
   * @default 16777216 (16 MiB)
   */
  readonly maxResponseBytes?: number;
}

/**
 * Options of `OpenAICompatible#createCompletion` and `#createCompletionEvents`.
 *
 * @example
 * ```ts
 * provider.createCompletion('gpt-4o-mini', messages, true, {
 *   systemMessage: 'Answer in one sentence.',
 *   temperature: 0.2,
 *   maxTokens: 200,
 *   body: { seed: 7 },
 * });
 * ```
 */
export interface OpenAICompletionOptions extends CompletionOptions {
  /** `max_tokens`: the longest reply, in tokens. */
  readonly maxTokens?: number;
  /** `stop`: where the model stops. */
  readonly stop?: string | readonly string[];
  /**
   * Ask for token usage at the end of a stream (`stream_options.include_usage`).
   * @default true
   */
  readonly includeUsage?: boolean;
  /**
   * Extra body fields, passed through as they are (`seed`, `top_p`, `response_format`...); the
   * named options win over the same field here, and `model`, `messages`, `stream` (set by the
   * arguments) are refused, as is what JSON cannot encode (a BigInt, a cycle, NaN): an
   * `InvalidRequestError` on subscribe. They count towards `maxInputBytes`.
   */
  readonly body?: Readonly<Record<string, unknown>>;
}
