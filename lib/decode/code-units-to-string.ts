let nativeUtf16: TextDecoder | undefined;

/** A UTF-16 `TextDecoder` in the platform's byte order, the one a `Uint16Array` is stored in. */
function nativeUtf16Decoder(): TextDecoder {
  const littleEndian = new Uint8Array(new Uint16Array([0xfeff]).buffer)[0] === 0xff;
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });
}

/**
 * The string of `units[0..length)`, made in one native call rather than character by character.
 *
 * A UTF-16 `TextDecoder` would replace a lone surrogate with U+FFFD, so the positions of the
 * surrogates that may stand alone (Python's `\ud800` passes through) are given, and
 * those units are spliced in with `String.fromCharCode`: two of them that meet still make a pair.
 *
 * @param units - the code units.
 * @param length - how many of them.
 * @param loneSurrogates - the ascending positions of units in D800–DFFF not written as a pair.
 * @returns the text.
 *
 * @example
 * ```ts
 * codeUnitsToString(Uint16Array.of(0x68, 0xd800, 0x69), 3, [1]); // 'h\ud800i'
 * ```
 */
export function codeUnitsToString(
  units: Uint16Array,
  length: number,
  loneSurrogates: readonly number[],
): string {
  nativeUtf16 ??= nativeUtf16Decoder();
  const utf16 = nativeUtf16;
  const decode = (start: number, end: number) =>
    start >= end
      ? ''
      : utf16.decode(new Uint8Array(units.buffer, units.byteOffset + start * 2, (end - start) * 2));
  let text = '';
  let start = 0;
  for (const position of loneSurrogates) {
    text += decode(start, position) + String.fromCharCode(units[position] ?? 0);
    start = position + 1;
  }
  return text + decode(start, length);
}
