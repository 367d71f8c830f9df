const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

function endOfZeroTerminated(bytes: Uint8Array, from: number): number | undefined {
  const zero = bytes.indexOf(0, from);
  return zero === -1 ? undefined : zero + 1;
}

/**
 * The length of the gzip member header at the start of `bytes` (RFC 1952 §2.3): 10 bytes,
 * plus the optional extra field, name, comment and header CRC its flags announce.
 *
 * @param bytes - the body from the member's first byte.
 * @returns the header's length, `undefined` when more bytes are needed, or `-1` when the
 *   bytes do not start a gzip member.
 * @example
 * ```ts
 * gzipHeaderLength(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])); // 10
 * ```
 * @internal
 */
export function gzipHeaderLength(bytes: Uint8Array): number | undefined {
  if (bytes.length >= 1 && bytes[0] !== 0x1f) return -1;
  if (bytes.length >= 2 && bytes[1] !== 0x8b) return -1;
  if (bytes.length >= 3 && bytes[2] !== 8) return -1;
  if (bytes.length < 10) return undefined;
  const flags = bytes[3] ?? 0;
  let length: number | undefined = 10;
  if (flags & FEXTRA) {
    if (bytes.length < 12) return undefined;
    length += 2 + ((bytes[10] ?? 0) | ((bytes[11] ?? 0) << 8));
  }
  if (flags & FNAME) length = endOfZeroTerminated(bytes, length);
  if (length !== undefined && flags & FCOMMENT) length = endOfZeroTerminated(bytes, length);
  if (length !== undefined && flags & FHCRC) length += 2;
  return length === undefined || length > bytes.length ? undefined : length;
}
