import { Agent, request as httpRequest } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { chatBody, postChat } from './http-client.js';

let server: LoopbackServer;

afterEach(async () => {
  await server.close();
});

/** Starts a POST with node:http (as axios does) and destroys it after `chunks` data events. */
function abortAfterChunks(target: LoopbackServer, chunks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${target.url}/api/chat`, { method: 'POST', agent: false });
    let seen = 0;
    request.on('error', reject);
    request.on('response', (response) => {
      request.off('error', reject);
      request.on('error', () => undefined);
      response.on('error', () => undefined);
      response.on('data', () => {
        seen += 1;
        if (seen === chunks) request.destroy();
      });
      response.on('close', () => {
        resolve(seen);
      });
    });
    request.end(JSON.stringify(chatBody()));
  });
}

describe('connections', () => {
  it('counts a connection while it streams and sees it close after the client aborts', async () => {
    server = await startLoopbackServer({ delayMs: 5 });
    expect(await abortAfterChunks(server, 3)).toBe(3);
    const [request] = server.requests;
    expect(await request!.closed).toBe('client-closed');
    expect(request!.closedEarly).toBe(true);
    // The forward to its own /v1 is the second connection, aborted with the first.
    expect(await server.forwardedRequests[0]!.closed).toBe('client-closed');
    await server.waitForIdle({ timeoutMs: 1000 });
    expect([server.openConnections, server.totalConnections]).toEqual([0, 2]);
  });

  it('sees a fetch abort too, mid-stream', async () => {
    server = await startLoopbackServer({ delayMs: 5 });
    const controller = new AbortController();
    const response = await postChat(server, chatBody(), { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    expect(server.openConnections).toBe(2); // the client's and the forward to /v1
    controller.abort();
    expect(await server.requests[0]!.closed).toBe('client-closed');
    await server.waitForIdle({ timeoutMs: 1000 });
  });

  it('closes after a completed response, as clients do not reuse a timeout=0 connection', async () => {
    server = await startLoopbackServer({ delayMs: 0 });
    const response = await postChat(server);
    expect(response.headers.get('keep-alive')).toBe('timeout=0');
    await response.text();
    expect(await server.requests[0]!.closed).toBe('completed');
    await server.waitForIdle();
    await (await postChat(server)).text();
    expect(server.totalConnections).toBe(4); // each request and its forward to /v1
  });

  it('lets a keep-alive agent reuse a connection when keepAliveTimeoutMs is long enough', async () => {
    server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 5000 });
    const agent = new Agent({ keepAlive: true });
    try {
      for (let i = 0; i < 2; i += 1) {
        await new Promise<void>((resolve, reject) => {
          const request = httpRequest(`${server.url}/api/chat`, { method: 'POST', agent });
          request.on('error', reject);
          request.on('response', (response) => {
            response.resume();
            response.on('end', resolve);
          });
          request.end(JSON.stringify(chatBody()));
        });
      }
      expect(server.totalConnections).toBe(3); // one reused + a fresh one per forward to /v1
    } finally {
      agent.destroy();
    }
    await server.waitForIdle();
  });

  it('rejects waitForIdle on timeout while a response is stalled', async () => {
    server = await startLoopbackServer({ delayMs: 0 });
    server.enqueue({ stall: 'after-headers' });
    const controller = new AbortController();
    await postChat(server, chatBody(), { signal: controller.signal });
    await expect(server.waitForIdle({ timeoutMs: 30 })).rejects.toThrow(
      'Timed out after 30 ms waiting for every connection to close',
    );
    controller.abort();
    await server.waitForIdle();
  });

  it('survives clients that abort at every point of a reply', async () => {
    server = await startLoopbackServer({ delayMs: 1 });
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) => abortAfterChunks(server, i + 1)),
    );
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await server.waitForIdle();
    expect(server.requests.every((request) => request.outcome === 'client-closed')).toBe(true);
    expect(await (await postChat(server)).text()).toContain('## About');
  });
});
