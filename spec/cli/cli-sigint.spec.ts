import { beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { startCli, within } from './support/cli-process.js';
import { useCliServer } from './support/use-cli-server.js';

/** How long after Ctrl-C the process must be gone. */
const PROMPT_EXIT_MS = 3_000;

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

describe('rx-completions on Ctrl-C (SIGINT)', () => {
  it('aborts the request mid-stream, prints nothing more and exits 130', async () => {
    // The second chunk comes long after the signal: anything printed after it would show.
    server.enqueue({ chunks: ['First words, ', 'then more', ' and more'], delayMs: 1_500 });
    const cli = startCli(['--base-url', server.url, 'Tell me a long story']);
    await cli.firstOutput();
    const [request] = await server.waitForRequests(1, { timeoutMs: 1_000 });
    const signalledAt = performance.now();
    cli.child.kill('SIGINT');

    const run = await cli.exit(PROMPT_EXIT_MS);
    expect(performance.now() - signalledAt).toBeLessThan(PROMPT_EXIT_MS);
    expect(run).toMatchObject({ code: 130, signal: null, stdout: 'First words, ', stderr: '' });
    expect(await within(request!.closed, 1_000, 'the request to close')).toBe('client-closed');
    await server.waitForIdle({ timeoutMs: 1_000 });
  });

  it('aborts an OpenAI stream the same way', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: 'one two three four', delayMs: 1_500 });
    const cli = startCli(['--provider', 'openai', '--base-url', `${server.url}/v1`, 'Hi']);
    await cli.firstOutput();
    const [request] = await server.waitForRequests(1, { timeoutMs: 1_000 });
    cli.child.kill('SIGINT');

    const run = await cli.exit(PROMPT_EXIT_MS);
    expect(run).toMatchObject({ code: 130, stdout: 'one ', stderr: '' });
    expect(await within(request!.closed, 1_000, 'the request to close')).toBe('client-closed');
  });

  it('aborts a request still waiting for its headers', async () => {
    server.enqueue({ stall: 'before-headers' });
    const cli = startCli(['--base-url', server.url, 'Hi']);
    const [request] = await server.waitForRequests(1, { timeoutMs: 10_000 });
    cli.child.kill('SIGINT');

    expect(await cli.exit(PROMPT_EXIT_MS)).toMatchObject({ code: 130, stdout: '', stderr: '' });
    expect(await within(request!.closed, 1_000, 'the request to close')).toBe('client-closed');
  });

  it('exits promptly with its own loopback server (--serve), leaving no handle open', async () => {
    const cli = startCli(['--serve', 'A reply streamed word by word']);
    await cli.firstOutput();
    const printed = cli.stdout().length;
    cli.child.kill('SIGINT');

    const run = await cli.exit(PROMPT_EXIT_MS);
    expect(run).toMatchObject({ code: 130, stderr: '' });
    // Words come 15 ms apart: at most the ones already in the pipe follow the signal.
    expect(run.stdout.length).toBeLessThan(printed + 40);
    expect(run.stdout).not.toMatch(/Unsubscribe at any time/);
  });

  it('stops waiting for a prompt on stdin', async () => {
    const cli = startCli(['--base-url', server.url, '--verbose'], { stdin: null });
    await within(
      new Promise<void>((resolve) => {
        cli.child.stderr.on('data', () => {
          if (cli.stderr().includes('reading the prompt from stdin')) resolve();
        });
      }),
      10_000,
      'the CLI to read stdin',
    );
    cli.child.kill('SIGINT');

    const run = await cli.exit(PROMPT_EXIT_MS);
    expect(run).toMatchObject({ code: 130, stdout: '' });
    expect(run.stderr).toBe('reading the prompt from stdin, to its end\n');
    expect(server.requests).toHaveLength(0);
  });
});
