import { describe, expect, it } from 'vitest';
import { toolOptionsViolation } from '../../lib/validation/validate-tool-options.js';
import { optionsViolation } from '../../lib/validation/validate-options.js';

const weather = {
  name: 'weather',
  description: 'The weather now',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('toolOptionsViolation', () => {
  it('accepts tools, every tool choice and both response formats', () => {
    for (const toolChoice of ['auto', 'none', 'required', { name: 'weather' }] as const) {
      expect(toolOptionsViolation({ tools: [weather], toolChoice })).toBeUndefined();
    }
    expect(toolOptionsViolation({ tools: [{ name: 'a-b_C9', parameters: {} }] })).toBeUndefined();
    expect(toolOptionsViolation({ responseFormat: { type: 'json' } })).toBeUndefined();
    expect(
      toolOptionsViolation({
        responseFormat: { type: 'json', schema: weather.parameters, name: 'city' },
      }),
    ).toBeUndefined();
    expect(toolOptionsViolation({ toolChoice: 'none' })).toBeUndefined();
  });

  const circular: Record<string, unknown> = { type: 'object' };
  circular.self = circular;

  it.each([
    [{ tools: weather }, 'tools', /array of tool definitions/],
    [{ tools: [null] }, 'tools[0]', /must be an object/],
    [{ tools: [{ ...weather, name: 'get weather' }] }, 'tools[0].name', /letters, digits/],
    [
      { tools: [{ ...weather, name: 'x'.repeat(65) }] },
      'tools[0].name',
      /a string of 65 characters/,
    ],
    [{ tools: [{ ...weather, description: 1 }] }, 'tools[0].description', /must be a string/],
    [{ tools: [{ name: 'weather' }] }, 'tools[0].parameters', /JSON Schema object, got undefined/],
    [
      { tools: [{ name: 'weather', parameters: '{}' }] },
      'tools[0].parameters',
      /JSON Schema object/,
    ],
    [{ tools: [{ name: 'w', parameters: { max: 1n } }] }, 'tools[0].parameters.max', /BigInt/],
    [{ tools: [{ name: 'w', parameters: circular }] }, 'tools[0].parameters.self', /circular/],
    [{ tools: [weather, weather] }, 'tools[1].name', /unique/],
    [{ toolChoice: 'any' }, 'toolChoice', /"auto", "none", "required" or \{ name \}/],
    [{ toolChoice: 'required' }, 'toolChoice', /needs tools/],
    [{ toolChoice: { name: 'weather' } }, 'toolChoice.name', /one of the tools given/],
    [
      { tools: [weather], toolChoice: { name: 'clock' } },
      'toolChoice.name',
      /one of the tools given/,
    ],
    [{ responseFormat: 'json' }, 'responseFormat', /\{ type: 'json' \}/],
    [{ responseFormat: { type: 'json_object' } }, 'responseFormat.type', /must be "json"/],
    [
      { responseFormat: { type: 'json', schema: [] } },
      'responseFormat.schema',
      /JSON Schema object/,
    ],
    [
      { responseFormat: { type: 'json', schema: {}, name: 'a b' } },
      'responseFormat.name',
      /letters/,
    ],
    [{ responseFormat: { type: 'json', name: 'x' } }, 'responseFormat.name', /give schema too/],
  ])('refuses options #%# at %s', (options, field, reason) => {
    const violation = toolOptionsViolation(options);
    expect(violation?.field).toBe(field);
    expect(violation?.reason).toMatch(reason);
    // The options check runs it.
    expect(optionsViolation(options)?.field).toBe(field);
  });
});
