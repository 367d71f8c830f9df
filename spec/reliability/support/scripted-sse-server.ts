import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A raw SSE server on 127.0.0.1 that answers every request with the same scripted body. */
export interface ScriptedSseServer {
  /** `http://127.0.0.1:<port>/v1`, for `OpenAICompatible`'s `baseURL`. */
  readonly baseURL: string;
  /** How many requests arrived. */
  readonly requests: number;
  /** Resolves when the client has closed the connection of the `index`th request (0-based). */
  clientClosed(index: number): Promise<void>;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/** What {@link startScriptedSseServer} sends. */
export interface SseScript {
  /** The body, written as one chunk (`text/event-stream`). */
  readonly body: string;
  /** Keep the response open after the body (never call `end`). @default false */
  readonly holdOpen?: boolean;
  /** A JSON body instead (a non-streaming reply). */
  readonly contentType?: string;
}

/**
 * Starts an HTTP server on 127.0.0.1 that writes `script.body` to every request and either ends
 * the response or holds it open, and tells when the client closed each connection.
 *
 * @param script - the body and whether to hold the connection open.
 * @returns the server, listening.
 */
export async function startScriptedSseServer(script: SseScript): Promise<ScriptedSseServer> {
  const closed: Promise<void>[] = [];
  const responses = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    responses.add(response);
    closed.push(
      new Promise<void>((resolve) => {
        response.once('close', () => {
          responses.delete(response);
          resolve();
        });
      }),
    );
    request.resume();
    request.once('end', () => {
      response.writeHead(200, { 'content-type': script.contentType ?? 'text/event-stream' });
      response.write(script.body);
      if (script.holdOpen !== true) response.end();
    });
  });
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return closed.length;
    },
    clientClosed: (index) => closed[index] ?? Promise.reject(new Error(`no request ${index}`)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of responses) response.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
