/**
 * Why a request body is refused, in OpenAI's terms: thrown by the body checks and turned into
 * a 400 error by `parseChatCompletionsBody`, never outside it.
 *
 * @example
 * ```ts
 * throw new Refusal("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
 * ```
 */
export class Refusal extends Error {
  /**
   * @param message - the error message, for a person.
   * @param param - the field at fault, or `null`.
   * @param code - the machine-readable code, or `null`.
   */
  constructor(
    message: string,
    readonly param: string | null,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** A JSON object's fields. */
export type Fields = Readonly<Record<string, unknown>>;

/**
 * Whether a JSON value is an object (not an array, not `null`).
 *
 * @param value - any JSON value.
 */
export const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How a JSON value's kind reads in a message: `an array`, `null`, `a string`...
 *
 * @param value - any JSON value.
 */
export const kindOf = (value: unknown): string =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;

/**
 * Refuses a field of the wrong type (`invalid_type`).
 *
 * @param param - the field, e.g. `messages[0].content`.
 * @param expected - what it should be, e.g. `a string`.
 * @param value - what it is.
 * @throws Refusal always.
 * @example
 * ```ts
 * wrongType('stream', 'a boolean', 'yes'); // Invalid type for 'stream': expected a boolean, but got a string instead.
 * ```
 */
export function wrongType(param: string, expected: string, value: unknown): never {
  const message = `Invalid type for '${param}': expected ${expected}, but got ${kindOf(value)} instead.`;
  throw new Refusal(message, param, 'invalid_type');
}

/**
 * Refuses a field whose value is out of bounds (`invalid_value`).
 *
 * @param param - the field.
 * @param message - what is wrong with it.
 * @throws Refusal always.
 * @example
 * ```ts
 * invalid('temperature', 'expected 0 to 2, got 3.');
 * ```
 */
export function invalid(param: string, message: string): never {
  throw new Refusal(`Invalid '${param}': ${message}`, param, 'invalid_value');
}

/**
 * Reads an optional field: absent and `null` both mean "not given", as in OpenAI's API.
 *
 * @param fields - the object.
 * @param name - the field name.
 * @returns the value, or `undefined`.
 */
export const given = (fields: Fields, name: string): unknown => fields[name] ?? undefined;
