import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chooseEndpoint } from '../../lib/cli/cli-endpoint.js';
import { parseCliArgs } from '../../lib/cli/parse-cli-args.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess } from './support/cli-process.js';
import { runInProcess } from './support/run-in-process.js';

let server: LoopbackServer;
let dir: string;
beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0 });
  dir = await mkdtemp(join(tmpdir(), 'cli-ollama-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const lines = (stdout: string): unknown[] =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);

describe('rx-completions --provider ollama', () => {
  it('--serve --provider ollama asks the loopback Ollama twin (a process run)', async () => {
    const run = await runCliProcess(['--serve', '--provider', 'ollama', '--json', 'Hello Ollama']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const events = lines(run.stdout);
    const text = events
      .map((event) => (event as { type: string; text?: string }).text ?? '')
      .join('');
    expect(text).toContain('Hello Ollama');
    expect(text).toContain('`llama3.2`');
    expect(events.slice(-3)).toEqual([
      { type: 'finish', reason: 'stop' },
      expect.objectContaining({ type: 'usage' }),
      { type: 'done' },
    ]);
  });

  it('--base-url is the server root; OPENAI_API_KEY is not sent, a key file is', async () => {
    server.enqueue({ text: 'Hi from the twin' });
    const env = { OPENAI_API_KEY: 'sk-openai-not-for-ollama' };
    const args = [
      '--provider',
      'ollama',
      '--base-url',
      `${server.url}/ollama`,
      '-m',
      'qwen3',
      'Hi',
    ];
    expect(await runInProcess(args, { env })).toEqual({
      code: 0,
      stdout: 'Hi from the twin',
      stderr: '',
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/ollama/api/chat');
    expect(request?.json()).toMatchObject({ model: 'qwen3', stream: true });
    expect(request?.headers.authorization).toBeUndefined();

    const file = join(dir, 'key');
    await writeFile(file, 'ollama-cloud-key\n');
    await runInProcess([...args.slice(0, -1), '--api-key-file', file, 'Hi'], { env });
    expect(server.requests[1]?.headers.authorization).toBe('Bearer ollama-cloud-key');
  });

  it('--provider ollama without --base-url goes to the local server, http://127.0.0.1:11434', () => {
    const command = parseCliArgs(['--provider', 'ollama', 'Hi']);
    if (command.kind !== 'complete') throw new Error('expected a completion');
    expect(chooseEndpoint(command.options, undefined)).toEqual({
      kind: 'remote',
      provider: 'ollama',
      model: 'llama3.2',
      baseURL: 'http://127.0.0.1:11434',
    });
  });
});
