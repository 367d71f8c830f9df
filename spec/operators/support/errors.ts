import { HttpStatusError } from '../../../lib/errors/http-status-error.js';
import { NetworkError } from '../../../lib/errors/network-error.js';

/** An `HttpStatusError` as the HTTP layer would build it, with the given response headers. */
export function httpStatusError(
  status: number,
  responseHeaders: Readonly<Record<string, string>> = {},
): HttpStatusError {
  return new HttpStatusError({
    status,
    statusText: '',
    bodyExcerpt: '',
    bodyTruncated: false,
    responseHeaders,
    provider: 'Test',
    method: 'POST',
    url: 'http://127.0.0.1/api/chat',
  });
}

/** A `NetworkError` before any byte arrived. */
export function networkError(reason = 'connect ECONNREFUSED 127.0.0.1:9'): NetworkError {
  return new NetworkError({
    reason,
    errno: 'ECONNREFUSED',
    bytesReceived: 0,
    provider: 'Test',
    method: 'POST',
    url: 'http://127.0.0.1/api/chat',
  });
}
