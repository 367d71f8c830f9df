import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import type { AivvmOptions } from '../../lib/providers/aivvm/aivvm-options.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import type { AivvmChatBody } from '../../lib/testing/index.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const server = useLoopbackServer();
const call = { id: 'call_1', name: 'weather', arguments: '{}' };

describe('Aivvm refuses what chatbot-ui could not carry, and sends text parts as text', () => {
  it.each<[string, Messages, Omit<AivvmOptions, 'baseURL'>, string, RegExp]>([
    [
      'an image part',
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is it?' },
            { type: 'image', url: 'https://example.com/a.png' },
          ],
        },
      ],
      {},
      'messages[0].content[1]',
      /an image cannot be sent: chatbot-ui carries plain text only/,
    ],
    [
      'tool calls',
      [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: '', toolCalls: [call] },
      ],
      {},
      'messages[1].toolCalls',
      /tool calls cannot be sent/,
    ],
    [
      'a tool result',
      [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: '', toolCalls: [call] },
        { role: 'tool', toolCallId: 'call_1', content: '4' },
      ],
      {},
      'messages[1].toolCalls',
      /tool calls cannot be sent/,
    ],
    [
      'tools',
      [{ role: 'user', content: 'Hi' }],
      { tools: [{ name: 'weather', parameters: {} }] },
      'tools',
      /tools cannot be offered/,
    ],
    [
      'a tool choice',
      [{ role: 'user', content: 'Hi' }],
      { toolChoice: 'none' },
      'toolChoice',
      /tools cannot be offered/,
    ],
    [
      'a JSON mode',
      [{ role: 'user', content: 'Hi' }],
      { responseFormat: { type: 'json' } },
      'responseFormat',
      /no JSON mode/,
    ],
  ])(
    'refuses %s with an InvalidRequestError, sending nothing',
    async (_what, messages, options, field, reason) => {
      const before = countsOf(server());
      const error: unknown = await lastValueFrom(
        Aivvm.createCompletion('gpt-4', messages, true, { ...options, baseURL: server().url }),
      ).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'INVALID_REQUEST', provider: 'Aivvm', field });
      expect((error as Error).message).toMatch(reason);
      await expectNothingSent(server(), before, 'Aivvm');
    },
  );

  it('sends a message of text parts as its text joined', async () => {
    const messages: Messages = [
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Be ' },
          { type: 'text', text: 'brief.' },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
    ];
    await lastValueFrom(
      Aivvm.createCompletion('gpt-4', messages, true, { baseURL: server().url }).pipe(toArray()),
    );
    const body = server().requests.at(-1)?.json() as AivvmChatBody;
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
    ]);
  });

  it('gives text-delta events from createCompletionEvents', async () => {
    server().enqueue({ text: 'Hello there' });
    const events = await lastValueFrom(
      Aivvm.createCompletionEvents('gpt-4', [{ role: 'user', content: 'Hi' }], true, {
        baseURL: server().url,
      }).pipe(toArray()),
    );
    expect(new Set(events.map((event) => event.type as string))).toEqual(new Set(['text-delta']));
    expect(events.map((event) => event.text).join('')).toBe('Hello there');
  });
});
