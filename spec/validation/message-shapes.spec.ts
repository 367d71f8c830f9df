import { describe, expect, it } from 'vitest';
import type { Messages } from '../../lib/messages/chat-message.js';
import { messagesViolation } from '../../lib/validation/validate-messages.js';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const call = { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' };

describe('messagesViolation: every shape of message', () => {
  it('accepts a whole tool conversation with text and image parts', () => {
    const messages: Messages = [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Where is this, and what is the weather?' },
          { type: 'image', url: 'https://example.com/photo.jpg?sig=abc' },
          { type: 'image', url: PNG },
        ],
      },
      {
        role: 'assistant',
        content: '',
        toolCalls: [call, { ...call, id: 'call_2', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'call_1', content: '{"celsius":4}' },
      { role: 'tool', toolCallId: 'call_2', content: 'sunny' },
      { role: 'assistant', content: 'Oslo, 4 °C and sunny.' },
    ];
    expect(messagesViolation(messages)).toBeUndefined();
  });

  it.each([
    [[{ role: 'user', content: [] }], 'messages[0].content', /at least one part/],
    [
      [{ role: 'user', content: {} }],
      'messages[0].content',
      /string or an array of text and image parts/,
    ],
    [
      [{ role: 'user', content: [{ type: 'text' }] }],
      'messages[0].content[0].text',
      /must be a string/,
    ],
    [
      [{ role: 'user', content: [{ type: 'audio', data: 'x' }] }],
      'messages[0].content[0].type',
      /"text" or "image", got "audio"/,
    ],
    [[{ role: 'user', content: ['hi'] }], 'messages[0].content[0]', /must be an object/],
    [
      [{ role: 'system', content: [{ type: 'image', url: 'http://example.com/a.png' }] }],
      'messages[0].content[0].url',
      /got the scheme "http:"/,
    ],
    [
      [{ role: 'user', content: [{ type: 'image', url: 'file:///etc/passwd' }] }],
      'messages[0].content[0].url',
      /got the scheme "file:"/,
    ],
    [
      [{ role: 'user', content: [{ type: 'image', url: 'data:text/plain;base64,aGk=' }] }],
      'messages[0].content[0].url',
      /data: URL of an image/,
    ],
    [
      [{ role: 'user', content: [{ type: 'image', url: 'not a url' }] }],
      'messages[0].content[0].url',
      /https: or data: URL/,
    ],
    [
      [{ role: 'user', content: [{ type: 'image' }] }],
      'messages[0].content[0].url',
      /got undefined/,
    ],
    [
      [{ role: 'assistant', content: [{ type: 'text', text: 'x' }] }],
      'messages[0].content',
      /must be a string/,
    ],
    [
      [{ role: 'assistant', content: '', toolCalls: {} }],
      'messages[0].toolCalls',
      /array of tool calls/,
    ],
    [
      [{ role: 'assistant', content: '', toolCalls: [{ ...call, id: '' }] }],
      'messages[0].toolCalls[0].id',
      /non-empty string/,
    ],
    [
      [{ role: 'assistant', content: '', toolCalls: [{ ...call, name: 3 }] }],
      'messages[0].toolCalls[0].name',
      /non-empty string/,
    ],
    [
      [{ role: 'assistant', content: '', toolCalls: [{ ...call, arguments: { city: 'Oslo' } }] }],
      'messages[0].toolCalls[0].arguments',
      /JSON text \(a string\)/,
    ],
    [
      [{ role: 'assistant', content: '', toolCalls: [{ ...call, arguments: '{"city":' }] }],
      'messages[0].toolCalls[0].arguments',
      /does not parse/,
    ],
    [
      [{ role: 'assistant', content: '', toolCalls: [call, call] }],
      'messages[0].toolCalls[1].id',
      /unique/,
    ],
    [[{ role: 'tool', content: 'x' }], 'messages[0].toolCallId', /non-empty string, got undefined/],
    [
      [{ role: 'tool', toolCallId: 'call_9', content: 'x' }],
      'messages[0].toolCallId',
      /earlier assistant message/,
    ],
    [
      [
        { role: 'assistant', content: '', toolCalls: [call] },
        { role: 'tool', toolCallId: 'call_1', content: { celsius: 4 } },
      ],
      'messages[1].content',
      /must be a string/,
    ],
  ])('refuses %j at %s', (messages, field, reason) => {
    const violation = messagesViolation(messages);
    expect(violation?.field).toBe(field);
    expect(violation?.reason).toMatch(reason);
  });

  it('refuses a tool result that comes before the call it answers', () => {
    const messages = [
      { role: 'tool', toolCallId: 'call_1', content: '4' },
      { role: 'assistant', content: '', toolCalls: [call] },
    ];
    expect(messagesViolation(messages)?.field).toBe('messages[0].toolCallId');
  });

  it('never prints an image URL, which may carry a token, nor arguments', () => {
    const secret = 'sk-live-abcdefghijklmnop';
    const violations = [
      messagesViolation([{ role: 'user', content: [{ type: 'image', url: `ftp://h/${secret}` }] }]),
      messagesViolation([{ role: 'user', content: [{ type: 'image', url: `data:,${secret}` }] }]),
      messagesViolation([
        { role: 'assistant', content: '', toolCalls: [{ ...call, arguments: `{${secret}` }] },
      ]),
      messagesViolation([{ role: 'tool', toolCallId: secret, content: '' }]),
    ];
    for (const violation of violations) {
      expect(violation).toBeDefined();
      expect(JSON.stringify(violation)).not.toContain(secret);
    }
  });
});
