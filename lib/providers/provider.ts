import type { Observable } from 'rxjs';
import type { CompletionEvent } from '../events/completion-event.js';
import type { ResponseFormat } from '../json/response-format.js';
import type { Messages } from '../messages/chat-message.js';
import type { ToolChoice, ToolDefinition } from '../tools/tool-definition.js';
import type { CompletionTimeout } from './completion-timeout.js';

/**
 * Options every provider's `createCompletion` accepts.
 */
export interface CompletionOptions {
  /**
   * The system prompt.
   * @default the provider's own (Aivvm: the ChatGPT prompt g4f's Aivvm sent)
   */
  readonly systemMessage?: string;
  /**
   * Sampling temperature.
   * @default 0.7 for Aivvm
   */
  readonly temperature?: number;
  /**
   * Deadlines in milliseconds: a number is the limit for the first chunk (as in earlier
   * versions; `{ total }` bounds the whole request as openai-node's `timeout` does);
   * `{ first, each, total, idle }` sets each deadline (see {@link CompletionTimeout}). A late
   * chunk errors with `TimeoutError` and aborts the request. `Infinity` means no limit.
   * @default `{ idle: 600_000 }`: ten minutes without a byte (headers or body) is a
   *   `TimeoutError`; a bare `Infinity` turns every deadline off, this one included
   * @example `{ timeout: { first: 60_000, each: 10_000, total: 300_000 } }`
   */
  readonly timeout?: number | CompletionTimeout;
  /**
   * The most bytes one request body may hold, encoded as UTF-8 JSON: everything sent counts —
   * the model, every message's role and content, the system message (a provider's default
   * one too), stop sequences, extra body fields, and JSON's own keys, quotes and escapes.
   * More is an `InvalidRequestError` on subscribe, before any request.
   * @default 4194304 (4 MiB)
   * @example `{ maxInputBytes: 16 * 1024 * 1024 }`
   */
  readonly maxInputBytes?: number;
  /**
   * Stops the completion when it aborts, as unsubscribing does (the request is aborted), and
   * ends the Observable with an `AbortedError` — an error, never a completion, so that a reply
   * cut short is not taken for a whole one. A signal aborted already sends nothing.
   * @example `{ signal: AbortSignal.timeout(30_000) }`
   */
  readonly signal?: AbortSignal;
  /**
   * Tools the model may call; its calls arrive as `tool-call-delta` and `tool-call` events of
   * `createCompletionEvents` (the text-only `createCompletion` shows only the text).
   * A provider whose protocol has no tools refuses them with an `InvalidRequestError`.
   */
  readonly tools?: readonly ToolDefinition[];
  /**
   * Whether and which tool the model must call.
   * @default the server's ('auto' when tools are given)
   */
  readonly toolChoice?: ToolChoice;
  /** Ask for a JSON reply, optionally matching a JSON Schema. */
  readonly responseFormat?: ResponseFormat;
}

/**
 * A completion provider: its flags (as g4f's providers carry them), its models, and a
 * `createCompletion` that returns a cold Observable of text chunks.
 *
 * `Aivvm` (the class itself, whose members are static) and every `OpenAICompatible` instance
 * satisfy it.
 */
export interface Provider<Options extends CompletionOptions = CompletionOptions> {
  /** The provider's name, as errors and the registry show it. */
  readonly name: string;
  /** The site or API the provider talks to. */
  readonly url: string;
  /** Whether automatic selection may pick it. */
  readonly working: boolean;
  /** Whether it can stream a reply. */
  readonly supportsStream: boolean;
  /** Whether it serves a GPT-3.5 Turbo model. */
  readonly supportsGpt35Turbo: boolean;
  /** Whether it serves a GPT-4 model. */
  readonly supportsGpt4: boolean;
  /**
   * Whether it serves `model`.
   * @param model - the model name a caller passes.
   */
  supportsModel(model: string): boolean;
  /**
   * Streams the reply to `messages`.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` to emit chunks as they arrive, `false` to emit the whole reply once.
   * @param options - provider options.
   * @returns a cold Observable: each subscription sends its own request; unsubscribing aborts it.
   */
  createCompletion(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: Options,
  ): Observable<string>;
  /**
   * Streams the reply to `messages` as events: text, reasoning and tool-call deltas, complete
   * tool calls, the finish reason and the token usage (what the protocol reports). Every
   * provider of this package has it; a provider of your own may leave it out, and the facade
   * then reads its text as `text-delta` events.
   *
   * @param model - the model name.
   * @param messages - the conversation, oldest first.
   * @param stream - `true` to emit events as they arrive, `false` to ask for the whole reply.
   * @param options - provider options.
   * @returns a cold Observable: each subscription sends its own request; unsubscribing aborts it.
   */
  createCompletionEvents?(
    model: string,
    messages: Messages,
    stream: boolean,
    options?: Options,
  ): Observable<CompletionEvent>;
}
