import { beforeAll, describe, expect, it } from 'vitest';
import { RedirectError } from '../../lib/errors/redirect-error.js';
import { UnexpectedResponseError } from '../../lib/errors/unexpected-response-error.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect } from '../support/collect.js';
import { useRawHttpServer, type RawHttpServer } from '../support/raw-http-server.js';

const CHALLENGE =
  '<!DOCTYPE html><html><title>Just a moment...</title><body>checking your browser</body></html>';
const messages = [{ role: 'user', content: 'Hi' }] as const;

const raw = useRawHttpServer();
let server: RawHttpServer;
beforeAll(() => {
  server = raw();
});

function answer(status: number, headers: Record<string, string>, body = ''): void {
  server.handle((_request, response) => {
    response.writeHead(status, headers).end(body);
  });
}

describe('Aivvm: odd replies are not success', () => {
  const aivvm = (stream = true) =>
    collect(Aivvm.createCompletion('gpt-4', messages, stream, { baseURL: server.url }));

  it.each([204, 205, 304])(
    'status %i: UnexpectedResponseError, nothing emitted',
    async (status) => {
      answer(status, {});
      const { values, error } = await aivvm();
      expect(values).toEqual([]);
      expect(UnexpectedResponseError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'status', status });
    },
  );

  it.each([true, false])(
    'an HTML challenge page (stream: %s): UnexpectedResponseError with an excerpt',
    async (stream) => {
      answer(200, { 'content-type': 'text/html; charset=utf-8' }, CHALLENGE);
      const { values, error } = await aivvm(stream);
      expect(values).toEqual([]);
      expect(error).toMatchObject({
        code: 'UNEXPECTED_RESPONSE',
        reason: 'content-type',
        contentType: 'text/html; charset=utf-8',
      });
      expect((error as UnexpectedResponseError).bodyExcerpt).toContain('Just a moment...');
      expect((error as Error).message).toContain('Just a moment...');
    },
  );

  it('a 302 with a body and no Location: RedirectError, the body is never the reply', async () => {
    answer(302, { 'content-type': 'text/plain' }, 'Found. Redirecting to /login');
    const { values, error } = await aivvm();
    expect(values).toEqual([]);
    expect(RedirectError.isInstance(error)).toBe(true);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain; charset=utf-8' }],
    ['no content-type', {}],
  ])('%s is a reply', async (_name, headers) => {
    answer(200, headers, 'Hello there');
    const { values, completed } = await aivvm();
    expect(completed).toBe(true);
    expect(values.join('')).toBe('Hello there');
  });
});

describe('OpenAICompatible: odd replies are not success', () => {
  const openai = (stream = true) =>
    collect(
      new OpenAICompatible({
        baseURL: `${server.url}/v1`,
        apiKey: 'sk-odd-0123456789',
      }).createCompletion('m', messages, stream),
    );

  it.each([true, false])(
    'an HTML 200 (stream: %s): UnexpectedResponseError with an excerpt',
    async (stream) => {
      answer(200, { 'content-type': 'text/html' }, CHALLENGE);
      const { values, error } = await openai(stream);
      expect(values).toEqual([]);
      expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', reason: 'content-type' });
      expect((error as UnexpectedResponseError).bodyExcerpt).toContain('checking your browser');
    },
  );

  it("JSON with an error where SSE was asked: the error's message surfaces", async () => {
    answer(
      200,
      { 'content-type': 'application/json' },
      '{"error":{"message":"You exceeded your quota","type":"insufficient_quota"}}',
    );
    const { values, error } = await openai();
    expect(values).toEqual([]);
    expect(error).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      serverMessage: 'You exceeded your quota',
    });
    expect((error as Error).message).toContain('You exceeded your quota');
  });

  it('a JSON completion where SSE was asked is not parsed as a stream', async () => {
    answer(
      200,
      { 'content-type': 'application/json' },
      '{"choices":[{"message":{"content":"hi"}}]}',
    );
    const { error } = await openai();
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', contentType: 'application/json' });
    expect((error as UnexpectedResponseError).bodyExcerpt).toContain('choices');
  });

  it('a 204: UnexpectedResponseError, not a truncated stream', async () => {
    answer(204, {});
    const { error } = await openai();
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', reason: 'status', status: 204 });
  });
});
