import { request as httpRequest } from 'node:http';
import { lastValueFrom, tap, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
  type LoopbackUpstream,
} from '../../lib/testing/index.js';
import { chatBody } from './http-client.js';

const servers: LoopbackServer[] = [];

async function start(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const server = await startLoopbackServer({ keepAliveTimeoutMs: 50, ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Posts to `/api/chat` and destroys the request on its first chunk; resolves with that chunk. */
function abortAfterFirstChunk(server: LoopbackServer): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}/api/chat`, { method: 'POST', agent: false });
    request.on('error', reject);
    request.on('response', (response) => {
      response.once('data', (chunk: Buffer) => {
        request.off('error', reject).on('error', () => undefined);
        request.destroy();
        resolve(chunk.toString());
      });
    });
    request.end(JSON.stringify(chatBody()));
  });
}

describe('/api/chat forwarding through a provider of this package', () => {
  it("streams the provider's text back as chatbot-ui's plain text, system prompt first", async () => {
    const upstream = await start({ delayMs: 0 });
    upstream.enqueue({ path: '/v1/chat/completions', text: 'Hello from the provider' });
    const provider = new OpenAICompatible({ baseURL: `${upstream.url}/v1`, apiKey: 'k' });
    const forwarding = await start({ delayMs: 0, upstream: { provider, model: 'llama3.2' } });
    const chunks = await lastValueFrom(
      Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
        baseURL: forwarding.url,
        systemMessage: 'Be brief.',
        temperature: 0.3,
      }).pipe(toArray()),
    );
    expect(chunks.join('')).toBe('Hello from the provider');
    const sent = upstream.requests[0]?.json() as Record<string, unknown>;
    expect(sent).toMatchObject({
      model: 'llama3.2',
      temperature: 0.3,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('answers a failure before the first chunk with a 500 naming it', async () => {
    const upstream = await start({ delayMs: 0 });
    upstream.enqueue({ path: '/v1/chat/completions', status: 401 });
    const provider = new OpenAICompatible({ baseURL: `${upstream.url}/v1`, apiKey: 'k' });
    const forwarding = await start({ delayMs: 0, upstream: { provider } });
    const error: unknown = await lastValueFrom(
      Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
        baseURL: forwarding.url,
      }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 500 });
    expect((error as { statusText: string }).statusText).toMatch(/401/);
  });

  it('cuts the response when the provider fails mid-stream', async () => {
    const upstream = await start({ delayMs: 0 });
    upstream.enqueue({
      path: '/v1/chat/completions',
      text: 'one two three',
      streamError: { afterChunks: 2, message: 'Overloaded' },
    });
    const provider = new OpenAICompatible({ baseURL: `${upstream.url}/v1`, apiKey: 'k' });
    const forwarding = await start({ delayMs: 0, upstream: { provider } });
    const seen: string[] = [];
    const error: unknown = await lastValueFrom(
      Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
        baseURL: forwarding.url,
      }).pipe(tap((chunk) => seen.push(chunk))),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'NETWORK' });
    // Every chunk the provider gave before its failure reached the client first.
    expect(seen.join('')).toBe('one two ');
    expect(await forwarding.requests[0]!.closed).toBe('truncated');
  });

  it("aborts the provider's request when the client goes away", async () => {
    const upstream = await start({ delayMs: 10 });
    const provider = new OpenAICompatible({ baseURL: `${upstream.url}/v1`, apiKey: 'k' });
    const forwarding = await start({ delayMs: 10, upstream: { provider } });
    expect(await abortAfterFirstChunk(forwarding)).not.toBe('');
    expect(await forwarding.requests[0]!.closed).toBe('client-closed');
    expect(await upstream.requests[0]!.closed).toBe('client-closed');
  });

  it('refuses an upstream provider without createCompletion when the server starts', async () => {
    const bad = { provider: {} } as unknown as LoopbackUpstream;
    await expect(startLoopbackServer({ upstream: bad })).rejects.toThrow(/upstream.provider/);
  });
});
