import { get } from 'node:http';

import { expect } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';

/** What the server had seen before the code under test ran. */
export interface ServerCounts {
  readonly requests: number;
  readonly connections: number;
}

/** The server's request and connection counts now, to pass to {@link expectNothingSent}. */
export const countsOf = (server: LoopbackServer): ServerCounts => ({
  requests: server.requests.length,
  connections: server.totalConnections,
});

/** One `GET /v1/models` on a fresh connection (no agent, no keep-alive), read to its end. */
function probe(server: LoopbackServer): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = get(`${server.url}/v1/models`, { agent: false }, (response) => {
      response.resume();
      response.once('end', resolve);
      response.once('error', reject);
    });
    request.once('error', reject);
    request.setTimeout(5_000, () => {
      request.destroy(new Error('the probe request to the loopback server timed out'));
    });
  });
}

/**
 * Checks that the code under test sent nothing to `server` since `before` was taken, by the
 * events of a probe instead of a wait: one probe request on a new connection, read to its end.
 * The server accepts connections in the order they were made (the listen backlog is a queue),
 * so a connection opened by the code under test before the probe would be counted by the time
 * the probe's response has ended; exactly one new connection and one new request, the probe's,
 * mean nothing else came.
 *
 * @param server - the loopback server the code under test would talk to.
 * @param before - the counts taken before the code under test ran.
 * @param what - what must not have sent anything, for the failure message.
 */
export async function expectNothingSent(
  server: LoopbackServer,
  before: ServerCounts,
  what: string,
): Promise<void> {
  await probe(server);
  const newRequests = server.requests.slice(before.requests).map((r) => `${r.method} ${r.path}`);
  expect(newRequests, `${what} sent a request`).toEqual(['GET /v1/models']);
  expect(server.totalConnections - before.connections, `${what} opened a connection`).toBe(1);
}
