import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { completionBody, postCompletions } from './openai-client.js';

let server: LoopbackServer;

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});

afterEach(async () => {
  await server.close();
});

const KEY = 'sk-loopback-secret-123';

describe('400: a body OpenAI would refuse, in its error shape, taking no script', () => {
  it.each([
    ['not JSON', '{', null, null],
    ['no model', completionBody({ model: undefined }), 'model', 'missing_required_parameter'],
    ['a model that is no string', completionBody({ model: 4 }), 'model', 'invalid_type'],
    [
      'no messages',
      completionBody({ messages: undefined }),
      'messages',
      'missing_required_parameter',
    ],
    ['empty messages', completionBody({ messages: [] }), 'messages', 'invalid_value'],
    [
      'an unknown role',
      completionBody({ messages: [{ role: 'bot', content: 'x' }] }),
      'messages[0].role',
      'invalid_value',
    ],
    [
      'a numeric content',
      completionBody({ messages: [{ role: 'user', content: 1 }] }),
      'messages[0].content',
      'invalid_type',
    ],
    ['a string stream', completionBody({ stream: 'yes' }), 'stream', 'invalid_type'],
    [
      'stream_options without stream',
      completionBody({ stream: false, stream_options: { include_usage: true } }),
      'stream_options',
      'invalid_value',
    ],
    ['a temperature above 2', completionBody({ temperature: 3 }), 'temperature', 'invalid_value'],
    ['a fractional max_tokens', completionBody({ max_tokens: 1.5 }), 'max_tokens', 'invalid_value'],
    [
      'five stop sequences',
      completionBody({ stop: ['a', 'b', 'c', 'd', 'e'] }),
      'stop',
      'invalid_value',
    ],
  ])('refuses %s', async (_case, body, param, code) => {
    server.enqueue({ text: 'scripted' });
    const response = await postCompletions(server, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    const { error } = (await response.json()) as { error: Record<string, unknown> };
    expect(error).toEqual({
      message: expect.any(String) as unknown,
      type: 'invalid_request_error',
      param,
      code,
    });
    expect(server.queuedScripts).toBe(1);
  });

  it('accepts null for optional fields and ignores unknown ones', async () => {
    const body = completionBody({ temperature: null, stop: null, top_p: 0.5, seed: 1 });
    expect((await postCompletions(server, body)).status).toBe(200);
  });
});

describe('401 when the server has an apiKey', () => {
  beforeEach(async () => {
    await server.close();
    server = await startLoopbackServer({ delayMs: 0, apiKey: KEY });
  });

  it.each([
    ['no authorization header', {}, /didn't provide an API key/],
    ['a wrong key', { authorization: 'Bearer sk-wrong-key' }, /^Incorrect API key provided\.$/],
    ['a key that is not a bearer token', { authorization: KEY }, /didn't provide an API key/],
  ])('refuses %s with invalid_api_key, never echoing a key', async (_case, headers, message) => {
    server.enqueue({ text: 'scripted' });
    for (const path of ['/v1/chat/completions', '/v1/models']) {
      const response = await fetch(`${server.url}${path}`, {
        method: path.endsWith('models') ? 'GET' : 'POST',
        headers,
        body: path.endsWith('models') ? null : JSON.stringify(completionBody()),
      });
      expect([response.status, response.statusText]).toEqual([401, 'Unauthorized']);
      const text = await response.text();
      expect(text).not.toContain('sk-');
      const { error } = JSON.parse(text) as { error: Record<string, unknown> };
      expect(error).toMatchObject({
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      });
      expect(error.message).toMatch(message);
    }
    expect(server.queuedScripts).toBe(1);
  });

  it('serves a request with the right key', async () => {
    const response = await postCompletions(server, completionBody(), {
      authorization: `Bearer ${KEY}`,
    });
    expect(response.status).toBe(200);
  });

  it('answers a CORS preflight without a key, allowing authorization', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4200',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses a key that cannot be a header value at start', async () => {
    await expect(startLoopbackServer({ apiKey: 'two words' })).rejects.toThrow(TypeError);
    await expect(startLoopbackServer({ apiKey: '' })).rejects.toThrow(
      /apiKey must be printable ASCII/,
    );
  });
});

describe('scripted errors on /v1', () => {
  it('answers a 429 with Retry-After and an OpenAI error whose message is the status text', async () => {
    server.enqueue({
      status: 429,
      statusText: 'Rate limit reached',
      headers: { 'Retry-After': '2' },
    });
    const response = await postCompletions(server);
    expect([response.status, response.statusText]).toEqual([429, 'Rate limit reached']);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      error: {
        message: 'Rate limit reached',
        type: 'invalid_request_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('uses the standard phrase without a status text, and a server_error from 500', async () => {
    server.enqueue({ status: 503 });
    const response = await postCompletions(server);
    expect(await response.json()).toEqual({
      error: { message: 'Service Unavailable', type: 'server_error', param: null, code: null },
    });
  });

  it('sends an error status with a scripted text as it is', async () => {
    server.enqueue({
      status: 502,
      text: '<html>Bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    });
    const response = await postCompletions(server);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html>Bad gateway</html>');
  });

  it('turns upstreamError into a 500 server_error with the reason', async () => {
    server.enqueue({ upstreamError: 'The model is overloaded' });
    const response = await postCompletions(server);
    expect([response.status, response.statusText]).toEqual([500, 'The model is overloaded']);
    expect(await response.json()).toMatchObject({
      error: { message: 'The model is overloaded', type: 'server_error' },
    });
  });
});
