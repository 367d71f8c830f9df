import type { JsonSchema } from '../json/json-schema.js';

/**
 * A tool the model may call: its name, what it does, and the JSON Schema of its arguments.
 *
 * @example
 * ```ts
 * const weather: ToolDefinition = {
 *   name: 'weather',
 *   description: 'The weather in a city now',
 *   parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
 * };
 * ```
 */
export interface ToolDefinition {
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64. */
  readonly name: string;
  /** What it does, for the model to decide when to call it. */
  readonly description?: string;
  /** The JSON Schema of its arguments (an object schema). */
  readonly parameters: JsonSchema;
}

/**
 * Whether and which tool the model must call:
 * `'auto'` (it decides), `'none'` (no tool), `'required'` (at least one), or `{ name }` (that one).
 *
 * @example `{ toolChoice: { name: 'weather' } }`
 */
export type ToolChoice = 'auto' | 'none' | 'required' | { readonly name: string };
