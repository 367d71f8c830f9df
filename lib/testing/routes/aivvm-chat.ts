import { forwardChat, PLAIN_TEXT } from '../forward/forward-chat.js';
import { forwardThroughProvider } from '../forward/forward-through-provider.js';
import { toChatCompletionsRequest } from '../forward/to-chat-completions-request.js';
import { composeDefaultReply } from '../reply/compose-default-reply.js';
import { planReply, type ReplyDefaults } from '../reply/reply-plan.js';
import type { ReplyScript } from '../reply/reply-script.js';
import { splitWords } from '../reply/split-words.js';
import { writeReply } from '../reply/write-reply.js';
import type { Exchange, Route } from '../server/route.js';
import { parseAivvmChatBody, type AivvmChatBody } from '../aivvm/aivvm-chat-body.js';
import type { LoopbackRouteConfig } from './loopback-route-config.js';

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

/** Answers `/api/chat` itself, as a script says; its default text is what `/v1` would stream. */
async function answerScripted(exchange: Exchange, body: AivvmChatBody, script: ReplyScript) {
  const defaults: ReplyDefaults = {
    contentType: PLAIN_TEXT,
    delayMs: exchange.delayMs,
    pieces: splitWords(composeDefaultReply(toChatCompletionsRequest(body))),
  };
  const effective =
    script.upstreamError === undefined ? script : toUpstreamFailure(script, script.upstreamError);
  await writeReply(exchange, planReply(effective, defaults));
}

async function handleChat(exchange: Exchange, config: LoopbackRouteConfig): Promise<void> {
  const parsed = parseAivvmChatBody(exchange.request.body);
  if (!parsed.ok) {
    const refusal = { status: 400, statusText: parsed.reason, text: parsed.reason };
    await writeReply(
      exchange,
      planReply(refusal, { contentType: PLAIN_TEXT, delayMs: 0, pieces: [] }),
    );
    return;
  }
  const script = exchange.takeScript();
  if (script === undefined) {
    const target = config.upstream();
    if ('provider' in target) await forwardThroughProvider(exchange, parsed.body, target);
    else await forwardChat(exchange, parsed.body, target);
  } else await answerScripted(exchange, parsed.body, script);
}

/**
 * `POST /api/chat`, the Aivvm protocol as the chatbot-ui server behind chat.aivvm.com spoke it
 * (chatbot-ui's `pages/api/chat.ts`): a `ChatBody` in, a chunked plain-text stream out.
 *
 * A body that is not JSON or not a `ChatBody` is answered 400 with the reason as status text
 * and body, and takes no script. Otherwise, without a script for it, the request is forwarded
 * to the upstream (by default the server's own `/v1/chat/completions`; or any provider of this
 * package, see `forwardThroughProvider`) and its content deltas streamed back, upstream failures answered 500 with the reason as status text (see
 * `forwardChat`). A script makes `/api/chat` answer itself: its default content is the same
 * {@link composeDefaultReply} text, one write per word, the server's `delayMs` apart;
 * `upstreamError` answers 500 with the reason as status text and body `Error`.
 *
 * @param config - where to forward.
 * @returns the route.
 * @example
 * ```ts
 * const response = await fetch(`${server.url}/api/chat`, { method: 'POST', body: JSON.stringify(chatBody) });
 * await response.text(); // '## About "Hello"\n\n...'
 * ```
 */
export function createAivvmChatRoute(config: LoopbackRouteConfig): Route {
  return { method: 'POST', path: '/api/chat', handle: (exchange) => handleChat(exchange, config) };
}
