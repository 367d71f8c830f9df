/** What an option's value must be. */
export type NumberRule = 'positive' | 'deadline' | 'non-negative' | 'count';

const EXPECTED: Record<NumberRule, string> = {
  positive: 'a positive finite number',
  deadline: 'a positive number of ms, or Infinity for none',
  'non-negative': 'a finite number of 0 or more',
  count: 'a whole number of 0 or more, or Infinity',
};

function follows(value: number, rule: NumberRule): boolean {
  switch (rule) {
    case 'positive':
      return Number.isFinite(value) && value > 0;
    case 'deadline':
      return value > 0;
    case 'non-negative':
      return Number.isFinite(value) && value >= 0;
    case 'count':
      return value === Infinity || (Number.isInteger(value) && value >= 0);
  }
}

/**
 * The option's value when it follows `rule`; throws at once otherwise, as RxJS operators do
 * when they are created with bad arguments.
 *
 * @param value - the option as the caller passed it (checked at runtime too, for JS callers).
 * @param rule - what the value must be.
 * @param name - how the message names the option, e.g. `retryCompletion: count`.
 * @returns `value`.
 * @throws TypeError when `value` is not a number, RangeError when it breaks `rule`.
 * @internal
 */
export function checkedNumber(value: unknown, rule: NumberRule, name: string): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be ${EXPECTED[rule]}, got ${typeof value}`);
  }
  if (!follows(value, rule)) {
    throw new RangeError(`${name} must be ${EXPECTED[rule]}, got ${value}`);
  }
  return value;
}
