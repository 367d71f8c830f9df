/**
 * How a validation message shows a value it rejects: a number as itself (it can hold no
 * secret), anything else by its type only — a prompt, or a key passed in the wrong place,
 * is never printed.
 *
 * @param value - the rejected value.
 * @returns e.g. `a string`, `an array`, `null`, `undefined`, `NaN`, `-1`.
 * @example
 * ```ts
 * describeValue('sk-123'); // 'a string'
 * describeValue(Number.NaN); // 'NaN'
 * ```
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}
