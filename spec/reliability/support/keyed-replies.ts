import type { Observable } from 'rxjs';
import { Aivvm } from '../../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../../lib/providers/openai-compatible/openai-compatible.js';
import type { RecordedRequest, ReplyScript } from '../../../lib/testing/index.js';

/** The two providers under test. */
export type ProviderName = 'Aivvm' | 'OpenAICompatible';

/** The known reply to the message `key`: multi-byte text whose length depends on the key. */
export function replyText(key: string): string {
  let seed = 0;
  for (let index = 0; index < key.length; index++) seed += key.charCodeAt(index);
  return `${key}: ${'Привет, мир — 😀 ünïcödé '.repeat(2 + (seed % 5))}end of ${key}.`;
}

/** The user message of a request (the last one), whichever protocol carried it. */
export function lastUserMessage(request: RecordedRequest): string {
  const body = request.json() as { readonly messages?: readonly { readonly content?: unknown }[] };
  const content = body.messages?.[body.messages.length - 1]?.content;
  return typeof content === 'string' ? content : '';
}

/**
 * A `reply` source for the loopback server that answers each request with
 * {@link replyText} of its message, so that many concurrent requests each get a known,
 * distinct reply: Aivvm's plain text in writes of `aivvmChunkSize` bytes (splitting
 * characters), OpenAI's SSE events one per write, `delayMs` apart.
 *
 * @param shape - Aivvm's write size and the delay between writes.
 * @param extra - more script fields, chosen per message.
 */
export function keyedReplies(
  shape: { readonly aivvmChunkSize: number; readonly delayMs: number },
  extra: (key: string) => Partial<ReplyScript> = () => ({}),
): (request: RecordedRequest) => ReplyScript {
  return (request) => {
    const key = lastUserMessage(request);
    const aivvm = request.path.startsWith('/api/chat');
    return {
      text: replyText(key),
      delayMs: shape.delayMs,
      ...(aivvm ? { chunkSize: shape.aivvmChunkSize } : {}),
      ...extra(key),
    };
  };
}

/** A streamed completion of the message `key` from the named provider of `serverUrl`. */
export function completionFor(
  provider: ProviderName,
  serverUrl: string,
  key: string,
  apiKey?: string,
): Observable<string> {
  const messages = [{ role: 'user', content: key }] as const;
  if (provider === 'Aivvm') {
    return Aivvm.createCompletion('gpt-4', messages, true, { baseURL: serverUrl });
  }
  const openai = new OpenAICompatible({
    baseURL: `${serverUrl}/v1`,
    ...(apiKey === undefined ? {} : { apiKey }),
  });
  return openai.createCompletion('gpt-4o-mini', messages, true);
}
