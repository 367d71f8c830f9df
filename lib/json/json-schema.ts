/**
 * A JSON Schema (https://json-schema.org), as a plain object: what a tool's `parameters` and a
 * structured reply's `schema` are written in. It is sent to the server as it is.
 *
 * @example
 * ```ts
 * const schema: JsonSchema = {
 *   type: 'object',
 *   properties: { city: { type: 'string' } },
 *   required: ['city'],
 * };
 * ```
 */
export type JsonSchema = Readonly<Record<string, unknown>>;
