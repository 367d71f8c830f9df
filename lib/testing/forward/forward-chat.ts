import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';

import { planReply } from '../reply/reply-plan.js';
import { writeReply } from '../reply/write-reply.js';
import type { AivvmChatBody } from '../aivvm/aivvm-chat-body.js';
import type { ForwardTarget } from './forward-target.js';
import type { Exchange } from '../server/route.js';
import { ContentDeltas } from './content-deltas.js';
import { postUpstream } from './post-upstream.js';
import { toChatCompletionsRequest } from './to-chat-completions-request.js';
import { upstreamErrorReason } from './upstream-error-reason.js';

/** chatbot-ui answered `/api/chat` with plain text, never SSE. */
export const PLAIN_TEXT = 'text/plain; charset=utf-8';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** chatbot-ui's failure answer: `new Response('Error', { status: 500, statusText: reason })`. */
async function answerFailure(exchange: Exchange, reason: string): Promise<void> {
  const script = { status: 500, statusText: reason, chunks: ['Error'] };
  await writeReply(
    exchange,
    planReply(script, { contentType: PLAIN_TEXT, delayMs: 0, pieces: [] }),
  );
}

/**
 * Copies the content deltas of an upstream stream to the response, each as it arrives.
 * Resolves with `undefined` once the stream is complete (`[DONE]`, or its end after a finish
 * chunk), or with the reason it failed.
 */
async function relay(upstream: IncomingMessage, exchange: Exchange): Promise<string | undefined> {
  const { response, signal } = exchange;
  const deltas = new ContentDeltas();
  let finished = false;
  try {
    for await (const bytes of upstream as AsyncIterable<Uint8Array>) {
      for (const signalled of deltas.feed(bytes)) {
        if (signalled.kind === 'failure') return signalled.reason;
        if (signalled.kind === 'done') return undefined;
        if (signalled.kind === 'finish') finished = true;
        else if (!response.write(signalled.text)) {
          await once(response, 'drain', { signal }).catch(() => undefined);
        }
      }
      if (signal.aborted) return undefined;
    }
  } catch (error: unknown) {
    return `Upstream stream failed: ${messageOf(error)}`;
  }
  return finished ? undefined : 'Upstream stream ended before [DONE]';
}

/**
 * Answers `/api/chat` as chatbot-ui did: posts the conversation to the upstream's
 * `/chat/completions` (system prompt first, `stream: true`, see `toChatCompletionsRequest`),
 * then streams the content deltas back as `text/plain` chunks as they arrive.
 *
 * The bearer key is the body's `key` when not empty (chatbot-ui forwarded the user's key),
 * else the target's. Headers go out once the upstream answered 2xx. Before that, a failure
 * (connection error, an error status: its OpenAI `error.message`) is answered 500 with the
 * reason as status text and body `Error`; after it, a failure (an `error` event, data that is
 * not JSON, a cut stream) destroys the response, recorded as `truncated`, so the client sees a
 * network error. When the client goes away the upstream request is aborted.
 *
 * @param exchange - the `/api/chat` request in flight.
 * @param body - its validated body.
 * @param target - the upstream.
 * @returns a promise that settles when the response is done, failed or abandoned.
 * @example
 * ```ts
 * await forwardChat(exchange, parsed.body, config.upstream());
 * ```
 */
export async function forwardChat(
  exchange: Exchange,
  body: AivvmChatBody,
  target: ForwardTarget,
): Promise<void> {
  const { response, signal } = exchange;
  const payload = JSON.stringify(toChatCompletionsRequest(body));
  const apiKey = body.key === '' ? target.apiKey : body.key;
  let upstream: IncomingMessage;
  try {
    upstream = await postUpstream(target, apiKey, payload, signal);
  } catch (error: unknown) {
    if (!signal.aborted)
      await answerFailure(exchange, `Upstream request failed: ${messageOf(error)}`);
    return;
  }
  const status = upstream.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const reason = await upstreamErrorReason(upstream);
    if (!signal.aborted) await answerFailure(exchange, reason);
    return;
  }
  response.writeHead(200, { 'content-type': PLAIN_TEXT }).flushHeaders();
  const failure = await relay(upstream, exchange);
  upstream.destroy();
  if (signal.aborted) return;
  if (failure === undefined) {
    response.end();
    return;
  }
  exchange.noteFault('truncated');
  response.destroy();
}
