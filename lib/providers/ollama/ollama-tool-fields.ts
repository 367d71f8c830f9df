import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { CompletionOptions } from '../provider.js';

/**
 * The body fields of the tool and output options, as Ollama's `/api/chat` takes them: `tools`
 * in OpenAI's form (`{ type: 'function', function: { name, description, parameters } }`), and
 * `format` (`'json'`, or the JSON Schema the reply must match).
 *
 * Ollama has no `tool_choice`: `'auto'` is what it does anyway, `'none'` sends no tools, and
 * `'required'` or a named tool cannot be carried (an `InvalidRequestError` naming `toolChoice`).
 *
 * @param options - the completion options.
 * @param provider - the provider's name, for errors.
 * @returns the fields to merge into the body (none for options not given).
 * @throws InvalidRequestError for a `toolChoice` other than `'auto'` and `'none'`.
 * @example
 * ```ts
 * ollamaToolFields({ responseFormat: { type: 'json' } }, 'Ollama'); // { format: 'json' }
 * ```
 */
export function ollamaToolFields(
  options: CompletionOptions,
  provider: string,
): Record<string, unknown> {
  const { tools, toolChoice, responseFormat } = options;
  if (toolChoice !== undefined && toolChoice !== 'auto' && toolChoice !== 'none') {
    throw new InvalidRequestError({
      provider,
      field: 'toolChoice',
      reason:
        "cannot be carried: Ollama has no tool_choice, so only 'auto' (its behaviour) and 'none' (no tools sent) are accepted",
    });
  }
  const sendTools = tools !== undefined && toolChoice !== 'none';
  return {
    ...(sendTools
      ? {
          tools: tools.map((tool) => ({
            type: 'function',
            function: {
              name: tool.name,
              ...(tool.description === undefined ? {} : { description: tool.description }),
              parameters: tool.parameters,
            },
          })),
        }
      : {}),
    ...(responseFormat === undefined
      ? {}
      : { format: responseFormat.schema === undefined ? 'json' : responseFormat.schema }),
  };
}
