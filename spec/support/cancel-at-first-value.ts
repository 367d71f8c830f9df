import type { Observable } from 'rxjs';
import { expect } from 'vitest';
import type { LoopbackServer } from '../../lib/testing/index.js';
import { nextMacrotask } from './collect.js';

/**
 * Subscribes, unsubscribes from inside the first `next`, and waits until the server has seen
 * the connection close and gone idle (and one more macrotask, for any late callback).
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
  const subscription = source.subscribe({
    next: (value) => {
      seen.push(show(value));
      subscription.unsubscribe();
    },
    error: () => seen.push('error'),
    complete: () => seen.push('complete'),
  });
  const [recorded] = await server.waitForRequests(1);
  await expect(recorded?.closed).resolves.toBe('client-closed');
  await server.waitForIdle({ timeoutMs: 1000 });
  await nextMacrotask();
  return seen;
}
