import type { AxiosInstanceLike } from '../../http/axios-instance-like.js';
import type { CompletionOptions } from '../provider.js';

/** A local Ollama server's address, the default `baseURL` (as the official `ollama` client's). */
export const OLLAMA_BASE_URL = 'http://127.0.0.1:11434';

/**
 * How an {@link Ollama} provider is set up.
 *
 * @example
 * ```ts
 * const ollama = new Ollama({ baseURL: 'http://gpu-box:11434', models: ['llama3.2'] });
 * ```
 */
export interface OllamaConfig {
  /**
   * The server's root: requests go to `${baseURL}/api/chat`.
   * @default 'http://127.0.0.1:11434'
   */
  readonly baseURL?: string;
  /**
   * A key for Ollama's cloud or a proxy in front of Ollama, sent as
   * `authorization: Bearer <key>`; never printed, never in an error. `''` sends no key.
   * @default process.env.OLLAMA_API_KEY when `baseURL` is on `https://ollama.com` (where there
   *   is a `process`), as the official client reads it; no key for any other server
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
   * @default 'Ollama'
   */
  readonly name?: string;
  /**
   * Whether automatic selection may pick it.
   * @default true
   */
  readonly working?: boolean;
  /**
   * The most characters one line of the NDJSON stream may hold before the stream errors
   * (`StreamError` of kind `event-too-large`).
   * @default 1048576
   */
  readonly maxLineSize?: number;
  /**
   * Origins (`https://host:port`) a redirect may lead to besides `baseURL`'s own; credential
   * headers never cross an origin, even to one named here.
   * @default [] (only same-origin redirects are followed)
   */
  readonly allowedRedirectOrigins?: readonly string[];
  /**
   * The most bytes (decompressed) of a body read whole (`stream: false`) before the request is
   * aborted with `ResponseTooLargeError`.
   * @default 16777216 (16 MiB)
   */
  readonly maxResponseBytes?: number;
}

/**
 * Options of `Ollama#createCompletion` and `#createCompletionEvents`.
 *
 * `toolChoice`: Ollama has no such field. `'auto'` (its behaviour) is accepted, `'none'` leaves
 * the tools out of the request; `'required'` and a named tool are an `InvalidRequestError`.
 * Image parts must be `data:` URLs: Ollama takes the image's bytes (base64), not a link.
 *
 * @example
 * ```ts
 * ollama.createCompletionEvents('qwen3', messages, true, { think: true, maxTokens: 200 });
 * ```
 */
export interface OllamaCompletionOptions extends CompletionOptions {
  /** `options.num_predict`: the longest reply, in tokens. */
  readonly maxTokens?: number;
  /** `options.stop`: where the model stops. */
  readonly stop?: string | readonly string[];
  /**
   * `think`: whether a reasoning model thinks first (its thinking arrives as
   * `reasoning-delta` events); `'high'`, `'medium'`, `'low'` set the effort of models that
   * take one.
   * @default the server's
   */
  readonly think?: boolean | 'high' | 'medium' | 'low';
  /**
   * `keep_alive`: how long the model stays loaded after the request (`'5m'`, seconds, `0`).
   * @default the server's (five minutes)
   */
  readonly keepAlive?: string | number;
  /**
   * Extra body fields, passed through as they are (`options: { seed: 7, num_ctx: 8192 }`,
   * `logprobs`...); the named options win over the same field here (within `options` too).
   * They count towards `maxInputBytes`.
   */
  readonly body?: Readonly<Record<string, unknown>>;
}
