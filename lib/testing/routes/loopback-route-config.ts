/**
 * Where `/api/chat` forwards a conversation: an OpenAI-compatible API root (ending in `/v1`),
 * the key it takes and any extra request headers.
 *
 * @example
 * ```ts
 * const ollama: ForwardTarget = { baseURL: 'http://127.0.0.1:11434/v1', apiKey: undefined, headers: {} };
 * ```
 */
export interface ForwardTarget {
  /** The API root; the forward posts to `${baseURL}/chat/completions`. */
  readonly baseURL: string;
  /** Sent as `authorization: Bearer <apiKey>` when set. */
  readonly apiKey: string | undefined;
  /** Extra request headers. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What the loopback server's routes know about their server, normalised once when it starts.
 *
 * @example
 * ```ts
 * const routes = createLoopbackRoutes({ apiKey: undefined, models: ['gpt-4'], upstream: () => target });
 * ```
 */
export interface LoopbackRouteConfig {
  /** The key `/v1/*` requires, if any. */
  readonly apiKey: string | undefined;
  /** The model ids `GET /v1/models` lists. */
  readonly models: readonly string[];
  /** Where `/api/chat` forwards; asked per request (the server's own URL is known late). */
  readonly upstream: () => ForwardTarget;
}
