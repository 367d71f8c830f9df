import { afterAll, afterEach, beforeAll } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../../lib/testing/index.js';
import { killRunningClis } from './cli-process.js';

/**
 * Starts a loopback server for a CLI suite; after each test, kills any CLI process still
 * running and forgets the recorded requests; closes the server at the end.
 *
 * @returns a getter for the running server.
 */
export function useCliServer(): () => LoopbackServer {
  let server: LoopbackServer | undefined;
  beforeAll(async () => {
    server = await startLoopbackServer({ delayMs: 0 });
  });
  afterEach(() => {
    killRunningClis();
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
