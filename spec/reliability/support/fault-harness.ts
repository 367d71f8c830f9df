import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
} from '../../../lib/testing/index.js';
import { resourcesBackTo, settledResources, type ResourceCounts } from './resources.js';
import { watchUnhandled, type UnhandledWatch } from './unhandled.js';

/** A loopback server per file, and the checks every fault test ends with. */
export interface FaultHarness {
  /** The file's loopback server. */
  readonly server: LoopbackServer;
  /**
   * Asserts that the fault left nothing behind: no connection open on the server, every
   * recorded request settled, no unhandled rejection, and the process's handles and timers
   * back to what they were before the test (polled briefly, bounded).
   */
  expectNothingLeft(): Promise<void>;
}

/**
 * Registers the hooks of a fault-matrix file: starts a loopback server, takes a resource
 * baseline before each test, and checks that no script was left queued after it.
 *
 * @param options - the server's options (delay 0 and a short keep-alive by default).
 * @returns the harness (its `server` is set once `beforeAll` ran).
 */
export function useFaultHarness(options: LoopbackServerOptions = {}): FaultHarness {
  let server: LoopbackServer | undefined;
  let unhandled: UnhandledWatch | undefined;
  let baseline: ResourceCounts = {};
  beforeAll(async () => {
    server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50, ...options });
    unhandled = watchUnhandled();
  });
  beforeEach(async () => {
    await server?.waitForIdle({ timeoutMs: 3000 });
    server?.clearRequests();
    baseline = await settledResources();
  });
  afterEach(async () => {
    await server?.waitForIdle({ timeoutMs: 3000 });
    expect(server?.queuedScripts).toBe(0);
  });
  afterAll(async () => {
    unhandled?.stop();
    await server?.close();
  });
  return {
    get server(): LoopbackServer {
      if (server === undefined) throw new Error('the loopback server is not started yet');
      return server;
    },
    async expectNothingLeft() {
      const running = this.server;
      await running.waitForIdle({ timeoutMs: 3000 });
      expect(running.openConnections).toBe(0);
      const outcomes = await Promise.all(running.requests.map((request) => request.closed));
      expect(outcomes).not.toContain('pending');
      expect(unhandled?.seen).toEqual([]);
      expect(await resourcesBackTo(baseline)).toEqual({});
    },
  };
}
