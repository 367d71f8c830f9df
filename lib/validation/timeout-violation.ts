import { describeValue } from './describe-value.js';
import type { Violation } from './violation.js';

const DEADLINES = ['first', 'each', 'total', 'idle'] as const;

const isDeadline = (value: unknown): boolean =>
  typeof value === 'number' && !Number.isNaN(value) && value > 0;

/**
 * Checks the `timeout` option: a deadline in ms (a positive number, `Infinity` included), or an
 * object of such deadlines under `first`, `each`, `total` and `idle`.
 *
 * @param timeout - the option as given (`undefined` when left out).
 * @returns the rule broken, or `undefined`.
 * @example
 * ```ts
 * timeoutViolation({ each: -1 }); // { field: 'timeout.each', reason: 'must be ...' }
 * ```
 * @internal
 */
export function timeoutViolation(timeout: unknown): Violation | undefined {
  const rule = 'must be a positive number of milliseconds (Infinity for none)';
  if (timeout === undefined || isDeadline(timeout)) return undefined;
  if (typeof timeout !== 'object' || timeout === null || Array.isArray(timeout)) {
    return {
      field: 'timeout',
      reason: `${rule}, or { first, each, total, idle }; got ${describeValue(timeout)}`,
    };
  }
  const deadlines = timeout as Readonly<Record<string, unknown>>;
  for (const name of DEADLINES) {
    const value = deadlines[name];
    if (value !== undefined && !isDeadline(value)) {
      return { field: `timeout.${name}`, reason: `${rule}, got ${describeValue(value)}` };
    }
  }
  return undefined;
}
