const WHOLE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PREFIX = /^-?(?:(?:0|[1-9]\d*)(?:\.\d*)?(?:(?<=\d)[eE][+-]?\d*)?)?$/;
const INCOMPLETE_END = /(?:[eE][+-]?|\.|-)$/;

/**
 * Whether `text` is a whole JSON number (RFC 8259 §6).
 *
 * @param text - the number's characters.
 * @internal
 */
export function isJsonNumber(text: string): boolean {
  return WHOLE.test(text);
}

/**
 * Whether more characters could still make `text` a JSON number (`-`, `1.`, `2e+` can; `01`,
 * `1..` cannot).
 *
 * @param text - the number's characters so far.
 * @internal
 */
export function isJsonNumberPrefix(text: string): boolean {
  return PREFIX.test(text);
}

/**
 * The value of a number still being streamed: its longest whole prefix (`1.` is 1, `2e` is 2),
 * or `undefined` when it has no digit yet (`-`).
 *
 * @param text - a number prefix.
 * @internal
 */
export function partialNumberValue(text: string): number | undefined {
  const whole = text.replace(INCOMPLETE_END, '').replace(INCOMPLETE_END, '');
  return whole === '' || whole === '-' ? undefined : Number(whole);
}
