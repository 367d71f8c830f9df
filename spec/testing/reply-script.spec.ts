import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { chatBody, postChat, rawPost } from './http-client.js';

let server: LoopbackServer;

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});

afterEach(async () => {
  await server.close();
});

const decode = (chunks: readonly Uint8Array[]): string[] =>
  chunks.map((chunk) => Buffer.from(chunk).toString('latin1'));

describe('scripted status, headers and content', () => {
  it('sends the status, status text and headers, with the status text as body', async () => {
    server.enqueue({ status: 429, statusText: 'Slow down', headers: { 'Retry-After': '1' } });
    const response = await postChat(server);
    expect([response.status, response.statusText]).toEqual([429, 'Slow down']);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.text()).toBe('Slow down');
  });

  it('replaces the content type when a script sets one', async () => {
    server.enqueue({ headers: { 'Content-Type': 'text/event-stream' }, text: 'data: x\n\n' });
    const response = await postChat(server);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
  });

  it('keeps a status text printable', async () => {
    server.enqueue({ status: 503, statusText: 'Überlastet\r\nX-Injected: 1' });
    const response = await postChat(server);
    expect(response.statusText).toBe('?berlastet  X-Injected: 1');
    expect(response.headers.get('x-injected')).toBeNull();
  });

  it('sends text as UTF-8 and raw bytes as they are', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0x5c, 0x78, 0xd0]);
    server.enqueue({ text: 'Привет 👋' }, { body: bytes });
    expect(await (await postChat(server)).text()).toBe('Привет 👋');
    expect(new Uint8Array(await (await postChat(server)).arrayBuffer())).toEqual(bytes);
  });

  it('answers chatbot-ui style on an upstream error: 500, the reason as status text, body Error', async () => {
    server.enqueue({ upstreamError: 'The model is overloaded', text: 'ignored' });
    const response = await postChat(server);
    expect([response.status, response.statusText]).toEqual([500, 'The model is overloaded']);
    expect(await response.text()).toBe('Error');
  });
});

describe('scripted writes and timing', () => {
  it('makes each of `chunks` its own write', async () => {
    const chunks = ['Hel', new Uint8Array([0xd0]), new Uint8Array([0x9f]), 'lo'];
    server.enqueue({ chunks, delayMs: 20 });
    const exchange = await rawPost(server);
    expect(decode(exchange.chunks)).toEqual(['Hel', '\xd0', '\x9f', 'lo']);
    expect(exchange.text).toBe('HelПlo');
  });

  it('splits text into writes of `chunkSize` bytes, even inside a character', async () => {
    server.enqueue({ text: 'abcПd', chunkSize: 4, delayMs: 20 });
    const exchange = await rawPost(server);
    expect(exchange.chunks.map((chunk) => [...chunk])).toEqual([
      [0x61, 0x62, 0x63, 0xd0],
      [0x9f, 0x64],
    ]);
  });

  it('splits the default reply by `chunkSize` too', async () => {
    server.enqueue({ chunkSize: 7 });
    const scripted = await rawPost(server);
    const plain = await rawPost(server);
    expect(scripted.text).toBe(plain.text);
    expect(scripted.chunks.every((chunk) => chunk.length <= 7)).toBe(true);
  });

  it('waits `delayMs` between writes', async () => {
    server.enqueue({ chunks: ['a', 'b', 'c'], delayMs: 60 });
    const { chunkTimes } = await rawPost(server);
    expect(chunkTimes).toHaveLength(3);
    expect(chunkTimes[2]! - chunkTimes[0]!).toBeGreaterThanOrEqual(110);
  });

  it('waits `headersDelayMs` before the status line', async () => {
    server.enqueue({ headersDelayMs: 80, text: 'late' });
    const { headersAt, text } = await rawPost(server);
    expect(headersAt).toBeGreaterThanOrEqual(75);
    expect(text).toBe('late');
  });
});

describe('scripted faults', () => {
  it('resets the connection after N bytes: the client gets all N, then an error', async () => {
    server.enqueue({ text: 'Привет, мир', chunkSize: 3, resetAfterBytes: 7 });
    const exchange = await rawPost(server);
    expect(exchange.status).toBe(200);
    expect([...exchange.bytes]).toEqual([...Buffer.from('Привет, мир').subarray(0, 7)]);
    expect(exchange.error?.code).toBe('ECONNRESET');
    expect(await server.requests[0]!.closed).toBe('reset');
  });

  it('resets before any body byte when N is 0', async () => {
    server.enqueue({ resetAfterBytes: 0 });
    const exchange = await rawPost(server);
    expect([exchange.status, exchange.bytes.length]).toEqual([200, 0]);
    expect(exchange.error).toBeDefined();
  });

  it('truncates a chunked body after N bytes: no terminating chunk, the client sees an error', async () => {
    server.enqueue({ text: 'hello world', truncate: { afterBytes: 5 } });
    const exchange = await rawPost(server);
    expect(exchange.headers['transfer-encoding']).toBe('chunked');
    expect(exchange.text).toBe('hello');
    expect(exchange.error).toBeDefined();
    expect(await server.requests[0]!.closed).toBe('truncated');
  });

  it('truncates after the last byte when N is past the end', async () => {
    server.enqueue({ text: 'short', truncate: { afterBytes: 1000 } });
    const response = await postChat(server);
    await expect(response.text()).rejects.toThrow();
  });

  it('stalls before the headers until the client gives up', async () => {
    server.enqueue({ stall: 'before-headers' });
    const controller = new AbortController();
    const stalled = postChat(server, chatBody(), { signal: controller.signal });
    const [request] = await server.waitForRequests(1);
    expect(await (await postChat(server)).text()).toContain('## About');
    expect(request!.outcome).toBe('pending');
    controller.abort();
    await expect(stalled).rejects.toThrow();
    expect(await request!.closed).toBe('client-closed');
    expect(request!.closedEarly).toBe(true);
  });

  it('stalls after the headers', async () => {
    server.enqueue({ stall: 'after-headers' });
    const controller = new AbortController();
    const response = await postChat(server, chatBody(), { signal: controller.signal });
    expect(response.status).toBe(200);
    const reading = response.text();
    expect(await (await postChat(server)).text()).toContain('## About');
    expect(server.requests[0]!.outcome).toBe('pending');
    controller.abort();
    await expect(reading).rejects.toThrow();
    expect(await server.requests[0]!.closed).toBe('client-closed');
  });

  it('stalls after N bytes', async () => {
    server.enqueue({ text: 'abcdef', stall: { afterBytes: 4 } });
    const controller = new AbortController();
    const response = await postChat(server, chatBody(), { signal: controller.signal });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('abcd');
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await server.waitForIdle();
  });
});

describe('where scripts come from', () => {
  it('answers queued scripts in order, then the default', async () => {
    server.enqueue({ text: 'one' }, { text: 'two' });
    expect(server.queuedScripts).toBe(2);
    const texts = [];
    for (let i = 0; i < 3; i += 1) texts.push(await (await postChat(server)).text());
    expect(texts.slice(0, 2)).toEqual(['one', 'two']);
    expect(texts[2]).toMatch(/^## About/);
    expect(server.queuedScripts).toBe(0);
  });

  it('asks the reply function per request once the queue is empty', async () => {
    const scripted = await startLoopbackServer({
      delayMs: 0,
      reply: (request) => (request.text().includes('fail') ? { upstreamError: 'Boom' } : undefined),
    });
    try {
      scripted.enqueue({ text: 'queued' });
      const failing = chatBody({ messages: [{ role: 'user', content: 'please fail' }] });
      expect(await (await postChat(scripted, failing)).text()).toBe('queued');
      expect((await postChat(scripted, failing)).statusText).toBe('Boom');
      expect((await postChat(scripted)).status).toBe(200);
    } finally {
      await scripted.close();
    }
  });

  it('uses a static reply for every request', async () => {
    const scripted = await startLoopbackServer({ delayMs: 0, reply: { text: 'always' } });
    try {
      expect(await (await postChat(scripted)).text()).toBe('always');
      expect(await (await postChat(scripted)).text()).toBe('always');
    } finally {
      await scripted.close();
    }
  });

  it.each([
    [{ status: 99 }, /status must be an integer from 100 to 999/],
    [{ text: 'a', body: new Uint8Array(1) }, /at most one of text, body and chunks/],
    [{ chunks: ['a'], chunkSize: 1 }, /do not combine them with chunkSize/],
    [{ delayMs: -1 }, /delayMs must be ≥ 0/],
    [{ headersDelayMs: Number.NaN }, /headersDelayMs must be ≥ 0/],
    [{ resetAfterBytes: 1, stall: 'after-headers' as const }, /at most one of resetAfterBytes/],
    [{ truncate: { afterBytes: 1.5 } }, /byte count must be an integer ≥ 0/],
  ])('refuses to queue an invalid script %j', (script, reason) => {
    expect(() => {
      server.enqueue({ text: 'fine' }, script);
    }).toThrow(reason);
    expect(server.queuedScripts).toBe(0);
  });

  it('answers 500 when the reply function throws or returns an invalid script', async () => {
    const replies = [{ chunkSize: -1 }];
    const scripted = await startLoopbackServer({
      delayMs: 0,
      reply: () => {
        const next = replies.shift();
        if (next === undefined) throw new Error('script bug');
        return next;
      },
    });
    try {
      const invalid = await postChat(scripted);
      expect([invalid.status, await invalid.text()]).toEqual([
        500,
        'Invalid ReplyScript: chunkSize must be an integer ≥ 1, got -1',
      ]);
      const thrown = await postChat(scripted);
      expect([thrown.status, thrown.statusText]).toEqual([500, 'script bug']);
    } finally {
      await scripted.close();
    }
  });
});
