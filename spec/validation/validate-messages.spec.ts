import { describe, expect, it } from 'vitest';
import { CHAT_ROLES, isChatRole } from '../../lib/messages/chat-message.js';
import { messagesViolation } from '../../lib/validation/validate-messages.js';

describe('messagesViolation', () => {
  it.each(CHAT_ROLES.filter((role) => role !== 'tool'))('accepts the role %s', (role) => {
    expect(messagesViolation([{ role, content: 'Hi' }])).toBeUndefined();
  });

  it.each([
    ['developer', '"developer"'],
    ['function', '"function"'],
    ['User', '"User"'],
    ['', 'an empty string'],
    [undefined, 'undefined'],
    [null, 'null'],
    [1, '1'],
    [['user'], 'an array'],
  ])('refuses the role %j, naming the index and the role', (role, shown) => {
    const messages = [
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role, content: 'c' },
    ];
    expect(messagesViolation(messages)).toEqual({
      field: 'messages[2].role',
      reason: `must be one of "system", "user", "assistant", "tool", got ${shown}`,
    });
  });

  it('never prints a role that could be a key or a prompt, only its length', () => {
    for (const role of ['sk-live-123456', 'a'.repeat(33), 'you are a pirate']) {
      const violation = messagesViolation([{ role, content: 'Hi' }]);
      expect(violation?.reason).toBe(
        `must be one of "system", "user", "assistant", "tool", got a string of ${role.length} characters`,
      );
    }
  });

  it('checks the role before the content', () => {
    expect(messagesViolation([{ role: 'bot', content: 1 }])?.field).toBe('messages[0].role');
    expect(messagesViolation([{ role: 'user', content: 1 }])?.field).toBe('messages[0].content');
  });

  it('isChatRole answers for CHAT_ROLES only', () => {
    expect(CHAT_ROLES.every(isChatRole)).toBe(true);
    expect(isChatRole('tool')).toBe(true);
    expect(isChatRole('function')).toBe(false);
    expect(isChatRole({ toString: () => 'user' })).toBe(false);
  });
});
