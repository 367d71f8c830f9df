import axios, { type AxiosInstance } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { environmentApiKey } from '../../lib/providers/openai-compatible/environment-api-key.js';
import { collect } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';
import { runInProcess } from '../cli/support/run-in-process.js';

const ENV_KEY = 'sk-from-process-env-0a1b2c3d';
const CLI_KEY = 'sk-from-injected-env-9f8e7d6c';
const server = useLoopbackServer();
const messages = [{ role: 'user', content: 'Hi' }] as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * An axios instance that sends every request to the loopback server instead of the host in
 * its URL (an interceptor rewrites the URL after the provider chose its headers), so that what
 * would be sent to `https://api.openai.com` is seen without leaving 127.0.0.1.
 */
function toLoopback(): AxiosInstance {
  const instance = axios.create();
  instance.interceptors.request.use((config) => {
    const path = new URL(config.url ?? '/').pathname;
    return { ...config, url: `${server().url}${path}` };
  });
  return instance;
}

async function authorizationSent(provider: OpenAICompatible): Promise<string | undefined> {
  server().enqueue({ path: '/v1/chat/completions', text: 'ok' });
  await collect(provider.createCompletion('gpt-4o-mini', messages, true));
  const header = server().requests.at(-1)?.headers.authorization;
  return typeof header === 'string' ? header : undefined;
}

describe('OPENAI_API_KEY goes to OpenAI only', () => {
  it('is not sent to another server (a local Ollama, a proxy)', async () => {
    vi.stubEnv('OPENAI_API_KEY', ENV_KEY);
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    expect(await authorizationSent(provider)).toBeUndefined();
  });

  it('is sent to https://api.openai.com', async () => {
    vi.stubEnv('OPENAI_API_KEY', ENV_KEY);
    const provider = new OpenAICompatible({
      baseURL: 'https://api.openai.com/v1',
      axios: toLoopback(),
    });
    expect(await authorizationSent(provider)).toBe(`Bearer ${ENV_KEY}`);
  });

  it.each([
    'http://api.openai.com/v1',
    'https://api.openai.com.example.net/v1',
    'https://openai.com/v1',
  ])('is not sent to %s', async (baseURL) => {
    vi.stubEnv('OPENAI_API_KEY', ENV_KEY);
    const provider = new OpenAICompatible({ baseURL, axios: toLoopback() });
    expect(await authorizationSent(provider)).toBeUndefined();
  });

  it('an explicit apiKey goes anywhere; an empty one sends none, even to OpenAI', async () => {
    vi.stubEnv('OPENAI_API_KEY', ENV_KEY);
    const explicit = new OpenAICompatible({ baseURL: `${server().url}/v1`, apiKey: CLI_KEY });
    expect(await authorizationSent(explicit)).toBe(`Bearer ${CLI_KEY}`);
    const none = new OpenAICompatible({
      baseURL: 'https://api.openai.com/v1',
      apiKey: '',
      axios: toLoopback(),
    });
    expect(await authorizationSent(none)).toBeUndefined();
  });

  it("environmentApiKey reads the key for OpenAI's origin only, trimmed", () => {
    vi.stubEnv('OPENAI_API_KEY', ` ${ENV_KEY} `);
    expect(environmentApiKey('https://api.openai.com/v1')).toBe(ENV_KEY);
    expect(environmentApiKey('https://API.OPENAI.COM:443/v1')).toBe(ENV_KEY);
    expect(environmentApiKey('http://127.0.0.1:11434/v1')).toBeUndefined();
    expect(environmentApiKey('not a url')).toBeUndefined();
  });
});

describe('the CLI reads the key from the environment it is given', () => {
  const args = (): string[] => ['--provider', 'openai', '--base-url', `${server().url}/v1`, 'Hi'];

  it('sends the injected OPENAI_API_KEY, not the process one', async () => {
    vi.stubEnv('OPENAI_API_KEY', ENV_KEY);
    server().enqueue({ path: '/v1/chat/completions', text: 'ok' });
    const run = await runInProcess(args(), { env: { OPENAI_API_KEY: CLI_KEY } });
    expect(run).toMatchObject({ code: 0, stdout: 'ok' });
    expect(server().requests.at(-1)?.headers.authorization).toBe(`Bearer ${CLI_KEY}`);
  });

  it('sends no key when the injected environment has none', async () => {
    vi.stubEnv('OPENAI_API_KEY', ENV_KEY);
    server().enqueue({ path: '/v1/chat/completions', text: 'ok' });
    const run = await runInProcess(args(), { env: {} });
    expect(run.code).toBe(0);
    expect(server().requests.at(-1)?.headers.authorization).toBeUndefined();
  });
});
