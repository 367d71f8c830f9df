import { from } from 'rxjs';

import { decodeText } from '../../lib/decode/decode-text.js';
import { DecodeError } from '../../lib/errors/decode-error.js';
import type { DecodeCase, DecodeOutcome } from './python-oracle.js';

/**
 * Runs decodeText over the chunks of a case and collects what it emits, synchronously: the name
 * table must be loaded already (otherwise a `\N{...}` escape would make the result async).
 */
export function decodeChunks({ chunks, errors }: DecodeCase): DecodeOutcome {
  const emissions: string[] = [];
  let error: DecodeOutcome['error'] = null;
  const subscription = from(chunks)
    .pipe(decodeText({ errors }))
    .subscribe({
      next: (text) => emissions.push(text),
      error: (e: unknown) => {
        if (!(e instanceof DecodeError)) throw e;
        error = { reason: e.reason, offset: e.offset };
      },
    });
  if (!subscription.closed) throw new Error('decodeText did not finish synchronously');
  return { emissions, error };
}

/** Splits `bytes` at the given cut points (sorted or not, duplicates make empty chunks). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/** Every single-byte chunk of `bytes`. */
export function singleBytes(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (_, index) => bytes.subarray(index, index + 1));
}
