import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import type { CompletionOptions } from '../provider.js';

/** Anthropic's own API root, the default `baseURL`. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/**
 * The `anthropic-version` sent by default: the Messages API version whose request and stream
 * shapes this provider maps (it accepts `temperature`; version `2026-10-21` removed it).
 */
export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * The `max_tokens` sent when the `maxTokens` option is not given: the Messages API requires
 * the field, and this is the bound the official documentation's examples use most.
 */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/**
 * How an {@link Anthropic} provider is set up.
 *
 * @example
 * ```ts
 * const claude = new Anthropic({ apiKey: 'sk-ant-…', models: ['claude-sonnet-4-5'] });
 * ```
 */
export interface AnthropicConfig {
  /**
   * The API root, without `/v1`: requests go to `${baseURL}/v1/messages`.
   * @default 'https://api.anthropic.com' (with `ANTHROPIC_API_KEY`, as the official SDK)
   */
  readonly baseURL?: string;
  /**
   * The API key, sent as `x-api-key`; never printed, never in an error. `''` sends no key.
   * @default process.env.ANTHROPIC_API_KEY when `baseURL` is on `https://api.anthropic.com`
   * (where there is a `process`); no key for any other server
   */
  readonly apiKey?: string;
  /**
   * The `anthropic-version` header. With `2026-10-21` or later, the `temperature` option is
   * refused (that version removed the sampling parameters).
   * @default '2023-06-01'
   */
  readonly version?: string;
  /** Extra request headers (`anthropic-beta`, a proxy's). */
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
   * @default 'Anthropic'
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
   * headers (`x-api-key`...) never cross an origin.
   * @default [] (only same-origin redirects are followed)
   */
  readonly allowedRedirectOrigins?: readonly string[];
  /**
   * The most bytes (decompressed) of a body read whole (`stream: false`) before the request
   * is aborted with `ResponseTooLargeError`.
   * @default 16777216 (16 MiB)
   */
  readonly maxResponseBytes?: number;
}

/** Extended thinking: the model reasons first, within a budget of tokens. */
export interface AnthropicThinking {
  /**
   * The most tokens the reasoning may take (`thinking.budget_tokens`; the API asks for at
   * least 1024 and less than `maxTokens`).
   */
  readonly budgetTokens: number;
}

/**
 * Options of `Anthropic#createCompletion` and `#createCompletionEvents`.
 *
 * @example
 * ```ts
 * claude.createCompletionEvents('claude-sonnet-4-5', messages, true, {
 *   maxTokens: 8000,
 *   thinking: { budgetTokens: 2048 },
 *   stop: ['\n\nHuman:'],
 * });
 * ```
 */
export interface AnthropicCompletionOptions extends CompletionOptions {
  /**
   * `max_tokens`: the longest reply, in tokens (the API requires one).
   * @default 4096
   */
  readonly maxTokens?: number;
  /** `stop_sequences`: where the model stops. */
  readonly stop?: string | readonly string[];
  /** Extended thinking (`thinking: { type: 'enabled', budget_tokens }`). */
  readonly thinking?: AnthropicThinking;
  /**
   * Extra body fields, passed through as they are (`top_k`, `metadata`...); the named options
   * win over the same field here, and `model`, `messages`, `stream` are refused.
   */
  readonly body?: Readonly<Record<string, unknown>>;
}
