import { describeValue } from './describe-value.js';
import type { Violation } from './violation.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function nonEmptyString(value: unknown, field: string): Violation | undefined {
  if (typeof value === 'string' && value !== '') return undefined;
  return { field, reason: `must be a non-empty string, got ${describeValue(value)}` };
}

function argumentsViolation(text: unknown, field: string): Violation | undefined {
  if (typeof text !== 'string') {
    return { field, reason: `must be JSON text (a string), got ${describeValue(text)}` };
  }
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return { field, reason: 'must be JSON text (RFC 8259), got text that does not parse' };
  }
}

/**
 * Checks an assistant message's `toolCalls`: an array of `{ id, name, arguments }`, the id and
 * name non-empty strings, `arguments` JSON text; ids unique within the conversation.
 *
 * @param calls - the field as given.
 * @param field - its path, e.g. `messages[2].toolCalls`.
 * @param seen - the ids of earlier calls; this message's ids are added.
 * @returns the first rule broken, or `undefined`.
 * @example
 * ```ts
 * toolCallsViolation([{ id: 'c1', name: 'w', arguments: '{' }], 'messages[1].toolCalls', new Set());
 * // { field: 'messages[1].toolCalls[0].arguments', reason: 'must be JSON text (RFC 8259), …' }
 * ```
 * @internal
 */
export function toolCallsViolation(
  calls: unknown,
  field: string,
  seen: Set<string>,
): Violation | undefined {
  if (!Array.isArray(calls)) {
    return { field, reason: `must be an array of tool calls, got ${describeValue(calls)}` };
  }
  for (const [index, call] of (calls as readonly unknown[]).entries()) {
    const at = `${field}[${index}]`;
    if (!isRecord(call))
      return { field: at, reason: `must be an object, got ${describeValue(call)}` };
    const violation =
      nonEmptyString(call.id, `${at}.id`) ??
      nonEmptyString(call.name, `${at}.name`) ??
      argumentsViolation(call.arguments, `${at}.arguments`) ??
      (call.signature === undefined || typeof call.signature === 'string'
        ? undefined
        : {
            field: `${at}.signature`,
            reason: `must be a string, got ${describeValue(call.signature)}`,
          });
    if (violation) return violation;
    const id = call.id as string;
    if (seen.has(id))
      return { field: `${at}.id`, reason: 'must be unique: an earlier call has it' };
    seen.add(id);
  }
  return undefined;
}
