import axios from 'axios';
import { Observable, type Subscriber } from 'rxjs';
import { HttpStatusError } from '../errors/http-status-error.js';
import { redactUrl, type RequestTarget } from '../errors/request-target.js';
import { discardBody, readBody, type CancelBody } from './body-reader.js';
import { DEFAULT_ERROR_BODY_LIMIT, type ByteRequest } from './byte-request.js';
import { redactRequestSecrets, requestSecrets } from './request-secrets.js';
import { toNetworkError } from './to-network-error.js';
import { toResponseHeaders } from './response-headers.js';

interface StreamResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: unknown;
  readonly data: unknown;
}

/** Where an error is reported, and the request's credentials it must not repeat. */
interface ErrorSink {
  readonly target: RequestTarget;
  readonly secrets: readonly string[];
  readonly subscriber: Subscriber<Uint8Array>;
}

function redactedHeaders(headers: unknown, secrets: readonly string[]): Record<string, string> {
  const record = toResponseHeaders(headers);
  for (const [name, value] of Object.entries(record)) {
    record[name] = redactRequestSecrets(value, secrets);
  }
  return record;
}

function readErrorExcerpt(response: StreamResponse, limit: number, sink: ErrorSink): CancelBody {
  const { target, secrets, subscriber } = sink;
  const parts: Uint8Array[] = [];
  let length = 0;
  let done = false;
  const finish = (truncated: boolean): void => {
    if (done) return;
    done = true;
    const excerpt = new Uint8Array(Math.min(length, limit));
    let offset = 0;
    for (const part of parts) {
      const take = part.subarray(0, excerpt.length - offset);
      excerpt.set(take, offset);
      offset += take.length;
    }
    subscriber.error(
      new HttpStatusError({
        ...target,
        status: response.status,
        // A server may echo the key or the `authorization` header back: it stays out.
        statusText: redactRequestSecrets(response.statusText, secrets),
        bodyExcerpt: redactRequestSecrets(new TextDecoder().decode(excerpt), secrets),
        bodyTruncated: truncated,
        responseHeaders: redactedHeaders(response.headers, secrets),
      }),
    );
  };
  const cancel = readBody(response.data, {
    chunk: (bytes) => {
      if (done) return;
      parts.push(bytes);
      length += bytes.length;
      // Read no more than the limit: past it, the request is aborted (by the teardown).
      if (length >= limit) finish(length > limit);
    },
    end: () => {
      finish(false);
    },
    // The status is the news: a body that breaks off does not hide it.
    fail: () => {
      finish(false);
    },
  });
  return cancel;
}

/**
 * Sends a {@link ByteRequest} with axios and emits the response body as it arrives.
 *
 * - Cold and lazy: nothing is sent before subscribe; each subscription sends its own request.
 * - Unsubscribing aborts the request (`AbortController`) and destroys the body stream, which
 *   closes the socket; nothing is emitted after that and no rejection is left unhandled.
 * - A status of 400 or more errors with {@link HttpStatusError}, after reading at most
 *   `errorBodyLimit` bytes of the body into its excerpt (then the request is aborted).
 * - A connection failure, before or during the body, errors with a `NetworkError`, after
 *   every byte received before it has been emitted.
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
  const limit = request.errorBodyLimit ?? DEFAULT_ERROR_BODY_LIMIT;
  const client = request.axios ?? axios;
  const secrets = requestSecrets(request.headers);
  return new Observable<Uint8Array>((subscriber) => {
    const controller = new AbortController();
    let cancelBody: CancelBody | undefined;
    let bytesReceived = 0;
    // Once the body has ended, the socket is back in the agent's pool: nothing to abort, and
    // aborting would still build a DOMException and axios's CanceledError (stack traces included).
    let ended = false;
    client
      .request<unknown>({
        method: request.method,
        url: request.url,
        headers: { ...request.headers },
        data: request.body,
        responseType: 'stream',
        signal: controller.signal,
        validateStatus: () => true,
      })
      .then(
        (response: StreamResponse) => {
          if (subscriber.closed) {
            discardBody(response.data);
            return;
          }
          if (response.status >= 400) {
            cancelBody = readErrorExcerpt(response, limit, { target, secrets, subscriber });
            return;
          }
          cancelBody = readBody(response.data, {
            chunk: (bytes) => {
              bytesReceived += bytes.length;
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
        },
        (error: unknown) => {
          if (!subscriber.closed) subscriber.error(toNetworkError(error, target, bytesReceived));
        },
      );
    return () => {
      if (ended) return;
      cancelBody?.();
      controller.abort();
    };
  });
}
