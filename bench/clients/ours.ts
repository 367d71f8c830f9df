import type { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import type { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { BENCH_MESSAGES, BENCH_MODEL, type BodyClient, type ChatClient } from './chat-client.js';

/**
 * The classes ours is measured with: from the built package (`dist/`, what users run) in the
 * bench, from `lib/` in the tests.
 */
export interface OursModule {
  readonly OpenAICompatible: typeof OpenAICompatible;
  readonly Aivvm: typeof Aivvm;
}

/**
 * Ours: `OpenAICompatible.createCompletion`, cancelled by unsubscribing.
 *
 * @param root - the `/v1` root.
 * @param ours - the package's classes.
 * @returns the client.
 */
export function oursChatClient(root: string, ours: OursModule): ChatClient {
  const provider = new ours.OpenAICompatible({ baseURL: root, apiKey: 'bench' });
  const completion$ = provider.createCompletion(BENCH_MODEL, BENCH_MESSAGES, true);
  return {
    complete: (onText) =>
      new Promise((resolve, reject) => {
        completion$.subscribe({ next: onText, error: reject, complete: resolve });
      }),
    cancelAtFirstChunk: () =>
      new Promise((resolve, reject) => {
        let cancelled = false;
        const subscription = completion$.subscribe({
          next: () => {
            if (cancelled) return;
            cancelled = true;
            const at = process.hrtime.bigint();
            subscription.unsubscribe();
            resolve(at);
          },
          error: reject,
        });
      }),
  };
}

/**
 * Ours: `Aivvm.createCompletion` (through `decodeText`), counting the text it emits.
 *
 * @param root - the server root (`{root}/api/chat`).
 * @param ours - the package's classes.
 * @returns the client.
 */
export function oursAivvmBodyClient(root: string, ours: OursModule): BodyClient {
  const text$ = ours.Aivvm.createCompletion('gpt-4', BENCH_MESSAGES, true, { baseURL: root });
  return {
    read: () =>
      new Promise((resolve, reject) => {
        let length = 0;
        text$.subscribe({
          next: (text) => (length += text.length),
          error: reject,
          complete: () => {
            resolve(length);
          },
        });
      }),
  };
}
