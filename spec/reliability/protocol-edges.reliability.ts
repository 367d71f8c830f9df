/**
 * The edges of the OpenAI-compatible protocol, over real sockets on 127.0.0.1 against raw
 * scripted servers: a CR-only stream ending `data: [DONE]\r\r`, content that is not a string,
 * `event: error`, `[DONE]` with the connection held open, and a throwing `onProvider` during
 * fallback. Each row: the text before the fault arrives, then one typed outcome, the request
 * is closed, nothing is left unhandled.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StreamError } from '../../lib/errors/stream-error.js';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect, refusedPort } from '../support/collect.js';
import {
  startScriptedSseServer,
  type ScriptedSseServer,
  type SseScript,
} from './support/scripted-sse-server.js';
import { sseDelta, SSE_DONE } from './support/sse.js';
import { watchUnhandled, type UnhandledWatch } from './support/unhandled.js';

const messages = [{ role: 'user', content: 'Hi' }] as const;
const contentEvent = (content: unknown): string =>
  `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] })}\n\n`;

let unhandled: UnhandledWatch;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown): void => {
  uncaught.push(error);
};
beforeAll(() => {
  unhandled = watchUnhandled();
  process.on('uncaughtException', onUncaught);
});
afterAll(() => {
  unhandled.stop();
  process.off('uncaughtException', onUncaught);
});

let server: ScriptedSseServer | undefined;
afterEach(async () => {
  // Every request was closed by the client or the server, whatever the outcome.
  if (server)
    for (let index = 0; index < server.requests; index++) await server.clientClosed(index);
  await server?.close();
  server = undefined;
  expect(unhandled.seen, 'unhandled rejections').toEqual([]);
  expect(uncaught, 'uncaught exceptions').toEqual([]);
});

async function openai(script: SseScript): Promise<OpenAICompatible> {
  server = await startScriptedSseServer(script);
  return new OpenAICompatible({ baseURL: server.baseURL, apiKey: 'sk-edges', name: 'edges' });
}

describe('protocol edges (OpenAICompatible over 127.0.0.1)', () => {
  it('CR-only line ends ending data: [DONE]\\r\\r: the whole text, then completion', async () => {
    const body = [sseDelta('Hel'), sseDelta('lo'), SSE_DONE].join('').replaceAll('\n', '\r');
    const provider = await openai({ body });
    const result = await collect(provider.createCompletion('m', messages, true));
    expect(result).toEqual({ values: ['Hel', 'lo'], completed: true });
  });

  it.each([
    ['a number', 42],
    ['a boolean', true],
    ['an object', { text: 'x' }],
  ])(
    'content that is %s: the text before it, then StreamError (unexpected-shape)',
    async (_, content) => {
      const provider = await openai({
        body: sseDelta('before') + contentEvent(content) + SSE_DONE,
      });
      const result = await collect(provider.createCompletion('m', messages, true));
      expect(result.values).toEqual(['before']);
      expect(StreamError.isInstance(result.error)).toBe(true);
      expect(result.error).toMatchObject({ kind: 'unexpected-shape', provider: 'edges' });
      for (const value of result.values) expect(typeof value).toBe('string');
    },
  );

  it('content that is an array of text parts: read as its text', async () => {
    const parts = [
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ];
    const provider = await openai({ body: contentEvent(parts) + SSE_DONE });
    const result = await collect(provider.createCompletion('m', messages, true));
    expect(result).toEqual({ values: ['ab'], completed: true });
  });

  it('event: error: the text before it, then StreamError (server-error) with the server message', async () => {
    const error = 'event: error\ndata: {"type":"overloaded_error","message":"Overloaded"}\n\n';
    const provider = await openai({ body: sseDelta('partial') + error, holdOpen: true });
    const result = await collect(provider.createCompletion('m', messages, true));
    expect(result.values).toEqual(['partial']);
    expect(result.error).toMatchObject({ kind: 'server-error', detail: 'Overloaded' });
  });

  it('data: [DONE] with the connection held open: completes at once and closes the request', async () => {
    const provider = await openai({ body: sseDelta('done') + SSE_DONE, holdOpen: true });
    const result = await collect(provider.createCompletion('m', messages, true));
    expect(result).toEqual({ values: ['done'], completed: true });
    await server?.clientClosed(0);
  });

  it('a throwing onProvider during fallback: the first chunk, then its exception as the error', async () => {
    const down = new OpenAICompatible({
      baseURL: `http://127.0.0.1:${await refusedPort()}/v1`,
      name: 'down',
    });
    const up = await openai({
      body: sseDelta('first') + sseDelta('second') + SSE_DONE,
      holdOpen: true,
    });
    const thrown = new Error('logging failed');
    const told: string[] = [];
    const result = await collect(
      createCompletion({
        model: 'm',
        messages,
        providers: [down, up],
        onProvider: (name) => {
          told.push(name);
          throw thrown;
        },
      }),
    );
    expect(told).toEqual(['edges']);
    expect(result.values).toEqual(['first']);
    expect(result.error).toBe(thrown);
    await server?.clientClosed(0);
  });
});
