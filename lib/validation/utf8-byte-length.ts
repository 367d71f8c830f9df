/**
 * The length of `text` encoded as UTF-8, counted without encoding it (a 10 MB prompt is
 * measured, never copied). A lone surrogate counts 3 bytes, as `TextEncoder` writes U+FFFD.
 *
 * @param text - any string.
 * @returns its UTF-8 byte length.
 * @example
 * ```ts
 * utf8ByteLength('héllo €'); // 10
 * ```
 * @internal
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
