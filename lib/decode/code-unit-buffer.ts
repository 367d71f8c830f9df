const INITIAL_CAPACITY = 4096;

/**
 * A reusable buffer of UTF-16 code units that becomes a string in one native call, so that a
 * decoder builds its text from runs of char codes instead of concatenating character by
 * character.
 *
 * The text is made by a `TextDecoder` for UTF-16 in the platform's byte order. That decoder
 * would replace a lone surrogate with U+FFFD, so the positions of surrogates written one by one
 * (Python's `\ud800` passes through, SPEC §3) are remembered and those units are spliced in with
 * `String.fromCharCode` instead.
 *
 * @example
 * ```ts
 * const buffer = new CodeUnitBuffer();
 * buffer.reset(3);
 * buffer.push(0x68);
 * buffer.pushCodePoint(0x1f600);
 * buffer.take(); // 'h😀'
 * ```
 */
export class CodeUnitBuffer {
  private units = new Uint16Array(INITIAL_CAPACITY);
  private length = 0;
  private readonly surrogatePositions: number[] = [];
  private readonly utf16 = new TextDecoder(
    new Uint8Array(new Uint16Array([0xfeff]).buffer)[0] === 0xff ? 'utf-16le' : 'utf-16be',
    { ignoreBOM: true },
  );

  /** Empties the buffer and makes room for `capacity` code units. */
  reset(capacity: number): void {
    if (this.units.length < capacity) {
      this.units = new Uint16Array(Math.max(capacity, this.units.length * 2));
    }
    this.length = 0;
    this.surrogatePositions.length = 0;
  }

  /** Appends one code unit below U+D800 or above U+DFFF (a byte, an ASCII escape). */
  push(unit: number): void {
    this.units[this.length++] = unit;
  }

  /** Appends `bytes[start..end)`, each byte as the code unit of the same value (Latin-1). */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    this.units.set(bytes.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Appends a code point: a surrogate pair above U+FFFF, a remembered lone surrogate. */
  pushCodePoint(codePoint: number): void {
    if (codePoint > 0xffff) {
      const offset = codePoint - 0x10000;
      this.units[this.length++] = 0xd800 + (offset >> 10);
      this.units[this.length++] = 0xdc00 + (offset & 0x3ff);
      return;
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) this.surrogatePositions.push(this.length);
    this.units[this.length++] = codePoint;
  }

  /** The text of the code units written since the last reset; the buffer is emptied. */
  take(): string {
    const end = this.length;
    this.length = 0;
    let text = '';
    let start = 0;
    for (const position of this.surrogatePositions) {
      text += this.decode(start, position) + String.fromCharCode(this.units[position] ?? 0);
      start = position + 1;
    }
    this.surrogatePositions.length = 0;
    return text + this.decode(start, end);
  }

  private decode(start: number, end: number): string {
    if (start >= end) return '';
    return this.utf16.decode(new Uint8Array(this.units.buffer, start * 2, (end - start) * 2));
  }
}
