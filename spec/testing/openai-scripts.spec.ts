import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { postChat, rawPost } from './http-client.js';
import {
  completionBody,
  postCompletions,
  sseChunks,
  sseData,
  streamedContent,
} from './openai-client.js';

let server: LoopbackServer;

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});

afterEach(async () => {
  await server.close();
});

const post = (): ReturnType<typeof rawPost> =>
  rawPost(server, { path: '/v1/chat/completions', body: JSON.stringify(completionBody()) });

describe('scripted streams on /v1/chat/completions', () => {
  it('writes raw SSE chunks as they are, whatever their framing', async () => {
    const chunks = [
      ': comment\r\n',
      'data: {"choices":[{"delta":{"con',
      'tent":"Hi"}}]}\r\n\r\n',
      'data: [DONE]\n\n',
    ];
    server.enqueue({ chunks, delayMs: 5 });
    const exchange = await post();
    expect(exchange.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(exchange.chunks.map((chunk) => Buffer.from(chunk).toString())).toEqual(chunks);
  });

  it('turns a scripted text into SSE events, and chunkSize re-splits their bytes', async () => {
    server.enqueue({ text: 'Scripted reply here', chunkSize: 7 });
    const exchange = await post();
    expect(exchange.chunks.every((chunk) => chunk.length <= 7)).toBe(true);
    const chunks = sseChunks(exchange.text);
    expect(streamedContent(chunks)).toBe('Scripted reply here');
    expect(sseData(exchange.text).at(-1)).toBe('[DONE]');
  });

  it('sends an error event after afterChunks content chunks, then ends without [DONE]', async () => {
    server.enqueue({
      text: 'one two three four',
      streamError: { afterChunks: 2, message: 'Overloaded' },
    });
    const exchange = await post();
    expect(exchange.error).toBeUndefined();
    const data = sseData(exchange.text);
    expect(data).toHaveLength(4); // role, 'one ', 'two ', the error
    expect(
      streamedContent(
        sseChunks(
          data
            .slice(0, 3)
            .map((d) => `data: ${d}\n\n`)
            .join(''),
        ),
      ),
    ).toBe('one two ');
    expect(JSON.parse(data[3]!)).toEqual({
      error: { message: 'Overloaded', type: 'server_error', param: null, code: null },
    });
  });

  it('leaves out [DONE] with omitDone', async () => {
    server.enqueue({ text: 'Hi there', omitDone: true });
    const exchange = await post();
    const data = sseData(exchange.text);
    expect(data).not.toContain('[DONE]');
    expect(JSON.parse(data.at(-1)!)).toMatchObject({ choices: [{ finish_reason: 'stop' }] });
  });

  it('performs faults on the SSE bytes', async () => {
    server.enqueue({ text: 'a b c d e f', resetAfterBytes: 300 });
    const exchange = await post();
    expect(exchange.error).toBeDefined();
    expect(exchange.bytes.length).toBe(300);
    expect(await server.requests[0]!.closed).toBe('reset');
  });
});

describe('one queue, and path targeting', () => {
  it('gives an untargeted script to whichever route asks first', async () => {
    server.enqueue({ status: 503 });
    expect((await postCompletions(server)).status).toBe(503);
    server.enqueue({ status: 503 });
    expect((await fetch(`${server.url}/v1/models`)).status).toBe(503);
  });

  it('keeps a targeted script for its path, letting other requests pass it by', async () => {
    server.enqueue({ path: '/v1/chat/completions', status: 429 }, { text: 'for anyone' });
    expect(await (await postChat(server)).text()).toBe('for anyone');
    expect((await postCompletions(server)).status).toBe(429);
    expect(server.queuedScripts).toBe(0);
  });

  it('applies a targeted reply option to its path only', async () => {
    const targeted = await startLoopbackServer({
      delayMs: 0,
      reply: { path: '/v1/models', status: 500 },
    });
    try {
      expect((await fetch(`${targeted.url}/v1/models`)).status).toBe(500);
      expect((await postCompletions(targeted)).status).toBe(200);
    } finally {
      await targeted.close();
    }
  });

  it.each([
    [{ path: 'v1/models' }, /path must start with \//],
    [
      { streamError: { afterChunks: -1, message: 'x' } },
      /streamError.afterChunks must be an integer/,
    ],
    [
      { chunks: ['data: x\n\n'], omitDone: true },
      /do not combine them with streamError or omitDone/,
    ],
  ])('refuses the invalid script %j when it is queued', (script, message) => {
    expect(() => {
      server.enqueue(script);
    }).toThrow(message);
  });
});
