import { beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess } from './support/cli-process.js';
import { useCliServer } from './support/use-cli-server.js';

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

describe('rx-completions chat reading a pipe', () => {
  it('answers one turn per line, in order, each with the conversation so far, and exits 0 at the end', async () => {
    server.enqueue({ text: 'One.' }, { text: 'Two.\n' });
    const run = await runCliProcess(['chat', '--base-url', server.url, '-s', 'Be brief'], {
      stdin: 'First\n\nSecond\n',
    });

    expect(run).toMatchObject({ code: 0, stdout: 'One.\nTwo.\n', stderr: '' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.json()).toMatchObject({
      prompt: 'Be brief',
      messages: [
        { role: 'user', content: 'First' },
        { role: 'assistant', content: 'One.' },
        { role: 'user', content: 'Second' },
      ],
    });
  });

  it('stops at the first failed turn with its exit code, and prints its error line', async () => {
    server.enqueue({ status: 500, text: 'down' }, { text: 'never' });
    const run = await runCliProcess(['chat', '--base-url', server.url], {
      stdin: 'First\nSecond\n',
    });

    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^error: HttpStatusError: .*500/);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a prompt argument and --json', async () => {
    const prompt = await runCliProcess(['chat', '--serve', 'Hello']);
    expect(prompt.code).toBe(2);
    expect(prompt.stderr).toContain('chat takes no prompt argument');
    const json = await runCliProcess(['chat', '--serve', '--json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--json does not apply to chat');
  });
});
