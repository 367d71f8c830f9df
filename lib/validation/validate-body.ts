import { describeValue } from './describe-value.js';
import type { Violation } from './violation.js';

/** How deep a `body` option may nest: far more than any API's fields, far less than the stack. */
export const MAX_BODY_DEPTH = 64;

/** The fields a request's own arguments set, which `body` may not replace. */
const RESERVED_FIELDS: Readonly<Record<string, string>> = {
  model: 'it is the model argument',
  messages: 'it is the messages argument',
  stream: 'it is the stream argument',
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `body.seed`, `body.tools[0]`, or `body[…]` for a key that is not a short identifier. */
const childPath = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]{0,63}$/.test(key)
      ? `${path}.${key}`
      : `${path}[…]`;

/**
 * The first value under `value` that JSON cannot encode faithfully, walking depth-first: a
 * BigInt, NaN or an infinity, a circular reference, nesting deeper than {@link MAX_BODY_DEPTH}.
 *
 * @param value - the value to send.
 * @param path - its path, for the violation's field.
 * @param ancestors - the objects it is inside (`[]` at the top).
 * @returns the first rule broken, or `undefined`.
 * @internal
 */
export function jsonViolation(
  value: unknown,
  path: string,
  ancestors: readonly object[],
): Violation | undefined {
  if (typeof value === 'bigint') {
    return { field: path, reason: 'is a BigInt, which JSON cannot encode' };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { field: path, reason: `must be a finite number, got ${describeValue(value)}` };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  // JSON.stringify sends what `toJSON` returns (a Date's ISO string): not walked.
  if (typeof (value as { readonly toJSON?: unknown }).toJSON === 'function') return undefined;
  if (ancestors.includes(value)) {
    return { field: path, reason: 'refers to an object that contains it (circular)' };
  }
  if (ancestors.length >= MAX_BODY_DEPTH) {
    return { field: path, reason: `nests deeper than ${MAX_BODY_DEPTH} levels` };
  }
  const inside = [...ancestors, value];
  const entries: Iterable<readonly [string | number, unknown]> = Array.isArray(value)
    ? (value as readonly unknown[]).entries()
    : Object.entries(value);
  for (const [key, child] of entries) {
    const violation = jsonViolation(child, childPath(path, key), inside);
    if (violation !== undefined) return violation;
  }
  return undefined;
}

/**
 * Checks a `body` option (extra JSON fields sent with the request): an object, without
 * `model`, `messages` or `stream` (the request's own arguments set those), holding only what
 * JSON encodes faithfully — no BigInt, no NaN or Infinity (JSON would send `null`), no
 * circular reference, at most {@link MAX_BODY_DEPTH} levels deep. Functions, symbols and
 * `undefined` are left out by JSON, as usual; objects with a `toJSON` (a `Date`) send its result.
 *
 * @param body - the option as given (`undefined` when left out).
 * @returns the first rule broken, with the path of the offending value, or `undefined`.
 * @example
 * ```ts
 * bodyViolation({ seed: 7n }); // { field: 'body.seed', reason: 'is a BigInt, which JSON cannot encode' }
 * ```
 * @internal
 */
export function bodyViolation(body: unknown): Violation | undefined {
  if (body === undefined) return undefined;
  if (!isRecord(body)) {
    return { field: 'body', reason: `must be an object, got ${describeValue(body)}` };
  }
  for (const [key, why] of Object.entries(RESERVED_FIELDS)) {
    if (Object.prototype.hasOwnProperty.call(body, key)) {
      return { field: `body.${key}`, reason: `cannot be set through body: ${why}` };
    }
  }
  return jsonViolation(body, 'body', []);
}
