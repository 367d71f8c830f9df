import type { LoopbackServer } from '../../lib/testing/index.js';

/** A valid `/v1/chat/completions` body, with fields replaced by `overrides`. */
export function completionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'gpt-4',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello, world!' },
    ],
    stream: true,
    ...overrides,
  };
}

/** POSTs a body (JSON unless it is a string) to `/v1/chat/completions` with `fetch`. */
export function postCompletions(
  server: LoopbackServer,
  body: unknown = completionBody(),
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The `data` of each event of an SSE text (LF framing, one `data:` line per event). */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => block.replace(/^data: /u, ''));
}

/** A `chat.completion.chunk` as the tests read it. */
export interface Chunk {
  readonly id: string;
  readonly object: string;
  readonly created: number;
  readonly model: string;
  readonly choices: readonly {
    readonly index: number;
    readonly delta: { readonly role?: string; readonly content?: string };
    readonly finish_reason: string | null;
  }[];
  readonly usage?: {
    readonly prompt_tokens: number;
    readonly completion_tokens: number;
    readonly total_tokens: number;
  } | null;
}

/** The JSON chunks of an SSE text, `[DONE]` left out. */
export function sseChunks(text: string): Chunk[] {
  return sseData(text)
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Chunk);
}

/** The content of a stream's chunks, joined. */
export function streamedContent(chunks: readonly Chunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}
