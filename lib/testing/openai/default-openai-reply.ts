import { composeDefaultReply } from '../reply/compose-default-reply.js';
import type { ScriptedToolCall } from '../reply/reply-script.js';
import type { ChatCompletionsBody } from './chat-completions-body.js';
import type { OpenAIMessage } from './chat-message-field.js';
import { sampleJsonValue } from './sample-json-value.js';

/** What the OpenAI route answers when no script says otherwise: text and tool calls. */
export interface DefaultOpenAIReply {
  /** The message content. */
  readonly text: string;
  /** The calls made (none, or one). */
  readonly toolCalls: readonly ScriptedToolCall[];
}

/** The tool results the conversation ends with (the tool messages after the last call). */
function trailingToolResults(messages: readonly OpenAIMessage[]): readonly OpenAIMessage[] {
  let start = messages.length;
  while (start > 0 && messages[start - 1]?.role === 'tool') start -= 1;
  return messages.slice(start);
}

function toolNameOf(messages: readonly OpenAIMessage[], id: string | undefined): string {
  for (const message of messages) {
    const call = message.toolCalls.find((candidate) => candidate.id === id);
    if (call) return call.name;
  }
  return 'tool';
}

function answerFromResults(body: ChatCompletionsBody, results: readonly OpenAIMessage[]): string {
  const lines = results.map(
    (result) =>
      `- \`${toolNameOf(body.messages, result.toolCallId)}\` returned: ${result.content.replace(/\s+/gu, ' ').trim()}`,
  );
  return [
    `Here is what the tool${results.length === 1 ? '' : 's'} found:`,
    '',
    ...lines,
    '',
    'This answer was written by the rx-completions loopback server from those results.',
    '',
  ].join('\n');
}

function jsonReply(body: ChatCompletionsBody): string | undefined {
  const format = body.responseFormat;
  if (format === undefined || format.type === 'text') return undefined;
  if (format.type === 'json_schema') return JSON.stringify(sampleJsonValue(format.schema));
  const users = body.messages.filter((message) => message.role === 'user');
  return JSON.stringify({
    question: users[users.length - 1]?.content ?? '',
    answer: 'This is a canned JSON answer from the rx-completions loopback server.',
    model: body.model,
  });
}

function demoCall(body: ChatCompletionsBody): ScriptedToolCall | undefined {
  const { tools, toolChoice, messages } = body;
  if (tools.length === 0 || toolChoice === 'none') return undefined;
  const forced = toolChoice === 'required' || typeof toolChoice === 'object';
  if (!forced && messages[messages.length - 1]?.role === 'tool') return undefined;
  const named = typeof toolChoice === 'object' ? toolChoice.name : undefined;
  const tool = tools.find((candidate) => candidate.name === named) ?? tools[0];
  if (tool === undefined) return undefined;
  const input = sampleJsonValue(tool.parameters);
  const args = typeof input === 'object' && input !== null ? input : {};
  return { name: tool.name, arguments: JSON.stringify(args) };
}

/**
 * The OpenAI route's default reply, deterministic for a request:
 *
 * 1. when the request offers `tools` (and `tool_choice` is not `none`) and the conversation
 *    does not end with tool results, a call of the first tool (or the one `tool_choice`
 *    names; `required` or a named choice calls even after results), its arguments a value
 *    of the tool's parameters schema (see `sampleJsonValue`), and no text;
 * 2. with `response_format` `json_schema`, a JSON value of the schema; with `json_object`, a
 *    JSON object quoting the question;
 * 3. after tool results, a text that quotes each result with its tool's name;
 * 4. otherwise `composeDefaultReply`'s markdown.
 *
 * So a tool-running client against the default server makes a full two-step run: a call,
 * then an answer from its result.
 *
 * @param body - the checked request.
 * @returns the text and the tool calls.
 * @example
 * ```ts
 * defaultOpenAIReply({ ...body, tools: [{ name: 'get_weather', description: undefined, parameters: { type: 'object', properties: { city: { type: 'string' } } } }] });
 * // { text: '', toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] }
 * ```
 */
export function defaultOpenAIReply(body: ChatCompletionsBody): DefaultOpenAIReply {
  const call = demoCall(body);
  if (call !== undefined) return { text: '', toolCalls: [call] };
  const json = jsonReply(body);
  if (json !== undefined) return { text: json, toolCalls: [] };
  const results = trailingToolResults(body.messages);
  if (results.length > 0) return { text: answerFromResults(body, results), toolCalls: [] };
  return { text: composeDefaultReply(body), toolCalls: [] };
}
