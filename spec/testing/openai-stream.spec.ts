import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';
import { readChunks } from './http-client.js';
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

const EXPECTED = composeDefaultReply({
  model: 'gpt-4',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hello, world!' },
  ],
});

describe('POST /v1/chat/completions with stream: true', () => {
  it('streams a role chunk, one chunk per word, the finish chunk, the usage chunk and [DONE]', async () => {
    const body = completionBody({ stream_options: { include_usage: true } });
    const response = await postCompletions(server, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const text = await response.text();
    expect(sseData(text).at(-1)).toBe('[DONE]');
    const chunks = sseChunks(text);
    const [role, ...rest] = chunks;
    const usage = rest.pop();
    const finish = rest.pop();
    expect(role!.choices[0]).toEqual({
      index: 0,
      delta: { role: 'assistant', content: '' },
      logprobs: null,
      finish_reason: null,
    });
    expect(rest.length).toBeGreaterThan(20);
    expect(rest.every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true);
    expect(streamedContent(chunks)).toBe(EXPECTED);
    expect(finish!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(usage!.choices).toEqual([]);
    expect(usage!.usage).toEqual({
      prompt_tokens: 4,
      completion_tokens: rest.length,
      total_tokens: 4 + rest.length,
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({
        id: role!.id,
        object: 'chat.completion.chunk',
        model: 'gpt-4',
      });
      expect(chunk.id).toMatch(/^chatcmpl-/);
    }
  });

  it('leaves the usage chunk (and usage: null) out unless asked for', async () => {
    const text = await (await postCompletions(server)).text();
    const chunks = sseChunks(text);
    expect(chunks.at(-1)!.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('writes each event apart, the server delay between them', async () => {
    const slow = await startLoopbackServer({ delayMs: 2 });
    try {
      const { chunks, error } = await readChunks(await postCompletions(slow));
      expect(error).toBeUndefined();
      expect(chunks.length).toBeGreaterThan(10);
    } finally {
      await slow.close();
    }
  });

  it('cuts the reply at max_tokens words with finish_reason length', async () => {
    const body = completionBody({ max_tokens: 3, stream_options: { include_usage: true } });
    const chunks = sseChunks(await (await postCompletions(server, body)).text());
    expect(streamedContent(chunks)).toBe('## About "Hello, ');
    expect(chunks.at(-2)!.choices[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)!.usage).toMatchObject({ completion_tokens: 3 });
  });

  it('stops before the first stop sequence with finish_reason stop', async () => {
    const body = completionBody({ stop: ['You asked', '\n\n'] });
    const chunks = sseChunks(await (await postCompletions(server, body)).text());
    expect(streamedContent(chunks)).toBe('## About "Hello, world!"');
    expect(chunks.at(-1)!.choices[0]?.finish_reason).toBe('stop');
  });

  it('takes content parts and developer messages as OpenAI does', async () => {
    const messages = [
      { role: 'developer', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hello, ' },
          { type: 'text', text: 'parts!' },
        ],
      },
    ];
    const chunks = sseChunks(
      await (await postCompletions(server, completionBody({ messages }))).text(),
    );
    expect(streamedContent(chunks)).toContain('You asked: "Hello, parts!".');
  });
});
