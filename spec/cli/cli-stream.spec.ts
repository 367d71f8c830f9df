import { beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess, startCli } from './support/cli-process.js';
import { useCliServer } from './support/use-cli-server.js';

const REPLY = 'Streams arrive in pieces: one, two, three, four, five — done ✓.\n';

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

describe('rx-completions streaming', () => {
  it('writes the Aivvm reply to a pipe chunk by chunk, as it arrives', async () => {
    server.enqueue({ text: REPLY, chunkSize: 9, delayMs: 60 });
    const run = await runCliProcess(['--base-url', server.url, 'Count to five']);

    expect(run).toMatchObject({ code: 0, stdout: REPLY, stderr: '' });
    expect(run.chunks.length).toBeGreaterThan(2);
    const spread = run.chunks.at(-1)!.at - run.chunks[0]!.at;
    expect(spread).toBeGreaterThan(150); // over time, not in one write at the end
    const [request] = server.requests;
    expect(request!.path).toBe('/api/chat');
    expect(request!.json()).toMatchObject({
      messages: [{ role: 'user', content: 'Count to five' }],
    });
  });

  it('serves itself with --serve: the same reply as a loopback server gives', async () => {
    const standalone = startCli(['--serve', 'Hello from the default server']);
    const reference = await runCliProcess([
      '--base-url',
      server.url,
      'Hello from the default server',
    ]);
    const run = await standalone.exit();

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^## About "Hello from the default server"/);
    expect(run.stdout).toBe(reference.stdout);
    expect(run.chunks.length).toBeGreaterThan(1);
  });

  it('streams from an OpenAI-compatible /v1 and sends the options', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: REPLY, delayMs: 20 });
    const run = await runCliProcess([
      '--provider',
      'openai',
      '--base-url',
      `${server.url}/v1`,
      '--model',
      'llama3.2',
      '--system',
      'Be brief.',
      '--temperature',
      '0.2',
      'Count',
    ]);

    expect(run).toMatchObject({ code: 0, stdout: REPLY, stderr: '' });
    expect(run.chunks.length).toBeGreaterThan(1);
    expect(server.requests[0]!.json()).toMatchObject({
      model: 'llama3.2',
      stream: true,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Count' },
      ],
    });
  });

  it('reads the prompt from stdin to its end when no argument gives it', async () => {
    server.enqueue({ text: 'ok' });
    const prompt = 'Line one\nLine two — with ünïcödé\n';
    const run = await runCliProcess(['--base-url', server.url], { stdin: prompt });

    expect(run).toMatchObject({ code: 0, stdout: 'ok', stderr: '' });
    expect(server.requests[0]!.json()).toMatchObject({
      messages: [{ role: 'user', content: prompt }],
    });
  });

  it('prints --json events for openai: deltas, finish, usage, done', async () => {
    server.enqueue({ path: '/v1/chat/completions', text: REPLY });
    const run = await runCliProcess([
      '--provider',
      'openai',
      '--base-url',
      `${server.url}/v1`,
      '--json',
      'Count',
    ]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const events = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; text?: string });
    const deltas = events.filter((event) => event.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((event) => event.text).join('')).toBe(REPLY);
    expect(events.slice(deltas.length)).toEqual([
      { type: 'finish', reason: 'stop' },
      {
        type: 'usage',
        usage: {
          promptTokens: expect.any(Number) as number,
          completionTokens: expect.any(Number) as number,
          totalTokens: expect.any(Number) as number,
        },
      },
      { type: 'done' },
    ]);
  });

  it('prints --json events for aivvm: deltas, then done', async () => {
    server.enqueue({ chunks: ['Hel', 'lo'], delayMs: 30 });
    const run = await runCliProcess(['--base-url', server.url, '--json', 'Hi']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'lo' },
      { type: 'done' },
    ]);
  });

  it('sends the request again with --retries when it failed before its first chunk', async () => {
    server.enqueue({ status: 503, headers: { 'retry-after-ms': '10' } }, { text: 'second try' });
    const run = await runCliProcess(['--base-url', server.url, '--retries', '1', 'Hi']);

    expect(run).toMatchObject({ code: 0, stdout: 'second try', stderr: '' });
    expect(server.requests).toHaveLength(2);
  });
});
