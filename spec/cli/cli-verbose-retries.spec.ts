import { beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess } from './support/cli-process.js';
import { useCliServer } from './support/use-cli-server.js';

const KEY = 'sk-cli-verbose-7e2d9a41c3';

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

describe('rx-completions --verbose and --retries', () => {
  it('prints each retry, its wait and the error that caused it, on stderr', async () => {
    server.enqueue(
      { stall: 'after-headers' },
      { status: 503, headers: { 'retry-after-ms': '10' } },
      { text: 'third try' },
    );
    const args = ['--base-url', server.url, '--retries', '2', '--timeout', '300', '--verbose'];
    const run = await runCliProcess([...args, 'Hi']);

    expect(run).toMatchObject({ code: 0, stdout: 'third try' });
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^retry 1\/2 in \d+ ms after TimeoutError: Timed out waiting for the first chunk after 300 ms$/,
    );
    expect(lines[1]).toMatch(/^retry 2\/2 in 10 ms after HttpStatusError: .*503/);
    expect(lines.slice(2)).toEqual(['']);
    expect(server.requests).toHaveLength(3);
  });

  it('prints no retry without --verbose', async () => {
    server.enqueue({ status: 503, headers: { 'retry-after-ms': '10' } }, { text: 'second try' });
    const run = await runCliProcess(['--base-url', server.url, '--retries', '1', 'Hi']);

    expect(run).toMatchObject({ code: 0, stdout: 'second try', stderr: '' });
  });

  it('prints the retry line without terminal controls and without the key', async () => {
    server.enqueue(
      {
        path: '/v1/chat/completions',
        status: 503,
        headers: { 'retry-after-ms': '10', 'content-type': 'application/json' },
        text: JSON.stringify({ error: { message: `\u001b[2Jbusy, key ${KEY}` } }),
      },
      { path: '/v1/chat/completions', text: 'ok' },
    );
    const args = ['--provider', 'openai', '--base-url', `${server.url}/v1`, '--retries', '1'];
    const run = await runCliProcess([...args, '--verbose', 'Hi'], {
      env: { OPENAI_API_KEY: KEY },
    });

    expect(run).toMatchObject({ code: 0, stdout: 'ok' });
    expect(run.stderr).toMatch(
      /^retry 1\/1 in 10 ms after HttpStatusError: .*busy, key \[redacted\]/,
    );
    expect(run.stderr).not.toContain(KEY);
    expect(run.stderr).not.toContain('\u001b');
  });
});
