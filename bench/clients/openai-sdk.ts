import OpenAI from 'openai';
import { BENCH_MESSAGES, BENCH_MODEL, type ChatClient } from './chat-client.js';

/**
 * The official `openai` SDK: `client.chat.completions.create({ stream: true })`, cancelled with
 * `stream.controller.abort()`.
 *
 * @param root - the `/v1` root.
 * @returns the client.
 */
export function openAISdkChatClient(root: string): ChatClient {
  const client = new OpenAI({ baseURL: root, apiKey: 'bench', maxRetries: 0 });
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
          stream.controller.abort();
          return at;
        }
      }
      throw new Error('the stream ended before its first chunk');
    },
  };
}
