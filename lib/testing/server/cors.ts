import type { ServerResponse } from 'node:http';

/**
 * The request headers a browser may send cross-origin: `content-type`, every header of the
 * Aivvm request and `authorization` for OpenAI-compatible routes. Browsers
 * never send the `sec-*` ones themselves from scripts; listing them is harmless.
 */
export const CORS_ALLOWED_HEADERS: readonly string[] = [
  'content-type',
  'accept',
  'accept-language',
  'authorization',
  'referrer',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-gpc',
  'user-agent',
];

/**
 * Lets any origin read the response (`access-control-allow-origin: *`), so a browser example
 * can talk to the loopback server.
 *
 * @param response - a response whose headers are not sent yet.
 * @example
 * ```ts
 * allowAnyOrigin(response);
 * ```
 */
export function allowAnyOrigin(response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', '*');
}

/**
 * Answers a CORS preflight (`OPTIONS`) for a known path: 204 with the allowed methods and
 * headers, cached by the browser for ten minutes.
 *
 * @param response - the preflight's response.
 * @param methods - the methods the path accepts.
 * @example
 * ```ts
 * answerPreflight(response, ['POST']);
 * ```
 */
export function answerPreflight(response: ServerResponse, methods: readonly string[]): void {
  response
    .writeHead(204, {
      'access-control-allow-methods': [...methods, 'OPTIONS'].join(', '),
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
      'access-control-max-age': '600',
    })
    .end();
}
