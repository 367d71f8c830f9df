import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { chatBody, postChat, rawPost } from './http-client.js';
import { completionBody, postCompletions, sseChunks, streamedContent } from './openai-client.js';

let server: LoopbackServer;
let upstream: LoopbackServer | undefined;

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});

afterEach(async () => {
  await server.close();
  await upstream?.close();
  upstream = undefined;
});

const messages = [
  { role: 'user', content: 'First question' },
  { role: 'assistant', content: 'First answer' },
  { role: 'user', content: 'Второй вопрос 🦔' },
];
const body = chatBody({ messages, prompt: 'You are a translator', temperature: 0.9 });
const asOpenAI = completionBody({
  messages: [{ role: 'system', content: 'You are a translator' }, ...messages],
  temperature: 0.9,
});

describe('/api/chat forwards to its own /v1 by default (SPEC §2)', () => {
  it('streams back as plain text exactly the content /v1 streams', async () => {
    const response = await postChat(server, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    const direct = streamedContent(
      sseChunks(await (await postCompletions(server, asOpenAI)).text()),
    );
    expect(text).toBe(direct);
    expect(text).toContain('- **Model:** GPT-4 (`gpt-4`)\n- **Temperature:** 0.9\n');
    expect(text).toContain('- **Conversation:** 3 messages, 2 from you\n');
  });

  it('records the forward apart, system prompt first, model.id, temperature, stream: true', async () => {
    await (await postChat(server, body)).text();
    expect(server.requests.map((request) => request.path)).toEqual(['/api/chat']);
    const [forward] = server.forwardedRequests;
    expect(forward?.path).toBe('/v1/chat/completions');
    expect(forward?.headers['content-type']).toBe('application/json');
    expect(forward?.json()).toEqual({
      model: 'gpt-4',
      messages: [{ role: 'system', content: 'You are a translator' }, ...messages],
      temperature: 0.9,
      stream: true,
    });
    expect(await forward?.closed).toBe('completed');
  });

  it('lets a script targeted at /v1 shape the forwarded stream', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'Hola, mundo 👋', chunkSize: 5 });
    expect(await (await postChat(server)).text()).toBe('Hola, mundo 👋');
  });

  it('answers an upstream error status with 500 and its message as status text', async () => {
    server.enqueue({
      path: '/v1/chat/completions',
      status: 429,
      statusText: 'Rate limit reached for gpt-4',
    });
    const response = await postChat(server);
    expect([response.status, response.statusText]).toEqual([500, 'Rate limit reached for gpt-4']);
    expect(await response.text()).toBe('Error');
  });

  it('names the status when the upstream error is not OpenAI JSON', async () => {
    server.enqueue({ path: '/v1/chat/completions', status: 502, text: '<html>' });
    const response = await postChat(server);
    expect([response.status, response.statusText]).toEqual([
      500,
      'OpenAI API returned an error: 502 Bad Gateway',
    ]);
  });

  it.each([
    ['an error event', { streamError: { afterChunks: 2, message: 'Overloaded' } }],
    [
      'an event that is not JSON',
      { chunks: ['data: {"choices":[{"delta":{"content":"Hi "}}]}\n\n', 'data: {oops\n\n'] },
    ],
    ['a stream cut before [DONE]', { text: 'one two three', truncate: { afterBytes: 400 } }],
    [
      'a stream that ends before [DONE] without a finish',
      { chunks: ['data: {"choices":[{"delta":{"content":"Hi "}}]}\n\n'] },
    ],
  ])('destroys the plain-text response after %s (headers are out)', async (_case, script) => {
    server.enqueue({ path: '/v1/chat/completions', ...script });
    const exchange = await rawPost(server);
    expect(exchange.status).toBe(200);
    expect(exchange.error).toBeDefined();
    expect(await server.requests[0]!.closed).toBe('truncated');
  });

  it('completes when the upstream ends after a finish chunk without [DONE]', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'Done soon', omitDone: true });
    const exchange = await rawPost(server);
    expect([exchange.error, exchange.text]).toEqual([undefined, 'Done soon']);
  });
});

describe('/api/chat forwards to another upstream', () => {
  it('uses the upstream option and its apiKey', async () => {
    upstream = await startLoopbackServer({ delayMs: 0, apiKey: 'sk-upstream' });
    const forwarding = await startLoopbackServer({
      delayMs: 0,
      upstream: {
        baseURL: `${upstream.url}/v1/`,
        apiKey: 'sk-upstream',
        headers: { 'x-trace': 'abc' },
      },
    });
    try {
      const text = await (await postChat(forwarding, body)).text();
      expect(text).toBe(
        streamedContent(
          sseChunks(
            await (
              await postCompletions(upstream, asOpenAI, { authorization: 'Bearer sk-upstream' })
            ).text(),
          ),
        ),
      );
      expect(forwarding.forwardedRequests).toEqual([]);
      const [forward] = upstream.requests;
      expect(forward?.path).toBe('/v1/chat/completions');
      expect(forward?.headers).toMatchObject({
        authorization: 'Bearer sk-upstream',
        'x-trace': 'abc',
      });
    } finally {
      await forwarding.close();
    }
  });

  it('answers 500 with the upstream message when the key is wrong, without echoing a key', async () => {
    upstream = await startLoopbackServer({ delayMs: 0, apiKey: 'sk-upstream' });
    const forwarding = await startLoopbackServer({
      delayMs: 0,
      upstream: { baseURL: `${upstream.url}/v1`, apiKey: 'sk-wrong' },
    });
    try {
      const response = await postChat(forwarding);
      expect([response.status, response.statusText]).toEqual([500, 'Incorrect API key provided.']);
    } finally {
      await forwarding.close();
    }
  });

  it('sends the body key instead, as chatbot-ui forwarded the user key', async () => {
    upstream = await startLoopbackServer({ delayMs: 0, apiKey: 'sk-user' });
    const forwarding = await startLoopbackServer({
      delayMs: 0,
      upstream: { baseURL: `${upstream.url}/v1` },
    });
    try {
      expect((await postChat(forwarding, chatBody({ key: 'sk-user' }))).status).toBe(200);
    } finally {
      await forwarding.close();
    }
  });

  it('answers 500 with the reason when the upstream cannot be reached', async () => {
    upstream = await startLoopbackServer();
    const gone = upstream.url;
    await upstream.close();
    const forwarding = await startLoopbackServer({ upstream: { baseURL: `${gone}/v1` } });
    try {
      const response = await postChat(forwarding);
      expect(response.status).toBe(500);
      expect(response.statusText).toMatch(
        /^Upstream request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
      );
    } finally {
      await forwarding.close();
    }
  });

  it('refuses an upstream URL that is not http(s) at start', async () => {
    await expect(startLoopbackServer({ upstream: { baseURL: 'ftp://x/v1' } })).rejects.toThrow(
      /upstream.baseURL must be an http\(s\) URL/,
    );
  });
});
