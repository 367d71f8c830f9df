import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { killRunningClis, runCliProcess, type CliExit } from './support/cli-process.js';

const KEY = 'sk-cli-right-4f9c2a7e1b';
const WRONG_KEY = 'sk-cli-wrong-8d3e6b0c5a';

let server: LoopbackServer;
let directory: string;

/** A key file holding `key` with whitespace around it, as editors leave it. */
function keyFile(name: string, key: string): string {
  const file = join(directory, name);
  writeFileSync(file, `\n  ${key}  \n`);
  return file;
}

const openai = (): string[] => ['--provider', 'openai', '--base-url', `${server.url}/v1`];

/** Neither key appears anywhere in what the CLI printed. */
function expectNoKey(run: CliExit): void {
  for (const key of [KEY, WRONG_KEY]) {
    expect(run.stdout).not.toContain(key);
    expect(run.stderr).not.toContain(key);
  }
}

beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0, apiKey: KEY });
  directory = mkdtempSync(join(tmpdir(), 'rx-cli-keys-'));
});
afterEach(() => {
  killRunningClis();
  server.clearRequests();
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('rx-completions and the API key', () => {
  it('sends the key from --api-key-file, trimmed, and never prints it', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'authorised' });
    const run = await runCliProcess([...openai(), '--api-key-file', keyFile('right', KEY), 'Hi']);

    expect(run).toMatchObject({ code: 0, stdout: 'authorised', stderr: '' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expectNoKey(run);
  });

  it('sends the key from OPENAI_API_KEY when no file is given', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'authorised' });
    const run = await runCliProcess([...openai(), '--json', 'Hi'], {
      env: { OPENAI_API_KEY: KEY },
    });

    expect(run.code).toBe(0);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expectNoKey(run);
  });

  it('prefers the file to the environment', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'authorised' });
    const run = await runCliProcess(
      [...openai(), '--api-key-file', keyFile('right-2', KEY), 'Hi'],
      { env: { OPENAI_API_KEY: WRONG_KEY } },
    );

    expect(run.code).toBe(0);
    expectNoKey(run);
  });

  it('exits 4 on a 401 for a wrong key from the file, without printing it, even --verbose', async () => {
    const run = await runCliProcess([
      ...openai(),
      '--api-key-file',
      keyFile('wrong', WRONG_KEY),
      '--verbose',
      '--json',
      'Hi',
    ]);

    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^error: HttpStatusError: POST .*\/v1\/chat\/completions .* 401/);
    expect(run.stderr.split('\n').length).toBeGreaterThan(2); // the stack came too
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'error', code: 'HTTP_STATUS' });
    expectNoKey(run);
  });

  it('exits 4 on a 401 for a wrong key from the environment, without printing it', async () => {
    const run = await runCliProcess([...openai(), '--verbose', 'Hi'], {
      env: { OPENAI_API_KEY: WRONG_KEY },
    });

    expect(run.code).toBe(4);
    expect(run.stderr).toContain('401');
    expectNoKey(run);
  });

  it('never prints the right key on a failure after authorisation, even --verbose', async () => {
    server.enqueue({
      path: '/v1/chat/completions',
      text: 'one two three',
      streamError: { afterChunks: 1, message: 'Overloaded' },
    });
    const run = await runCliProcess([...openai(), '--verbose', '--json', 'Hi'], {
      env: { OPENAI_API_KEY: KEY },
    });

    expect(run.code).toBe(8);
    expectNoKey(run);
  });
});
