import axios, { type AxiosInstance } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Gemini } from '../../lib/providers/gemini/gemini.js';
import { collect } from '../support/collect.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const ENV_KEY = 'AIza-from-process-env-0a1b2c3d';
const server = useLoopbackServer();
const messages = [{ role: 'user', content: 'Hi' }] as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

/** An axios instance that sends every request to the loopback server, keeping path and query. */
function toLoopback(): AxiosInstance {
  const instance = axios.create();
  instance.interceptors.request.use((config) => {
    const url = new URL(config.url ?? '/');
    return { ...config, url: `${server().url}${url.pathname}${url.search}` };
  });
  return instance;
}

async function keySent(provider: Gemini): Promise<{ header: string | undefined; path: string }> {
  server().enqueue({ text: 'ok' });
  await collect(provider.createCompletion('gemini-2.5-flash', messages, true));
  const request = server().requests.at(-1);
  return { header: request?.headers['x-goog-api-key'], path: request?.path ?? '' };
}

describe('GEMINI_API_KEY goes to Google only', () => {
  it('is not sent to another server', async () => {
    vi.stubEnv('GEMINI_API_KEY', ENV_KEY);
    const sent = await keySent(new Gemini({ baseURL: `${server().url}/v1beta` }));
    expect(sent.header).toBeUndefined();
  });

  it('is sent, in x-goog-api-key and never in the URL, to the default Google origin', async () => {
    vi.stubEnv('GEMINI_API_KEY', ENV_KEY);
    const sent = await keySent(new Gemini({ axios: toLoopback() }));
    expect(sent.header).toBe(ENV_KEY);
    expect(sent.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it("apiKey '' sends no key even to Google", async () => {
    vi.stubEnv('GEMINI_API_KEY', ENV_KEY);
    const sent = await keySent(new Gemini({ apiKey: '', axios: toLoopback() }));
    expect(sent.header).toBeUndefined();
  });
});
