import type { Observable } from 'rxjs';
import { expect } from 'vitest';
import type { LoopbackServer } from '../../lib/testing/index.js';

/**
 * Subscribes, unsubscribes from inside the first `next`, and waits for the request's actual
 * end: the server sees the connection closed by the client, then no connection is open.
 * Everything the subscriber saw is recorded, and anything seen after the unsubscribe is
 * marked `after unsubscribe: ...`, so a late emission shows in the result by name.
 *
 * @param source - the completion or byte stream under test.
 * @param server - the loopback server it talks to.
 * @param show - how a value is recorded.
 * @returns everything the subscriber saw: values (as `show` gives them), `error`, `complete`.
 */
export async function cancelAtFirstValue<T>(
  source: Observable<T>,
  server: LoopbackServer,
  show: (value: T) => string,
): Promise<string[]> {
  const seen: string[] = [];
  let unsubscribed = false;
  const record = (entry: string): void => {
    seen.push(unsubscribed ? `after unsubscribe: ${entry}` : entry);
  };
  const subscription = source.subscribe({
    next: (value) => {
      record(show(value));
      unsubscribed = true;
      subscription.unsubscribe();
    },
    error: () => {
      record('error');
    },
    complete: () => {
      record('complete');
    },
  });
  const [recorded] = await server.waitForRequests(1);
  await expect(recorded?.closed, 'how the server saw the request end').resolves.toBe(
    'client-closed',
  );
  await server.waitForIdle({ timeoutMs: 1000 });
  return seen;
}
