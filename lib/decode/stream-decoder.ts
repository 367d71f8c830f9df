import { DecodeError } from '../errors/decode-error.js';
import { incompleteUtf8TailLength, startsWithInvalidUtf8 } from './utf8-sequences.js';
import { loadedUnicodeNameLookup } from './names/load-unicode-name-lookup.js';
import { NAMES_REQUIRED, UnicodeEscapeDecoder } from './unicode-escape-decoder.js';

export { NAMES_REQUIRED } from './unicode-escape-decoder.js';

/** The text before a malformed escape, and the error that ends the stream after it. */
export interface DecodeFault {
  readonly text: string;
  readonly error: DecodeError;
}

/**
 * What one step of a {@link StreamDecoder} gives: the text decoded (maybe empty), a fault, or
 * `NAMES_REQUIRED` when a `\N{...}` escape waits for the name table (then call `resume`).
 */
export type DecodeStep = string | DecodeFault | typeof NAMES_REQUIRED;

const EMPTY = /* @__PURE__ */ new Uint8Array(0);
const STREAM = { stream: true } as const;

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  if (head.length === 0) return tail;
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

/**
 * The state machine of SPEC §3: bytes in, text out, UTF-8 with Python's `unicode-escape` as the
 * fallback, never breaking a character or an escape at a chunk boundary.
 *
 * For each chunk, `buf` is the pending tail plus the chunk. In mode `utf8`, if everything before
 * a trailing incomplete UTF-8 sequence is valid, it is the text and the tail stays pending.
 * Otherwise `buf` is decoded as `unicode-escape`, but a trailing escape more bytes could complete
 * stays pending in mode `escape` (the next chunk is joined to it and decoded as `unicode-escape`
 * too). At the end, a pending escape is decoded as final (a truncated escape is malformed) and a
 * pending UTF-8 tail, never valid on its own, as `unicode-escape` (Latin-1).
 *
 * Valid UTF-8 goes through one streaming fatal `TextDecoder` call per chunk, without copies: the
 * decoder holds the same tail that this class keeps (WHATWG Encoding), which is needed only if a
 * later chunk turns out not to be UTF-8.
 *
 * @example
 * ```ts
 * const decoder = new StreamDecoder(false);
 * decoder.push(Uint8Array.of(0x68, 0xe4)); // 'h'
 * decoder.push(Uint8Array.of(0xb8, 0x80)); // '一'
 * decoder.end(); // ''
 * ```
 */
export class StreamDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly escapes: UnicodeEscapeDecoder;
  private pending = EMPTY;
  private mode: 'utf8' | 'escape' = 'utf8';
  /** The stream offset of `pending[0]`. */
  private offset = 0;
  private stalled: { readonly bytes: Uint8Array; readonly final: boolean } | undefined;
  /** Whether the last chunk was not UTF-8: then the next one is tested before `TextDecoder`. */
  private lastChunkNotUtf8 = false;
  /** A held-back UTF-8 tail lives here, seen through `utf8Tails[length]`: no copy per chunk. */
  private readonly utf8TailBytes = new Uint8Array(3);
  private readonly utf8Tails = [0, 1, 2, 3].map((length) => this.utf8TailBytes.subarray(0, length));

  /** @param replace - replace malformed escapes with U+FFFD (`errors: 'replace'`). */
  constructor(replace: boolean) {
    this.escapes = new UnicodeEscapeDecoder(replace);
  }

  /** Decodes the next chunk. */
  push(chunk: Uint8Array): DecodeStep {
    if (this.mode === 'utf8') {
      const text = this.decodeUtf8(chunk);
      if (text !== undefined) return text;
    }
    return this.decodeEscapes(concat(this.pending, chunk), false);
  }

  /** Decodes what is pending at the end of the stream. */
  end(): DecodeStep {
    const pending = this.pending;
    return pending.length === 0 ? '' : this.decodeEscapes(pending, true);
  }

  /**
   * What is pending when the source fails: the held-back bytes as Latin-1 (what the end rules
   * make of a truncated UTF-8 sequence), a truncated escape kept as its characters rather than
   * turned into a second error, so every byte received reaches the subscriber before the error.
   */
  salvage(): string {
    const pending = this.pending;
    this.pending = EMPTY;
    let text = '';
    for (const byte of pending) text += String.fromCharCode(byte);
    return text;
  }

  /** Decodes again the bytes that returned `NAMES_REQUIRED`, once the names are loaded. */
  resume(): DecodeStep {
    const stalled = this.stalled;
    this.stalled = undefined;
    return stalled === undefined ? '' : this.decodeEscapes(stalled.bytes, stalled.final);
  }

  /** Step 1: the text of `pending + chunk` before its UTF-8 tail, or undefined if not UTF-8. */
  private decodeUtf8(chunk: Uint8Array): string | undefined {
    // A fatal TextDecoder throws on the first invalid byte, and throwing is slow: when chunks are
    // Latin-1 text, a quick look at the first non-ASCII sequence tells it first. (With bytes
    // pending, the TextDecoder holds them, so it decides.)
    if (this.lastChunkNotUtf8 && this.pending.length === 0 && startsWithInvalidUtf8(chunk)) {
      return undefined;
    }
    let text: string;
    try {
      text = this.utf8.decode(chunk, STREAM);
    } catch {
      try {
        this.utf8.decode(); // WHATWG: a call without `stream` makes the next one start afresh
      } catch {
        // the flush fails on the same invalid bytes; the decoder is reset all the same
      }
      return undefined;
    }
    const pending = this.pending;
    // The tail is at most 3 bytes: with 3 bytes of chunk or more, it lies within the chunk.
    const joined = chunk.length >= 3 ? chunk : concat(pending, chunk);
    const tailLength = incompleteUtf8TailLength(joined);
    this.offset += pending.length + chunk.length - tailLength;
    for (let index = 0; index < tailLength; index++) {
      this.utf8TailBytes[index] = joined[joined.length - tailLength + index] ?? 0;
    }
    this.pending = this.utf8Tails[tailLength] ?? EMPTY;
    this.lastChunkNotUtf8 = false;
    return text;
  }

  /** Step 2: `bytes` as `unicode-escape`, keeping a trailing incomplete escape unless final. */
  private decodeEscapes(bytes: Uint8Array, final: boolean): DecodeStep {
    const result = this.escapes.decode(bytes, final, loadedUnicodeNameLookup());
    if (result === NAMES_REQUIRED) {
      this.stalled = { bytes, final };
      return NAMES_REQUIRED;
    }
    if (result.fault !== undefined) {
      const { reason, start } = result.fault;
      return { text: result.text, error: new DecodeError(reason, this.offset + start) };
    }
    this.lastChunkNotUtf8 = true;
    this.offset += result.end;
    this.pending = result.end === bytes.length ? EMPTY : bytes.slice(result.end);
    this.mode = this.pending.length === 0 ? 'utf8' : 'escape';
    return result.text;
  }
}
