import { afterEach, describe, expect, it } from 'vitest';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import {
  startScriptedSseServer,
  type ScriptedSseServer,
  type SseScript,
} from '../reliability/support/scripted-sse-server.js';
import { sseDelta, SSE_DONE } from '../reliability/support/sse.js';
import { collect } from '../support/collect.js';

const messages = [{ role: 'user', content: 'Hi' }] as const;
let server: ScriptedSseServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function providerFor(script: SseScript): Promise<OpenAICompatible> {
  server = await startScriptedSseServer(script);
  return new OpenAICompatible({ baseURL: server.baseURL, apiKey: 'sk-test' });
}

describe('OpenAICompatible at the edges of the protocol', () => {
  it('completes at data: [DONE] while the server holds the connection open, then closes the connection (after the body is let end for up to 1 s)', async () => {
    const provider = await providerFor({ body: sseDelta('Hello') + SSE_DONE, holdOpen: true });
    const result = await collect(provider.createCompletion('m', messages, true));
    expect(result).toEqual({ values: ['Hello'], completed: true });
    await server?.clientClosed(0);
  });

  it.each([
    ['an empty string', ''],
    ['null', null],
  ])('emits one empty string for a non-streaming reply whose content is %s', async (_, content) => {
    const body = JSON.stringify({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    });
    const provider = await providerFor({ body, contentType: 'application/json' });
    const result = await collect(provider.createCompletion('m', messages, false));
    expect(result).toEqual({ values: [''], completed: true });
  });
});
