/**
 * The length of the valid but incomplete UTF-8 sequence that ends `bytes`: what a streaming
 * `TextDecoder` holds back for the next chunk (SPEC §3, step 1).
 *
 * WHATWG Encoding §9.1.1 (the UTF-8 decoder) decides which prefixes are valid: a lead byte
 * C2–F4 with fewer continuation bytes than it needs, where the first continuation byte is
 * A0–BF after E0, 80–9F after ED, 90–BF after F0, 80–8F after F4, 80–BF otherwise. So `ED A0`
 * (a surrogate's first two bytes) is no tail: it is invalid at once, where CPython's incremental
 * decoder would still wait for a third byte.
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
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    if (byte < 0xc2 || byte > 0xf4 || length >= needed) return 0;
    return length === 1 || isValidSecondByte(byte, bytes[index + 1] ?? 0) ? length : 0;
  }
  return 0;
}

/** Whether `second` may follow the lead byte `lead` (continuation bytes after it are 80–BF). */
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
