import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chooseEndpoint } from '../../lib/cli/cli-endpoint.js';
import { parseCliArgs } from '../../lib/cli/parse-cli-args.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { composeDefaultReply } from '../../lib/testing/reply/compose-default-reply.js';
import { runCliProcess } from './support/cli-process.js';
import { runInProcess } from './support/run-in-process.js';

const KEY = 'AIza-cli-gemini-key';
let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0, apiKey: KEY });
});
afterAll(async () => {
  await server.close();
});

const options = (args: string[]) => {
  const command = parseCliArgs(args);
  if (command.kind !== 'complete') throw new Error('expected a completion');
  return command.options;
};

describe('rx-completions --provider gemini', () => {
  it('--serve streams the twin default reply for gemini-2.5-flash', async () => {
    const run = await runCliProcess(['--serve', '--provider', 'gemini', 'Hello Gemini']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      composeDefaultReply({
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', content: 'Hello Gemini' }],
      }),
    );
  });

  it('--base-url with GEMINI_API_KEY sends it in x-goog-api-key (OPENAI_API_KEY is not sent)', async () => {
    server.enqueue({ text: 'from gemini' });
    const run = await runInProcess(
      ['--provider', 'gemini', '--base-url', `${server.url}/v1beta`, '--json', 'Hi'],
      { env: { GEMINI_API_KEY: KEY, OPENAI_API_KEY: 'sk-not-for-gemini' } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('{"type":"finish","reason":"stop"}');
    const request = server.requests.at(-1);
    expect(request?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(request?.headers['x-goog-api-key']).toBe(KEY);
  });

  it("a blocked reply exits 8 with the ContentBlockedError's reason", async () => {
    const blocked = {
      candidates: [{ content: { parts: [{ text: 'x' }] }, finishReason: 'SAFETY' }],
    };
    server.enqueue({ chunks: [`data: ${JSON.stringify(blocked)}\r\n\r\n`] });
    const run = await runInProcess(['-p', 'gemini', '--base-url', `${server.url}/v1beta`, 'Hi'], {
      env: { GEMINI_API_KEY: KEY },
    });
    expect(run.code).toBe(8);
    expect(run.stderr).toContain('ContentBlockedError');
    expect(run.stderr).toContain('SAFETY');
  });

  it("with only a key, goes to Google's /v1beta", () => {
    expect(chooseEndpoint(options(['-p', 'gemini', 'Hi']), 'AIza-1')).toEqual({
      kind: 'remote',
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      baseURL: 'https://generativelanguage.googleapis.com/v1beta',
    });
  });
});
