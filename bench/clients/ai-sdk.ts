import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';
import { BENCH_MESSAGES, BENCH_MODEL, type ChatClient } from './chat-client.js';

// The AI SDK prints a warning per call for settings a provider ignores: not in a benchmark.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/**
 * The Vercel AI SDK: `streamText` with `createOpenAICompatible`, cancelled with `abortSignal`.
 *
 * @param root - the `/v1` root.
 * @returns the client.
 */
export function aiSdkChatClient(root: string): ChatClient {
  const model = createOpenAICompatible({ name: 'bench', baseURL: root, apiKey: 'bench' })(
    BENCH_MODEL,
  );
  const messages = [...BENCH_MESSAGES];
  return {
    complete: async (onText) => {
      let failure: unknown;
      const result = streamText({
        model,
        messages,
        maxRetries: 0,
        onError: ({ error }) => {
          failure = error;
        },
      });
      for await (const text of result.textStream) onText(text);
      if (failure !== undefined) throw new Error('streamText failed', { cause: failure });
    },
    cancelAtFirstChunk: async () => {
      const controller = new AbortController();
      const result = streamText({
        model,
        messages,
        maxRetries: 0,
        abortSignal: controller.signal,
        onError: () => undefined,
      });
      for await (const text of result.textStream) {
        if (text) {
          const at = process.hrtime.bigint();
          controller.abort();
          return at;
        }
      }
      throw new Error('the stream ended before its first chunk');
    },
  };
}
