import type { Observable } from 'rxjs';

/** Everything an Observable delivered: values, then either an error or completion. */
export interface Collected<T> {
  readonly values: T[];
  error?: unknown;
  completed: boolean;
}

/**
 * Subscribes and resolves when the Observable errors or completes, with all it emitted.
 *
 * @param source - the Observable under test.
 */
export function collect<T>(source: Observable<T>): Promise<Collected<T>> {
  return new Promise((resolve) => {
    const result: Collected<T> = { values: [], completed: false };
    source.subscribe({
      next: (value) => result.values.push(value),
      error: (error: unknown) => {
        result.error = error;
        resolve(result);
      },
      complete: () => {
        result.completed = true;
        resolve(result);
      },
    });
  });
}

/** An error as a failure message shows it: its class, code and message. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${error.message}`;
}

/**
 * Subscribes and resolves with the values of an Observable that must complete. When it errors
 * instead, rejects with an error that says so — the failure's class, code and message, the
 * values that came before it, and the failure as `cause` — so that a test reports the real
 * failure, not a missing value downstream of it.
 *
 * @param source - the Observable under test.
 */
export async function collectCompleted<T>(source: Observable<T>): Promise<T[]> {
  const result = await collect(source);
  if (!result.completed) {
    throw new Error(
      `expected the Observable to complete, but after ${result.values.length} value(s) it ` +
        `failed with ${describeError(result.error)}`,
      { cause: result.error },
    );
  }
  return result.values;
}

/** Joins byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function refusedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}
