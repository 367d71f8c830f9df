import { describeValue } from './describe-value.js';
import type { Violation } from './violation.js';

/**
 * Checks the shape of `messages` as a JavaScript caller may pass it: an array of objects, each
 * with a non-empty string `role` and a string `content`.
 *
 * @param messages - the argument as given.
 * @returns the first rule broken, or `undefined` when the shape is right.
 * @example
 * ```ts
 * messagesViolation([{ content: 'Hi' }]); // { field: 'messages[0].role', reason: '...' }
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
    if (typeof role !== 'string' || role === '') {
      const got = role === '' ? 'an empty string' : describeValue(role);
      return { field: `${field}.role`, reason: `must be a non-empty string, got ${got}` };
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
