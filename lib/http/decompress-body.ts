import type { BodyCallbacks } from './body-reader.js';
import { ChunkQueue } from './chunk-queue.js';
import { gzipHeaderLength } from './gzip-header.js';
import type { NodeZlib } from './node-zlib.js';
import { driveZlib, type ZlibDriver, type ZlibStream } from './zlib-driver.js';

const EMPTY = new Uint8Array(0);
const GZIP_TRAILER_LENGTH = 8;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const all = new Uint8Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return all;
}

function truncated(what: string): Error {
  return Object.assign(new Error(`the compressed body ended inside its ${what}`), {
    code: 'Z_BUF_ERROR',
  });
}

/** The decompressed bytes go to `emit`; `drivers` holds the zlib stream in use, to cancel it. */
interface Decoding {
  readonly queue: ChunkQueue;
  readonly zlib: NodeZlib;
  readonly emit: (bytes: Uint8Array) => void;
  readonly track: (driver: ZlibDriver) => ZlibDriver;
}

async function drain(driver: ZlibDriver, first: Uint8Array, decoding: Decoding): Promise<void> {
  try {
    let input: Uint8Array | undefined = first;
    while (input !== undefined) {
      if (input.length > 0) await driver.write(input);
      input = await decoding.queue.next();
    }
  } catch (error) {
    // Emit what the bytes before the failure decompress to, then report the failure.
    await driver.finish().catch(() => undefined);
    throw error;
  }
  await driver.finish();
}

/** One gzip member's deflate data; returns the bytes that followed it. */
async function inflateMember(input: Uint8Array, decoding: Decoding): Promise<Uint8Array> {
  let emitted = 0;
  const driver = decoding.track(
    driveZlib(decoding.zlib.createInflateRaw(syncFlush(decoding.zlib)), (bytes) => {
      emitted += bytes.length;
      decoding.emit(bytes);
    }),
  );
  let fed = 0;
  let chunk: Uint8Array | undefined = input;
  try {
    for (;;) {
      if (chunk.length > 0) {
        fed += chunk.length;
        await driver.write(chunk);
        const left = fed - driver.consumed();
        if (left > 0) {
          await driver.finish();
          return await withTrailerChecked(chunk.subarray(chunk.length - left), emitted, decoding);
        }
      }
      chunk = await decoding.queue.next();
      if (chunk === undefined) throw truncated('deflate data');
    }
  } catch (error) {
    await driver.finish().catch(() => undefined);
    throw error;
  }
}

async function withTrailerChecked(
  rest: Uint8Array,
  emitted: number,
  decoding: Decoding,
): Promise<Uint8Array> {
  let bytes = rest;
  while (bytes.length < GZIP_TRAILER_LENGTH) {
    const chunk = await decoding.queue.next();
    if (chunk === undefined) throw truncated('trailer');
    bytes = concat(bytes, chunk);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(4, true) !== emitted % 2 ** 32) {
    throw Object.assign(new Error('gzip size check failed'), { code: 'Z_DATA_ERROR' });
  }
  return bytes.subarray(GZIP_TRAILER_LENGTH);
}

/**
 * gzip, member by member (RFC 1952): the header is parsed here, the deflate data inflated by
 * zlib, the size checked. Bytes after a complete member that do not start another one are
 * ignored, as browsers and curl do; Node's own gunzip fails on them and loses the member's
 * last output.
 */
async function gunzip(decoding: Decoding): Promise<void> {
  let pending: Uint8Array = EMPTY;
  for (let members = 0; ; members++) {
    let header = gzipHeaderLength(pending);
    while (header === undefined) {
      const chunk = await decoding.queue.next();
      if (chunk === undefined) {
        if (members > 0 && pending.length === 0) return;
        throw truncated('gzip header');
      }
      pending = concat(pending, chunk);
      header = gzipHeaderLength(pending);
    }
    if (header === -1) {
      if (members > 0) return; // trailing bytes after a complete member: ignored
      throw Object.assign(new Error('incorrect gzip header'), { code: 'Z_DATA_ERROR' });
    }
    pending = await inflateMember(pending.subarray(header), decoding);
  }
}

async function inflate(decoding: Decoding): Promise<void> {
  let first: Uint8Array = EMPTY;
  while (first.length < 2) {
    const chunk = await decoding.queue.next();
    if (chunk === undefined) break;
    first = concat(first, chunk);
  }
  // `deflate` is zlib-wrapped (RFC 9110 §8.4.1.2), but servers send raw deflate too.
  const [cmf = 0, flg = 0] = first;
  const wrapped = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  const { zlib } = decoding;
  const stream = wrapped
    ? zlib.createInflate(syncFlush(zlib))
    : zlib.createInflateRaw(syncFlush(zlib));
  await drain(decoding.track(driveZlib(stream, decoding.emit)), first, decoding);
}

function syncFlush(zlib: NodeZlib): { flush: number; finishFlush: number } {
  return { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
}

function decoderFor(
  encoding: string,
  zlib: NodeZlib,
): ((d: Decoding) => Promise<void>) | undefined {
  const brotli = {
    flush: zlib.constants.BROTLI_OPERATION_FLUSH,
    finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
  };
  const zstd = (zlib as { createZstdDecompress?: () => ZlibStream }).createZstdDecompress;
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzip;
    case 'deflate':
      return inflate;
    case 'br':
      return (d) =>
        drain(d.track(driveZlib(zlib.createBrotliDecompress(brotli), d.emit)), EMPTY, d);
    case 'zstd':
      return zstd && ((d) => drain(d.track(driveZlib(zstd(), d.emit)), EMPTY, d));
    default:
      return undefined;
  }
}

/** A body reader's callbacks that decompress, and how to stop the decompression. */
export interface DecompressingCallbacks {
  /** Give these to the body reader. */
  readonly callbacks: BodyCallbacks;
  /** Stops decompressing; nothing reaches the sink after it. */
  readonly cancel: () => void;
}

/**
 * Decompresses a body as its `content-encoding` says (`gzip`, `x-gzip`, `deflate`, `br`, and
 * `zstd` where Node has it, as axios does), chunk by chunk, into `sink`.
 *
 * Every byte the input before a failure decompresses to reaches `sink.chunk` before
 * `sink.fail`: a body cut mid-stream gives all it held. A gzip member that is complete ends
 * the body; bytes after it that are not another member are ignored (as browsers and curl do).
 *
 * @param encoding - the response's `content-encoding`.
 * @param zlib - Node's zlib.
 * @param sink - where the decompressed body goes.
 * @returns the callbacks to read the compressed body into, or `undefined` for an encoding that
 *   is not decompressed (`identity`, none, or one zlib does not know): the body passes as is.
 * @example
 * ```ts
 * const decompressing = decompressBody('gzip', zlib, { chunk, end, fail });
 * readBody(response.data, decompressing?.callbacks ?? { chunk, end, fail });
 * ```
 * @internal
 */
export function decompressBody(
  encoding: string,
  zlib: NodeZlib,
  sink: BodyCallbacks,
): DecompressingCallbacks | undefined {
  const decode = decoderFor(encoding.trim().toLowerCase(), zlib);
  if (decode === undefined) return undefined;
  const queue = new ChunkQueue();
  let cancelled = false;
  let current: ZlibDriver | undefined;
  const decoding: Decoding = {
    queue,
    zlib,
    emit: (bytes) => {
      if (!cancelled) sink.chunk(bytes);
    },
    track: (driver) => (current = driver),
  };
  decode(decoding).then(
    () => {
      if (!cancelled) sink.end();
    },
    (error: unknown) => {
      if (!cancelled) sink.fail(error);
    },
  );
  return {
    callbacks: {
      chunk: (bytes) => {
        queue.push(bytes);
      },
      end: () => {
        queue.end();
      },
      fail: (error) => {
        queue.fail(error);
      },
    },
    cancel: () => {
      cancelled = true;
      current?.destroy();
      // Ends the decompressing loop where it waits for input; its outcome is ignored.
      queue.fail(new Error('cancelled'));
    },
  };
}
