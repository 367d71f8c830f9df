import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import type { CompletionOptions } from '../provider.js';

/** Google's Gemini API root, the default `baseURL`. */
export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

/**
 * How a {@link Gemini} provider is set up.
 *
 * @example
 * ```ts
 * const gemini = new Gemini({ apiKey: process.env.MY_GEMINI_KEY });
 * ```
 */
export interface GeminiConfig {
  /**
   * The API root, with its version: requests go to
   * `${baseURL}/models/{model}:streamGenerateContent?alt=sse` (or `:generateContent`).
   * @default 'https://generativelanguage.googleapis.com/v1beta'
   */
  readonly baseURL?: string;
  /**
   * The API key, sent in the `x-goog-api-key` header (never in the URL); never printed, never
   * in an error. `''` sends no key.
   * @default process.env.GEMINI_API_KEY when `baseURL` is on
   *   `https://generativelanguage.googleapis.com` (where there is a `process`); no key for any
   *   other server
   */
  readonly apiKey?: string;
  /** Extra request headers (a proxy's). */
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
   * @default 'Gemini'
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
   * Origins (`https://host:port`) a redirect may lead to besides `baseURL`'s own; the key
   * header never crosses an origin.
   * @default [] (only same-origin redirects are followed)
   */
  readonly allowedRedirectOrigins?: readonly string[];
  /**
   * The most bytes (decompressed) of a `stream: false` reply before the request is aborted
   * with `ResponseTooLargeError`.
   * @default 16777216 (16 MiB)
   */
  readonly maxResponseBytes?: number;
}

/**
 * The model's thinking, as `generationConfig.thinkingConfig` asks for it: its summaries
 * stream as `reasoning-delta` events.
 *
 * @example
 * ```ts
 * const thinking: GeminiThinking = { budget: 1024 };
 * ```
 */
export interface GeminiThinking {
  /**
   * `thinkingBudget`: the most tokens to think with; `0` turns thinking off (where the model
   * allows it), `-1` lets the model decide.
   * @default the model's
   */
  readonly budget?: number;
}

/**
 * Options of `Gemini#createCompletion` and `#createCompletionEvents`.
 *
 * @example
 * ```ts
 * gemini.createCompletionEvents('gemini-2.5-flash', messages, true, {
 *   systemMessage: 'Answer in one sentence.',
 *   maxTokens: 200,
 *   thinking: { budget: 512 },
 * });
 * ```
 */
export interface GeminiCompletionOptions extends CompletionOptions {
  /** `generationConfig.maxOutputTokens`: the longest reply, in tokens. */
  readonly maxTokens?: number;
  /** `generationConfig.stopSequences`: where the model stops. */
  readonly stop?: string | readonly string[];
  /**
   * Ask for the model's thoughts (`thinkingConfig.includeThoughts`), streamed as
   * `reasoning-delta` events.
   * @default not asked for
   */
  readonly thinking?: GeminiThinking;
  /**
   * Extra top-level body fields, passed through as they are (`safetySettings`,
   * `cachedContent`...); the fields the options set win over the same field here. They count
   * towards `maxInputBytes`.
   */
  readonly body?: Readonly<Record<string, unknown>>;
}
