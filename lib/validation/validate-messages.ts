import { CHAT_ROLES, isChatRole } from '../messages/chat-message.js';
import { describeValue } from './describe-value.js';
import type { Violation } from './violation.js';

const ROLE_LIST = CHAT_ROLES.map((role) => `"${role}"`).join(', ');

/**
 * How a rejected role is shown: a short word made of letters (`"tool"`, `"wizard"`) as itself,
 * anything else by its type and length only — a key or a prompt in the wrong place is never
 * printed.
 */
function describeRole(role: unknown): string {
  if (typeof role !== 'string') return describeValue(role);
  if (role === '') return 'an empty string';
  if (/^[a-z_-]{1,32}$/i.test(role)) return `"${role}"`;
  return `a string of ${role.length} characters`;
}

/**
 * Checks the shape of `messages` as a JavaScript caller may pass it: an array of objects, each
 * with a `role` among `system`, `user`, `assistant` and a string `content`.
 *
 * @param messages - the argument as given.
 * @returns the first rule broken, or `undefined` when the shape is right.
 * @example
 * ```ts
 * messagesViolation([{ role: 'wizard', content: 'Hi' }]);
 * // { field: 'messages[0].role', reason: 'must be one of "system", "user", "assistant", got "wizard"' }
 * ```
 * @internal
 */
export function messagesViolation(messages: unknown): Violation | undefined {
  if (!Array.isArray(messages)) {
    return { field: 'messages', reason: `must be an array, got ${describeValue(messages)}` };
  }
  for (const [index, message] of (messages as readonly unknown[]).entries()) {
    const field = `messages[${index}]`;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return { field, reason: `must be an object, got ${describeValue(message)}` };
    }
    const { role, content } = message as { readonly role?: unknown; readonly content?: unknown };
    if (!isChatRole(role)) {
      const reason = `must be one of ${ROLE_LIST}, got ${describeRole(role)}`;
      return { field: `${field}.role`, reason };
    }
    if (typeof content !== 'string') {
      return {
        field: `${field}.content`,
        reason: `must be a string, got ${describeValue(content)}`,
      };
    }
  }
  return undefined;
}
