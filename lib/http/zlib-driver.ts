import type { Transform } from 'node:stream';

/** A zlib stream (`Inflate`, `InflateRaw`, `BrotliDecompress`...) as the drivers use it. */
export type ZlibStream = Transform & { readonly bytesWritten: number };

/** Awaitable steps over a zlib stream whose output goes to `emit` as it is produced. */
export interface ZlibDriver {
  /** Writes `chunk`; resolves once it was processed and its output emitted. */
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the stream; resolves once its last output was emitted. */
  finish(): Promise<void>;
  /** How many input bytes the engine consumed (it stops at the end of a deflate stream). */
  consumed(): number;
  /** Releases the stream at once. */
  destroy(): void;
}

/**
 * Wraps a zlib stream in awaitable steps. Writing one chunk at a time and awaiting it means
 * every output byte of the input before a failure has been emitted when the failure is
 * reported (a `pipeline` drops what is buffered between its streams).
 *
 * @param stream - a fresh zlib stream.
 * @param emit - where its output goes, in order.
 * @returns the driver.
 * @example
 * ```ts
 * const driver = driveZlib(zlib.createInflateRaw(), (bytes) => subscriber.next(bytes));
 * await driver.write(chunk);
 * await driver.finish();
 * ```
 * @internal
 */
export function driveZlib(stream: ZlibStream, emit: (bytes: Uint8Array) => void): ZlibDriver {
  stream.on('data', (chunk: Uint8Array) => {
    emit(chunk);
  });
  const failed = new Promise<never>((_resolve, reject) => {
    stream.on('error', reject);
  });
  failed.catch(() => undefined);
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        stream.write(chunk, (error) => {
          // The stream's own 'error' says what went wrong; a write callback only says "destroyed".
          if (error) failed.then(resolve, reject);
          else resolve();
        });
      }),
    finish: () =>
      Promise.race([
        new Promise<void>((resolve) => {
          // zlib ends its output by itself at the end of a deflate stream, before `end()`.
          if (stream.readableEnded) resolve();
          else stream.once('end', resolve);
          stream.end();
        }),
        failed,
      ]),
    consumed: () => stream.bytesWritten,
    destroy: () => {
      stream.destroy();
    },
  };
}
