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
 * What `createCompletionEvents` emits: text deltas, then the finish reason and the token usage.
 *
 * @example
 * ```ts
 * provider.createCompletionEvents('gpt-4o-mini', messages, true).subscribe((event) => {
 *   if (event.type === 'text-delta') process.stdout.write(event.text);
 *   else if (event.type === 'usage') console.error(event.usage.totalTokens, 'tokens');
 * });
 * ```
 */
export type CompletionEvent = TextDeltaEvent | FinishEvent | UsageEvent;
