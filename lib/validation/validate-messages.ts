import { CHAT_ROLES, isChatRole } from '../messages/chat-message.js';
import { describeValue } from './describe-value.js';
import { contentViolation } from './validate-content.js';
import { toolCallsViolation } from './validate-tool-calls.js';
import type { Violation } from './violation.js';

const ROLE_LIST = CHAT_ROLES.map((role) => `"${role}"`).join(', ');

/**
 * How a rejected role is shown: a short word made of letters (`"developer"`, `"wizard"`) as
 * itself, anything else by its type and length only — a key or a prompt in the wrong place is
 * never printed.
 */
function describeRole(role: unknown): string {
  if (typeof role !== 'string') return describeValue(role);
  if (role === '') return 'an empty string';
  if (/^[a-z_-]{1,32}$/i.test(role)) return `"${role}"`;
  return `a string of ${role.length} characters`;
}

type LooseMessage = Readonly<Record<string, unknown>>;

function stringContent(content: unknown, field: string): Violation | undefined {
  if (typeof content === 'string') return undefined;
  return { field, reason: `must be a string, got ${describeValue(content)}` };
}

/** The rules of one message of a known role; `calls` holds the ids of earlier tool calls. */
function messageViolation(
  message: LooseMessage,
  field: string,
  calls: Set<string>,
): Violation | undefined {
  switch (message.role) {
    case 'system':
    case 'user':
      return contentViolation(message.content, `${field}.content`);
    case 'assistant':
      return (
        stringContent(message.content, `${field}.content`) ??
        (message.toolCalls === undefined
          ? undefined
          : toolCallsViolation(message.toolCalls, `${field}.toolCalls`, calls))
      );
    default: {
      const { toolCallId } = message;
      if (typeof toolCallId !== 'string' || toolCallId === '') {
        const reason = `must be a non-empty string, got ${describeValue(toolCallId)}`;
        return { field: `${field}.toolCallId`, reason };
      }
      if (!calls.has(toolCallId)) {
        const reason = 'must be the id of a tool call of an earlier assistant message';
        return { field: `${field}.toolCallId`, reason };
      }
      return stringContent(message.content, `${field}.content`);
    }
  }
}

/**
 * Checks the shape of `messages` as a JavaScript caller may pass it: an array of objects, each
 * with a `role` among `system`, `user`, `assistant`, `tool` and the fields of that role —
 * `system`/`user`: `content` a string or text and image parts; `assistant`: `content` a string
 * and optional `toolCalls` (`{ id, name, arguments }`, `arguments` JSON text, ids unique);
 * `tool`: `toolCallId` naming a call of an earlier assistant message, `content` a string.
 *
 * @param messages - the argument as given.
 * @returns the first rule broken, or `undefined` when the shape is right.
 * @example
 * ```ts
 * messagesViolation([{ role: 'wizard', content: 'Hi' }]);
 * // { field: 'messages[0].role', reason: 'must be one of "system", "user", "assistant", "tool", got "wizard"' }
 * ```
 * @internal
 */
export function messagesViolation(messages: unknown): Violation | undefined {
  if (!Array.isArray(messages)) {
    return { field: 'messages', reason: `must be an array, got ${describeValue(messages)}` };
  }
  const calls = new Set<string>();
  for (const [index, message] of (messages as readonly unknown[]).entries()) {
    const field = `messages[${index}]`;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return { field, reason: `must be an object, got ${describeValue(message)}` };
    }
    const { role } = message as LooseMessage;
    if (!isChatRole(role)) {
      const reason = `must be one of ${ROLE_LIST}, got ${describeRole(role)}`;
      return { field: `${field}.role`, reason };
    }
    const violation = messageViolation(message as LooseMessage, field, calls);
    if (violation) return violation;
  }
  return undefined;
}
