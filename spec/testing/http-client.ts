import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

import type { LoopbackServer } from '../../lib/testing/index.js';

/** A valid Aivvm body (SPEC §1 item 2), with fields replaced by `overrides`. */
export function chatBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: { id: 'gpt-4', name: 'GPT-4' },
    messages: [{ role: 'user', content: 'Hello, world!' }],
    key: '',
    prompt: 'You are ChatGPT, a large language model trained by OpenAI.',
    temperature: 0.7,
    ...overrides,
  };
}

/** POSTs a body (JSON unless it is a string or bytes) to `/api/chat` with `fetch`. */
export function postChat(
  server: LoopbackServer,
  body: unknown = chatBody(),
  init: RequestInit = {},
): Promise<Response> {
  const payload =
    typeof body === 'string'
      ? body
      : body instanceof Uint8Array
        ? new Uint8Array(body)
        : JSON.stringify(body);
  return fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
    ...init,
  });
}

/** What a client received: the status, each `data` chunk as it came, and the error if any. */
export interface RawExchange {
  readonly status: number;
  readonly statusMessage: string;
  readonly headers: IncomingHttpHeaders;
  readonly chunks: readonly Uint8Array[];
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly error: (Error & { code?: string }) | undefined;
  readonly headersAt: number;
  readonly chunkTimes: readonly number[];
}

/** Options of {@link rawPost}. */
export interface RawPostOptions {
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string | Uint8Array;
}

/**
 * Sends one request with `node:http` (no agent, header names as given) and collects the
 * response chunk by chunk until it ends or fails; resolves either way, never rejects after the
 * headers came.
 */
export function rawPost(
  server: LoopbackServer,
  options: RawPostOptions = {},
): Promise<RawExchange> {
  const {
    path = '/api/chat',
    method = 'POST',
    headers = {},
    body = JSON.stringify(chatBody()),
  } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(`${server.url}${path}`, { method, headers, agent: false });
    request.on('error', reject);
    request.on('response', (response) => {
      const headersAt = performance.now() - started;
      const chunks: Uint8Array[] = [];
      const chunkTimes: number[] = [];
      let error: (Error & { code?: string }) | undefined;
      request.removeListener('error', reject);
      request.on('error', (failure: Error) => (error ??= failure));
      response.on('data', (chunk: Buffer) => {
        chunks.push(new Uint8Array(chunk));
        chunkTimes.push(performance.now() - started);
      });
      response.on('error', (failure: Error) => (error ??= failure));
      response.on('close', () => {
        const bytes = new Uint8Array(Buffer.concat(chunks));
        resolve({
          status: response.statusCode ?? 0,
          statusMessage: response.statusMessage ?? '',
          headers: response.headers,
          chunks,
          bytes,
          text: new TextDecoder().decode(bytes),
          error: error ?? (response.complete ? undefined : new Error('response incomplete')),
          headersAt,
          chunkTimes,
        });
      });
    });
    request.end(body);
  });
}

/** Reads a fetch body to the end or to its error, keeping every chunk. */
export async function readChunks(
  response: Response,
): Promise<{ chunks: Uint8Array[]; text: string; error: unknown }> {
  const chunks: Uint8Array[] = [];
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    return { chunks, text: new TextDecoder().decode(Buffer.concat(chunks)), error: undefined };
  } catch (error: unknown) {
    return { chunks, text: new TextDecoder().decode(Buffer.concat(chunks)), error };
  }
}
