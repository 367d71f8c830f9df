import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CompletionError } from '../../lib/errors/completion-error.js';
import { DecodeError } from '../../lib/errors/decode-error.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { ModelNotSupportedError } from '../../lib/errors/model-not-supported-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { redactUrl } from '../../lib/errors/request-target.js';
import { TimeoutError } from '../../lib/errors/timeout-error.js';

const target = { provider: 'Aivvm', method: 'POST', url: 'http://127.0.0.1:1/api/chat' };

const samples = [
  new ModelNotSupportedError('llama', 'Aivvm'),
  new HttpStatusError({
    ...target,
    status: 500,
    statusText: 'Upstream failed',
    bodyExcerpt: 'Error',
    bodyTruncated: false,
    responseHeaders: { 'retry-after': '1' },
  }),
  new NetworkError({
    ...target,
    reason: 'connect ECONNREFUSED',
    errno: 'ECONNREFUSED',
    bytesReceived: 0,
  }),
  new TimeoutError('first', 100),
  new DecodeError('truncated \\xXX escape', 7),
];

describe('HttpStatusError message', () => {
  it('quotes a reason given in both the status text and the body once', () => {
    const reason = 'Invalid chat body: temperature must be a number from 0 to 2';
    const error = new HttpStatusError({
      provider: 'Aivvm',
      method: 'POST',
      url: 'http://127.0.0.1:1/api/chat',
      status: 400,
      statusText: reason,
      bodyExcerpt: reason,
      bodyTruncated: false,
      responseHeaders: {},
    });
    expect(error.message.split(reason)).toHaveLength(2);
  });
});

describe('errors', () => {
  it.each(samples.map((error) => [error.name, error] as const))(
    '%s is a CompletionError with a stable code, recognised by isInstance',
    (_name, error) => {
      expect(error).toBeInstanceOf(CompletionError);
      expect(error).toBeInstanceOf(Error);
      expect(CompletionError.isInstance(error)).toBe(true);
      expect(typeof error.code).toBe('string');
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({
        name: error.name,
        code: error.code,
      });
    },
  );

  it('each subclass guard accepts its own class only', () => {
    const guards = [
      (value: unknown) => ModelNotSupportedError.isInstance(value),
      (value: unknown) => HttpStatusError.isInstance(value),
      (value: unknown) => NetworkError.isInstance(value),
      (value: unknown) => TimeoutError.isInstance(value),
      (value: unknown) => DecodeError.isInstance(value),
    ];
    guards.forEach((guard, index) => {
      samples.forEach((sample, other) => {
        expect(guard(sample)).toBe(index === other);
      });
    });
    expect(CompletionError.isInstance(new Error('plain'))).toBe(false);
    expect(CompletionError.isInstance(null)).toBe(false);
  });

  it('isInstance works across copies of the package (brand, not prototype)', () => {
    const foreign = Object.assign(Object.create(null) as object, {
      [Symbol.for('rx-completions.CompletionError')]: true,
      code: 'TIMEOUT',
    });
    expect(TimeoutError.isInstance(foreign)).toBe(true);
    expect(DecodeError.isInstance(foreign)).toBe(false);
  });

  it('messages say what failed and where', () => {
    expect(samples[0]?.message).toBe('Model is not supported: llama');
    expect(samples[1]?.message).toBe(
      'POST http://127.0.0.1:1/api/chat (Aivvm) answered 500 Upstream failed: Error',
    );
    expect(samples[3]?.message).toBe('Timed out waiting for the first chunk after 100 ms');
    expect(inspect(samples[4])).toContain('truncated \\xXX escape');
  });

  it('redactUrl drops credentials, query and fragment', () => {
    expect(redactUrl('https://user:secret@api.example/v1?key=sk-123#x')).toBe(
      'https://api.example/v1',
    );
    expect(redactUrl('not a url?key=sk-123')).toBe('not a url');
  });
});
