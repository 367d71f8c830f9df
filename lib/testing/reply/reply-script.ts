import type { RecordedRequest } from '../recording/recorded-request.js';

/**
 * Where a scripted reply stops forever: before the status line, right after the headers, or
 * after some body bytes. The response then stays open until the client goes away or the
 * server closes.
 *
 * @example
 * ```ts
 * server.enqueue({ text: 'Hello', stall: { afterBytes: 2 } }); // sends `He`, then hangs
 * ```
 */
export type StallPoint = 'before-headers' | 'after-headers' | { readonly afterBytes: number };

/**
 * An `error` event in the middle of an OpenAI stream: after `afterChunks` content chunks, the
 * server sends `data: {"error":{"message":...}}` and ends the response without a finish chunk
 * or `[DONE]`.
 *
 * @example
 * ```ts
 * server.enqueue({ path: '/v1/chat/completions', streamError: { afterChunks: 2, message: 'Overloaded' } });
 * ```
 */
export interface StreamErrorScript {
  /** How many content chunks (after the role chunk) come before the error. */
  readonly afterChunks: number;
  /** The error's `message`. */
  readonly message: string;
}

/**
 * A tool call a scripted reply makes (Anthropic's `/v1/messages`: a `tool_use` block whose
 * input streams as `input_json_delta`s; OpenAI's `/v1/chat/completions`: a `tool_calls`
 * element whose arguments stream in pieces).
 *
 * @example
 * ```ts
 * server.enqueue({ path: '/v1/messages', toolCalls: [{ name: 'add', arguments: '{"a":2,"b":2}' }] });
 * ```
 */
export interface ScriptedToolCall {
  /** The call's id. @defaultValue `toolu_loopback_<n>` on `/v1/messages`, `call_` and a random suffix on `/v1/chat/completions`, none on Gemini's routes */
  readonly id?: string;
  /** The tool's name. */
  readonly name: string;
  /** The arguments, as JSON text (sent in pieces as they are). */
  readonly arguments: string;
  /** Gemini's routes only: the part's `thoughtSignature`, which the next request must send back. */
  readonly signature?: string;
}

/**
 * How the loopback server answers one request; every field is optional and what is left out
 * keeps the route's default (status 200, its content type, its default reply, the server's
 * delay).
 *
 * One queue serves every route: a script goes to the next request that takes one, whatever its
 * route, unless `path` names the route it is for. `/api/chat` takes a script only when it
 * answers itself: with no script it forwards to its upstream (as chatbot-ui did), and the forwarded
 * `/v1/chat/completions` request takes the next script meant for it.
 *
 * On the OpenAI routes (`/v1/...`), a status ≥ 400 without content gets an OpenAI error JSON
 * body (`{ "error": { "message", "type", "param", "code" } }`, the message being the status
 * text); `text` is the reply text (turned into SSE events for a stream, the message content
 * otherwise, the raw body for an error status); `body` and `chunks` are sent as they are (raw
 * SSE bytes for a stream).
 *
 * Content comes from at most one of `text`, `body` and `chunks`. Without any, a 2xx status
 * gets the route's default reply and any other status gets its status text as the body. At
 * most one fault (`resetAfterBytes`, `truncate`, `stall`) may be set; when the reply is
 * shorter than the fault's byte count, the fault happens after the last byte instead of the
 * end of the response. Byte counts are body bytes, never the chunked-encoding framing.
 *
 * @example
 * ```ts
 * server.enqueue(
 *   { status: 429, statusText: 'Slow down', headers: { 'retry-after': '1' } },
 *   { text: 'Привет, мир', chunkSize: 3, delayMs: 5 }, // splits the Cyrillic mid-character
 *   { text: 'partial answer', resetAfterBytes: 7 },
 *   { stall: 'before-headers' },
 *   { upstreamError: 'The model is overloaded' },
 * );
 * ```
 */
export interface ReplyScript {
  /**
   * The path (without query) whose next request takes this script, e.g.
   * `'/v1/chat/completions'`; requests to other paths pass it by.
   * @defaultValue any path
   */
  readonly path?: string;
  /** The status code. @defaultValue 200 */
  readonly status?: number;
  /** The reason phrase; non-ASCII characters become `?`. @defaultValue the standard one */
  readonly statusText?: string;
  /** Response headers, added to (or replacing, case-insensitively) the route's own. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The reply text, sent as UTF-8, in one write unless `chunkSize` splits it. */
  readonly text?: string;
  /** The reply as raw bytes (need not be valid UTF-8), in one write unless `chunkSize` splits it. */
  readonly body?: Uint8Array;
  /** Explicit writes, each its own write, flushed before the next. */
  readonly chunks?: readonly (string | Uint8Array)[];
  /** Splits `text`, `body` or the default reply into writes of this many bytes (may split a character). */
  readonly chunkSize?: number;
  /** Milliseconds between two writes. @defaultValue the server's `delayMs` */
  readonly delayMs?: number;
  /** Milliseconds to wait before sending the status line and headers. @defaultValue 0 */
  readonly headersDelayMs?: number;
  /** Resets the connection (TCP RST) once this many body bytes have been written and flushed. */
  readonly resetAfterBytes?: number;
  /** Ends the connection (FIN) after this many body bytes, without the terminating chunk. */
  readonly truncate?: { readonly afterBytes: number };
  /** Never finishes the response; see {@link StallPoint}. */
  readonly stall?: StallPoint;
  /**
   * Answers as chatbot-ui did when its upstream failed: status 500, this reason as the status
   * text, body `Error` (other content fields are ignored; timing and faults still apply). On
   * the OpenAI routes: status 500 with this reason as an OpenAI error (`server_error`).
   */
  readonly upstreamError?: string;
  /**
   * `/v1/chat/completions` with `stream: true` only: an `error` event mid-stream (see
   * {@link StreamErrorScript}); on `/ollama/api/chat`, an `{"error"}` line. Other routes
   * ignore it.
   */
  readonly streamError?: StreamErrorScript;
  /**
   * `/v1/chat/completions` with `stream: true` only: leaves out the final `data: [DONE]`
   * (on `/ollama/api/chat`, the `done: true` line). Other routes ignore it.
   * @defaultValue false
   */
  readonly omitDone?: boolean;
  /**
   * Reasoning streamed before the text, word by word: on `/v1/messages` a `thinking` block; on
   * `/ollama/api/chat` `message.thinking` lines; on `/v1/chat/completions`
   * `delta.reasoning_content` (see `reasoningField`; whole as `message.reasoning_content`
   * without `stream`); on Gemini's routes `thought: true` parts (by default a short thought
   * when the request asks for thoughts). Other routes ignore it.
   */
  readonly reasoning?: string;
  /**
   * `/v1/chat/completions` only: the field that carries `reasoning`: `reasoning_content`
   * (DeepSeek, vLLM, llama.cpp) or `reasoning` (OpenRouter, Ollama).
   * @defaultValue 'reasoning_content'
   */
  readonly reasoningField?: 'reasoning_content' | 'reasoning';
  /**
   * Tool calls made after the text; without `text`, the reply has no text. On `/v1/messages`
   * `tool_use` blocks (the stop reason becomes `tool_use`); on `/ollama/api/chat`
   * `message.tool_calls` (the arguments parsed to the object Ollama sends); on
   * `/v1/chat/completions` `tool_calls` streamed as OpenAI does (a first delta with the id and
   * name, then the arguments in pieces of `argumentsChunkSize`; an `id` left out becomes
   * `call_` and a random suffix; the finish reason becomes `tool_calls`); on Gemini's routes
   * whole `functionCall` parts (`id` sent only when given; by default a call of the request's
   * first tool with `{}` when it offers tools, its last content is not a function response and
   * the script gives no `text`). Other routes ignore it.
   */
  readonly toolCalls?: readonly ScriptedToolCall[];
  /**
   * `/v1/chat/completions` with `stream: true` only: the size of each piece of a call's
   * arguments, in UTF-16 code units (so 1 splits an emoji's surrogate pair).
   * @defaultValue 8
   */
  readonly argumentsChunkSize?: number;
  /**
   * `/v1/chat/completions` with `stream: true` only: interleaves the argument pieces of
   * several calls (call 0's first piece, call 1's first piece, ...) instead of one call after
   * the other. @defaultValue false
   */
  readonly interleaveToolCalls?: boolean;
  /**
   * `/v1/chat/completions` only: the `finish_reason`.
   * @defaultValue `tool_calls` when the reply calls tools, else `length` when `max_tokens` cut it, else `stop`
   */
  readonly finishReason?: string;
}

/**
 * What a server answers when no script is queued: one script for every request, or a function
 * that picks one per request (returning `undefined` means the default reply).
 *
 * @example
 * ```ts
 * const reply: ReplySource = (request) =>
 *   request.text().includes('fail') ? { upstreamError: 'Boom' } : undefined;
 * ```
 */
export type ReplySource = ReplyScript | ((request: RecordedRequest) => ReplyScript | undefined);
