import type { IncomingMessage, ServerResponse } from 'node:http';

import { toReasonPhrase } from '../reply/reason-phrase.js';
import type { ScriptQueue } from '../reply/script-queue.js';
import type { ServerFault } from '../reply/write-reply.js';
import { readBody } from './read-body.js';
import {
  recordRequest,
  type RecordedRequest,
  type RequestOutcome,
} from '../recording/recorded-request.js';
import type { Exchange, Route } from './route.js';
import { routeRequest } from './router.js';

/** What the request handler needs from its server. */
export interface RequestHandlerContext {
  /** The routes to dispatch to. */
  readonly routes: readonly Route[];
  /** The scripts to answer with. */
  readonly scripts: ScriptQueue;
  /** The default delay between writes. */
  readonly delayMs: number;
  /** Whether the server is closing (connections cut now are `server-closed`). */
  isClosing(): boolean;
  /** Keeps a request once its body is in. */
  record(request: RecordedRequest): void;
}

type FinalOutcome = Exclude<RequestOutcome, 'pending'>;

function answerFailure(response: ServerResponse, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response
    .writeHead(500, toReasonPhrase(reason), { 'content-type': 'text/plain; charset=utf-8' })
    .end(reason);
}

async function handle(
  context: RequestHandlerContext,
  incoming: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const receivedAt = Date.now();
  const controller = new AbortController();
  let fault: ServerFault | undefined;
  let final: FinalOutcome | undefined;
  let settle: ((outcome: FinalOutcome) => void) | undefined;
  response.on('error', () => undefined);
  incoming.socket.setTimeout(0); // the connection carries a request: no idle timeout (a stall may last)
  response.once('close', () => {
    final = response.writableFinished
      ? 'completed'
      : (fault ?? (context.isClosing() ? 'server-closed' : 'client-closed'));
    settle?.(final);
    controller.abort();
  });
  let body: Uint8Array;
  try {
    body = await readBody(incoming);
  } catch {
    return; // the client went away before the body ended: nothing to record or answer
  }
  const recording = recordRequest(incoming, body, receivedAt);
  context.record(recording.request);
  if (final === undefined) settle = recording.settle;
  else recording.settle(final);
  const exchange: Exchange = {
    request: recording.request,
    response,
    signal: controller.signal,
    delayMs: context.delayMs,
    takeScript: () => context.scripts.take(recording.request),
    noteFault: (kind) => {
      fault = kind;
    },
  };
  try {
    await routeRequest(context.routes, exchange);
  } catch (error: unknown) {
    answerFailure(response, error);
  }
}

/**
 * Makes the `request` listener of the loopback server: reads the body, records the request,
 * tracks how its response ends, and routes it.
 *
 * Never throws and never leaves a rejected promise: a client that goes away mid-body is
 * ignored; a route or script that throws is answered 500 with the error's message as status
 * text and body (or the connection is destroyed if the headers are already out).
 *
 * @param context - the server's routes, scripts and bookkeeping.
 * @returns the listener for `http.Server`'s `request` event.
 * @example
 * ```ts
 * httpServer.on('request', createRequestHandler(context));
 * ```
 */
export function createRequestHandler(
  context: RequestHandlerContext,
): (incoming: IncomingMessage, response: ServerResponse) => void {
  return (incoming, response) => {
    void handle(context, incoming, response);
  };
}
