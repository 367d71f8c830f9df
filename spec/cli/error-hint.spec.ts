import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHint } from '../../lib/cli/error-hint.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { runInProcess } from './support/run-in-process.js';

function answered(status: number, url: string): HttpStatusError {
  return new HttpStatusError({
    provider: 'OpenAICompatible',
    method: 'POST',
    url,
    status,
    statusText: 'Not Found',
    bodyExcerpt: '',
    bodyTruncated: false,
    responseHeaders: {},
  });
}

describe('errorHint', () => {
  it('points at /v1 when a 404 came from /chat/completions without it', () => {
    expect(errorHint(answered(404, 'http://127.0.0.1:11434/chat/completions'))).toBe(
      'hint: --base-url is the API root, ending in /v1 (e.g. http://127.0.0.1:11434/v1)',
    );
  });

  it.each([
    [404, 'http://127.0.0.1:11434/v1/chat/completions'],
    [404, 'https://generativelanguage.googleapis.com/v1beta/openai/chat/completions'],
    [404, 'http://127.0.0.1:8080/api/chat'],
    [500, 'http://127.0.0.1:11434/chat/completions'],
  ])('gives none for %i from %s', (status, url) => {
    expect(errorHint(answered(status, url))).toBeUndefined();
  });

  it('gives none for other errors', () => {
    expect(errorHint(new Error('boom'))).toBeUndefined();
  });
});

describe('the CLI with a --base-url missing /v1', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ delayMs: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('prints the hint under the 404, after the error line', async () => {
    const run = await runInProcess(['--provider', 'openai', '--base-url', server.url, 'Hi']);
    expect(run.code).toBe(4);
    expect(run.stderr.split('\n')[1]).toBe(
      `hint: --base-url is the API root, ending in /v1 (e.g. ${server.url}/v1)`,
    );
  });
});
