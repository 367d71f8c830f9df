import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';
import { postChat, chatBody } from './http-client.js';

let server: LoopbackServer;
let client: OpenAI;

const KEY = 'sk-loopback-sdk';
const messages = [
  { role: 'system', content: 'You are a translator' },
  { role: 'user', content: 'Translate to Spanish: Hello, world! 👋' },
] as const;
const DEFAULT_REPLY = composeDefaultReply({
  model: 'gpt-4',
  messages: [...messages],
  temperature: 0.9,
});

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 1, apiKey: KEY });
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 });
});

afterEach(async () => {
  await server.close();
});

describe('the official openai SDK against the loopback /v1 (a client we did not write)', () => {
  it('streams the default reply, with the finish reason and the usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4',
      messages: [...messages],
      temperature: 0.9,
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    const finishReasons: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const [choice] = chunk.choices;
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finishReasons.push(choice.finish_reason);
      usage = chunk.usage ?? usage;
    }
    expect(deltas.length).toBeGreaterThan(20);
    expect(deltas.join('')).toBe(DEFAULT_REPLY);
    expect(finishReasons).toEqual(['stop']);
    expect(usage).toMatchObject({ completion_tokens: deltas.length });
  });

  it('gets the same text as /api/chat, which forwards to that /v1 as chatbot-ui did', async () => {
    const response = await postChat(
      server,
      chatBody({
        model: { id: 'gpt-4', name: 'GPT-4' },
        prompt: messages[0].content,
        messages: [messages[1]],
        temperature: 0.9,
      }),
    );
    expect(await response.text()).toBe(DEFAULT_REPLY);
  });

  it('gets the whole message without stream', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4',
      messages: [...messages],
      temperature: 0.9,
    });
    expect(completion.choices[0]?.message.content).toBe(DEFAULT_REPLY);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('lists the models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4');
  });

  it('maps a scripted 429 to RateLimitError and a wrong key to AuthenticationError', async () => {
    server.enqueue({ status: 429, statusText: 'Slow down', headers: { 'retry-after': '1' } });
    const limited = client.chat.completions.create({ model: 'gpt-4', messages: [...messages] });
    await expect(limited).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(limited).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    const stranger = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    const refused = stranger.models.list();
    await expect(refused).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_api_key' });
  });

  it('surfaces an error event mid-stream as an APIError after the content before it', async () => {
    server.enqueue({
      text: 'one two three',
      streamError: { afterChunks: 2, message: 'Overloaded' },
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4',
      messages: [...messages],
      stream: true,
    });
    const deltas: string[] = [];
    const consume = async (): Promise<void> => {
      for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(consume()).rejects.toThrow(/Overloaded/);
    expect(deltas.join('')).toBe('one two ');
  });
});
