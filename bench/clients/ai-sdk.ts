import type { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { streamText } from 'ai';
import { BENCH_MESSAGES, BENCH_MODEL, type ChatClient } from './chat-client.js';

// The AI SDK prints a warning per call for settings a provider ignores: not in a benchmark.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** What one major of the AI SDK brings: `streamText`, and its `createOpenAICompatible`. */
export interface AiSdk {
  readonly streamText: typeof streamText;
  readonly createOpenAICompatible: typeof createOpenAICompatible;
}

/**
 * The Vercel AI SDK: `streamText` with `createOpenAICompatible`, cancelled with `abortSignal`
 * (`cancel: 'abort'`) or by leaving the `for await` loop without one (`cancel: 'break'`).
 *
 * @param sdk - the major to measure (6 as `ai`, 7 as `ai-7`).
 * @param root - the `/v1` root.
 * @param cancel - how `cancelAtFirstChunk` cancels.
 * @returns the client.
 */
export function aiSdkChatClient(
  sdk: AiSdk,
  root: string,
  cancel: 'abort' | 'break' = 'abort',
): ChatClient {
  // The majors' model types differ (provider spec v2 and v3): each pairs with its own.
  const model = sdk.createOpenAICompatible({ name: 'bench', baseURL: root, apiKey: 'bench' })(
    BENCH_MODEL,
  );
  const messages = [...BENCH_MESSAGES];
  return {
    complete: async (onText) => {
      let failure: unknown;
      const result = sdk.streamText({
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
      const result = sdk.streamText({
        model,
        messages,
        maxRetries: 0,
        ...(cancel === 'abort' ? { abortSignal: controller.signal } : {}),
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
