import {
  constants,
  brotliCompressSync,
  deflateRawSync,
  deflateSync,
  gzipSync,
  inflateRawSync,
} from 'node:zlib';
import axios from 'axios';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { ResponseTooLargeError } from '../../lib/errors/response-too-large-error.js';
import type { ByteRequest } from '../../lib/http/byte-request.js';
import { requestBytes } from '../../lib/http/request-bytes.js';
import { collect, concatBytes } from '../support/collect.js';
import { useRawHttpServer, type RawHttpServer } from '../support/raw-http-server.js';

const TEXT = Buffer.from(
  Array.from({ length: 2700 }, (_, line) => `line ${line}: Привет, мир — 😀\n`).join(''),
);
const TRAILING = Buffer.from('\r\n<html>garbage after the member</html>');

const raw = useRawHttpServer();
let server: RawHttpServer;
beforeAll(() => {
  server = raw();
});

/** Answers with `body` under `encoding`, in writes of `size` bytes; cuts the socket after `cutAt`. */
function serve(
  body: Buffer,
  encoding: string,
  options: { size?: number; cutAt?: number; status?: number } = {},
): void {
  const size = options.size ?? 4096;
  server.handle((_request, response) => {
    response.writeHead(options.status ?? 200, {
      'content-type': 'text/plain',
      'content-encoding': encoding,
    });
    const end = options.cutAt ?? body.length;
    for (let start = 0; start < end; start += size)
      response.write(body.subarray(start, Math.min(start + size, end)));
    if (options.cutAt === undefined) response.end();
    // Cut the connection once what was written has gone out (end, not destroy, flushes it).
    else response.socket?.end();
  });
}

const request = (overrides: Partial<ByteRequest> = {}): ByteRequest => ({
  provider: 'Test',
  method: 'GET',
  url: `${server.url}/`,
  headers: {},
  ...overrides,
});

const received = async (overrides: Partial<ByteRequest> = {}) => {
  const result = await collect(requestBytes(request(overrides)));
  return { ...result, bytes: Buffer.from(concatBytes(result.values)) };
};

describe('decompression in our code (http adapter)', () => {
  it.each([TEXT.length + TRAILING.length, 1000])(
    'gzip followed by trailing bytes (writes of %i): every byte of the member, then completes',
    async (size) => {
      expect(TEXT.length).toBeGreaterThan(100_000);
      serve(Buffer.concat([gzipSync(TEXT), TRAILING]), 'gzip', { size });
      const { bytes, completed, error } = await received();
      expect(error).toBeUndefined();
      expect(completed).toBe(true);
      expect(bytes.equals(TEXT)).toBe(true);
    },
  );

  it('gzip of several members: all of them', async () => {
    serve(Buffer.concat([gzipSync(TEXT), gzipSync(TEXT)]), 'x-gzip', { size: 777 });
    const { bytes, completed } = await received();
    expect(completed).toBe(true);
    expect(bytes.equals(Buffer.concat([TEXT, TEXT]))).toBe(true);
  });

  it.each([
    ['deflate (zlib)', 'deflate', deflateSync(TEXT)],
    ['deflate (raw)', 'deflate', deflateRawSync(TEXT)],
    ['br', 'br', brotliCompressSync(TEXT)],
  ])('%s: the whole text', async (_name, encoding, body) => {
    serve(body, encoding);
    const { bytes, completed } = await received();
    expect(completed).toBe(true);
    expect(bytes.equals(TEXT)).toBe(true);
  });

  it('a gzip body cut mid-stream: every byte its first half holds, then NetworkError', async () => {
    const gzipped = gzipSync(TEXT);
    const cutAt = Math.floor(gzipped.length / 2);
    serve(gzipped, 'gzip', { cutAt, size: 1000 });
    const { bytes, error } = await received();
    expect(NetworkError.isInstance(error)).toBe(true);
    const held = inflateRawSync(gzipped.subarray(10, cutAt), {
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    expect(bytes.length).toBe(held.length);
    expect(bytes.equals(TEXT.subarray(0, held.length))).toBe(true);
    expect((error as NetworkError).bytesReceived).toBe(held.length);
  });

  it('a gzip body that ends cleanly before its trailer is a NetworkError, after every byte', async () => {
    const gzipped = gzipSync(TEXT);
    serve(gzipped.subarray(0, gzipped.length - 4), 'gzip');
    const { bytes, error } = await received();
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(bytes.equals(TEXT)).toBe(true);
  });

  it('a corrupt gzip body: what decompressed before the damage, then NetworkError', async () => {
    const gzipped = Buffer.from(gzipSync(TEXT));
    gzipped.fill(0xff, 2000, 2100);
    serve(gzipped, 'gzip', { size: 500 });
    const { bytes, error } = await received();
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(bytes.length).toBeGreaterThan(5000);
    expect(bytes.subarray(0, 5000).equals(TEXT.subarray(0, 5000))).toBe(true);
  });

  it('a gzip error body is decompressed into the excerpt', async () => {
    serve(gzipSync('{"error":{"message":"overloaded"}}'), 'gzip', { status: 503 });
    const { error } = await received();
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, serverMessage: 'overloaded' });
  });

  it('maxResponseBytes bounds the decompressed bytes of a gzip bomb, and aborts the request', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const members = Buffer.concat(Array.from({ length: 8 }, () => bomb));
    serve(members, 'gzip', { size: 16 * 1024 });
    const before = process.memoryUsage().rss;
    const { bytes, error } = await received({ maxResponseBytes: 1024 * 1024 });
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 1024 * 1024 });
    expect(bytes.length).toBeLessThanOrEqual(1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('the fetch adapter decompresses a clean gzip body itself: not twice', async () => {
    serve(gzipSync(TEXT), 'gzip');
    const { bytes, completed } = await received({ axios: axios.create({ adapter: 'fetch' }) });
    expect(completed).toBe(true);
    expect(bytes.equals(TEXT)).toBe(true);
  });
});
