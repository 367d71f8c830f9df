import type { IncomingMessage } from 'node:http';

/**
 * How a recorded request's response ended: `pending` while it is open; `completed` when the
 * reply was fully sent; `client-closed` when the client went away first (an abort, an
 * unsubscribe); `server-closed` when `server.close()` cut it; `reset` or `truncated` when a
 * script's fault ended it.
 *
 * @example
 * ```ts
 * expect(await request.closed).toBe('client-closed'); // the subscriber unsubscribed
 * ```
 */
export type RequestOutcome =
  'pending' | 'completed' | 'client-closed' | 'server-closed' | 'reset' | 'truncated';

/**
 * One request the loopback server received, exactly as it came over the socket, and how its
 * response ended.
 *
 * @example
 * ```ts
 * const [request] = await server.waitForRequests(1);
 * expect(request.headers['content-type']).toBe('application/json');
 * expect(await request.closed).toBe('client-closed');
 * ```
 */
export interface RecordedRequest {
  /** The method, e.g. `POST`. */
  readonly method: string;
  /** The request target: path and query, e.g. `/api/chat?x=1`. */
  readonly path: string;
  /** Header values by lower-case name; repeated headers are joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every header line as received, in order, names in their original case. */
  readonly rawHeaders: readonly (readonly [name: string, value: string])[];
  /** The body's raw bytes (empty when there was none). */
  readonly body: Uint8Array;
  /** When the request head arrived, in milliseconds since the epoch (`Date.now()`). */
  readonly receivedAt: number;
  /** How the response ended so far. */
  readonly outcome: RequestOutcome;
  /** Whether the client closed the connection before the reply was complete. */
  readonly closedEarly: boolean;
  /** Settles with the final outcome once the response's connection is done with it. */
  readonly closed: Promise<Exclude<RequestOutcome, 'pending'>>;
  /** The body decoded as UTF-8 (invalid bytes become U+FFFD). */
  text(): string;
  /** The body parsed as JSON; throws a `SyntaxError` when it is not JSON. */
  json(): unknown;
}

/** A {@link RecordedRequest} together with the hook that settles its outcome. */
export interface RequestRecording {
  /** The record, as the server exposes it. */
  readonly request: RecordedRequest;
  /** Sets the final outcome (only the first call counts). */
  readonly settle: (outcome: Exclude<RequestOutcome, 'pending'>) => void;
}

function pairHeaders(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    pairs.push([raw[index] ?? '', raw[index + 1] ?? '']);
  }
  return pairs;
}

/**
 * Records an incoming request once its body has been read.
 *
 * @param incoming - the request head as Node parsed it.
 * @param body - every body byte.
 * @param receivedAt - when the head arrived (`Date.now()`).
 * @returns the record and the function that settles its outcome.
 * @example
 * ```ts
 * const { request, settle } = recordRequest(incoming, body, Date.now());
 * response.once('close', () => settle('completed'));
 * ```
 */
export function recordRequest(
  incoming: IncomingMessage,
  body: Uint8Array,
  receivedAt: number,
): RequestRecording {
  const rawHeaders = pairHeaders(incoming.rawHeaders);
  const headers: Record<string, string> = {};
  for (const [name, value] of rawHeaders) {
    const key = name.toLowerCase();
    const previous = headers[key];
    headers[key] = previous === undefined ? value : `${previous}, ${value}`;
  }
  let outcome: RequestOutcome = 'pending';
  let resolveClosed: (final: Exclude<RequestOutcome, 'pending'>) => void = () => undefined;
  const closed = new Promise<Exclude<RequestOutcome, 'pending'>>((resolve) => {
    resolveClosed = resolve;
  });
  const request: RecordedRequest = {
    method: incoming.method ?? 'GET',
    path: incoming.url ?? '/',
    headers,
    rawHeaders,
    body,
    receivedAt,
    get outcome() {
      return outcome;
    },
    get closedEarly() {
      return outcome === 'client-closed';
    },
    closed,
    text: () => new TextDecoder().decode(body),
    json: (): unknown => JSON.parse(new TextDecoder().decode(body)),
  };
  const settle = (final: Exclude<RequestOutcome, 'pending'>): void => {
    if (outcome !== 'pending') return;
    outcome = final;
    resolveClosed(final);
  };
  return { request, settle };
}
