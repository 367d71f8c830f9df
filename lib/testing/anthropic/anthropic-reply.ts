import { countTokens } from '../openai/completion-text.js';
import { composeDefaultReply } from '../reply/compose-default-reply.js';
import type { ReplyScript, ScriptedToolCall } from '../reply/reply-script.js';
import { splitWords } from '../reply/split-words.js';
import type { MessagesBody, OfferedTool } from './messages-body.js';

/** A tool call of a reply, its id decided. */
export interface ReplyToolCall {
  /** The `tool_use` id. */
  readonly id: string;
  /** The tool's name. */
  readonly name: string;
  /** The input, as JSON text. */
  readonly arguments: string;
}

/** A Messages API reply, before it is framed as SSE or JSON. */
export interface AnthropicReply {
  /** The thinking, one token per element. */
  readonly reasoning: readonly string[];
  /** The text, one token per element (cut by `stop_sequences` and `max_tokens`). */
  readonly text: readonly string[];
  /** The tool calls. */
  readonly toolCalls: readonly ReplyToolCall[];
  /** `end_turn`, `max_tokens`, `stop_sequence` or `tool_use`. */
  readonly stopReason: string;
  /** The stop sequence that ended the text, if one did. */
  readonly stopSequence: string | null;
  /** The token counts. */
  readonly usage: { readonly input_tokens: number; readonly output_tokens: number };
}

/** A value of a JSON Schema's type, for the default tool call's input. */
function sampleValue(schema: unknown): unknown {
  const type =
    typeof schema === 'object' && schema !== null ? (schema as { type?: unknown }).type : undefined;
  if (type === 'string') return 'loopback';
  if (type === 'number' || type === 'integer') return 1;
  if (type === 'boolean') return true;
  return undefined;
}

/** The default call of the first tool: its properties of simple types filled in. */
function defaultCall(tool: OfferedTool): ScriptedToolCall {
  const properties = tool.inputSchema.properties;
  const input: Record<string, unknown> = {};
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, schema] of Object.entries(properties)) {
      const value = sampleValue(schema);
      if (value !== undefined) input[name] = value;
    }
  }
  return { name: tool.name, arguments: JSON.stringify(input) };
}

function cutText(text: string, body: MessagesBody) {
  const cuts = body.stopSequences
    .map((sequence) => [text.indexOf(sequence), sequence] as const)
    .filter(([at]) => at >= 0)
    .sort((a, b) => a[0] - b[0]);
  const [first] = cuts;
  const words = splitWords(first === undefined ? text : text.slice(0, first[0]));
  const cut = words.length > body.maxTokens;
  return {
    pieces: cut ? words.slice(0, body.maxTokens) : words,
    reason: cut ? 'max_tokens' : first === undefined ? 'end_turn' : 'stop_sequence',
    stopSequence: cut || first === undefined ? null : first[1],
  };
}

/**
 * Composes the loopback reply to a Messages API request: the script's `text`, `reasoning` and
 * `toolCalls` when given; otherwise, when the request offers tools and no `tool_result`
 * answers one yet, a call of the first tool (its string, number and boolean properties filled
 * with `'loopback'`, `1`, `true`) and no text; otherwise the default reply describing the
 * request. The text is cut by `stop_sequences` and `max_tokens` (a token is a word, see
 * `countTokens`).
 *
 * @param body - the checked request.
 * @param script - the script for this request.
 * @returns the reply.
 * @example
 * ```ts
 * anthropicReply(body, { text: 'Hi there', reasoning: 'Greet back.' }).stopReason; // 'end_turn'
 * ```
 */
export function anthropicReply(body: MessagesBody, script: ReplyScript): AnthropicReply {
  const [firstTool] = body.tools;
  const callsTool = script.text === undefined && !body.answersTools && firstTool !== undefined;
  const calls = script.toolCalls ?? (callsTool ? [defaultCall(firstTool)] : []);
  const text =
    script.text ??
    (calls.length > 0 ? '' : composeDefaultReply({ ...body, temperature: body.temperature }));
  const cut = cutText(text, body);
  const reasoning = splitWords(script.reasoning ?? '');
  const toolCalls = calls.map((call, index) => ({
    id: call.id ?? `toolu_loopback_${String(index + 1).padStart(2, '0')}`,
    name: call.name,
    arguments: call.arguments,
  }));
  const inputTokens = body.messages.reduce((sum, { content }) => sum + countTokens(content), 0);
  return {
    reasoning,
    text: cut.pieces,
    toolCalls,
    stopReason: toolCalls.length > 0 && cut.reason === 'end_turn' ? 'tool_use' : cut.reason,
    stopSequence: cut.stopSequence,
    usage: {
      input_tokens: inputTokens,
      output_tokens: reasoning.length + cut.pieces.length + toolCalls.length,
    },
  };
}
