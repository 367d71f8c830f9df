import { describe, expect, it } from 'vitest';
import { bodyViolation, MAX_BODY_DEPTH } from '../../lib/validation/validate-body.js';
import { optionsViolation } from '../../lib/validation/validate-options.js';

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe('bodyViolation', () => {
  it('accepts what JSON encodes faithfully, toJSON objects and dropped values included', () => {
    expect(bodyViolation(undefined)).toBeUndefined();
    expect(
      bodyViolation({
        seed: 7,
        top_p: 0.5,
        response_format: { type: 'json_object' },
        tools: [{ name: 't', parameters: { type: 'object' } }],
        when: new Date(0),
        dropped: undefined,
        callback: () => 1,
        shared: [nested(3), nested(3)],
      }),
    ).toBeUndefined();
  });

  it.each([
    [null, 'body', 'must be an object, got null'],
    [[1], 'body', 'must be an object, got an array'],
    ['{"seed":1}', 'body', 'must be an object, got a string'],
    [{ model: 'x' }, 'body.model', 'cannot be set through body: it is the model argument'],
    [{ messages: [] }, 'body.messages', 'cannot be set through body: it is the messages argument'],
    [{ stream: true }, 'body.stream', 'cannot be set through body: it is the stream argument'],
    [{ seed: 1n }, 'body.seed', 'is a BigInt, which JSON cannot encode'],
    [{ a: [0, { b: 2n }] }, 'body.a[1].b', 'is a BigInt, which JSON cannot encode'],
    [{ top_p: Number.NaN }, 'body.top_p', 'must be a finite number, got NaN'],
    [{ 'x-y': -Infinity }, 'body[…]', 'must be a finite number, got -Infinity'],
  ])('refuses %o', (body, field, reason) => {
    expect(bodyViolation(body)).toEqual({ field, reason });
  });

  it('refuses a circular body, naming where it loops back', () => {
    const body: Record<string, unknown> = { list: [] };
    (body.list as unknown[]).push({ owner: body });
    expect(bodyViolation(body)).toEqual({
      field: 'body.list[0].owner',
      reason: 'refers to an object that contains it (circular)',
    });
  });

  it(`refuses a body nested deeper than ${MAX_BODY_DEPTH} levels, without a stack overflow`, () => {
    expect(bodyViolation(nested(MAX_BODY_DEPTH - 1))).toBeUndefined();
    expect(bodyViolation(nested(100_000))?.reason).toBe(
      `nests deeper than ${MAX_BODY_DEPTH} levels`,
    );
  });

  it('is part of optionsViolation, as is each stop sequence', () => {
    expect(optionsViolation({ body: { stream: false } })?.field).toBe('body.stream');
    expect(optionsViolation({ stop: ['a', null] })).toEqual({
      field: 'stop[1]',
      reason: 'must be a string, got null',
    });
    expect(optionsViolation({ stop: { a: 1 } })).toEqual({
      field: 'stop',
      reason: 'must be a string or an array of strings, got an object',
    });
  });
});
