import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * Why a tool call could not give a result: the model named a tool the run does not have
 * (`'unknown-tool'`), or the tool threw, rejected, errored or returned what JSON cannot encode
 * (`'failed'`).
 */
export type ToolFailureReason = 'unknown-tool' | 'failed';

/** What a {@link ToolExecutionError} is built from. */
export interface ToolExecutionErrorInit {
  /** The name the model called. */
  readonly toolName: string;
  /** The id of the call. */
  readonly toolCallId: string;
  /** Why it failed. */
  readonly reason: ToolFailureReason;
  /** What happened, in a sentence (the thrown error's message for `'failed'`). */
  readonly detail: string;
  /** What the tool threw, for `'failed'`. */
  readonly cause?: unknown;
}

/**
 * A tool call of a `runTools` run failed: the tool threw (or its Promise rejected, or its
 * Observable errored), or the model called a tool the run does not have.
 *
 * By default the run goes on: the failure is the `error` of the call's `tool-result` event,
 * and the model is told in the call's `tool` message, so that it can recover (call again with
 * other arguments, or answer without). With `onToolError: 'stop'` the run ends with this error
 * instead. `cause` is what the tool threw, as it threw it.
 *
 * @example
 * ```ts
 * runTools({ model, prompt, provider, tools, onToolError: 'stop' }).subscribe({
 *   error: (e: unknown) => ToolExecutionError.isInstance(e) && console.error(e.toolName, e.reason),
 * });
 * ```
 */
export class ToolExecutionError extends CompletionError {
  /** The name the model called. */
  readonly toolName: string;
  /** The id of the call. */
  readonly toolCallId: string;
  /** Why it failed. */
  readonly reason: ToolFailureReason;
  /** What happened, in a sentence: what the model is told. */
  readonly detail: string;

  /** @param init - the call, the reason and what the tool threw. */
  constructor(init: ToolExecutionErrorInit) {
    super('TOOL_EXECUTION', `Tool call ${init.toolCallId} (${init.toolName}): ${init.detail}`, {
      cause: init.cause,
    });
    this.name = 'ToolExecutionError';
    this.toolName = init.toolName;
    this.toolCallId = init.toolCallId;
    this.reason = init.reason;
    this.detail = init.detail;
  }

  /** Whether `value` is a {@link ToolExecutionError}, also across copies of the package. */
  static override isInstance(value: unknown): value is ToolExecutionError {
    return isCompletionErrorWithCode(value, 'TOOL_EXECUTION');
  }
}
