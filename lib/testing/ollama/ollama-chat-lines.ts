import {
  completeText,
  countTokens,
  type CompletionTextRequest,
} from '../openai/completion-text.js';
import { composeDefaultReply } from '../reply/compose-default-reply.js';
import type { ReplyScript, ScriptedToolCall } from '../reply/reply-script.js';
import { splitWords } from '../reply/split-words.js';
import type { OllamaChatBody } from './ollama-chat-body.js';
import { defaultToolCall } from './ollama-default-tool-call.js';

/** A fixed creation time: replies stay stable. */
const CREATED_AT = '2024-07-25T12:00:00.000000000Z';

/** One NDJSON line (RFC 8259 JSON text, then `\n`). */
const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** A call's arguments as Ollama sends them: the object its JSON text holds (else the text). */
function wireArguments(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: sent as it is, for a test of what a client does with a malformed call.
    return text;
  }
}

function wireCalls(calls: readonly ScriptedToolCall[]): object[] {
  return calls.map((call, index) => ({
    ...(call.id === undefined ? {} : { id: call.id }),
    function: { index, name: call.name, arguments: wireArguments(call.arguments) },
  }));
}

/** What the reply says: thinking, text pieces, tool calls, why it ended, what it cost. */
interface OllamaReply {
  readonly thinking: readonly string[];
  readonly pieces: readonly string[];
  readonly toolCalls: readonly ScriptedToolCall[];
  readonly doneReason: string;
  readonly promptEvalCount: number;
  readonly evalCount: number;
}

function plan(body: OllamaChatBody, script: ReplyScript): OllamaReply {
  const asOpenAI: CompletionTextRequest = {
    messages: body.messages,
    maxTokens: body.numPredict !== undefined && body.numPredict > 0 ? body.numPredict : undefined,
    stop: body.stop,
  };
  const scriptedCalls = script.toolCalls;
  const defaultCall = script.text === undefined ? defaultToolCall(body) : undefined;
  const toolCalls = scriptedCalls ?? (defaultCall === undefined ? [] : [defaultCall]);
  const text =
    script.text ??
    (toolCalls.length > 0 && scriptedCalls === undefined ? '' : composeDefaultReply(body));
  const completion = completeText(text, asOpenAI);
  const reasoning =
    script.reasoning ?? (body.think ? `The user wants an answer from ${body.model}.` : '');
  const thinking = splitWords(reasoning);
  return {
    thinking,
    pieces: completion.pieces,
    toolCalls,
    doneReason: completion.finishReason,
    promptEvalCount: completion.usage.prompt_tokens,
    evalCount: completion.usage.completion_tokens + countTokens(reasoning),
  };
}

function message(fields: object): object {
  return { role: 'assistant', content: '', ...fields };
}

/**
 * The NDJSON lines of an Ollama `/api/chat` stream, one string per write: a line per thinking
 * token (`message.thinking`), a line per reply token (`message.content`), a line with the
 * `message.tool_calls`, then the `done: true` line with `done_reason` (`stop`, or `length`
 * when `num_predict` cut the reply) and the counts (`prompt_eval_count`, `eval_count`; tokens
 * are words, see `countTokens`).
 *
 * The text is the script's, or by default `composeDefaultReply`'s — or, when the request
 * offers tools that no tool result has answered yet, a call of the first tool with no text.
 * `streamError` replaces the end with `{"error": message}` after that many content lines;
 * `omitDone` leaves out the `done: true` line.
 *
 * @param body - the request.
 * @param script - the script (text, reasoning, toolCalls, streamError, omitDone).
 * @returns the lines, in order.
 * @example
 * ```ts
 * ollamaChatLines(body, { text: 'Hi there' });
 * // ['{"model":...,"message":{"role":"assistant","content":"Hi "},"done":false}\n', ...]
 * ```
 */
export function ollamaChatLines(body: OllamaChatBody, script: ReplyScript): string[] {
  const reply = plan(body, script);
  const head = { model: body.model, created_at: CREATED_AT };
  const lines = [
    ...reply.thinking.map((thinking) =>
      line({ ...head, message: message({ thinking }), done: false }),
    ),
  ];
  const pieces = reply.pieces.slice(0, script.streamError?.afterChunks ?? Infinity);
  lines.push(
    ...pieces.map((content) => line({ ...head, message: message({ content }), done: false })),
  );
  if (script.streamError !== undefined)
    return [...lines, line({ error: script.streamError.message })];
  if (reply.toolCalls.length > 0) {
    const toolCalls = wireCalls(reply.toolCalls);
    lines.push(line({ ...head, message: message({ tool_calls: toolCalls }), done: false }));
  }
  if (script.omitDone === true) return lines;
  lines.push(line({ ...head, message: message({}), ...doneFields(reply) }));
  return lines;
}

function doneFields(reply: OllamaReply): object {
  return {
    done: true,
    done_reason: reply.doneReason,
    total_duration: 0,
    load_duration: 0,
    prompt_eval_count: reply.promptEvalCount,
    prompt_eval_duration: 0,
    eval_count: reply.evalCount,
    eval_duration: 0,
  };
}

/**
 * The whole (`stream: false`) reply of Ollama's `/api/chat`: one JSON object with the
 * `message` (`content`, `thinking` when there is some, `tool_calls` when the reply calls tools),
 * `done: true`, `done_reason` and the counts. See {@link ollamaChatLines} for the content.
 *
 * @param body - the request.
 * @param script - the script.
 * @returns the JSON text.
 * @example
 * ```ts
 * JSON.parse(ollamaChatObject(body, { text: 'Hi' })).message.content; // 'Hi'
 * ```
 */
export function ollamaChatObject(body: OllamaChatBody, script: ReplyScript): string {
  const reply = plan(body, script);
  const thinking = reply.thinking.join('');
  return JSON.stringify({
    model: body.model,
    created_at: CREATED_AT,
    message: message({
      content: reply.pieces.join(''),
      ...(thinking === '' ? {} : { thinking }),
      ...(reply.toolCalls.length === 0 ? {} : { tool_calls: wireCalls(reply.toolCalls) }),
    }),
    ...doneFields(reply),
  });
}
