import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { ToolChoice } from '../../tools/tool-definition.js';
import type { AnthropicCompletionOptions } from './anthropic-options.js';

function toolChoiceField(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'required') return { type: 'any' };
  if (choice === 'none') return { type: 'none' };
  return { type: 'tool', name: choice.name };
}

function thinkingField(budgetTokens: unknown, provider: string): Record<string, unknown> {
  if (typeof budgetTokens !== 'number' || !Number.isInteger(budgetTokens) || budgetTokens < 1) {
    const reason = 'must be a positive integer';
    throw new InvalidRequestError({ provider, field: 'thinking.budgetTokens', reason });
  }
  return { type: 'enabled', budget_tokens: budgetTokens };
}

/**
 * The body fields of the tool, output and thinking options, as the Messages API takes them:
 * `tools` (`{ name, description, input_schema }`), `tool_choice` (`auto`, `any` for
 * `'required'`, `none`, or `{ type: 'tool', name }`), `output_config.format` (`json_schema`)
 * for a `responseFormat` with a schema, `thinking` (`enabled`, `budget_tokens`).
 *
 * The Messages API has no schema-less JSON mode: `responseFormat: { type: 'json' }` without a
 * schema is refused rather than imitated with a prompt.
 *
 * @param options - the completion options.
 * @param provider - the provider's name, for errors.
 * @returns the fields to merge into the body (none for options not given).
 * @throws InvalidRequestError for a `responseFormat` without a schema or a bad thinking budget.
 * @example
 * ```ts
 * anthropicToolFields({ toolChoice: 'required' }, 'Anthropic'); // { tool_choice: { type: 'any' } }
 * ```
 */
export function anthropicToolFields(
  options: AnthropicCompletionOptions,
  provider: string,
): Record<string, unknown> {
  const { tools, toolChoice, responseFormat, thinking } = options;
  if (responseFormat !== undefined && responseFormat.schema === undefined) {
    const reason =
      "needs a schema: the Messages API's structured outputs (output_config.format) take a JSON Schema, and it has no other JSON mode";
    throw new InvalidRequestError({ provider, field: 'responseFormat', reason });
  }
  return {
    ...(tools === undefined
      ? {}
      : {
          tools: tools.map((tool) => ({
            name: tool.name,
            ...(tool.description === undefined ? {} : { description: tool.description }),
            input_schema: tool.parameters,
          })),
        }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoiceField(toolChoice) }),
    ...(responseFormat?.schema === undefined
      ? {}
      : { output_config: { format: { type: 'json_schema', schema: responseFormat.schema } } }),
    ...(thinking === undefined ? {} : { thinking: thinkingField(thinking.budgetTokens, provider) }),
  };
}
