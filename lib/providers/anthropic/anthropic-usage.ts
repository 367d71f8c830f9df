import type { TokenUsage } from '../../events/completion-event.js';

/** The token counts of a Messages API `usage` object (each may be absent or `null`). */
export interface AnthropicUsageFields {
  readonly input_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
  readonly output_tokens?: number | null;
}

/**
 * Our usage from Anthropic's: the prompt is every input token — `input_tokens` plus the
 * tokens written to and read from the prompt cache (Anthropic counts those apart, OpenAI's
 * `prompt_tokens` includes them) — and the completion is `output_tokens`.
 *
 * @param usage - the usage fields.
 * @returns the counts.
 * @example
 * ```ts
 * anthropicTokenUsage({ input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 5 });
 * // { promptTokens: 100, completionTokens: 5, totalTokens: 105 }
 * ```
 */
export function anthropicTokenUsage(usage: AnthropicUsageFields): TokenUsage {
  const promptTokens =
    (usage.input_tokens ?? 0) +
    (usage.cache_creation_input_tokens ?? 0) +
    (usage.cache_read_input_tokens ?? 0);
  const completionTokens = usage.output_tokens ?? 0;
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
