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

/** Resolves after the current macrotask queue has run (lets late callbacks show up). */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}
