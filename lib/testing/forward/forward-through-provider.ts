import { once } from 'node:events';
import { toAsyncIterable } from '../../interop/to-async-iterable.js';
import type { Messages } from '../../messages/chat-message.js';
import type { Provider } from '../../providers/provider.js';
import { planReply } from '../reply/reply-plan.js';
import { writeReply } from '../reply/write-reply.js';
import type { AivvmChatBody } from '../aivvm/aivvm-chat-body.js';
import type { Exchange } from '../server/route.js';

/** A provider of this package that `/api/chat` forwards through (any protocol it speaks). */
export interface ProviderForwardTarget {
  /** The provider: `new Anthropic(...)`, `new Gemini(...)`, `new OpenAICompatible(...)`... */
  readonly provider: Provider;
  /** The model to ask for. @defaultValue the Aivvm body's model id */
  readonly model?: string;
}

const PLAIN_TEXT = 'text/plain; charset=utf-8';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Answers `/api/chat` through a provider of this package, as chatbot-ui answered through
 * OpenAI: the conversation (system prompt first, the body's temperature) goes to
 * `provider.createCompletion`, and its text chunks are written as plain text as they arrive.
 *
 * A failure before the first chunk is answered 500 with the error's message as status text
 * and body `Error` (chatbot-ui's failure answer); a failure after it destroys the response,
 * recorded as `truncated`. When the client goes away the provider's request is aborted.
 *
 * @param exchange - the `/api/chat` request in flight.
 * @param body - its validated body.
 * @param target - the provider and model.
 * @returns a promise that settles when the response is done, failed or abandoned.
 * @example
 * ```ts
 * await forwardThroughProvider(exchange, body, { provider: new Anthropic({ baseURL }) });
 * ```
 */
export async function forwardThroughProvider(
  exchange: Exchange,
  body: AivvmChatBody,
  target: ProviderForwardTarget,
): Promise<void> {
  const { response, signal } = exchange;
  const messages: Messages = [{ role: 'system', content: body.prompt }, ...body.messages];
  const text$ = target.provider.createCompletion(target.model ?? body.model.id, messages, true, {
    temperature: body.temperature,
    signal,
  });
  const state: { started: boolean; flushed: Promise<void> } = {
    started: false,
    flushed: Promise.resolve(),
  };
  const write = async (chunk: string): Promise<void> => {
    if (!state.started) {
      state.started = true;
      response.writeHead(200, { 'content-type': PLAIN_TEXT }).flushHeaders();
    }
    state.flushed = new Promise<void>((resolve) => {
      if (
        !response.write(chunk, () => {
          resolve();
        })
      ) {
        void once(response, 'drain', { signal }).catch(() => undefined);
      }
    });
    await state.flushed;
  };
  try {
    // Pulled one chunk at a time: each is flushed before the next is read, and the chunks
    // that came before a failure are all written before it is handled.
    for await (const chunk of toAsyncIterable(text$)) await write(chunk);
  } catch (error: unknown) {
    if (signal.aborted) return;
    if (!state.started) {
      const script = { status: 500, statusText: messageOf(error), chunks: ['Error'] };
      await writeReply(
        exchange,
        planReply(script, { contentType: PLAIN_TEXT, delayMs: 0, pieces: [] }),
      );
      return;
    }
    // What was written goes out before the cut, as a failing upstream's bytes would.
    await state.flushed;
    exchange.noteFault('truncated');
    response.destroy();
    return;
  }
  if (signal.aborted) return;
  if (!state.started) response.writeHead(200, { 'content-type': PLAIN_TEXT });
  response.end();
}
