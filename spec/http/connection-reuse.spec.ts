import { once } from 'node:events';
import {
  createServer,
  globalAgent,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../lib/errors/network-error.js';
import { RELEASE_MAX_BYTES, RELEASE_MAX_MS } from '../../lib/http/release-body.js';
import { requestBytes } from '../../lib/http/request-bytes.js';
import { Anthropic } from '../../lib/providers/anthropic/anthropic.js';
import { Ollama } from '../../lib/providers/ollama/ollama.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect } from '../support/collect.js';

type Handler = (request: IncomingMessage, response: ServerResponse, ordinal: number) => void;

const messages = [{ role: 'user', content: 'Hi' }] as const;
const delta = (text: string) =>
  `data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`;
const DONE = 'data: [DONE]\n\n';

/**
 * A keep-alive server (Node's default 5 s idle timeout, announced in `Keep-Alive: timeout=5`,
 * so Node's agent keeps its connections) that counts connections and requests.
 */
let server: Server;
let url = '';
let handler: Handler = (_request, response) => response.writeHead(404).end();
let requests = 0;
const connections: Socket[] = [];
const closedAt = new Map<Socket, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      requests += 1;
      handler(request, response, requests);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections.push(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => closedAt.set(socket, performance.now()));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});

beforeEach(() => {
  // Each test starts without pooled connections: the server closes the idle ones.
  server.closeIdleConnections();
  connections.length = 0;
  requests = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

const openai = () => new OpenAICompatible({ baseURL: `${url}/v1`, apiKey: 'sk-test-0123456789' });

async function closeOf(socket: Socket | undefined): Promise<number> {
  if (socket === undefined) throw new Error('no connection');
  if (!closedAt.has(socket)) await once(socket, 'close');
  return closedAt.get(socket) ?? NaN;
}

describe('a reply that ends before its body: the connection goes back to the pool', () => {
  it('reuses one connection for completions whose [DONE] and body end come in one write', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(delta('Hi') + DONE);
    };
    for (let index = 0; index < 3; index++) {
      expect(await collect(openai().createCompletion('m', messages, true))).toEqual({
        values: ['Hi'],
        completed: true,
      });
    }
    expect(requests).toBe(3);
    expect(connections).toHaveLength(1);
  });

  it('reuses it when the body ends a while after [DONE], without holding the completion up', async () => {
    let completedBeforeEnd = false;
    let ended = 0;
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(delta('Hi') + DONE);
      setTimeout(() => {
        ended += 1;
        response.end();
      }, 40);
    };
    for (let index = 0; index < 2; index++) {
      // axios's http adapter uses Node's global agent: it says when a connection is pooled.
      const pooled = once(globalAgent, 'free');
      const result = await collect(openai().createCompletion('m', messages, true));
      completedBeforeEnd = ended === index;
      expect(result).toEqual({ values: ['Hi'], completed: true });
      await pooled;
    }
    expect(completedBeforeEnd).toBe(true);
    expect(connections).toHaveLength(1);
  });

  it("reuses it after Anthropic's message_stop and Ollama's done: true", async () => {
    const anthropicBody = [
      'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":1}}}\n\n',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":1}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ].join('');
    const ollamaBody =
      '{"message":{"role":"assistant","content":"Hi"},"done":false}\n' +
      '{"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}\n';
    handler = (request, response) => {
      const anthropic = request.url?.endsWith('/v1/messages') === true;
      response.writeHead(200, {
        'content-type': anthropic ? 'text/event-stream' : 'application/x-ndjson',
      });
      response.write(anthropic ? anthropicBody : ollamaBody);
      setTimeout(() => response.end(), 20);
    };
    const anthropic = new Anthropic({ baseURL: url, apiKey: 'sk-ant-test-0123456789' });
    const ollama = new Ollama({ baseURL: url });
    for (let index = 0; index < 2; index++) {
      const completions = [
        anthropic.createCompletion('m', messages, true),
        ollama.createCompletion('m', messages, true),
      ];
      for (const completion$ of completions) {
        const pooled = once(globalAgent, 'free');
        expect((await collect(completion$)).values).toEqual(['Hi']);
        await pooled;
      }
    }
    expect(requests).toBe(4);
    expect(connections).toHaveLength(1);
  });

  it(`closes the connection of a body that stays open after [DONE], after ${RELEASE_MAX_MS} ms`, async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(delta('Hi') + DONE); // and never ends
    };
    const result = await collect(openai().createCompletion('m', messages, true));
    const completedAt = performance.now();
    expect(result).toEqual({ values: ['Hi'], completed: true });
    const closed = await closeOf(connections[0]);
    expect(closed - completedAt).toBeGreaterThanOrEqual(RELEASE_MAX_MS - 50);
    expect(closed - completedAt).toBeLessThan(RELEASE_MAX_MS + 2000);
  });

  it(`closes it once more than ${RELEASE_MAX_BYTES / 1024} KiB follow [DONE], without waiting`, async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(delta('Hi') + DONE);
      response.write(`: ${'x'.repeat(RELEASE_MAX_BYTES + 1024)}\n\n`); // and never ends
    };
    const result = await collect(openai().createCompletion('m', messages, true));
    const completedAt = performance.now();
    expect(result).toEqual({ values: ['Hi'], completed: true });
    const closed = await closeOf(connections[0]);
    expect(closed - completedAt).toBeLessThan(RELEASE_MAX_MS - 100);
  });

  it('closes it at once when the subscriber leaves before [DONE] (a cancelled completion)', async () => {
    let responses = 0;
    handler = (_request, response) => {
      responses += 1;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(delta('Hi')); // a reply still going on
      const timer = setInterval(() => response.write(delta('.')), 20);
      response.once('close', () => {
        clearInterval(timer);
      });
    };
    const values = await lastValueFrom(
      openai().createCompletion('m', messages, true).pipe(take(1), toArray()),
    );
    const leftAt = performance.now();
    expect(values).toEqual(['Hi']);
    const closed = await closeOf(connections[0]);
    expect(closed - leftAt).toBeLessThan(RELEASE_MAX_MS / 2);
    expect(responses).toBe(1);
  });
});

describe('the keep-alive race: a pooled connection the server closed as it was reused', () => {
  const get = () =>
    lastValueFrom(
      requestBytes({ provider: 'Test', method: 'POST', url: `${url}/x`, headers: {} }).pipe(
        toArray(),
      ),
    );
  const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString();

  it.each([
    ['reset (RST)', (socket: Socket) => socket.resetAndDestroy()],
    ['closed (FIN)', (socket: Socket) => socket.destroy()],
  ])(
    'sends the request once more on a new connection when the reused one is %s before any response',
    async (_, cut) => {
      handler = (request, response, ordinal) => {
        if (ordinal === 2) {
          cut(request.socket);
          return;
        }
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(`reply ${ordinal}`);
      };
      expect(text(await get())).toBe('reply 1');
      expect(text(await get())).toBe('reply 3');
      expect(requests).toBe(3);
      expect(connections).toHaveLength(2);
    },
  );

  it('sends it once more only: a second failure is a NetworkError', async () => {
    handler = (request, response, ordinal) => {
      if (ordinal >= 2) {
        request.socket.resetAndDestroy();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('reply');
    };
    await get();
    const failure = await get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(requests).toBe(3);
  });

  it('does not send again what failed on a new connection', async () => {
    handler = (request) => {
      request.socket.resetAndDestroy();
    };
    const failure = await get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(requests).toBe(1);
    expect(connections).toHaveLength(1);
  });

  it('does not send again after the response has begun: the bytes, then a NetworkError', async () => {
    handler = (request, response, ordinal) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      if (ordinal === 1) {
        response.end('reply');
        return;
      }
      response.write('part');
      setTimeout(() => request.socket.resetAndDestroy(), 10);
    };
    await get();
    const seen: string[] = [];
    const failure = await new Promise((resolve) => {
      requestBytes({ provider: 'Test', method: 'POST', url: `${url}/x`, headers: {} }).subscribe({
        next: (chunk) => seen.push(Buffer.from(chunk).toString()),
        error: resolve,
        complete: () => {
          resolve(undefined);
        },
      });
    });
    expect(seen.join('')).toBe('part');
    expect(failure).toBeInstanceOf(NetworkError);
    expect(requests).toBe(2);
  });

  it('a completion goes through it: the reply arrives, and the server answered two of three', async () => {
    handler = (request, response, ordinal) => {
      if (ordinal === 2) {
        request.socket.resetAndDestroy();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(delta(`reply ${ordinal}`) + DONE);
    };
    const provider = openai();
    expect((await collect(provider.createCompletion('m', messages, true))).values).toEqual([
      'reply 1',
    ]);
    expect((await collect(provider.createCompletion('m', messages, true))).values).toEqual([
      'reply 3',
    ]);
  });
});
