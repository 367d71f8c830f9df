import { STATUS_CODES, type ServerResponse } from 'node:http';

import { allowAnyOrigin, answerPreflight } from './cors.js';
import type { Exchange, Route } from './route.js';

function answerStatus(
  response: ServerResponse,
  status: number,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = STATUS_CODES[status] ?? String(status);
  response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

/**
 * Hands a request to the route for its path and method, after allowing any origin (CORS).
 *
 * An unknown path is answered 404; an `OPTIONS` request to a known path is a CORS preflight
 * (204); another method is 405 with an `allow` header. The query string never matters.
 *
 * @param routes - the server's routes.
 * @param exchange - the request in flight.
 * @returns a promise that settles when the response is done.
 * @example
 * ```ts
 * await routeRequest([aivvmChatRoute], exchange);
 * ```
 */
export async function routeRequest(routes: readonly Route[], exchange: Exchange): Promise<void> {
  const { request, response } = exchange;
  allowAnyOrigin(response);
  const { pathname } = new URL(request.path, 'http://loopback.invalid');
  const candidates = routes.filter(
    (route) => route.path === pathname || (route.pattern?.test(pathname) ?? false),
  );
  const methods = candidates.map((route) => route.method);
  const route = candidates.find((candidate) => candidate.method === request.method);
  if (route !== undefined) await route.handle(exchange);
  else if (candidates.length === 0) answerStatus(response, 404);
  else if (request.method === 'OPTIONS') answerPreflight(response, methods);
  else answerStatus(response, 405, { allow: [...methods, 'OPTIONS'].join(', ') });
}
