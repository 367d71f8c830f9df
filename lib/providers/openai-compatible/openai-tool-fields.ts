import type { CompletionOptions } from '../provider.js';

/**
 * The body fields of the tool and output options, as the Chat Completions API takes them:
 * `tools` (`type: 'function'` each), `tool_choice` (a name becomes
 * `{ type: 'function', function: { name } }`), `response_format` (`json_object`, or
 * `json_schema` with the schema and its name, `response` when none is given).
 *
 * @param options - the completion options.
 * @returns the fields to merge into the body (none for options not given).
 * @example
 * ```ts
 * openAIToolFields({ toolChoice: 'required' }); // { tool_choice: 'required' }
 * ```
 */
export function openAIToolFields(options: CompletionOptions): Record<string, unknown> {
  const { tools, toolChoice, responseFormat } = options;
  return {
    ...(tools === undefined
      ? {}
      : {
          tools: tools.map((tool) => ({
            type: 'function',
            function: {
              name: tool.name,
              ...(tool.description === undefined ? {} : { description: tool.description }),
              parameters: tool.parameters,
            },
          })),
        }),
    ...(toolChoice === undefined
      ? {}
      : {
          tool_choice:
            typeof toolChoice === 'string'
              ? toolChoice
              : { type: 'function', function: { name: toolChoice.name } },
        }),
    ...(responseFormat === undefined
      ? {}
      : {
          response_format:
            responseFormat.schema === undefined
              ? { type: 'json_object' }
              : {
                  type: 'json_schema',
                  json_schema: {
                    name: responseFormat.name ?? 'response',
                    schema: responseFormat.schema,
                  },
                },
        }),
  };
}
