import { PassThrough, Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../lib/cli/run-cli.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { runInProcess, TextSink } from './support/run-in-process.js';

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('runCli (in-process)', () => {
  it('streams the reply and returns 0', async () => {
    server.enqueue({ chunks: ['Hel', 'lo'] });
    expect(await runInProcess(['--base-url', server.url, 'Hi'])).toEqual({
      code: 0,
      stdout: 'Hello',
      stderr: '',
    });
  });

  it.each([
    [
      ['--provider', 'claude', 'Hi'],
      '--provider must be aivvm, openai, anthropic, ollama, or gemini, got "claude"',
    ],
    [['--timeout', '0', 'Hi'], '--timeout must be a whole number from 1 to 86400000, got "0"'],
    [['--timeout-each', '1.5', 'Hi'], '--timeout-each must be a whole number from 1 to'],
    [['--timeout-total', '86400001', 'Hi'], '--timeout-total must be a whole number from 1 to'],
    [['--retries', 'many', 'Hi'], '--retries must be a whole number from 0 to 100, got "many"'],
    [['--retries', '101', 'Hi'], '--retries must be a whole number from 0 to 100'],
    [['--temperature', 'warm', 'Hi'], '--temperature must be a number, got "warm"'],
    [['--temperature', '', 'Hi'], '--temperature must be a number, got ""'],
    [['--base-url', 'ftp://x', 'Hi'], '--base-url must be an http(s) URL, got "ftp://x"'],
    [['--serve', '--base-url', 'http://127.0.0.1:1', 'Hi'], '--serve and --base-url exclude'],
    [['--model'], "Option '-m, --model <value>' argument missing"],
    [['--json=yes', 'Hi'], "Option '--json' does not take an argument"],
    [['--serve', '   '], 'the prompt is empty'],
    [['Hi'], 'nowhere to send the prompt: pass --base-url <url>, or an OpenAI key with'],
    [['-p', 'aivvm', 'Hi'], '--provider aivvm needs --base-url <site root>, or --serve'],
  ])('returns 2 for the usage error of %j', async (args, message) => {
    const run = await runInProcess(args);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: UsageError: [^\n]+ \(see rx-completions --help\)\n$/);
    expect(run.stderr).toContain(message);
  });

  it('refuses an --api-key argument without repeating its value', async () => {
    for (const args of [
      ['--api-key=sk-visible-1234', 'Hi'],
      ['--api-key', 'sk-visible-1234'],
    ]) {
      const run = await runInProcess(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('use --api-key-file <path> or OPENAI_API_KEY');
      expect(run.stderr).not.toContain('sk-visible-1234');
    }
  });

  it('takes `--api-key` after `--` as part of the prompt', async () => {
    server.enqueue({ text: 'ok' });
    const run = await runInProcess(['--base-url', server.url, '--', '--api-key', 'is a word']);

    expect(run.code).toBe(0);
    expect(server.requests.at(-1)!.json()).toMatchObject({
      messages: [{ role: 'user', content: '--api-key is a word' }],
    });
  });

  it('aborts the request and returns 0, quietly, when stdout is closed (EPIPE)', async () => {
    server.enqueue({ chunks: ['one ', 'two ', 'three'], delayMs: 200 });
    const stdout = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const stderr = new TextSink();
    const requests = server.requests.length;
    const code = await runCli(['--base-url', server.url, 'Hi'], {
      stdin: process.stdin,
      stdout,
      stderr,
      env: {},
    });

    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(await server.requests[requests]!.closed).toBe('client-closed');
  });

  it('returns 130 at once when the signal was aborted before the run', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = await runInProcess(['--base-url', server.url, 'Hi'], {
      signal: controller.signal,
    });

    expect(run).toEqual({ code: 130, stdout: '', stderr: '' });
  });

  it('ends the reply with a line break on a terminal only', async () => {
    server.enqueue({ text: 'no newline' });
    const stdout = Object.assign(new TextSink(), { isTTY: true });
    const code = await runCli(['--base-url', server.url, 'Hi'], {
      stdin: process.stdin,
      stdout,
      stderr: new TextSink(),
      env: {},
    });

    expect(code).toBe(0);
    expect(stdout.text).toBe('no newline\n');
  });

  it('puts the shell prompt on a line of its own after Ctrl-C on a terminal', async () => {
    server.enqueue({ chunks: ['half a ', 'line', ' never sent'], delayMs: 200 });
    const controller = new AbortController();
    const stdout = Object.assign(new TextSink(), { isTTY: true });
    // Ctrl-C as soon as the first chunk is on the screen.
    const write = stdout.write.bind(stdout);
    stdout.write = ((chunk: string) => {
      const written = write(chunk);
      controller.abort();
      return written;
    }) as typeof stdout.write;
    const code = await runCli(['--base-url', server.url, 'Hi'], {
      stdin: process.stdin,
      stdout,
      stderr: new TextSink(),
      env: {},
      signal: controller.signal,
    });

    expect(code).toBe(130);
    expect(stdout.text).toBe('half a \n');
    const [request] = server.requests.slice(-1);
    expect(await request?.closed).toBe('client-closed');
  });

  it('does not read a terminal for the prompt', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = new TextSink();
    const code = await runCli(['--serve'], { stdin, stdout: new TextSink(), stderr, env: {} });

    expect(code).toBe(2);
    expect(stderr.text).toContain(
      'no prompt: give it as arguments or pipe it to stdin, or run rx-completions chat to type a conversation',
    );
  });
});
