import { AIVVM_MODELS } from '../providers/aivvm/aivvm-models.js';
import type { ReplySource } from './reply/reply-script.js';
import type { ProviderForwardTarget } from './forward/forward-through-provider.js';

/**
 * An OpenAI-compatible upstream for `/api/chat` to forward to, instead of the server's own
 * `/v1`.
 *
 * @example
 * ```ts
 * const server = await startLoopbackServer({ upstream: { baseURL: 'http://127.0.0.1:11434/v1' } });
 * ```
 */
export interface OpenAIUpstream {
  /** The API root, ending in `/v1` as in the official SDK; the forward posts to `${baseURL}/chat/completions`. */
  readonly baseURL: string;
  /** Sent as `authorization: Bearer <apiKey>` (unless the Aivvm body carries a `key`). */
  readonly apiKey?: string;
  /** Extra headers for every forwarded request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Where `/api/chat` forwards: an OpenAI-compatible API root (`{ baseURL, apiKey?, headers? }`),
 * or any provider of this package (`{ provider, model? }`: Anthropic, Gemini, Ollama…), whose
 * text is streamed back as chatbot-ui's plain text.
 *
 * @example
 * ```ts
 * await startLoopbackServer({ upstream: { provider: new OpenAICompatible({ baseURL }), model: 'llama3.2' } });
 * ```
 */
export type LoopbackUpstream = OpenAIUpstream | ProviderForwardTarget;

/**
 * The model ids `GET /v1/models` lists by default: the Aivvm ones (`AIVVM_MODELS`), then
 * `gpt-4o-mini` and `llama3.2`.
 */
export const DEFAULT_LOOPBACK_MODELS: readonly string[] = [
  ...Object.keys(AIVVM_MODELS),
  'gpt-4o-mini',
  'llama3.2',
];

/**
 * How {@link startLoopbackServer} starts the server; every field is optional.
 *
 * @example
 * ```ts
 * const server = await startLoopbackServer({ delayMs: 0, apiKey: 'sk-test', reply: { chunkSize: 1 } });
 * ```
 */
export interface LoopbackServerOptions {
  /** The interface to bind. @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** The port; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** What to answer when no script is queued. @defaultValue the route's default reply */
  readonly reply?: ReplySource;
  /** Milliseconds between two writes of a reply (tests usually pass 0). @defaultValue 15 */
  readonly delayMs?: number;
  /**
   * Milliseconds an idle connection stays open, after a response or before its first request.
   * The default is advertised as `Keep-Alive: timeout=0`, which makes Node's agent and undici
   * (`fetch`) close the connection after each response, so `openConnections` counts the
   * requests in flight; 2000 or more lets clients reuse connections. Responses never say
   * `connection: close`, because undici would take a cut chunked body for a complete one.
   * @defaultValue 500
   */
  readonly keepAliveTimeoutMs?: number;
  /**
   * The key `/v1/*` requires as `authorization: Bearer <apiKey>`; other requests are answered
   * 401 in OpenAI's error shape (`invalid_api_key`). `/api/chat` is never guarded, and sends
   * this key when it forwards to the server's own `/v1`.
   * @defaultValue none: `/v1/*` is open
   * @example 'sk-loopback'
   */
  readonly apiKey?: string;
  /**
   * The model ids `GET /v1/models` lists (`/v1/chat/completions` accepts any model).
   * @defaultValue {@link DEFAULT_LOOPBACK_MODELS}
   * @example ['llama3.2']
   */
  readonly models?: readonly string[];
  /**
   * Where `/api/chat` forwards a conversation when no script answers it, as chatbot-ui's
   * `pages/api/chat.ts` forwarded to OpenAI.
   * @defaultValue the server's own `${url}/v1`, with its `apiKey`
   * @example { baseURL: 'http://127.0.0.1:11434/v1' }, or { provider: new Anthropic() }
   */
  readonly upstream?: LoopbackUpstream;
}

const isToken = (value: string): boolean => /^[\x21-\x7e]+$/u.test(value);

/**
 * Checks the OpenAI-related options at once, so a mistake fails where the server is started.
 *
 * @param options - the options given.
 * @throws TypeError for an `apiKey` that is empty or not printable ASCII without spaces, a
 *   model id that is not a non-empty string, an upstream `baseURL` that is not an http(s) URL,
 *   an upstream `provider` without `createCompletion`.
 * @example
 * ```ts
 * assertOpenAIOptions({ apiKey: '' }); // throws: apiKey must be printable ASCII without spaces
 * ```
 */
export function assertOpenAIOptions(options: LoopbackServerOptions): void {
  const { apiKey, models } = options;
  if (apiKey !== undefined && !isToken(apiKey)) {
    throw new TypeError('apiKey must be printable ASCII without spaces');
  }
  for (const id of models ?? []) {
    if (typeof id !== 'string' || id === '')
      throw new TypeError('models must be non-empty strings');
  }
  const { upstream } = options;
  if (upstream === undefined) return;
  if ('provider' in upstream) {
    if (typeof upstream.provider.createCompletion !== 'function') {
      throw new TypeError('upstream.provider must be a provider (with createCompletion)');
    }
    return;
  }
  if (upstream.apiKey !== undefined && !isToken(upstream.apiKey)) {
    throw new TypeError('upstream.apiKey must be printable ASCII without spaces');
  }
  const protocol = URL.canParse(upstream.baseURL) ? new URL(upstream.baseURL).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new TypeError(`upstream.baseURL must be an http(s) URL, got "${upstream.baseURL}"`);
  }
}
