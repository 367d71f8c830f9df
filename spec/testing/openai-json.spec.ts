import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';
import { completionBody, postCompletions } from './openai-client.js';

let server: LoopbackServer;

beforeEach(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});

afterEach(async () => {
  await server.close();
});

describe('POST /v1/chat/completions without stream', () => {
  it('answers one chat.completion with the message, finish_reason and usage', async () => {
    const messages = [{ role: 'user', content: 'How are you?' }];
    const response = await postCompletions(
      server,
      completionBody({ stream: false, messages, temperature: 0.2 }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const completion = (await response.json()) as Record<string, unknown>;
    const content = composeDefaultReply({ model: 'gpt-4', messages, temperature: 0.2 });
    expect(completion).toEqual({
      id: expect.stringMatching(/^chatcmpl-/) as unknown,
      object: 'chat.completion',
      created: expect.any(Number) as unknown,
      model: 'gpt-4',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 3,
        completion_tokens: content.match(/\S+\s*|\s+/gu)!.length,
        total_tokens: 3 + content.match(/\S+\s*|\s+/gu)!.length,
      },
    });
    expect(content).toContain('- **Temperature:** 0.2\n');
  });

  it('says length when max_completion_tokens cuts the message', async () => {
    const body = completionBody({ stream: false, max_completion_tokens: 2 });
    const completion = (await (await postCompletions(server, body)).json()) as {
      choices: { message: { content: string }; finish_reason: string }[];
      usage: { completion_tokens: number };
    };
    expect(completion.choices[0]).toMatchObject({
      message: { content: '## About ' },
      finish_reason: 'length',
    });
    expect(completion.usage.completion_tokens).toBe(2);
  });

  it('puts a scripted text in the message', async () => {
    server.enqueue({ text: 'Scripted answer.' });
    const completion = (await (
      await postCompletions(server, completionBody({ stream: false }))
    ).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(completion.choices[0]?.message.content).toBe('Scripted answer.');
  });
});
