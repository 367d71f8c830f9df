import type { ToolDefinition } from '../tools/tool-definition.js';
import type { Tools } from './tool.js';

/**
 * The tools as the model is offered them: name, description and parameters, without
 * `execute`.
 *
 * @param tools - the run's tools, by name.
 * @returns one definition per tool, in the record's order.
 * @example
 * ```ts
 * toolDefinitions({ weather }); // [{ name: 'weather', description: '…', parameters: {…} }]
 * ```
 * @internal
 */
export function toolDefinitions(tools: Tools): ToolDefinition[] {
  return Object.entries(tools).map(([name, { description, parameters }]) =>
    description === undefined ? { name, parameters } : { name, description, parameters },
  );
}
