/**
 * The providers' default idle deadline over real sockets on 127.0.0.1, made small per call
 * (`timeout: { idle }`); its ten-minute value is checked in virtual time in
 * `with-deadlines.spec.ts`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError } from '../../lib/errors/timeout-error.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { collect } from '../support/collect.js';
import {
  startTricklingHeadersServer,
  type TricklingHeadersServer,
} from '../support/trickling-headers-server.js';

let server: LoopbackServer;
let trickling: TricklingHeadersServer;
beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
  trickling = await startTricklingHeadersServer();
});
afterEach(async () => {
  await server.waitForIdle({ timeoutMs: 2000 });
  expect(server.queuedScripts).toBe(0);
  server.clearRequests();
});
afterAll(async () => {
  await Promise.all([server.close(), trickling.close()]);
});

const hello = [{ role: 'user', content: 'Hi' }] as const;

describe('the idle deadline of a provider', () => {
  it('ends a request whose headers trickle a byte at a time, and closes its socket', async () => {
    const { values, error } = await collect(
      Aivvm.createCompletion('gpt-4', [...hello], true, {
        baseURL: trickling.url,
        timeout: { idle: 200 },
      }),
    );
    expect(values).toEqual([]);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'first', afterMs: 200 });
    expect(trickling.acceptedConnections).toBeGreaterThan(0);
    await trickling.waitForClosed(2000);
  });

  it('ends a body that stalls after some text, and closes its socket', async () => {
    server.enqueue({ chunks: ['one ', 'two '], stall: { afterBytes: 8 } });
    const { values, error } = await collect(
      Aivvm.createCompletion('gpt-4', [...hello], true, {
        baseURL: server.url,
        timeout: { idle: 200 },
      }),
    );
    expect(values.join('')).toBe('one two ');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'each', afterMs: 200 });
    await expect(server.requests[0]?.closed).resolves.toBe('client-closed');
  });
});
