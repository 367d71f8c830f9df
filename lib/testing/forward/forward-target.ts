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
