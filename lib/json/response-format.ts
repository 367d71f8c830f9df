import type { JsonSchema } from './json-schema.js';

/**
 * Asks for a reply that is JSON:
 * - `{ type: 'json' }` — any JSON object (OpenAI's `json_object` mode);
 * - `{ type: 'json', schema, name? }` — JSON matching `schema` (OpenAI's `json_schema`, strict
 *   where the server supports it); `name` names the schema for the server.
 *
 * @example
 * ```ts
 * const format: ResponseFormat = {
 *   type: 'json',
 *   name: 'city',
 *   schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
 * };
 * ```
 */
export type ResponseFormat =
  | { readonly type: 'json'; readonly schema?: undefined; readonly name?: undefined }
  | { readonly type: 'json'; readonly schema: JsonSchema; readonly name?: string };
