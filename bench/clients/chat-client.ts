/** The names of the clients that stream chat completions (OpenAI's `/v1` protocol). */
export type ChatClientName = 'bare-http' | 'ours' | 'openai' | 'ai';

/** The names of the clients that read the Aivvm plain-text body. */
export type BodyClientName = 'bare-http' | 'bare-http-text' | 'axios' | 'ours-aivvm';

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
