/** UTF-16 code units the piece scanners test. */
export const LF = 0x0a;
/** Carriage return. */
export const CR = 0x0d;

/**
 * Whether `code` is whitespace as the JavaScript RegExp `\s` defines it (ECMA-262
 * WhiteSpace and LineTerminator): tab, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
 *
 * @param code - a UTF-16 code unit.
 * @returns whether it is whitespace.
 * @internal
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether `code` is a UTF-16 high (leading) surrogate.
 *
 * @param code - a UTF-16 code unit.
 * @returns whether a low surrogate should follow it.
 * @internal
 */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
