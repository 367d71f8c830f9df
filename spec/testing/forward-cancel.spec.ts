import { request as httpRequest } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';

import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
} from '../../lib/testing/index.js';
import { chatBody, postChat } from './http-client.js';

const servers: LoopbackServer[] = [];

async function start(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const server = await startLoopbackServer(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * Posts to `/api/chat` with `node:http` (no agent, so no spare connection lingers), and
 * destroys the request on the first chunk; resolves with that chunk.
 */
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

describe('a client that goes away mid-stream', () => {
  it('closes the forward to another upstream: both servers go idle', async () => {
    const upstream = await start({ delayMs: 10 });
    const forwarding = await start({ delayMs: 10, upstream: { baseURL: `${upstream.url}/v1` } });
    expect(await abortAfterFirstChunk(forwarding)).toBe('## ');
    expect(await forwarding.requests[0]!.closed).toBe('client-closed');
    expect(await upstream.requests[0]!.closed).toBe('client-closed');
    await upstream.waitForIdle();
    await forwarding.waitForIdle();
    expect(upstream.requests[0]!.path).toBe('/v1/chat/completions');
  });

  it('closes the forward to its own /v1 too', async () => {
    const server = await start({ delayMs: 10 });
    await abortAfterFirstChunk(server);
    expect(await server.requests[0]!.closed).toBe('client-closed');
    expect(await server.forwardedRequests[0]!.closed).toBe('client-closed');
    await server.waitForIdle();
  });

  it('closes a forward whose upstream stalls before any content', async () => {
    const upstream = await start({ delayMs: 0 });
    upstream.enqueue({ stall: 'after-headers' });
    const forwarding = await start({ delayMs: 0, upstream: { baseURL: `${upstream.url}/v1` } });
    const controller = new AbortController();
    const response = await postChat(forwarding, chatBody(), { signal: controller.signal });
    expect(response.status).toBe(200); // the headers go out once the upstream answered 200
    await upstream.waitForRequests(1);
    controller.abort();
    expect(await upstream.requests[0]!.closed).toBe('client-closed');
    await upstream.waitForIdle();
    await forwarding.waitForIdle();
  });

  it('closes a forward still waiting for the upstream headers', async () => {
    const upstream = await start({ delayMs: 0 });
    upstream.enqueue({ stall: 'before-headers' });
    const forwarding = await start({ delayMs: 0, upstream: { baseURL: `${upstream.url}/v1` } });
    const controller = new AbortController();
    const pending = postChat(forwarding, chatBody(), { signal: controller.signal });
    await upstream.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await upstream.requests[0]!.closed).toBe('client-closed');
    expect(await forwarding.requests[0]!.closed).toBe('client-closed');
    await upstream.waitForIdle();
    await forwarding.waitForIdle();
  });
});
