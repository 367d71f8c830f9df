import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { chatBody } from './http-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const running = new Set<ChildProcessWithoutNullStreams>();

/**
 * Runs the CLI with tsx inside one node process: `npx tsx` would put npm and a shell between
 * the test and the server, and npm does not pass SIGTERM on (the server would be orphaned).
 */
function startCli(args: readonly string[]): ChildProcessWithoutNullStreams {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'lib/testing/loopback-server-cli.ts', ...args],
    { cwd: ROOT },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Collects a stream's text; resolves once it matches `pattern` (rejects when it ends first). */
function waitForOutput(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (data: Buffer): void => {
      text += data.toString();
      const match = pattern.exec(text);
      if (match === null) return;
      stream.off('data', onData);
      resolve(match);
    };
    stream.on('data', onData);
    stream.once('end', () => {
      reject(new Error(`output ended without ${String(pattern)}: ${text}`));
    });
  });
}

async function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<[number | null, string | null]> {
  if (child.exitCode !== null || child.signalCode !== null)
    return [child.exitCode, child.signalCode];
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return [code, signal];
}

afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
});

describe('loopback-server-cli', () => {
  it('prints its URL, serves /api/chat, and stops with exit code 0 on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--delay-ms', '0']);
    const [url] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+/);
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatBody()),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^## About "Hello, world!"/);
    const stopping = waitForOutput(child.stderr, /SIGTERM: stopping/);
    child.kill('SIGTERM');
    await stopping;
    expect(await exitOf(child)).toEqual([0, null]);
    await expect(fetch(`${url}/api/chat`, { method: 'POST' })).rejects.toThrow();
  });

  it('stops on SIGINT in the middle of a reply', async () => {
    const child = startCli(['--delay-ms', '60000']);
    const [url] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+/);
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify(chatBody()),
    });
    const reader = response.body!.getReader();
    await reader.read();
    child.kill('SIGINT');
    expect(await exitOf(child)).toEqual([0, null]);
    await expect(reader.read()).rejects.toThrow();
  });

  it('guards /v1 with --api-key, and /api/chat still forwards to it', async () => {
    const child = startCli(['--delay-ms', '0', '--api-key', 'sk-cli']);
    const [url] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+/);
    expect((await fetch(`${url}/v1/models`)).status).toBe(401);
    const models = await fetch(`${url}/v1/models`, { headers: { authorization: 'Bearer sk-cli' } });
    expect(models.status).toBe(200);
    const chat = await fetch(`${url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify(chatBody()),
    });
    expect(await chat.text()).toMatch(/^## About "Hello, world!"/);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toEqual([0, null]);
  });

  it('prints usage on --help', async () => {
    const child = startCli(['--help']);
    await waitForOutput(child.stdout, /Usage: rx-completions-server \[--port <n>\]/);
    expect(await exitOf(child)).toEqual([0, null]);
  });

  it.each([
    [['--port', 'http'], /--port must be an integer from 0 to 65535, got "http"/],
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--verbose'], /Unknown option '--verbose'/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const child = startCli(args);
    await waitForOutput(child.stderr, message);
    expect(await exitOf(child)).toEqual([2, null]);
  });
});
