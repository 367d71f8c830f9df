import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import type { LoopbackServer } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';
import { cancelAtFirstValue } from '../support/cancel-at-first-value.js';
import { collect, collectCompleted } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';

const loopback = useLoopbackServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

const hello = [{ role: 'user', content: 'Hello, world!' }] as const;
const DEFAULT_PROMPT =
  "You are ChatGPT, a large language model trained by OpenAI. Follow the user's instructions carefully. Respond using markdown.";

/** SPEC §1 item 3, to the letter. */
const SPEC_HEADERS = {
  accept: 'text/event-stream',
  'accept-language': 'en-US,en;q=0.9',
  'content-type': 'application/json',
  'sec-ch-ua': '"Chrome";v="117", "Not;A=Brand";v="8", "Chromium";v="117"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Windows"',
  'sec-fetch-dest': 'empty',
  'sec-fetch-mode': 'cors',
  'sec-fetch-site': 'same-origin',
  'sec-gpc': '1',
  referrer: 'https://chat.aivvm.com/',
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Safari/537.36',
};

describe('Aivvm metadata', () => {
  it('carries the flags and the model table of SPEC §1', () => {
    expect(Aivvm.url).toBe('https://chat.aivvm.com');
    expect(Aivvm.supportsStream).toBe(true);
    expect(Aivvm.working).toBe(false);
    expect(Aivvm.supportsGpt35Turbo).toBe(true);
    expect(Aivvm.supportsGpt4).toBe(true);
    expect(Aivvm.name).toBe('Aivvm');
    expect(Object.keys(Aivvm.models)).toEqual([
      'gpt-3.5-turbo',
      'gpt-3.5-turbo-0613',
      'gpt-3.5-turbo-16k',
      'gpt-3.5-turbo-16k-0613',
      'gpt-4',
      'gpt-4-0613',
      'gpt-4-32k',
      'gpt-4-32k-0613',
    ]);
    expect(Aivvm.models['gpt-3.5-turbo-16k']).toEqual({
      id: 'gpt-3.5-turbo-16k',
      name: 'GPT-3.5-16K',
    });
    expect(Aivvm.supportsModel('')).toBe(true);
    expect(Aivvm.supportsModel('gpt-4-32k-0613')).toBe(true);
    expect(Aivvm.supportsModel('llama')).toBe(false);
  });
});

describe('Aivvm.createCompletion', () => {
  it('sends the request of SPEC §1 byte for byte', async () => {
    const messages = [
      { role: 'system', content: 'Отвечай кратко' },
      { role: 'user', content: 'Привет, мир! 👋🏽 ✓' },
    ] as const;
    await collectCompleted(
      Aivvm.createCompletion('gpt-4', messages, true, { baseURL: server.url }),
    );
    expect(server.requests, 'the requests the server received').toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/chat');
    const expectedBody = `{"model":{"id":"gpt-4","name":"GPT-4"},"messages":[{"role":"system","content":"Отвечай кратко"},{"role":"user","content":"Привет, мир! 👋🏽 ✓"}],"key":"","prompt":"${DEFAULT_PROMPT}","temperature":0.7}`;
    expect(request?.text()).toBe(expectedBody);
    const byteLength = new TextEncoder().encode(expectedBody).length;
    expect(byteLength).toBeGreaterThan(expectedBody.length);
    expect(request?.headers).toEqual({
      ...SPEC_HEADERS,
      'content-length': String(byteLength),
      host: expect.any(String),
      connection: expect.any(String),
      'accept-encoding': expect.any(String),
    });
    // Each header is sent once (axios must not add a second `Accept` or `Content-Type`).
    const sentNames = request?.rawHeaders.map(([name]) => name.toLowerCase()) ?? [];
    expect(new Set(sentNames).size).toBe(sentNames.length);
  });

  it('keeps the body keys in order: model, messages, key, prompt, temperature', async () => {
    await collectCompleted(Aivvm.createCompletion('', [...hello], true, { baseURL: server.url }));
    const body = server.requests[0]?.json() as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['model', 'messages', 'key', 'prompt', 'temperature']);
    expect(body).toEqual({
      model: { id: 'gpt-3.5-turbo', name: 'GPT-3.5' },
      messages: hello,
      key: '',
      prompt: DEFAULT_PROMPT,
      temperature: 0.7,
    });
  });

  it('sends the system message and temperature given (the seed second example)', async () => {
    const messages = [{ role: 'user', content: 'Translate to Spanish: Hello, world!' }] as const;
    await collectCompleted(
      Aivvm.createCompletion('gpt-4', messages, true, {
        systemMessage: 'You are a translator',
        temperature: 0.9,
        baseURL: `${server.url}/`,
      }),
    );
    expect(server.requests[0]?.path).toBe('/api/chat');
    expect(server.requests[0]?.json()).toMatchObject({
      prompt: 'You are a translator',
      temperature: 0.9,
    });
  });

  it('errors with ModelNotSupportedError on subscribe and sends nothing', async () => {
    const before = countsOf(server);
    const completion$ = Aivvm.createCompletion('llama-3', [...hello], true, {
      baseURL: server.url,
    });
    const { error, values } = await collect(completion$);
    expect(values).toEqual([]);
    expect(ModelNotSupportedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('Model is not supported: llama-3');
    await expectNothingSent(server, before, 'a completion for an unsupported model');
  });

  it('is cold: nothing is sent before subscribe, each subscription is its own request', async () => {
    const before = countsOf(server);
    const completion$ = Aivvm.createCompletion('gpt-4', [...hello], true, { baseURL: server.url });
    await expectNothingSent(server, before, 'a completion not subscribed to');
    server.clearRequests();
    const [first, second] = await Promise.all([
      collectCompleted(completion$),
      collectCompleted(completion$),
    ]);
    expect(server.requests.map((request) => request.path)).toEqual(['/api/chat', '/api/chat']);
    expect(first.join('')).toBe(second.join(''));
  });

  it('streams the default reply in several chunks', async () => {
    const values = await collectCompleted(
      Aivvm.createCompletion('gpt-4', [...hello], true, { baseURL: server.url }),
    );
    expect(values.length).toBeGreaterThan(3);
    expect(values.every((chunk) => chunk.length > 0)).toBe(true);
    expect(values.join('')).toContain('Hello, world!');
  });

  it('emits the whole reply once with stream: false', async () => {
    server.enqueue({ chunks: ['a', 'b', 'c'], delayMs: 2 });
    const values = await lastValueFrom(
      Aivvm.createCompletion('gpt-4', [...hello], false, { baseURL: server.url }).pipe(toArray()),
    );
    expect(values).toEqual(['abc']);
  });

  it('delivers a multi-byte character split across writes whole', async () => {
    const bytes = new TextEncoder().encode('Привет 👋');
    server.enqueue({
      chunks: [
        bytes.subarray(0, 1),
        bytes.subarray(1, 9),
        bytes.subarray(9, 14),
        bytes.subarray(14),
      ],
      delayMs: 5,
    });
    const values = await collectCompleted(
      Aivvm.createCompletion('gpt-4', [...hello], true, { baseURL: server.url }),
    );
    expect(values.join('')).toBe('Привет 👋');
    expect(values.some((chunk) => chunk.includes('\ufffd'))).toBe(false);
  });

  it('reports an upstream failure as HttpStatusError with the reason in the status text', async () => {
    server.enqueue({ upstreamError: 'OpenAI API returned an error: quota exceeded' });
    const { error } = await collect(
      Aivvm.createCompletion('gpt-4', [...hello], true, { baseURL: server.url }),
    );
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 500,
      statusText: 'OpenAI API returned an error: quota exceeded',
      provider: 'Aivvm',
    });
  });

  it('emits the text received before a reset, then NetworkError', async () => {
    server.enqueue({ text: 'Hello, stream!', chunkSize: 3, delayMs: 2, resetAfterBytes: 9 });
    const { values, error } = await collect(
      Aivvm.createCompletion('gpt-4', [...hello], true, { baseURL: server.url }),
    );
    expect(values.join('')).toBe('Hello, st');
    expect(NetworkError.isInstance(error)).toBe(true);
  });

  it('aborts the request when unsubscribed mid-stream', async () => {
    server.enqueue({ chunks: ['one ', 'two '], delayMs: 20, stall: { afterBytes: 8 } });
    const completion$ = Aivvm.createCompletion('gpt-4', [...hello], true, { baseURL: server.url });
    const seen = await cancelAtFirstValue(completion$, server, (chunk) => chunk);
    expect(seen).toEqual(['one ']);
  });
});

describe('Aivvm timeout option', () => {
  it('errors with TimeoutError after the chunks received when the stream stalls', async () => {
    server.enqueue({ chunks: ['partial '], stall: { afterBytes: 8 } });
    const { values, error } = await collect(
      Aivvm.createCompletion('gpt-4', [...hello], true, {
        baseURL: server.url,
        timeout: { first: 2000, each: 100 },
      }),
    );
    expect(values).toEqual(['partial ']);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 100 });
    await server.waitForIdle({ timeoutMs: 1000 });
    expect(server.requests[0]?.outcome).toBe('client-closed');
  });

  it.each([-1, Number.NaN, { each: 0 }, { total: '5s' }, 'soon'])(
    'refuses the timeout %o on subscribe with InvalidRequestError, before any request',
    async (timeout) => {
      const completion$ = Aivvm.createCompletion('gpt-4', [...hello], true, {
        baseURL: server.url,
        timeout: timeout as number,
      });
      const { error } = await collect(completion$);
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect((error as InvalidRequestError).field).toMatch(/^timeout/);
      expect(server.requests).toHaveLength(0);
    },
  );
});
