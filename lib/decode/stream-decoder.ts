import { DecodeError } from '../errors/decode-error.js';
import { incompleteUtf8TailLength, startsWithInvalidUtf8 } from './utf8-sequences.js';
import { loadedUnicodeNameLookup } from './names/load-unicode-name-lookup.js';
import { NAMES_REQUIRED, UnicodeEscapeDecoder } from './unicode-escape-decoder.js';
import {
  CLOSING_BRACE,
  MALFORMED_N,
  MAX_NAME_LENGTH,
  UNKNOWN_NAME,
} from './unicode-escape-grammar.js';

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
const REPLACEMENT_CHARACTER = '\ufffd';
/**
 * The longest escape left pending: `\N{` and a name of `MAX_NAME_LENGTH` bytes. The other forms
 * are 10 bytes at most (`\U` and 7 digits); a longer tail is an over-long `\N{...` name.
 */
export const MAX_PENDING_ESCAPE = 3 + MAX_NAME_LENGTH;

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  if (head.length === 0) return tail;
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

/**
 * The state machine of `decodeText`: bytes in, text out, UTF-8 with Python's `unicode-escape` as the
 * fallback, never breaking a character or an escape at a chunk boundary.
 *
 * For each chunk, `buf` is the pending tail plus the chunk. In mode `utf8`, if everything before
 * a trailing incomplete UTF-8 sequence is valid, it is the text and the tail stays pending.
 * Otherwise `buf` is decoded as `unicode-escape`, but a trailing escape more bytes could complete
 * stays pending in mode `escape` (the next chunk is joined to it and decoded as `unicode-escape`
 * too). At the end, a pending escape is decoded as final (a truncated escape is malformed) and a
 * pending UTF-8 tail, never valid on its own, as `unicode-escape` (Latin-1).
 *
 * What is pending stays small (3 bytes of UTF-8, `MAX_PENDING_ESCAPE` of escape), so each chunk
 * costs time linear in its length. The one escape that could grow without bound, a `\N{` whose
 * `}` does not come, is settled once its name is longer than any known one (`MAX_NAME_LENGTH`):
 * malformed whatever follows. Its bytes are dropped (mode `skip`, only its offset kept) and each
 * chunk is searched for the `}`: there, it is an unknown name over `\` to `}` (CPython's error
 * range; with `replace`, U+FFFD, and the rest of that chunk is decoded as `unicode-escape`, as
 * Python decodes the whole buffer); at the end of the stream, a malformed `\N` escape.
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
  /**
   * Never called with `stream`: runtimes keep their fast path (Node's simdutf) for such a
   * decoder, several times faster than the streaming one on ASCII.
   */
  private readonly whole = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Whether the last chunk was ASCII, ended on a whole character and left nothing pending. */
  private lastChunkAscii = false;
  private readonly escapes: UnicodeEscapeDecoder;
  private pending = EMPTY;
  private mode: 'utf8' | 'escape' | 'skip' = 'utf8';
  /** The stream offset of `pending[0]`; in mode `skip`, of the over-long escape's `\`. */
  private offset = 0;
  /** In mode `skip`: how many bytes of the over-long escape have gone by, from its `\`. */
  private skipped = 0;
  private stalled:
    { readonly bytes: Uint8Array; readonly final: boolean; readonly prefix: string } | undefined;
  /** Whether the last chunk was not UTF-8: then the next one is tested before `TextDecoder`. */
  private lastChunkNotUtf8 = false;
  /** A held-back UTF-8 tail lives here, seen through `utf8Tails[length]`: no copy per chunk. */
  private readonly utf8TailBytes = new Uint8Array(3);
  private readonly utf8Tails = [0, 1, 2, 3].map((length) => this.utf8TailBytes.subarray(0, length));

  /** @param replace - replace malformed escapes with U+FFFD (`errors: 'replace'`). */
  constructor(private readonly replace: boolean) {
    this.escapes = new UnicodeEscapeDecoder(replace);
  }

  /**
   * How many bytes are held back for the next chunk: at most `MAX_PENDING_ESCAPE` (none while
   * an over-long name is skipped). For tests of that bound.
   *
   * @internal
   */
  get heldBytes(): number {
    return this.pending.length;
  }

  /** Decodes the next chunk. */
  push(chunk: Uint8Array): DecodeStep {
    if (this.mode === 'utf8') {
      const text = this.decodeUtf8(chunk);
      if (text !== undefined) return text;
    } else if (this.mode === 'skip') {
      return this.skipName(chunk);
    }
    return this.decodeEscapes(concat(this.pending, chunk), false);
  }

  /** Decodes what is pending at the end of the stream. */
  end(): DecodeStep {
    // An over-long name that never closed: `\N{...` at the end, malformed up to the end.
    if (this.mode === 'skip') return this.skippedNameFault(MALFORMED_N);
    const pending = this.pending;
    return pending.length === 0 ? '' : this.decodeEscapes(pending, true);
  }

  /**
   * What is pending when the source fails: the held-back bytes as Latin-1 (what the end rules
   * make of a truncated UTF-8 sequence), a truncated escape kept as its characters rather than
   * turned into a second error, so every byte received reaches the subscriber before the error.
   * The one exception is an over-long `\N{...` name being skipped: its bytes were not kept.
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
    return stalled === undefined
      ? ''
      : this.decodeEscapes(stalled.bytes, stalled.final, stalled.prefix);
  }

  /**
   * Mode `skip`: looks for the `}` of the over-long escape at `offset` in `chunk` alone (its
   * bytes so far are gone), which settles it as an unknown name.
   */
  private skipName(chunk: Uint8Array): DecodeStep {
    const close = chunk.indexOf(CLOSING_BRACE);
    if (close < 0) {
      this.skipped += chunk.length;
      return '';
    }
    if (!this.replace) return this.skippedNameFault(UNKNOWN_NAME);
    // U+FFFD for `\` to `}`, then the rest of the buffer, as `unicode-escape` (Python decodes
    // the whole buffer so): `decodeEscapes` sets the mode for the next chunk.
    this.offset += this.skipped + close + 1;
    this.skipped = 0;
    return this.decodeEscapes(chunk.subarray(close + 1), false, REPLACEMENT_CHARACTER);
  }

  /** The over-long escape at `offset` as malformed: U+FFFD with `replace`, else the fault. */
  private skippedNameFault(reason: string): DecodeStep {
    this.mode = 'utf8';
    this.skipped = 0;
    if (this.replace) return REPLACEMENT_CHARACTER;
    return { text: '', error: new DecodeError(reason, this.offset) };
  }

  /** Step 1: the text of `pending + chunk` before its UTF-8 tail, or undefined if not UTF-8. */
  private decodeUtf8(chunk: Uint8Array): string | undefined {
    // A fatal TextDecoder throws on the first invalid byte, and throwing is slow: when chunks are
    // Latin-1 text, a quick look at the first non-ASCII sequence tells it first. (With bytes
    // pending, the TextDecoder holds them, so it decides.)
    if (this.lastChunkNotUtf8 && this.pending.length === 0 && startsWithInvalidUtf8(chunk)) {
      return undefined;
    }
    const pending = this.pending;
    // After an ASCII chunk, nothing is held (by this class or the streaming decoder): a chunk
    // that ends on a whole character decodes alone, on the fast decoder. Text as long as the
    // bytes was ASCII; the next chunk takes the same path. Other text (UTF-8 beyond ASCII is
    // slower on that path) sends the chunks that follow to the streaming decoder.
    if (this.lastChunkAscii && pending.length === 0 && incompleteUtf8TailLength(chunk) === 0) {
      let text: string;
      try {
        text = this.whole.decode(chunk);
      } catch {
        this.lastChunkAscii = false;
        return undefined;
      }
      this.offset += chunk.length;
      this.lastChunkAscii = text.length === chunk.length;
      return text;
    }
    let text: string;
    try {
      text = this.utf8.decode(chunk, STREAM);
    } catch {
      this.lastChunkAscii = false;
      try {
        this.utf8.decode(); // WHATWG: a call without `stream` makes the next one start afresh
      } catch {
        // the flush fails on the same invalid bytes; the decoder is reset all the same
      }
      return undefined;
    }
    // The tail is at most 3 bytes: with 3 bytes of chunk or more, it lies within the chunk.
    const joined = chunk.length >= 3 ? chunk : concat(pending, chunk);
    const tailLength = incompleteUtf8TailLength(joined);
    this.offset += pending.length + chunk.length - tailLength;
    for (let index = 0; index < tailLength; index++) {
      this.utf8TailBytes[index] = joined[joined.length - tailLength + index] ?? 0;
    }
    this.pending = this.utf8Tails[tailLength] ?? EMPTY;
    this.lastChunkNotUtf8 = false;
    this.lastChunkAscii = tailLength === 0 && text.length === pending.length + chunk.length;
    return text;
  }

  /**
   * Step 2: `bytes` as `unicode-escape`, keeping a trailing incomplete escape unless final, or
   * skipping it if it is an over-long `\N{...` name.
   *
   * @param prefix - text that goes before the result (the U+FFFD of a skipped escape).
   */
  private decodeEscapes(bytes: Uint8Array, final: boolean, prefix = ''): DecodeStep {
    const result = this.escapes.decode(bytes, final, loadedUnicodeNameLookup());
    if (result === NAMES_REQUIRED) {
      this.stalled = { bytes, final, prefix };
      return NAMES_REQUIRED;
    }
    if (result.fault !== undefined) {
      const { reason, start } = result.fault;
      return { text: prefix + result.text, error: new DecodeError(reason, this.offset + start) };
    }
    this.lastChunkNotUtf8 = true;
    this.offset += result.end;
    const tailLength = bytes.length - result.end;
    if (tailLength > MAX_PENDING_ESCAPE) {
      // Only `\N{` and a name longer than any known one: drop it, wait for its `}`.
      this.pending = EMPTY;
      this.mode = 'skip';
      this.skipped = tailLength;
    } else {
      this.pending = tailLength === 0 ? EMPTY : bytes.slice(result.end);
      this.mode = tailLength === 0 ? 'utf8' : 'escape';
    }
    return prefix + result.text;
  }
}
