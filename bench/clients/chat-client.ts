/** The peers: `openai` 6 and 7, `ai` 6 and 7 (with `@ai-sdk/openai-compatible` 2 and 3). */
export type PeerName = 'openai-6' | 'openai-7' | 'ai-6' | 'ai-7';

/**
 * The names of the clients that stream chat completions (OpenAI's `/v1` protocol). A peer
 * with `-break` cancels by leaving its `for await` loop rather than aborting.
 */
export type ChatClientName = 'bare-http' | 'axios-sse' | 'ours' | PeerName | `${PeerName}-break`;

/** The names of the clients that read the Aivvm plain-text body. */
export type BodyClientName =
  'bare-http' | 'bare-http-text' | 'bare-http-latin1' | 'axios' | 'ours-aivvm';

/** One way of streaming OpenAI chat completions from a `/v1` root. */
export interface ChatClient {
  /**
   * Streams one whole completion, calling `onText` with each content delta.
   *
   * @returns a promise that settles when the stream has ended.
   */
  complete(onText: (text: string) => void): Promise<void>;
  /**
   * Starts a completion and cancels it the way the client's users do, at the first delta.
   *
   * @returns when (`process.hrtime.bigint()`) it cancelled.
   */
  cancelAtFirstChunk(): Promise<bigint>;
}

/** One way of reading the Aivvm plain-text body of `{root}/api/chat`. */
export interface BodyClient {
  /**
   * Reads the whole body.
   *
   * @returns its length: bytes, or UTF-16 code units for a client that decodes text.
   */
  read(): Promise<number>;
}

/** The conversation every client sends. */
export const BENCH_MESSAGES = [{ role: 'user', content: 'Tell me about the fox.' }] as const;

/** The model every client asks for. */
export const BENCH_MODEL = 'bench-model';
