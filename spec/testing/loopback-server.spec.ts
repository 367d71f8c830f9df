import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { chatBody, postChat, rawPost, readChunks } from './http-client.js';

let server: LoopbackServer;

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});

afterEach(async () => {
  await server.close();
});

describe('startLoopbackServer', () => {
  it('listens on 127.0.0.1 on a free port and says where', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('rejects when the port is taken', async () => {
    await expect(startLoopbackServer({ port: server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });

  it('refuses a negative or infinite delay or keep-alive timeout', async () => {
    await expect(startLoopbackServer({ delayMs: -1 })).rejects.toThrow('delayMs must be ≥ 0');
    await expect(startLoopbackServer({ keepAliveTimeoutMs: Infinity })).rejects.toThrow(
      'keepAliveTimeoutMs must be ≥ 0',
    );
  });

  it('refuses an invalid reply option at once', async () => {
    await expect(startLoopbackServer({ reply: { chunkSize: 0 } })).rejects.toThrow(
      /chunkSize must be an integer/,
    );
  });
});

describe('the default reply', () => {
  it('streams markdown about the last user message as plain text, in several chunks', async () => {
    const slow = await startLoopbackServer({ delayMs: 2 });
    try {
      const messages = [
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: 'How do Observables work?' },
      ];
      const response = await postChat(slow, chatBody({ messages, temperature: 0.9 }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const { chunks, text, error } = await readChunks(response);
      expect(error).toBeUndefined();
      expect(chunks.length).toBeGreaterThan(10);
      expect(text).toMatch(/^## About "How do Observables work\?"\n\nYou asked: "How do/);
      expect(text).toContain('- **Model:** GPT-4 (`gpt-4`)\n');
      expect(text).toContain('- **Temperature:** 0.9\n');
      expect(text).toContain('- **Conversation:** 3 messages, 2 from you\n');
    } finally {
      await slow.close();
    }
  });

  it('is deterministic', async () => {
    const body = chatBody({ messages: [{ role: 'user', content: 'Привет, мир 👋' }] });
    const first = await (await postChat(server, body)).text();
    const second = await (await postChat(server, body)).text();
    expect(second).toBe(first);
    expect(first).toContain('You asked: "Привет, мир 👋".');
  });

  it('greets a conversation without a user message', async () => {
    const response = await postChat(server, chatBody({ messages: [] }));
    expect(await response.text()).toMatch(/^## Hello\n\nThere is no user message/);
  });
});

describe('recording', () => {
  it('keeps method, path with query, headers, raw header case and order, and raw body bytes', async () => {
    const body = JSON.stringify(chatBody({ messages: [{ role: 'user', content: 'Ёж 🦔' }] }));
    const before = Date.now();
    await rawPost(server, {
      path: '/api/chat?trace=1',
      headers: {
        'Content-Type': 'application/json',
        'Sec-Ch-Ua-Mobile': '?0',
        referrer: 'https://chat.aivvm.com/',
        'Content-Length': String(Buffer.byteLength(body)),
      },
      body,
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/chat?trace=1' });
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'sec-ch-ua-mobile': '?0',
      referrer: 'https://chat.aivvm.com/',
      'content-length': String(Buffer.byteLength(body)),
    });
    const names = request!.rawHeaders.map(([name]) => name);
    expect(names.filter((name) => name !== 'Host' && name !== 'Connection')).toEqual([
      'Content-Type',
      'Sec-Ch-Ua-Mobile',
      'referrer',
      'Content-Length',
    ]);
    expect(request!.body).toEqual(new Uint8Array(Buffer.from(body)));
    expect(request!.text()).toBe(body);
    expect(request!.json()).toEqual(JSON.parse(body));
    expect(request!.receivedAt).toBeGreaterThanOrEqual(before);
    expect(request!.receivedAt).toBeLessThanOrEqual(Date.now());
    expect(await request!.closed).toBe('completed');
    expect(request!.closedEarly).toBe(false);
  });

  it('joins repeated headers and records every request, even refused ones', async () => {
    await rawPost(server, { method: 'GET', path: '/nope', headers: { 'X-Tag': ['a', 'b'] } });
    await postChat(server, '{');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /nope',
      'POST /api/chat',
    ]);
    expect(server.requests[0]!.headers['x-tag']).toBe('a, b');
    expect(server.requests[0]!.rawHeaders.filter(([name]) => name === 'X-Tag')).toEqual([
      ['X-Tag', 'a'],
      ['X-Tag', 'b'],
    ]);
    server.clearRequests();
    expect(server.requests).toEqual([]);
  });

  it('waits for requests and times out with a reason', async () => {
    const waiting = server.waitForRequests(2);
    await postChat(server);
    await postChat(server);
    expect(await waiting).toHaveLength(2);
    await expect(server.waitForRequests(3, { timeoutMs: 20 })).rejects.toThrow(
      'Timed out after 20 ms waiting for 3 request(s)',
    );
  });
});

describe('validation (400, reason in the status text, nothing scripted consumed)', () => {
  it.each([
    ['not JSON', '{', /^Invalid JSON body: /],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /^Invalid JSON body: /],
    ['an array', '[]', /the body must be a JSON object/],
    ['no model', JSON.stringify(chatBody({ model: 'gpt-4' })), /model must be an object/],
    ['no messages', JSON.stringify(chatBody({ messages: null })), /messages must be an array/],
    [
      'an unknown role',
      JSON.stringify(chatBody({ messages: [{ role: 'bot', content: 'x' }] })),
      /messages\[0\]\.role must be/,
    ],
    ['a key that is no string', JSON.stringify(chatBody({ key: null })), /key must be a string/],
    [
      'a missing prompt',
      JSON.stringify(chatBody({ prompt: undefined })),
      /prompt must be a string/,
    ],
    [
      'a temperature out of range',
      JSON.stringify(chatBody({ temperature: 3 })),
      /temperature must be a number from 0 to 2/,
    ],
  ])('refuses %s', async (_case, body, reason) => {
    server.enqueue({ text: 'scripted' });
    const response = await postChat(server, body);
    expect(response.status).toBe(400);
    expect(response.statusText).toMatch(reason);
    expect(await response.text()).toMatch(reason);
    expect(server.queuedScripts).toBe(1);
  });
});

describe('routing and CORS', () => {
  it('answers a preflight for /api/chat with the SPEC §1 headers allowed', async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4200',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,sec-ch-ua,referrer',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'content-type',
        'accept',
        'accept-language',
        'sec-ch-ua',
        'referrer',
      ]),
    );
  });

  it('lets any origin read replies', async () => {
    const response = await postChat(server);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const missing = await fetch(`${server.url}/v1/unknown`, { method: 'POST', body: '{}' });
    expect([missing.status, await missing.text()]).toEqual([404, 'Not Found']);
    const wrong = await fetch(`${server.url}/api/chat?x=1`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('close()', () => {
  it('resolves, is idempotent, and refuses connections afterwards', async () => {
    const url = server.url;
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${url}/api/chat`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('cuts a stalled response: the client sees an error and the request is server-closed', async () => {
    server.enqueue({ text: 'never finished', stall: { afterBytes: 5 } });
    const response = await postChat(server);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('never');
    await server.close();
    await expect(reader.read()).rejects.toThrow();
    expect(await server.requests[0]!.closed).toBe('server-closed');
    expect(server.openConnections).toBe(0);
  });
});
