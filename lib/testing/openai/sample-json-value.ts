type Schema = Readonly<Record<string, unknown>>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Plausible strings for common property names, so a demo call reads like a real one. */
const PLAUSIBLE: readonly (readonly [RegExp, string])[] = [
  [/city|location|place|town|region/iu, 'Paris'],
  [/country/iu, 'France'],
  [/date|day/iu, '2025-01-01'],
  [/time/iu, '12:00'],
  [/e-?mail/iu, 'user@example.com'],
  [/url|uri|link/iu, 'https://example.com'],
  [/name/iu, 'Ada'],
  [/unit/iu, 'celsius'],
  [/lang/iu, 'en'],
  [/query|question|search|text|prompt/iu, 'hello'],
];

const FORMATS: Readonly<Record<string, string>> = {
  date: '2025-01-01',
  'date-time': '2025-01-01T12:00:00Z',
  time: '12:00:00',
  email: 'user@example.com',
  uri: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function sampleString(schema: Schema, key: string): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format !== undefined) return format;
  const found = PLAUSIBLE.find(([pattern]) => pattern.test(key));
  const text = found?.[1] ?? 'example';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return text.length >= min ? text : text.padEnd(min, 'x');
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const { minimum, exclusiveMinimum, maximum } = schema;
  let value = 1;
  if (typeof minimum === 'number') value = minimum;
  else if (typeof exclusiveMinimum === 'number') value = exclusiveMinimum + 1;
  else if (typeof maximum === 'number' && maximum < 1) value = maximum;
  return integer ? Math.ceil(value) : value;
}

function sampleObject(schema: Schema, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : Object.keys(properties);
  return Object.fromEntries(
    required.map((name) => [name, sample(properties[name], name, depth + 1)]),
  );
}

function typeOf(schema: Schema): unknown {
  const { type } = schema;
  if (Array.isArray(type)) return type.find((entry) => entry !== 'null') ?? 'null';
  if (type !== undefined) return type;
  if (isSchema(schema.properties)) return 'object';
  return isSchema(schema.items) ? 'array' : undefined;
}

function sample(value: unknown, key: string, depth: number): unknown {
  if (!isSchema(value) || depth > 8) return null;
  if ('const' in value) return value.const;
  if (Array.isArray(value.enum) && value.enum.length > 0) return value.enum[0] as unknown;
  if (Array.isArray(value.examples) && value.examples.length > 0)
    return value.examples[0] as unknown;
  if ('default' in value) return value.default;
  const choices = value.anyOf ?? value.oneOf ?? value.allOf;
  if (Array.isArray(choices) && choices.length > 0) return sample(choices[0], key, depth + 1);
  switch (typeOf(value)) {
    case 'object':
      return sampleObject(value, depth);
    case 'array': {
      const count = typeof value.minItems === 'number' ? Math.max(1, value.minItems) : 1;
      return Array.from({ length: count }, () => sample(value.items, key, depth + 1));
    }
    case 'string':
      return sampleString(value, key);
    case 'integer':
      return sampleNumber(value, true);
    case 'number':
      return sampleNumber(value, false);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * A value for a JSON Schema, as the loopback server's default replies fill in a tool call's
 * arguments or a `json_schema` reply: `const`, the first `enum` value, the first `examples`
 * value or the `default` when there is one; else by `type`: an object with its `required`
 * properties (every property when `required` is absent), an array of one element (or
 * `minItems`), a plausible string for the property's name (`city` → `Paris`) or `format`, the
 * `minimum` or 1 for numbers, `true`, `null`. `anyOf`/`oneOf`/`allOf` take their first
 * schema; `$ref` is not followed (`null`).
 *
 * A simple generator, not a validator: it covers the schemas tools and demos use.
 *
 * @param schema - a JSON Schema.
 * @returns a JSON value.
 * @example
 * ```ts
 * sampleJsonValue({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
 * // { city: 'Paris' }
 * ```
 */
export function sampleJsonValue(schema: unknown): unknown {
  return sample(schema, '', 0);
}
