import type OpenAI from 'openai';
import { BENCH_MESSAGES, BENCH_MODEL, type ChatClient } from './chat-client.js';

/** The `OpenAI` class of one major of the `openai` package (6 as `openai`, 7 as `openai-7`). */
export type OpenAIClass = new (options: {
  baseURL: string;
  apiKey: string;
  maxRetries: number;
}) => Pick<OpenAI, 'chat'>;

/**
 * The official `openai` SDK: `client.chat.completions.create({ stream: true })`, cancelled with
 * `stream.controller.abort()` (`cancel: 'abort'`) or by leaving the `for await` loop
 * (`cancel: 'break'`, what most code does).
 *
 * @param OpenAISdk - the `OpenAI` class of the major to measure.
 * @param root - the `/v1` root.
 * @param cancel - how `cancelAtFirstChunk` cancels.
 * @returns the client.
 */
export function openAISdkChatClient(
  OpenAISdk: OpenAIClass,
  root: string,
  cancel: 'abort' | 'break' = 'abort',
): ChatClient {
  const client = new OpenAISdk({ baseURL: root, apiKey: 'bench', maxRetries: 0 });
  const create = () =>
    client.chat.completions.create({
      model: BENCH_MODEL,
      messages: [...BENCH_MESSAGES],
      stream: true,
    });
  return {
    complete: async (onText) => {
      for await (const chunk of await create()) {
        const content = chunk.choices[0]?.delta.content;
        if (content) onText(content);
      }
    },
    cancelAtFirstChunk: async () => {
      const stream = await create();
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) {
          const at = process.hrtime.bigint();
          if (cancel === 'abort') stream.controller.abort();
          return at; // leaving the loop calls the iterator's return()
        }
      }
      throw new Error('the stream ended before its first chunk');
    },
  };
}
