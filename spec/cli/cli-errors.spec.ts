import { createServer } from 'node:net';

import { beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess } from './support/cli-process.js';
import { useCliServer } from './support/use-cli-server.js';

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

/** A port nothing listens on: bound once, then released. */
async function refusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => {
    probe.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const openai = (): string[] => ['--provider', 'openai', '--base-url', `${server.url}/v1`];

/** Exactly one line on stderr, `error: <Type>: ...`. */
const oneErrorLine = (type: string): RegExp => new RegExp(`^error: ${type}: [^\\n]+\\n$`);

describe('rx-completions exit codes', () => {
  it('exits 3 for a model the provider does not serve, before any request', async () => {
    const run = await runCliProcess(['--base-url', server.url, '--model', 'llama', 'Hi']);

    expect(run).toMatchObject({ code: 3, stdout: '' });
    expect(run.stderr).toBe('error: ModelNotSupportedError: Model is not supported: llama\n');
    expect(server.requests).toHaveLength(0);
  });

  it('exits 4 for an HTTP status of 400 or more', async () => {
    server.enqueue({ upstreamError: 'The model is overloaded' });
    const run = await runCliProcess(['--base-url', server.url, 'Hi']);

    expect(run).toMatchObject({ code: 4, stdout: '' });
    expect(run.stderr).toMatch(oneErrorLine('HttpStatusError'));
    expect(run.stderr).toContain(`POST ${server.url}/api/chat (Aivvm) answered 500`);
    expect(run.stderr).toContain('The model is overloaded');
  });

  it('exits 5 when the connection is refused', async () => {
    const port = await refusedPort();
    const run = await runCliProcess(['--base-url', `http://127.0.0.1:${port}`, 'Hi']);

    expect(run).toMatchObject({ code: 5, stdout: '' });
    expect(run.stderr).toMatch(oneErrorLine('NetworkError'));
    expect(run.stderr).toContain('ECONNREFUSED');
  });

  it('exits 5 when the connection is reset mid-stream, after the text that came', async () => {
    server.enqueue({ text: 'partial answer', resetAfterBytes: 7 });
    const run = await runCliProcess(['--base-url', server.url, 'Hi']);

    expect(run).toMatchObject({ code: 5, stdout: 'partial' });
    expect(run.stderr).toMatch(oneErrorLine('NetworkError'));
  });

  it('exits 6 when the first chunk is later than --timeout, and aborts the request', async () => {
    server.enqueue({ stall: 'after-headers' });
    const run = await runCliProcess(['--base-url', server.url, '--timeout', '300', 'Hi']);

    expect(run).toMatchObject({ code: 6, stdout: '' });
    expect(run.stderr).toBe(
      'error: TimeoutError: Timed out waiting for the first chunk after 300 ms\n',
    );
    expect(await server.requests[0]!.closed).toBe('client-closed');
  });

  it('exits 6 when a next chunk is later than --timeout-each', async () => {
    server.enqueue({ text: 'abcdef', stall: { afterBytes: 2 } });
    const run = await runCliProcess(['--base-url', server.url, '--timeout-each', '300', 'Hi']);

    expect(run).toMatchObject({ code: 6, stdout: 'ab' });
    expect(run.stderr).toMatch(/^error: TimeoutError: Timed out waiting for the next chunk/);
  });

  it('exits 6 when the whole reply takes longer than --timeout-total, after the text that came', async () => {
    server.enqueue({ chunks: ['a', 'b', 'c', 'd', 'e'], delayMs: 150 });
    const run = await runCliProcess(['--base-url', server.url, '--timeout-total', '400', 'Hi']);

    expect(run.code).toBe(6);
    expect('abcde'.startsWith(run.stdout) && run.stdout.length < 5).toBe(true);
    expect(run.stderr).toBe(
      'error: TimeoutError: Timed out: the completion took longer than 400 ms in total\n',
    );
  });

  it('exits 7 for a body that cannot be decoded', async () => {
    // Not UTF-8 (0xff), so it is read as unicode-escape, where `\xZZ` is malformed (SPEC §3).
    server.enqueue({ body: new Uint8Array([0x4f, 0x4b, 0xff, 0x5c, 0x78, 0x5a, 0x5a]) });
    const run = await runCliProcess(['--base-url', server.url, 'Hi']);

    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(oneErrorLine('DecodeError'));
    expect(run.stderr).toContain('truncated \\xXX escape');
  });

  it('exits 8 for an error inside an OpenAI stream, after the text before it', async () => {
    server.enqueue({
      path: '/v1/chat/completions',
      text: 'one two three',
      streamError: { afterChunks: 2, message: 'Overloaded' },
    });
    const run = await runCliProcess([...openai(), 'Hi']);

    expect(run).toMatchObject({ code: 8, stdout: 'one two ' });
    expect(run.stderr).toMatch(oneErrorLine('StreamError'));
    expect(run.stderr).toContain('Overloaded');
  });

  it('ends --json output with an error event', async () => {
    server.enqueue({ path: '/v1/chat/completions', status: 500, statusText: 'Boom' });
    const run = await runCliProcess([...openai(), '--json', 'Hi']);

    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(oneErrorLine('HttpStatusError'));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      type: 'error',
      name: 'HttpStatusError',
      code: 'HTTP_STATUS',
      message: expect.stringContaining('answered 500') as string,
    });
  });

  it('prints the stack with --verbose, never without', async () => {
    const run = await runCliProcess(['--base-url', server.url, '-m', 'nope', '--verbose', 'Hi']);

    expect(run.code).toBe(3);
    const [first, ...frames] = run.stderr.trimEnd().split('\n');
    expect(first).toBe('error: ModelNotSupportedError: Model is not supported: nope');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((line) => /^\s+at /.test(line))).toBe(true);
  });

  // The other usage errors are checked in-process (run-cli.spec.ts): the exit code is the same.
  it.each([
    [['--bogus', 'Hi'], "Unknown option '--bogus' (see rx-completions --help)"],
    [['--api-key-file', '/nonexistent/key', 'Hi'], 'cannot read --api-key-file'],
  ])('exits 2 for the usage error of %j', async (args, message) => {
    const run = await runCliProcess(args);

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(oneErrorLine('UsageError'));
    expect(run.stderr).toContain(message);
  });

  it('exits 2 for an empty prompt on stdin', async () => {
    const run = await runCliProcess(['--base-url', server.url], { stdin: ' \n' });

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^error: UsageError: the prompt is empty/);
  });
});
