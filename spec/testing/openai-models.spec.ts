import { afterEach, describe, expect, it } from 'vitest';

import {
  DEFAULT_LOOPBACK_MODELS,
  startLoopbackServer,
  type LoopbackServer,
} from '../../lib/testing/index.js';

let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
});

interface ModelList {
  readonly object: string;
  readonly data: readonly { id: string; object: string; created: number; owned_by: string }[];
}

describe('GET /v1/models', () => {
  it('lists the Aivvm model ids and a couple more, in OpenAI shape', async () => {
    server = await startLoopbackServer({ delayMs: 0 });
    const response = await fetch(`${server.url}/v1/models`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const list = (await response.json()) as ModelList;
    expect(list.object).toBe('list');
    expect(list.data.map((model) => model.id)).toEqual(DEFAULT_LOOPBACK_MODELS);
    expect(list.data.map((model) => model.id)).toEqual(
      expect.arrayContaining(['gpt-4', 'gpt-3.5-turbo-16k-0613', 'llama3.2']),
    );
    expect(list.data[0]).toEqual({
      id: 'gpt-3.5-turbo',
      object: 'model',
      created: 1_686_614_400,
      owned_by: 'rx-completions',
    });
  });

  it('lists the models option', async () => {
    server = await startLoopbackServer({ delayMs: 0, models: ['llama3.2', 'qwen2.5:0.5b'] });
    const list = (await (await fetch(`${server.url}/v1/models`)).json()) as ModelList;
    expect(list.data.map((model) => model.id)).toEqual(['llama3.2', 'qwen2.5:0.5b']);
  });

  it('refuses an empty model id at start', async () => {
    await expect(startLoopbackServer({ models: [''] })).rejects.toThrow(
      /models must be non-empty strings/,
    );
  });

  it('is 405 for POST, with the allowed methods', async () => {
    server = await startLoopbackServer({ delayMs: 0 });
    const response = await fetch(`${server.url}/v1/models`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
  });
});
