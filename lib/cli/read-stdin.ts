import { UsageError } from './usage-error.js';

/** What {@link readStdin} reads from: `process.stdin`, or any readable stream in tests. */
export type StdinStream = NodeJS.ReadableStream & { readonly isTTY?: boolean };

/** The largest prompt read from stdin: 16 MiB. */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/**
 * Reads stdin to its end and decodes it as UTF-8 (a BOM is dropped, invalid bytes become
 * U+FFFD, as WHATWG's `TextDecoder` does).
 *
 * - A terminal (`isTTY`) is not read: waiting for the user to type a prompt and Ctrl-D would
 *   look like a hang, so it is a {@link UsageError} instead (pointing to `rx-completions chat`).
 * - More than `maxBytes` is a {@link UsageError}, not memory growth.
 * - `signal` (Ctrl-C) stops reading: the stream is destroyed, so it holds the process no
 *   longer, and the promise rejects with the signal's reason.
 *
 * @param stdin - the stream to read.
 * @param signal - aborts the read.
 * @param maxBytes - the most bytes accepted.
 * @returns the text.
 * @example
 * ```ts
 * const prompt = await readStdin(process.stdin, controller.signal);
 * ```
 */
export function readStdin(
  stdin: StdinStream,
  signal?: AbortSignal,
  maxBytes: number = MAX_STDIN_BYTES,
): Promise<string> {
  if (stdin.isTTY === true) {
    return Promise.reject(
      new UsageError(
        'no prompt: give it as arguments or pipe it to stdin, or run rx-completions chat to type a conversation',
      ),
    );
  }
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void): void => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const stop = (error: Error): void => {
      finish(() => {
        reject(error);
      });
      // Nothing more is wanted from it; a destroyed stdin no longer keeps the process alive.
      (stdin as Partial<NodeJS.ReadableStream & { destroy(): void }>).destroy?.();
    };
    const onData = (chunk: string | Buffer): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > maxBytes) {
        stop(new UsageError(`the prompt on stdin is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => {
      finish(() => {
        resolve(new TextDecoder().decode(Buffer.concat(chunks)));
      });
    };
    const onError = (error: Error): void => {
      stop(error);
    };
    const onAbort = (): void => {
      const reason: unknown = signal?.reason;
      stop(reason instanceof Error ? reason : new Error('aborted'));
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onError);
  });
}
