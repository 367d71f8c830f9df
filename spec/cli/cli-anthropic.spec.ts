import { describe, expect, it } from 'vitest';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';
import { runInProcess } from './support/run-in-process.js';

const server = useLoopbackServer();
const KEY = 'sk-ant-cli-0123456789';

describe('rx-completions --provider anthropic', () => {
  it('--serve: streams the loopback twin of /v1/messages', async () => {
    const run = await runInProcess(['--serve', '--provider', 'anthropic', 'Hello there']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      composeDefaultReply({
        model: 'claude-sonnet-4-5',
        messages: [{ role: 'user', content: 'Hello there' }],
      }),
    );
  });

  it('--base-url with ANTHROPIC_API_KEY: x-api-key sent; --json gives the finish and usage', async () => {
    server().enqueue({ path: '/v1/messages', text: 'Hi!' });
    const run = await runInProcess(
      ['--provider', 'anthropic', '--base-url', server().url, '--json', 'Hi'],
      { env: { ANTHROPIC_API_KEY: KEY, OPENAI_API_KEY: 'sk-openai-not-this-one' } },
    );
    expect(run.code).toBe(0);
    expect(server().requests[0]?.headers['x-api-key']).toBe(KEY);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(events.map((event) => event.type).slice(0, 3)).toEqual([
      'text-delta',
      'finish',
      'usage',
    ]);
    expect(events[1]).toMatchObject({ reason: 'end_turn' });
  });

  it('without a key, URL or --serve: a usage error naming ANTHROPIC_API_KEY, nothing sent', async () => {
    const run = await runInProcess(['--provider', 'anthropic', 'Hi'], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ANTHROPIC_API_KEY');
  });
});
