/**
 * The two kinds of host a completion is served from, each as a real server on 127.0.0.1 with a
 * real client (`fetch`): a Node response (`node:http`, which Express and Fastify build on) and a
 * web `Response` handed to a host that streams its body (as Hono's Node adapter, Deno, Bun and
 * workers do). Upstream is the loopback server, so "the completion was aborted" is what that
 * server saw: its request closed by the client.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pipeToNodeResponse } from '../../lib/interop/pipe-to-node-response.js';
import type { ResponseOptions } from '../../lib/interop/response-format.js';
import { toResponse } from '../../lib/interop/to-response.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const loopback = useLoopbackServer();
let host: Server | undefined;

afterEach(async () => {
  const closing = host;
  host = undefined;
  if (!closing) return;
  closing.closeAllConnections();
  await new Promise<void>((resolve) => {
    closing.close(() => {
      resolve();
    });
  });
});

function completion$() {
  const provider = new OpenAICompatible({
    baseURL: `${loopback().url}/v1`,
    apiKey: 'sk-unused-here',
  });
  return provider.createCompletion('gpt-4o-mini', [{ role: 'user', content: 'Hi' }], true);
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Serves a web `Response` the way Node adapters of fetch-style frameworks do. */
function serveWebResponse(make: () => Response): Handler {
  return (_request, response) => {
    const web = make();
    response.writeHead(web.status, Object.fromEntries(web.headers));
    const reader = web.body?.getReader();
    response.once('close', () => void reader?.cancel().catch(() => undefined));
    const pump = async (): Promise<void> => {
      for (let reads = 0; reads < 100_000 && reader; reads++) {
        const { done, value } = await reader.read();
        if (done) break;
        response.write(value);
      }
      response.end();
    };
    // An errored body cuts the response off after what was written, as such hosts do.
    pump().catch(() => response.socket?.end());
  };
}

async function listen(handler: Handler): Promise<string> {
  host = createServer(handler);
  await new Promise<void>((resolve) => host?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
}

const hosts: [string, (options: ResponseOptions) => Handler][] = [
  [
    'a Node response (pipeToNodeResponse)',
    (options) => (_req, res) => void pipeToNodeResponse(completion$(), res, options),
  ],
  [
    'a web Response (toResponse)',
    (options) => serveWebResponse(() => toResponse(completion$(), options)),
  ],
];

describe.each(hosts)('served as %s', (_name, handlerFor) => {
  it('streams the text with a text/plain content type', async () => {
    loopback().enqueue({ path: '/v1/chat/completions', text: 'Привет, мир 😀', chunkSize: 3 });
    const url = await listen(handlerFor({}));
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Привет, мир 😀');
  });

  it('streams SSE events that end in [DONE]', async () => {
    loopback().enqueue({ path: '/v1/chat/completions', text: 'a\nb c', chunkSize: 2 });
    const url = await listen(handlerFor({ format: 'sse', headers: { 'x-extra': '1' } }));
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-extra')).toBe('1');
    const frames = (await response.text()).split('\n\n').filter(Boolean);
    expect(frames.at(-1)).toBe('data: [DONE]');
    const text = frames
      .slice(0, -1)
      .map((frame) => JSON.parse(frame.replace(/^data: /, '')) as string)
      .join('');
    expect(text).toBe('a\nb c');
  });

  it('sends an SSE error event with the code and message, and no [DONE]', async () => {
    loopback().enqueue({ path: '/v1/chat/completions', status: 503, statusText: 'Busy' });
    const url = await listen(handlerFor({ format: 'sse' }));
    const body = await (await fetch(url)).text();
    expect(body).toMatch(/^event: error\ndata: \{"code":"HTTP_STATUS","message":".*503.*"\}\n\n$/);
  });

  it('cuts a text body off when the completion fails mid-stream, after the text before it', async () => {
    loopback().enqueue({
      path: '/v1/chat/completions',
      streamError: { afterChunks: 1, message: 'Overloaded' },
    });
    const url = await listen(handlerFor({}));
    const response = await fetch(url);
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const error: unknown = await (async () => {
      for (let reads = 0; reads < 1000 && reader; reads++) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += decoder.decode(value, { stream: true });
      }
      return undefined;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(text.length).toBeGreaterThan(0);
  });

  it('aborts the completion when the client goes away mid-stream', async () => {
    loopback().enqueue({
      path: '/v1/chat/completions',
      text: 'one two three four five six seven eight nine ten',
      chunkSize: 64,
      delayMs: 20,
    });
    const url = await listen(handlerFor({}));
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    const [upstream] = await loopback().waitForRequests(1);
    expect(await upstream?.closed).toBe('client-closed');
  });
});
