import { describe, expect, it } from 'vitest';
import { CompletionError } from '../../lib/errors/completion-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { givenOptions } from '../../lib/validation/given-options.js';
import { validateCompletionInput } from '../../lib/validation/validate-completion-input.js';

const input = (overrides: Record<string, unknown>) => ({
  provider: 'Test',
  model: 'gpt-4',
  messages: [{ role: 'user', content: 'Hi' }],
  options: {},
  baseURL: 'http://127.0.0.1:1/v1',
  ...overrides,
});

function violation(overrides: Record<string, unknown>): InvalidRequestError | undefined {
  try {
    validateCompletionInput(input(overrides));
    return undefined;
  } catch (error) {
    expect(CompletionError.isInstance(error)).toBe(true);
    return error as InvalidRequestError;
  }
}

describe('validateCompletionInput', () => {
  it('accepts good input', () => {
    expect(violation({})).toBeUndefined();
  });

  it.each([
    [null, 'null'],
    ['fast', 'a string'],
    [[], 'an array'],
    [3, '3'],
  ])('refuses options %j first, as an object is needed to read the rest', (options, shown) => {
    expect(violation({ options, model: 1, messages: 'x' })).toMatchObject({
      field: 'options',
      reason: `must be an object, got ${shown}`,
    });
  });

  it('refuses a model longer than maxInputBytes before any provider quotes it', () => {
    expect(violation({ model: 'm'.repeat(101), options: { maxInputBytes: 100 } })).toMatchObject({
      field: 'model',
      reason: 'would make the request body at least 101 bytes, more than maxInputBytes (100)',
    });
    expect(violation({ model: 'm'.repeat(100), options: { maxInputBytes: 100 } })).toBeUndefined();
  });

  it('refuses a role outside ChatRole and a bad body through the options', () => {
    expect(violation({ messages: [{ role: 'developer', content: 'x' }] })?.field).toBe(
      'messages[0].role',
    );
    expect(violation({ options: { body: { seed: 1n } } })?.field).toBe('body.seed');
  });
});

describe('givenOptions', () => {
  it('is the options, or an empty object for null', () => {
    const options = { timeout: 5 };
    expect(givenOptions(options)).toBe(options);
    expect(givenOptions(null)).toEqual({});
  });
});
