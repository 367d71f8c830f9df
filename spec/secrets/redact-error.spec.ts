import { inspect } from 'node:util';
import { lastValueFrom, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AllProvidersFailedError } from '../../lib/errors/all-providers-failed-error.js';
import { CompletionError } from '../../lib/errors/completion-error.js';
import { HttpStatusError } from '../../lib/errors/http-status-error.js';
import { NetworkError } from '../../lib/errors/network-error.js';
import { StreamError } from '../../lib/errors/stream-error.js';
import { redactError } from '../../lib/secrets/redact-error.js';
import { redactErrors } from '../../lib/secrets/redact-errors.js';
import { createSecretRedactor } from '../../lib/secrets/secret-redactor.js';

const KEY = 'sk-live-7f3a9c2e51d84b06';
const redactor = createSecretRedactor([KEY]);
const target = { provider: 'P', method: 'POST', url: 'http://127.0.0.1:1/v1/chat/completions' };

function renderings(error: unknown): string[] {
  return [
    String(error),
    error instanceof Error ? error.message : '',
    error instanceof Error ? (error.stack ?? '') : '',
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 10 }),
  ];
}

function expectNoKey(error: unknown): void {
  for (const text of renderings(error)) {
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(0, 10));
    expect(text).not.toContain(KEY.toUpperCase());
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
  }
}

const httpError = (): HttpStatusError =>
  new HttpStatusError({
    ...target,
    status: 401,
    statusText: `bad key ${KEY}`,
    bodyExcerpt: `{"error":"${KEY.toUpperCase()}"} ${'x'.repeat(300)}${KEY.slice(0, 12)}`,
    bodyTruncated: true,
    responseHeaders: { 'x-echo': Buffer.from(KEY).toString('base64'), 'x-ok': 'fine' },
  });

/** An error class this module has never heard of, as another part of the package may add. */
class FutureError extends CompletionError {
  readonly hint: string;
  readonly nested: { readonly list: readonly string[] };
  constructor(hint: string) {
    super('STREAM', `future ${hint}`);
    this.name = 'FutureError';
    this.hint = hint;
    this.nested = { list: [hint, 'plain'] };
  }
}

describe('redactError', () => {
  it('redacts every field of an HttpStatusError and keeps its class and data', () => {
    const error = redactError(httpError(), redactor);
    expectNoKey(error);
    expect(HttpStatusError.isInstance(error) && error instanceof HttpStatusError).toBe(true);
    expect(error.statusText).toBe('bad key [redacted]');
    expect(error.bodyExcerpt.endsWith('[redacted]')).toBe(true);
    expect(error.responseHeaders).toEqual({ 'x-echo': '[redacted]', 'x-ok': 'fine' });
    expect(error.status).toBe(401);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'HTTP_STATUS', status: 401 });
  });

  it('redacts a StreamError, a NetworkError and its cause', () => {
    const stream = new StreamError({
      kind: 'server-error',
      provider: 'P',
      detail: `quota for ${KEY}`,
      excerpt: `{"key":"${KEY}"}`,
    });
    const network = new NetworkError({ ...target, reason: `refused ${KEY}`, bytesReceived: 0 });
    Object.defineProperty(network, 'cause', { value: stream, enumerable: false });
    expectNoKey(redactError(network, redactor));
    expect(stream.detail).toBe('quota for [redacted]');
  });

  it('redacts an error class added later, its records and arrays included', () => {
    const error = redactError(new FutureError(KEY), redactor);
    expectNoKey(error);
    expect(error.nested.list).toEqual(['[redacted]', 'plain']);
  });

  it("redacts an AllProvidersFailedError: each failure's error and its own message", () => {
    const cut = new StreamError({
      kind: 'invalid-json',
      provider: 'B',
      detail: `${'y'.repeat(20)}${KEY.slice(0, 14)}`,
    });
    const error = new AllProvidersFailedError([
      { provider: 'A', error: httpError() },
      { provider: 'B', error: cut },
    ]);
    // The cut key sits in the middle of the combined message: only the rewrite finds it.
    expect(error.message).toContain(`${KEY.slice(0, 14)})`);
    const safe = redactError(error, redactor);
    expectNoKey(safe);
    for (const failure of safe.failures) expectNoKey(failure.error);
    expect(safe.failures.map((failure) => failure.provider)).toEqual(['A', 'B']);
  });

  it('redacts a string and passes other values through', () => {
    expect(redactError(`key ${KEY}`, redactor)).toBe('key [redacted]');
    expect(redactError(42, redactor)).toBe(42);
    expect(redactError(null, redactor)).toBeNull();
  });

  it('redacts any Error, and survives a cycle of causes', () => {
    const error = new Error(`boom ${KEY}`);
    const other = new Error('other', { cause: error });
    Object.defineProperty(error, 'cause', { value: other });
    expectNoKey(redactError(error, redactor));
  });
});

describe('redactErrors', () => {
  it('redacts the error a pipeline fails with', async () => {
    const failing = throwError(() => httpError()).pipe(redactErrors(redactor));
    const error: unknown = await lastValueFrom(failing).catch((e: unknown) => e);
    expectNoKey(error);
  });
});
