/**
 * `npx tsx scripts/serve-browser-example.ts [--port 8080]`: bundles `examples/browser/main.ts`
 * with esbuild for the browser, starts the loopback server, serves the page on `127.0.0.1`
 * and prints its URL (the loopback server's URL goes in as `?server=`). Ctrl-C stops both.
 *
 * The tests in `spec/browser/` start the same thing with {@link startBrowserExample}.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Metafile } from 'esbuild';
import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
} from '../lib/testing/index.js';
import { bundleForBrowser, nodeImportsOf, ROOT } from './bundle-size.js';

/** The example page, served, and the loopback server it streams from. */
export interface BrowserExample {
  /** The page's URL, `?server=` included. */
  readonly pageUrl: string;
  /** The loopback server the page talks to (cross-origin: another port). */
  readonly loopback: LoopbackServer;
  /** esbuild's metafile of the page's script. */
  readonly metafile: Metafile;
  /** Stops the page server and the loopback server. */
  close(): Promise<void>;
}

/** What {@link startBrowserExample} starts. */
export interface BrowserExampleOptions {
  /** The page server's port. @default 0, a free one */
  readonly port?: number;
  /** How the loopback server starts. @default its defaults */
  readonly loopback?: LoopbackServerOptions;
}

const PAGE_DIR = join(ROOT, 'examples', 'browser');

/** Bundles the page's script; the lazily loaded name table is a chunk of its own. */
async function bundlePage(): Promise<{ scripts: Map<string, Uint8Array>; metafile: Metafile }> {
  const outdir = 'dist/browser-example';
  const bundle = await bundleForBrowser({
    entry: 'examples/browser/main.ts',
    outdir,
    minify: false,
  });
  const nodeImports = nodeImportsOf(bundle.metafile);
  if (nodeImports.length > 0) {
    const list = nodeImports.map(({ importer, path }) => `${importer} imports ${path}`);
    throw new Error(`the browser example imports Node built-ins:\n${list.join('\n')}`);
  }
  const scripts = new Map<string, Uint8Array>();
  for (const [path, bytes] of bundle.files) scripts.set(`/${relative(outdir, path)}`, bytes);
  return { scripts, metafile: bundle.metafile };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Bundles the example page, starts the loopback server and serves the page on `127.0.0.1`.
 *
 * @param options - the page server's port and the loopback server's options.
 * @returns the running example.
 * @throws Error when the page's bundle imports a Node built-in.
 */
export async function startBrowserExample(
  options: BrowserExampleOptions = {},
): Promise<BrowserExample> {
  const [{ scripts, metafile }, html] = await Promise.all([
    bundlePage(),
    readFile(join(PAGE_DIR, 'index.html')),
  ]);
  const pages = new Map<string, { type: string; body: Uint8Array }>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/index.html', { type: 'text/html; charset=utf-8', body: html }],
  ]);
  for (const [path, body] of scripts) pages.set(path, { type: 'text/javascript', body });
  const http = createServer({ keepAliveTimeout: 500 }, (request, response) => {
    const page = pages.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (page === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : page.body);
  });
  const loopback = await startLoopbackServer(options.loopback);
  try {
    const port = await listen(http, options.port ?? 0);
    const pageUrl = `http://127.0.0.1:${port}/?server=${encodeURIComponent(loopback.url)}`;
    const close = async (): Promise<void> => {
      const closed = new Promise((resolve) => http.close(resolve));
      http.closeAllConnections();
      await Promise.all([closed, loopback.close()]);
    };
    return { pageUrl, loopback, metafile, close };
  } catch (error) {
    await loopback.close();
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const example = await startBrowserExample({ port: Number(values.port) });
  console.log(`Open ${example.pageUrl}`);
  console.log(`(the loopback server is ${example.loopback.url}; Ctrl-C stops both)`);
  process.once('SIGINT', () => {
    void example.close();
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
