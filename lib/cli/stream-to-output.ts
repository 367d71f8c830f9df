import { Subscription, type Observable } from 'rxjs';

/** Where the CLI writes the reply: `process.stdout`, or any writable stream in tests. */
export type CliOutput = NodeJS.WritableStream & { readonly isTTY?: boolean };

/**
 * How a stream to the output ended without an error: in full, stopped by the signal (Ctrl-C),
 * or stopped because the output was closed (`EPIPE`, e.g. `| head -n 1`).
 */
export type StreamOutcome = 'completed' | 'interrupted' | 'output-closed';

/**
 * Subscribes to `source$` and writes each value, rendered, to `output` the moment it arrives:
 * one `write` per value, nothing held back until the end (on Linux, `process.stdout` writes
 * to pipes and files synchronously, so each chunk leaves the process at once).
 *
 * - `signal` aborted: unsubscribes at once — which aborts the request — and resolves
 *   `'interrupted'`; nothing more is written.
 * - `output` errors (the reader went away): unsubscribes and resolves `'output-closed'`.
 * - `source$` errors: rejects with its error, after the values that came before it.
 *
 * @param source$ - the values to write.
 * @param output - where to write.
 * @param render - a value as text (an empty string writes nothing).
 * @param signal - stops the stream (Ctrl-C).
 * @returns how the stream ended.
 * @example
 * ```ts
 * const outcome = await streamToOutput(text$, process.stdout, (chunk) => chunk, signal);
 * ```
 */
export function streamToOutput<T>(
  source$: Observable<T>,
  output: CliOutput,
  render: (value: T) => string,
  signal?: AbortSignal,
): Promise<StreamOutcome> {
  return new Promise<StreamOutcome>((resolve, reject) => {
    if (signal?.aborted) {
      resolve('interrupted');
      return;
    }
    let settled = false;
    // A container: a source that ends while `subscribe` runs is unsubscribed when added.
    const subscription = new Subscription();
    const end = (settle: () => void, keepErrorListener = false): void => {
      if (settled) return;
      settled = true;
      subscription.unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      // A closed output may still report the writes in flight: keep listening, quietly.
      if (!keepErrorListener) output.off('error', onOutputError);
      settle();
    };
    const onAbort = (): void => {
      end(() => {
        resolve('interrupted');
      });
    };
    const onOutputError = (): void => {
      end(() => {
        resolve('output-closed');
      }, true);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    output.on('error', onOutputError);
    subscription.add(
      source$.subscribe({
        next: (value) => {
          const text = render(value);
          if (text !== '' && !settled) output.write(text);
        },
        error: (error: unknown) => {
          end(() => {
            // The source's error, unchanged: the caller maps it to an exit code.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            reject(error);
          });
        },
        complete: () => {
          end(() => {
            resolve('completed');
          });
        },
      }),
    );
  });
}
