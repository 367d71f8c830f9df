import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { encodeRequestBody } from '../../lib/validation/encode-request-body.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../lib/validation/input-limits.js';
import { minimumJsonBytes } from '../../lib/validation/minimum-json-bytes.js';

const encoded = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

function refusal(run: () => unknown): InvalidRequestError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return error as InvalidRequestError;
  }
  throw new Error('expected an InvalidRequestError');
}

describe('minimumJsonBytes', () => {
  it.each([
    ['ascii', { model: 'gpt-4', messages: [{ role: 'user', content: 'Hi' }] }],
    ['multi-byte', ['€'.repeat(10), '😀', 'é']],
    ['escapes', { q: '"\\\n\u0001' }],
    ['lone surrogate', ['\ud800']],
    ['numbers and booleans', { a: 1.5, b: true, c: null, d: [1, 2, 3] }],
    ['a Date', { when: new Date(0) }],
  ])('is a lower bound of the encoded size (%s)', (_what, value) => {
    expect(minimumJsonBytes(value)).toBeLessThanOrEqual(encoded(value));
  });

  it('is exact for plain ASCII strings and keys', () => {
    expect(minimumJsonBytes({ ab: 'cd' })).toBe(8); // "ab" + "cd": 4 + 4, braces and colon not counted
    expect(minimumJsonBytes('x'.repeat(10))).toBe(12);
  });

  it('ends on a cycle', () => {
    const value: Record<string, unknown> = { a: 'xy' };
    value.self = value;
    expect(minimumJsonBytes(value)).toBe(3 + 4 + 6);
  });
});

describe('encodeRequestBody', () => {
  const provider = 'Test';

  it('encodes a body that fits, up to exactly maxInputBytes', () => {
    const json = { model: 'gpt-4', messages: [{ role: 'user', content: 'héllo' }] };
    const size = encoded(json);
    const parts = { model: json.model, messages: json.messages };
    const body = encodeRequestBody({ provider, json, parts, maxInputBytes: size });
    expect(new TextDecoder().decode(body)).toBe(JSON.stringify(json));
    const error = refusal(() =>
      encodeRequestBody({ provider, json, parts, maxInputBytes: size - 1 }),
    );
    expect(error).toMatchObject({
      field: 'messages',
      reason: `would make the request body ${size} bytes of UTF-8 JSON, more than maxInputBytes (${size - 1})`,
    });
  });

  it('refuses a 20 MB part from its length, without encoding anything', () => {
    let encodedAnything = false;
    const json = { toJSON: () => (encodedAnything = true) };
    const model = 'm'.repeat(20 * 1024 * 1024);
    const error = refusal(() =>
      encodeRequestBody({
        provider,
        json,
        parts: { model, messages: [] },
        maxInputBytes: undefined,
      }),
    );
    expect(encodedAnything).toBe(false);
    expect(error).toMatchObject({
      provider,
      field: 'model',
      reason: `would make the request body at least ${model.length + 2} bytes, more than maxInputBytes (${DEFAULT_MAX_INPUT_BYTES})`,
    });
  });

  it('names the part with the most bytes once encoded, not the most characters', () => {
    const messages = [{ role: 'user', content: '€'.repeat(40) }];
    const systemMessage = 'a'.repeat(60);
    const error = refusal(() =>
      encodeRequestBody({
        provider,
        json: { messages, systemMessage },
        parts: { messages, systemMessage },
        maxInputBytes: 150,
      }),
    );
    expect(error.field).toBe('messages');
  });

  it('turns a throwing toJSON into an InvalidRequestError naming its part', () => {
    const body = {
      toJSON: () => {
        throw new TypeError('no');
      },
    };
    const error = refusal(() =>
      encodeRequestBody({
        provider,
        json: { model: 'm', body },
        parts: { model: 'm', body },
        maxInputBytes: 1000,
      }),
    );
    expect(error).toMatchObject({ field: 'body', reason: 'cannot be encoded as JSON' });
  });
});
