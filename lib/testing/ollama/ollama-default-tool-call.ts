import type { ScriptedToolCall } from '../reply/reply-script.js';
import type { OllamaChatBody } from './ollama-chat-body.js';

/** A value of a JSON Schema type, for a required argument of the default call. */
function sampleValue(schema: unknown, question: string): unknown {
  const type = (schema as { type?: unknown } | undefined)?.type;
  if (type === 'number' || type === 'integer') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return {};
  return question;
}

/**
 * The twin's default tool call: when the request offers tools and no tool result has answered
 * since the last user message, the reply calls the first tool, its required arguments filled
 * in (strings with the last user message, numbers with 1, booleans with `true`).
 *
 * @param body - the request.
 * @returns the call, or `undefined` when the reply should be text.
 * @example
 * ```ts
 * defaultToolCall(body); // { name: 'get_weather', arguments: '{"city":"Weather in Paris?"}' }
 * ```
 */
export function defaultToolCall(body: OllamaChatBody): ScriptedToolCall | undefined {
  const [tool] = body.tools;
  if (tool === undefined) return undefined;
  const lastUser = body.messages.map((message) => message.role).lastIndexOf('user');
  const answered = body.messages.slice(lastUser + 1).some((message) => message.role === 'tool');
  if (answered) return undefined;
  const question = body.messages[lastUser]?.content ?? '';
  const properties = (tool.parameters.properties ?? {}) as Readonly<Record<string, unknown>>;
  const required = Array.isArray(tool.parameters.required) ? tool.parameters.required : [];
  const args: Record<string, unknown> = {};
  for (const name of required) {
    if (typeof name === 'string') args[name] = sampleValue(properties[name], question);
  }
  return { name: tool.name, arguments: JSON.stringify(args) };
}
