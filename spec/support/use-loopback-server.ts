import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
} from '../../lib/testing/index.js';

/**
 * Starts a loopback server for the enclosing suite (no delays, short keep-alive), checks after
 * each test that every connection was closed, and closes it at the end.
 *
 * @param options - overrides of the server options.
 * @returns a getter for the running server.
 */
export function useLoopbackServer(options: LoopbackServerOptions = {}): () => LoopbackServer {
  let server: LoopbackServer | undefined;
  beforeAll(async () => {
    server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50, ...options });
  });
  afterEach(async () => {
    await server?.waitForIdle({ timeoutMs: 2000 });
    server?.clearRequests();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the loopback server is not started yet');
    return server;
  };
}
