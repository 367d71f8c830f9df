import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { ForwardTarget } from './forward-target.js';

/**
 * Posts a chat completions request to an upstream with `node:http` (or `node:https`), on a
 * connection of its own (no agent: it closes when the response ends).
 *
 * Sends `content-type: application/json`, `accept: text/event-stream`, the `authorization`
 * bearer when a key is given, and the target's headers. Aborting `signal` destroys the
 * request, so the upstream sees its connection close.
 *
 * @param target - the upstream's API root and headers.
 * @param apiKey - the bearer token to send, if any.
 * @param payload - the JSON body.
 * @param signal - aborts the request.
 * @returns the response once its headers came.
 * @throws the connection error (or the abort).
 * @example
 * ```ts
 * const response = await postUpstream(target, undefined, JSON.stringify(request), exchange.signal);
 * ```
 */
export function postUpstream(
  target: ForwardTarget,
  apiKey: string | undefined,
  payload: string,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const url = new URL(`${target.baseURL.replace(/\/+$/u, '')}/chat/completions`);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'content-length': String(Buffer.byteLength(payload)),
    ...(apiKey === undefined || apiKey === '' ? {} : { authorization: `Bearer ${apiKey}` }),
    ...target.headers,
  };
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', headers, agent: false, signal });
    request.once('error', reject);
    request.once('response', (response) => {
      request.off('error', reject);
      request.on('error', (error) => response.destroy(error)); // surfaces on the body instead
      resolve(response);
    });
    request.end(payload);
  });
}
