import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { ToolChoice } from '../../tools/tool-definition.js';
import type { GeminiCompletionOptions } from './gemini-options.js';

function functionCallingConfig(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'auto') return { mode: 'AUTO' };
  if (choice === 'none') return { mode: 'NONE' };
  if (choice === 'required') return { mode: 'ANY' };
  return { mode: 'ANY', allowedFunctionNames: [choice.name] };
}

function thinkingConfig(options: GeminiCompletionOptions, provider: string) {
  const { thinking } = options;
  if (thinking === undefined) return {};
  const { budget } = thinking;
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= -1)) {
    const reason = 'must be an integer of -1 (the model decides) or more';
    throw new InvalidRequestError({ provider, field: 'thinking.budget', reason });
  }
  return {
    thinkingConfig: {
      includeThoughts: true,
      ...(budget === undefined ? {} : { thinkingBudget: budget }),
    },
  };
}

/**
 * `generationConfig` as the Gemini API takes it: `temperature`, `maxOutputTokens`,
 * `stopSequences`, the JSON reply (`responseMimeType: 'application/json'`, with the schema as
 * `responseJsonSchema`, the field that takes JSON Schema as it is written), and
 * `thinkingConfig` (`includeThoughts`, `thinkingBudget`).
 *
 * @param options - the completion options.
 * @param provider - the provider's name, for errors.
 * @returns the config, or `undefined` when no option sets any of it.
 * @throws InvalidRequestError for a thinking budget that is not an integer of -1 or more.
 * @example
 * ```ts
 * geminiGenerationConfig({ maxTokens: 100, stop: 'END' }, 'Gemini');
 * // { maxOutputTokens: 100, stopSequences: ['END'] }
 * ```
 */
export function geminiGenerationConfig(
  options: GeminiCompletionOptions,
  provider: string,
): Record<string, unknown> | undefined {
  const { temperature, maxTokens, stop, responseFormat } = options;
  const config = {
    ...(temperature === undefined ? {} : { temperature }),
    ...(maxTokens === undefined ? {} : { maxOutputTokens: maxTokens }),
    ...(stop === undefined ? {} : { stopSequences: typeof stop === 'string' ? [stop] : stop }),
    ...(responseFormat === undefined
      ? {}
      : {
          responseMimeType: 'application/json',
          ...(responseFormat.schema === undefined
            ? {}
            : { responseJsonSchema: responseFormat.schema }),
        }),
    ...thinkingConfig(options, provider),
  };
  return Object.keys(config).length === 0 ? undefined : config;
}

/**
 * The tool fields of a Gemini request: `tools` (one `functionDeclarations` list, each
 * schema as `parametersJsonSchema`, the field that takes JSON Schema as it is written) and
 * `toolConfig.functionCallingConfig` (`auto` → `AUTO`, `none` → `NONE`, `required` → `ANY`,
 * a name → `ANY` with `allowedFunctionNames`).
 *
 * @param options - the completion options.
 * @returns the fields to merge into the body (none for options not given).
 * @example
 * ```ts
 * geminiToolFields({ toolChoice: 'required' }); // { toolConfig: { functionCallingConfig: { mode: 'ANY' } } }
 * ```
 */
export function geminiToolFields(options: GeminiCompletionOptions): Record<string, unknown> {
  const { tools, toolChoice } = options;
  return {
    ...(tools === undefined
      ? {}
      : {
          tools: [
            {
              functionDeclarations: tools.map((tool) => ({
                name: tool.name,
                ...(tool.description === undefined ? {} : { description: tool.description }),
                parametersJsonSchema: tool.parameters,
              })),
            },
          ],
        }),
    ...(toolChoice === undefined
      ? {}
      : { toolConfig: { functionCallingConfig: functionCallingConfig(toolChoice) } }),
  };
}
