import { inspect } from 'node:util';
import OpenAI from 'openai';
import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';
import { collect } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';

const KEY = 'sk-loopback-SECRET-42';
const messages = [{ role: 'user', content: 'Explain hedged requests' }] as const;
const loopback = useLoopbackServer({ apiKey: KEY });
let server: LoopbackServer;
let provider: OpenAICompatible;
beforeAll(() => {
  server = loopback();
  provider = new OpenAICompatible({ baseURL: `${server.url}/v1`, apiKey: KEY });
});

describe('OpenAICompatible against the loopback /v1', () => {
  it('streams the same text the official openai SDK gets', async () => {
    const ours = await lastValueFrom(
      provider.createCompletion('gpt-4o-mini', messages, true).pipe(toArray()),
    );
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [...messages],
      stream: true,
    });
    let theirs = '';
    for await (const chunk of stream) theirs += chunk.choices[0]?.delta.content ?? '';
    expect(ours.length).toBeGreaterThan(3);
    expect(ours.join('')).toBe(theirs);
    expect(theirs).toContain('Explain hedged requests');
  });

  it('sends the model, the system message first, the options and the pass-through fields', async () => {
    await collect(
      provider.createCompletion('llama3.2', messages, true, {
        systemMessage: 'Be brief',
        temperature: 0.3,
        maxTokens: 50,
        stop: ['\n\n'],
        body: { seed: 7, temperature: 99 },
      }),
    );
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.json()).toEqual({
      seed: 7,
      model: 'llama3.2',
      messages: [{ role: 'system', content: 'Be brief' }, ...messages],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      max_tokens: 50,
      stop: ['\n\n'],
    });
  });

  it('emits text deltas, the finish reason and the usage as events', async () => {
    const events = await lastValueFrom(
      provider
        .createCompletionEvents('gpt-4o-mini', messages, true, { maxTokens: 5 })
        .pipe(toArray()),
    );
    const kinds = events.map((event) => event.type);
    expect(kinds.filter((kind) => kind === 'text-delta').length).toBeGreaterThan(1);
    expect(events).toContainEqual({ type: 'finish', reason: 'length' });
    const usage = events.find((event) => event.type === 'usage');
    expect(usage).toMatchObject({ usage: { completionTokens: 5 } });
    expect(kinds.indexOf('finish')).toBeGreaterThan(kinds.lastIndexOf('text-delta'));
  });

  it('posts a non-streaming request with stream: false and emits the content once', async () => {
    const streamed = await lastValueFrom(
      provider.createCompletion('gpt-4o-mini', messages, true).pipe(toArray()),
    );
    const whole = await lastValueFrom(
      provider.createCompletion('gpt-4o-mini', messages, false).pipe(toArray()),
    );
    expect(whole).toEqual([streamed.join('')]);
    expect(server.requests[1]?.json()).toMatchObject({ stream: false });
  });

  it('lists the models from GET /v1/models', async () => {
    const models = await lastValueFrom(provider.listModels());
    expect(models.map((model) => model.id)).toContain('gpt-4');
    expect(models[0]).toMatchObject({ id: expect.any(String), ownedBy: expect.any(String) });
  });

  it('errors with ModelNotSupportedError for a model outside its list, before any request', async () => {
    const limited = new OpenAICompatible({
      baseURL: `${server.url}/v1`,
      apiKey: KEY,
      models: ['gpt-4o-mini'],
    });
    const before = countsOf(server);
    const { error } = await collect(limited.createCompletion('gpt-4', messages, true));
    expect(ModelNotSupportedError.isInstance(error), `the error: ${String(error)}`).toBe(true);
    await expectNothingSent(server, before, 'a completion for a model outside the list');
  });

  it('errors with StreamError after the text when the server reports an error mid-stream', async () => {
    server.enqueue({
      path: '/v1/chat/completions',
      text: 'one two three four',
      streamError: { afterChunks: 2, message: 'overloaded' },
    });
    const { values, error } = await collect(
      provider.createCompletion('gpt-4o-mini', messages, true),
    );
    expect(values.join('')).toBe('one two ');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'server-error', detail: 'overloaded' });
  });

  it('errors with HttpStatusError 401 without the right key, and never shows the key', async () => {
    const wrong = new OpenAICompatible({
      baseURL: `${server.url}/v1`,
      apiKey: 'sk-WRONG-SECRET-0000',
    });
    const { error } = await collect(wrong.createCompletion('gpt-4o-mini', messages, true));
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401 });
    for (const text of [
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      String(error),
    ]) {
      expect(text).not.toContain('SECRET');
    }
  });

  it('retries a 429 with Retry-After through retryCompletion, then answers', async () => {
    server.enqueue({
      path: '/v1/chat/completions',
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'retry-after-ms': '30' },
    });
    const reply = await lastValueFrom(
      provider.createCompletion('gpt-4o-mini', messages, false).pipe(retryCompletion({ count: 2 })),
    );
    expect(reply).toContain('Explain hedged requests');
    expect(server.requests).toHaveLength(2);
  });
});

describe('Aivvm through the loopback chatbot-ui to its /v1 upstream', () => {
  it('forwards the conversation (system prompt first) and streams the content back as text', async () => {
    const viaAivvm = await lastValueFrom(
      Aivvm.createCompletion('gpt-4', messages, true, {
        baseURL: server.url,
        systemMessage: 'Short answers',
      }).pipe(toArray()),
    );
    const [forwarded] = server.forwardedRequests.slice(-1);
    expect(forwarded?.json()).toMatchObject({
      model: 'gpt-4',
      stream: true,
      messages: [{ role: 'system', content: 'Short answers' }, ...messages],
    });
    const direct = await lastValueFrom(
      provider
        .createCompletion('gpt-4', messages, true, {
          systemMessage: 'Short answers',
          temperature: 0.7,
        })
        .pipe(toArray()),
    );
    expect(viaAivvm.join('')).toBe(direct.join(''));
  });

  it('reports an upstream failure as a 500 with the reason in the status text', async () => {
    const upstream = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
    const chatbot = await startLoopbackServer({
      delayMs: 0,
      keepAliveTimeoutMs: 50,
      upstream: { baseURL: `${upstream.url}/v1` },
    });
    try {
      upstream.enqueue({
        path: '/v1/chat/completions',
        status: 503,
        statusText: 'Model is loading',
      });
      const { error } = await collect(
        Aivvm.createCompletion('gpt-4', messages, true, { baseURL: chatbot.url }),
      );
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect((error as HttpStatusError).status).toBe(500);
      expect((error as HttpStatusError).statusText).toContain('Model is loading');
    } finally {
      await Promise.all([chatbot.close(), upstream.close()]);
    }
  });

  it('closes both the client connection and the forwarded one when cancelled mid-stream', async () => {
    const upstream = await startLoopbackServer({ delayMs: 20, keepAliveTimeoutMs: 50 });
    const chatbot = await startLoopbackServer({
      delayMs: 0,
      keepAliveTimeoutMs: 50,
      upstream: { baseURL: `${upstream.url}/v1` },
    });
    try {
      const seen: string[] = [];
      const subscription = Aivvm.createCompletion('gpt-4', messages, true, {
        baseURL: chatbot.url,
      }).subscribe((chunk) => {
        seen.push(chunk);
        if (seen.length === 2) subscription.unsubscribe();
      });
      const [clientSide] = await chatbot.waitForRequests(1);
      const [forwarded] = await upstream.waitForRequests(1);
      await expect(clientSide?.closed).resolves.toBe('client-closed');
      await expect(forwarded?.closed).resolves.toBe('client-closed');
      await Promise.all([
        chatbot.waitForIdle({ timeoutMs: 1000 }),
        upstream.waitForIdle({ timeoutMs: 1000 }),
      ]);
      expect(seen).toHaveLength(2);
    } finally {
      await Promise.all([chatbot.close(), upstream.close()]);
    }
  });
});
