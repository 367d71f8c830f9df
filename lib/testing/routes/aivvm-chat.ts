import { planReply, type ReplyDefaults } from '../reply/reply-plan.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { splitWords } from '../reply/split-words.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import { parseAivvmChatBody } from './aivvm-chat-body.js';
import { composeAivvmReply } from './aivvm-default-reply.js';

/** chatbot-ui answered `/api/chat` with plain text, never SSE (SPEC §1 item 6). */
const CONTENT_TYPE = 'text/plain; charset=utf-8';

/**
 * chatbot-ui's failure answer, `new Response('Error', { status: 500, statusText: reason })`;
 * `chunks` take precedence over any other content of the script.
 */
const toUpstreamFailure = (script: ReplyScript, reason: string): ReplyScript => ({
  ...script,
  status: 500,
  statusText: reason,
  chunks: ['Error'],
});

async function handleChat(exchange: Exchange): Promise<void> {
  const parsed = parseAivvmChatBody(exchange.request.body);
  if (!parsed.ok) {
    const refusal = { status: 400, statusText: parsed.reason, text: parsed.reason };
    await writeReply(
      exchange,
      planReply(refusal, { contentType: CONTENT_TYPE, delayMs: 0, pieces: [] }),
    );
    return;
  }
  const script = exchange.takeScript() ?? {};
  const defaults: ReplyDefaults = {
    contentType: CONTENT_TYPE,
    delayMs: exchange.delayMs,
    pieces: splitWords(composeAivvmReply(parsed.body)),
  };
  const effective =
    script.upstreamError === undefined ? script : toUpstreamFailure(script, script.upstreamError);
  await writeReply(exchange, planReply(effective, defaults));
}

/**
 * `POST /api/chat`, the Aivvm protocol as the chatbot-ui server behind chat.aivvm.com spoke it
 * (SPEC §2): a `ChatBody` in, a chunked plain-text stream out.
 *
 * A body that is not JSON or not a `ChatBody` is answered 400 with the reason as status text
 * and body, and takes no script. Otherwise the request takes the next script; without one the
 * reply is {@link composeAivvmReply}'s markdown, one write per word, the server's `delayMs`
 * apart. `upstreamError` answers 500 with the reason as status text and body `Error`.
 *
 * @example
 * ```ts
 * const response = await fetch(`${server.url}/api/chat`, { method: 'POST', body: JSON.stringify(chatBody) });
 * await response.text(); // '## About "Hello"\n\n...'
 * ```
 */
export const aivvmChatRoute: Route = { method: 'POST', path: '/api/chat', handle: handleChat };
