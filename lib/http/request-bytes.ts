import axios from 'axios';
import { Observable, type Subscriber } from 'rxjs';
import { ConfigurationError } from '../errors/configuration-error.js';
import { HttpStatusError } from '../errors/http-status-error.js';
import { RedirectError } from '../errors/redirect-error.js';
import { redactUrl, type RequestTarget } from '../errors/request-target.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { parseServerError } from '../errors/server-error-body.js';
import { UnexpectedResponseError } from '../errors/unexpected-response-error.js';
import { abortOnSignal } from '../operators/abort-on-signal.js';
import { discardBody, isReadableBody, type CancelBody } from './body-reader.js';
import { DEFAULT_ERROR_BODY_LIMIT, type ByteRequest } from './byte-request.js';
import { instanceSignal } from './instance-signal.js';
import { redactRequestSecrets } from '../secrets/redact-request-secrets.js';
import { requestSecrets } from '../secrets/request-secrets.js';
import { asAxiosInstance } from './axios-instance-like.js';
import { nodeZlib } from './node-zlib.js';
import { openResponseBody } from './open-response-body.js';
import { readExcerpt } from './read-excerpt.js';
import { releaseBody } from './release-body.js';
import { isStaleConnectionReset } from './stale-connection.js';
import { isRedirectStatus, nextHop, type Hop } from './redirect-hop.js';
import { unexpectedReply } from './response-acceptance.js';
import { streamingAdapter } from './streaming-adapter.js';
import { toNetworkError } from './to-network-error.js';
import { toRequestFailure } from './to-request-failure.js';
import { toResponseHeaders } from './response-headers.js';

interface StreamResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: unknown;
  readonly data: unknown;
}

/**
 * How many times a request is sent again after failing on a pooled connection the server had
 * closed: each failure removes that connection from the pool, so the next attempt takes another
 * pooled one or opens a new one; several pooled connections may have been closed at once (a
 * server that restarts closes all its idle ones).
 */
const MAX_STALE_RESENDS = 3;

const NOT_A_STREAM =
  'the axios adapter gave a response body that is not a stream (the XHR adapter cannot stream): ' +
  "pass an axios instance whose adapter streams, e.g. axios.create({ adapter: 'fetch' })";

/** One subscription's state: where errors go and how its credentials are kept out of them. */
interface Exchange {
  readonly request: ByteRequest;
  readonly target: RequestTarget;
  readonly redact: (text: string) => string;
  readonly subscriber: Subscriber<Uint8Array>;
}

function redactedHeaders(
  headers: Readonly<Record<string, string>>,
  redact: (text: string) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redact(value)]));
}

/** Reads the start of a response that is not the reply, and errors with what it said. */
function reportResponse(
  exchange: Exchange,
  response: StreamResponse,
  headers: Record<string, string>,
  zlib: ReturnType<typeof nodeZlib>,
): CancelBody {
  const { request, target, redact, subscriber } = exchange;
  const contentType = headers['content-type'] ?? '';
  const reason = unexpectedReply(response.status, contentType, request.accept);
  return readExcerpt(
    (sink) => openResponseBody({ data: response.data, headers }, zlib, sink),
    request.errorBodyLimit ?? DEFAULT_ERROR_BODY_LIMIT,
    (text, truncated) => {
      // A server may echo the key or the `authorization` header back: it stays out.
      const bodyExcerpt = redact(text);
      if (response.status >= 400) {
        subscriber.error(
          new HttpStatusError({
            ...target,
            status: response.status,
            statusText: redact(response.statusText),
            bodyExcerpt,
            bodyTruncated: truncated,
            responseHeaders: redactedHeaders(headers, redact),
          }),
        );
        return;
      }
      subscriber.error(
        new UnexpectedResponseError({
          ...target,
          reason: reason ?? 'status',
          status: response.status,
          contentType: redact(contentType),
          bodyExcerpt,
          serverMessage: parseServerError(bodyExcerpt).serverMessage,
        }),
      );
    },
  );
}

/**
 * Sends a {@link ByteRequest} with axios and emits the response body as it arrives.
 *
 * - Cold and lazy: nothing is sent before subscribe; each subscription sends its own request.
 * - Unsubscribing aborts the request (`AbortController`) and destroys the body stream, which
 *   closes the socket; nothing is emitted after that and no rejection is left unhandled.
 *   Except once the reply is whole (`replyEnd` reached, e.g. at `data: [DONE]`): then the
 *   rest of a Node body is read and dropped (at most 64 KiB and 1 s), so that the keep-alive
 *   agent reuses the connection for the next request.
 * - A request written to a pooled keep-alive connection that the server closed meanwhile (a
 *   reset before any byte of a response, on a reused connection) is sent again, on another
 *   connection (at most 3 times; a failure on a new connection is never sent again).
 * - Redirects (RFC 9110 §15.4) are followed here, not by axios: within the origin, at most 5
 *   in a row (301/302 after a POST and 303 become a GET without body; 307/308 keep both).
 *   One to another origin, or from `https:` to `http:`, errors with `RedirectError` unless
 *   `allowedRedirectOrigins` names its origin; credential headers never cross an origin.
 * - A status of 400 or more errors with {@link HttpStatusError}, after reading at most
 *   `errorBodyLimit` bytes of the body into its excerpt (then the request is aborted).
 * - A response that is not a reply (204, 304, an HTML page, a `content-type` that
 *   `accept.contentTypes` does not list) errors with `UnexpectedResponseError` and an excerpt.
 * - With `maxResponseBytes`, a body longer than that (decompressed) errors with
 *   `ResponseTooLargeError` and the request is aborted.
 * - In Node, the body is decompressed here (`gzip`, `deflate`, `br`): every byte a broken
 *   compressed body held is emitted before the error, and bytes after a complete gzip member
 *   are ignored, as browsers and curl do. In browsers, `fetch` decompresses.
 * - A connection failure, before or during the body, errors with a `NetworkError`, after
 *   every byte received before it has been emitted. An adapter whose body is not a stream
 *   errors with `ConfigurationError`; an interceptor that throws, with `InterceptorError`.
 * - Reads Node streams (axios's `http` adapter) and web `ReadableStream`s (its `fetch` adapter).
 *
 * Errors never carry request headers: the `authorization` header and API keys stay out, even
 * when the server echoes them into its status text, error body or response headers (they are
 * replaced by `[redacted]`).
 *
 * @param request - the request, described as data.
 * @returns a cold Observable of the body's bytes.
 *
 * @example
 * ```ts
 * requestBytes({ provider: 'demo', method: 'GET', url: 'http://127.0.0.1:8080/', headers: {} })
 *   .pipe(decodeText())
 *   .subscribe((text) => process.stdout.write(text));
 * ```
 */
export function requestBytes(request: ByteRequest): Observable<Uint8Array> {
  const target: RequestTarget = {
    provider: request.provider,
    method: request.method,
    url: redactUrl(request.url),
  };
  const client = request.axios === undefined ? axios : asAxiosInstance(request.axios);
  const adapter = streamingAdapter(client.defaults.adapter);
  const secrets = requestSecrets({ headers: request.headers, url: request.url, axios: client });
  const redact = (text: string): string => redactRequestSecrets(text, secrets);
  const allowed = request.allowedRedirectOrigins ?? [];
  return new Observable<Uint8Array>((subscriber) => {
    const exchange: Exchange = { request, target, redact, subscriber };
    const zlib = nodeZlib();
    const controller = new AbortController();
    let cancelBody: CancelBody | undefined;
    let bytesReceived = 0;
    // Once the body has ended, the socket is back in the agent's pool: nothing to abort, and
    // aborting would still build a DOMException and axios's CanceledError (stack traces included).
    let ended = false;
    // The reply's body when it is a Node stream read as it is (not decompressed here): the one
    // kind that can be let run to its end once the reply is whole (see `ReplyEnd`).
    let plainBody: unknown;
    // How many times the request was sent again after the keep-alive race.
    let resent = 0;
    const readReply = (response: StreamResponse, headers: Record<string, string>): void => {
      const limit = request.maxResponseBytes;
      if (zlib === undefined || headers['content-encoding'] === undefined) {
        plainBody = response.data;
      }
      cancelBody = openResponseBody({ data: response.data, headers }, zlib, {
        chunk: (bytes) => {
          if (subscriber.closed) return;
          bytesReceived += bytes.length;
          if (limit !== undefined && bytesReceived > limit) {
            subscriber.error(new ResponseTooLargeError({ ...target, limit }));
            return;
          }
          subscriber.next(bytes);
        },
        end: () => {
          ended = true;
          subscriber.complete();
        },
        fail: (error) => {
          subscriber.error(toNetworkError(error, target, bytesReceived));
        },
      });
    };
    const send = (hop: Hop): void => {
      client
        .request<unknown>({
          method: hop.method,
          url: hop.url,
          headers: { ...hop.headers },
          data: hop.body,
          responseType: 'stream',
          signal: controller.signal,
          validateStatus: () => true,
          maxRedirects: 0,
          ...(adapter === undefined ? {} : { adapter: [...adapter] }),
          // Where Node's zlib is at hand the body is decompressed here, every byte kept.
          decompress: zlib === undefined,
        })
        .then(
          (response: StreamResponse) => {
            if (subscriber.closed) {
              discardBody(response.data);
              return;
            }
            if (!isReadableBody(response.data)) {
              subscriber.error(new ConfigurationError(target.provider, NOT_A_STREAM));
              return;
            }
            const headers = toResponseHeaders(response.headers);
            if (response.status === 0) {
              discardBody(response.data);
              subscriber.error(new RedirectError({ ...target, status: 0, refusal: 'opaque' }));
            } else if (isRedirectStatus(response.status)) {
              discardBody(response.data);
              const next = nextHop(hop, response.status, headers.location, allowed, target);
              if (RedirectError.isInstance(next)) subscriber.error(next);
              else send(next);
            } else if (
              response.status >= 300 ||
              unexpectedReply(response.status, headers['content-type'] ?? '', request.accept)
            ) {
              cancelBody = reportResponse(exchange, response, headers, zlib);
            } else {
              readReply(response, headers);
            }
          },
          (error: unknown) => {
            if (subscriber.closed) return;
            if (resent < MAX_STALE_RESENDS && isStaleConnectionReset(error)) {
              resent += 1;
              send(hop);
              return;
            }
            subscriber.error(toRequestFailure(error, target, redact));
          },
        );
    };
    send({ ...request, body: request.body, redirects: 0 });
    const abort = (): void => {
      cancelBody?.();
      controller.abort();
    };
    return () => {
      if (ended) return;
      if (request.replyEnd?.reached === true && plainBody !== undefined) {
        if (releaseBody(plainBody, abort)) return;
      }
      abort();
    };
  }).pipe(abortOnSignal(instanceSignal(client)));
}
