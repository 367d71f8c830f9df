/** Token counts of a completion, as the server reports them. */
export interface TokenUsage {
  /** Tokens of the prompt (the conversation sent). */
  readonly promptTokens: number;
  /** Tokens of the reply. */
  readonly completionTokens: number;
  /** Both together. */
  readonly totalTokens: number;
}

/** A piece of the reply's text. */
export interface TextDeltaEvent {
  readonly type: 'text-delta';
  /** The new text, never empty. */
  readonly text: string;
}

/**
 * A piece of the model's reasoning ("thinking"), streamed before or between its text: what
 * servers send as `reasoning_content`, `reasoning` or `reasoning.text`.
 */
export interface ReasoningDeltaEvent {
  readonly type: 'reasoning-delta';
  /** The new reasoning text, never empty. */
  readonly text: string;
}

/**
 * A piece of a tool call as it streams: the first delta of a call usually carries its `id`
 * and `name`, the following ones pieces of its arguments. Calls made in parallel are told
 * apart by `index`, and their deltas may interleave.
 */
export interface ToolCallDeltaEvent {
  readonly type: 'tool-call-delta';
  /** Which call of the reply this piece belongs to, from 0. */
  readonly index: number;
  /** The call's id, when this piece carries it. */
  readonly id?: string;
  /** The tool's name, when this piece carries it. */
  readonly name?: string;
  /** The next piece of the arguments' JSON text (may be `''`). */
  readonly argumentsDelta: string;
  /** The call's opaque signature, when the provider gives one (see `ToolCall.signature`). */
  readonly signature?: string;
}

/**
 * A tool call once it is complete: its whole arguments, as text and parsed.
 * Emitted before the `finish` event of the reply that made it.
 */
export interface ToolCallEvent {
  readonly type: 'tool-call';
  /** Which call of the reply it is, from 0. */
  readonly index: number;
  /** The call's id. */
  readonly id: string;
  /** The tool's name. */
  readonly name: string;
  /** The arguments, as the model wrote them (JSON text). */
  readonly arguments: string;
  /** The arguments parsed (`{}` when the model sent none). */
  readonly input: unknown;
  /** The call's opaque signature, when the provider gave one: send it back with the call. */
  readonly signature?: string;
}

/** Why the model stopped: `stop`, `length`, `content_filter`, `tool_calls`... */
export interface FinishEvent {
  readonly type: 'finish';
  /** The server's `finish_reason`. */
  readonly reason: string;
}

/** The token usage, reported once near the end (asked for with `stream_options.include_usage`). */
export interface UsageEvent {
  readonly type: 'usage';
  /** The counts. */
  readonly usage: TokenUsage;
}

/**
 * What `createCompletionEvents` emits: text, reasoning and tool-call deltas as they arrive,
 * each complete tool call, then the finish reason and the token usage.
 *
 * @example
 * ```ts
 * provider.createCompletionEvents('gpt-4o-mini', messages, true).subscribe((event) => {
 *   if (event.type === 'text-delta') process.stdout.write(event.text);
 *   else if (event.type === 'usage') console.error(event.usage.totalTokens, 'tokens');
 * });
 * ```
 */
export type CompletionEvent =
  | TextDeltaEvent
  | ReasoningDeltaEvent
  | ToolCallDeltaEvent
  | ToolCallEvent
  | FinishEvent
  | UsageEvent;
