import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  openAISseBody,
  openAISseHead,
  openAISseLongBlock,
  openAISseTail,
} from './openai-sse-body.js';
import { asciiTextBlock, BLOCK_SIZE, plainTextBlock } from './plain-text-block.js';

/** The size of each write of the long bodies: 64 KiB. */
export const WRITE_SIZE = 64 * 1024;

/** How many content events the short completions of the first-chunk workload carry. */
export const SHORT_PIECES = 8;

/** What the bench server serves; every body is built once, before the first request. */
export interface BenchServerOptions {
  /** Content events of `/stream/v1/chat/completions`. */
  readonly events: number;
  /** Bytes of `/big/api/chat` (a multiple of 1 MiB). */
  readonly bigBodyBytes: number;
  /** Bytes of `/memory/api/chat` (a multiple of 1 MiB), and about those of `/huge`. */
  readonly memoryBytes: number;
  /** Content events of `/many/v1/chat/completions` (the concurrency workload). */
  readonly concurrentEvents: number;
}

/** The running bench server. */
export interface BenchServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Decoded length of one 1 MiB block of the Aivvm bodies. */
  readonly blockTextLength: number;
  /** Decoded length of one 1 MiB block of the ASCII body (`/ascii`): its byte length. */
  readonly asciiBlockTextLength: number;
  /** Content length of the `/huge` SSE reply. */
  readonly hugeTextLength: number;
  /**
   * Starts a new record of when (`process.hrtime.bigint()`) each `/hold` response sees its
   * socket close, in the order of the requests: the responses of an earlier record (a client
   * that left its sockets open until it exited) write into that one, never into the new one.
   *
   * @returns the record, filled as the responses close (0 until then).
   */
  newHoldRecord(): bigint[];
  /** Connections open now. */
  openSockets(): number;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/** Writes `total` bytes of `source` (repeated) in `WRITE_SIZE` writes, minding backpressure, then `last`. */
function writeRepeated(
  response: ServerResponse,
  source: Buffer,
  total: number,
  last?: Buffer,
): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !response.destroyed) {
      const offset = sent % source.length;
      const size = Math.min(WRITE_SIZE, total - sent, source.length - offset);
      sent += size;
      if (!response.write(source.subarray(offset, offset + size))) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end(last);
  };
  pump();
}

const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
const TEXT_HEADERS = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * Starts the minimal `node:http` server every client of the bench talks to, on `127.0.0.1`
 * and a free port. Its bodies are prebuilt buffers written in 64 KiB writes, so that the
 * server is never what limits a figure:
 *
 * - `POST /stream/v1/chat/completions`: `events` OpenAI chunks of 4 characters;
 * - `POST /short/v1/chat/completions`: a short completion, in one write;
 * - `POST /many-N/v1/chat/completions`: N chunks of 4 characters (the concurrency workload);
 * - `POST /huge/v1/chat/completions`: about `memoryBytes` of SSE, chunks of 1,000 characters;
 * - `POST /hold/v1/chat/completions`: the first chunk, then nothing, until the client leaves;
 *   the time its socket closes is recorded;
 * - `POST /big/api/chat`, `POST /memory/api/chat`: the Aivvm plain-text protocol (mixed text);
 * - `POST /ascii/api/chat`: the same, `bigBodyBytes` of ASCII text.
 *
 * Each responds once the request body has arrived, as a real server that reads it would.
 *
 * @param options - the sizes of the bodies.
 * @returns the running server.
 */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const stream = openAISseBody(options.events);
  const short = openAISseBody(SHORT_PIECES);
  const head = openAISseHead();
  const many = openAISseBody(options.concurrentEvents);
  const others = new Map<number, Buffer>();
  const manyOf = (count: number): Buffer => {
    const body = others.get(count) ?? openAISseBody(count);
    others.set(count, body);
    return body;
  };
  const long = openAISseLongBlock();
  const hugeBlocks = Math.max(1, Math.round(options.memoryBytes / long.bytes.length));
  const tail = openAISseTail();
  const block = plainTextBlock();
  const ascii = asciiTextBlock();
  let holdCloseTimes: bigint[] = [];
  const sockets = new Set<Socket>();

  const respond = (request: IncomingMessage, response: ServerResponse): void => {
    const count = /^\/many-(\d+)\/v1\/chat\/completions$/.exec(request.url ?? '')?.[1];
    if (count !== undefined) {
      const body = count === String(options.concurrentEvents) ? many : manyOf(Number(count));
      response.writeHead(200, SSE_HEADERS);
      writeRepeated(response, body, body.length);
      return;
    }
    switch (request.url) {
      case '/stream/v1/chat/completions':
        response.writeHead(200, SSE_HEADERS);
        writeRepeated(response, stream, stream.length);
        return;

      case '/huge/v1/chat/completions':
        response.writeHead(200, SSE_HEADERS);
        writeRepeated(response, long.bytes, hugeBlocks * long.bytes.length, tail);
        return;
      case '/short/v1/chat/completions':
        response.writeHead(200, SSE_HEADERS);
        response.end(short);
        return;
      case '/hold/v1/chat/completions': {
        const record = holdCloseTimes;
        const index = record.length;
        record.push(0n);
        response.once('close', () => (record[index] = process.hrtime.bigint()));
        response.writeHead(200, SSE_HEADERS);
        response.write(head);
        return;
      }
      case '/big/api/chat':
        response.writeHead(200, TEXT_HEADERS);
        writeRepeated(response, block.bytes, options.bigBodyBytes);
        return;
      case '/ascii/api/chat':
        response.writeHead(200, TEXT_HEADERS);
        writeRepeated(response, ascii.bytes, options.bigBodyBytes);
        return;
      case '/memory/api/chat':
        response.writeHead(200, TEXT_HEADERS);
        writeRepeated(response, block.bytes, options.memoryBytes);
        return;
      default:
        response.writeHead(404).end();
    }
  };

  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      respond(request, response);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  if (options.bigBodyBytes % BLOCK_SIZE || options.memoryBytes % BLOCK_SIZE) {
    throw new Error('the Aivvm bodies must be whole MiB');
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    blockTextLength: block.textLength,
    asciiBlockTextLength: ascii.textLength,
    hugeTextLength: hugeBlocks * long.textLength,
    newHoldRecord: () => (holdCloseTimes = []),
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
