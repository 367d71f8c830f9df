/**
 * UTF-8 sequences as WHATWG Encoding §4.1.1 (the UTF-8 decoder) reads them, the rules
 * `TextDecoder` follows (WHATWG Encoding, "UTF-8 decoder"): a lead byte C2–F4 needs 1 to 3 continuation bytes
 * 80–BF, and the first of them is A0–BF after E0, 80–9F after ED, 90–BF after F0 and 80–8F
 * after F4. So `ED A0` (a surrogate's first two bytes) is invalid at once, where CPython's
 * incremental decoder would still wait for a third byte.
 *
 * @module
 */

/** The bytes a sequence with this lead byte has, or 0 if it is no valid lead byte. */
function sequenceLength(lead: number): number {
  if (lead < 0xc2 || lead > 0xf4) return 0;
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** Whether `second` may follow the lead byte `lead`. */
function isValidSecondByte(lead: number, second: number): boolean {
  switch (lead) {
    case 0xe0:
      return second >= 0xa0 && second <= 0xbf;
    case 0xed:
      return second >= 0x80 && second <= 0x9f;
    case 0xf0:
      return second >= 0x90 && second <= 0xbf;
    case 0xf4:
      return second >= 0x80 && second <= 0x8f;
    default:
      return second >= 0x80 && second <= 0xbf;
  }
}

/**
 * The length of the valid but incomplete UTF-8 sequence that ends `bytes`: what a streaming
 * `TextDecoder` holds back for the next chunk.
 *
 * @param bytes - the bytes so far.
 * @returns 0 when `bytes` ends with a complete (or invalid) sequence, else 1 to 3.
 *
 * @example
 * ```ts
 * incompleteUtf8TailLength(Uint8Array.of(0x61, 0xe4, 0xb8)); // 2: the start of '一'
 * incompleteUtf8TailLength(Uint8Array.of(0x61, 0xed, 0xa0)); // 0: never valid
 * ```
 */
export function incompleteUtf8TailLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let index = end - 1; index >= 0 && index >= end - 3; index--) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) return 0;
    if (byte < 0xc0) continue; // a continuation byte: look further back for the lead
    const length = end - index;
    if (length >= sequenceLength(byte)) return 0; // complete, or no lead byte at all
    return length === 1 || isValidSecondByte(byte, bytes[index + 1] ?? 0) ? length : 0;
  }
  return 0;
}

/**
 * Whether the first sequence of `bytes` that is not ASCII is invalid UTF-8, so that `bytes`, and
 * anything they end, is not UTF-8: a quick test that spares a throwing `TextDecoder` call when
 * chunks are Latin-1 text. A sequence cut short by the end of `bytes` is not called invalid.
 *
 * @param bytes - the bytes to test.
 * @returns true if `bytes` are certainly not UTF-8; false if they may be.
 *
 * @example
 * ```ts
 * startsWithInvalidUtf8(Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x20)); // true: 'café' in Latin-1
 * startsWithInvalidUtf8(Uint8Array.of(0x63, 0xc3, 0xa9, 0xff)); // false: 'é' is valid
 * ```
 */
export function startsWithInvalidUtf8(bytes: Uint8Array): boolean {
  const end = bytes.length;
  let index = 0;
  while (index < end && (bytes[index] ?? 0) < 0x80) index++;
  if (index === end) return false;
  const lead = bytes[index] ?? 0;
  const length = sequenceLength(lead);
  if (length === 0) return true;
  for (let offset = 1; offset < length; offset++) {
    const byte = bytes[index + offset];
    if (byte === undefined) return false;
    const valid = offset === 1 ? isValidSecondByte(lead, byte) : byte >= 0x80 && byte <= 0xbf;
    if (!valid) return true;
  }
  return false;
}
