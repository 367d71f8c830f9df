import legacyAxios from 'axios-1-7';
import { describe, expect, it } from 'vitest';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collectCompleted } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const server = useLoopbackServer();
const messages = [{ role: 'user', content: 'Hi' }] as const;

describe('an axios instance from another axios 1.x (1.7.9)', () => {
  it('streams an Aivvm reply through it', async () => {
    server().enqueue({ text: 'Привет, мир', chunkSize: 3 });
    const values = await collectCompleted(
      Aivvm.createCompletion('gpt-4', [...messages], true, {
        baseURL: server().url,
        axios: legacyAxios.create(),
      }),
    );
    expect(values.join('')).toBe('Привет, мир');
  });

  it('streams an OpenAI-compatible reply through it, fetch adapter included', async () => {
    server().enqueue({ path: '/v1/chat/completions', text: 'hello there' });
    const provider = new OpenAICompatible({
      baseURL: `${server().url}/v1`,
      axios: legacyAxios.create({ adapter: 'fetch' }),
    });
    const values = await collectCompleted(
      provider.createCompletion('gpt-4o-mini', [...messages], true),
    );
    expect(values.join('')).toBe('hello there');
  });
});
