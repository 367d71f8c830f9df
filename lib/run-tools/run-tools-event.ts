import type { CompletionEvent, TokenUsage } from '../events/completion-event.js';
import type { ToolExecutionError } from '../errors/tool-execution-error.js';
import type { Messages } from '../messages/chat-message.js';
import type { ToolCall } from '../messages/tool-call.js';

/** A tool call that gave a result. */
export interface ToolOutputEvent {
  readonly type: 'tool-result';
  /** The id of the call. */
  readonly id: string;
  /** The tool's name. */
  readonly name: string;
  /** The call's input (its arguments, parsed). */
  readonly input: unknown;
  /** What `execute` returned (a Promise's value, an Observable's last value). */
  readonly output: unknown;
  /** Never set on a success: test `error === undefined` to tell the two apart. */
  readonly error?: undefined;
}

/** A tool call that failed: the tool threw, or the model called a tool the run does not have. */
export interface ToolErrorEvent {
  readonly type: 'tool-result';
  /** The id of the call. */
  readonly id: string;
  /** The name the model called. */
  readonly name: string;
  /** The call's input (its arguments, parsed). */
  readonly input: unknown;
  /** Why it failed; what the tool threw is its `cause`. */
  readonly error: ToolExecutionError;
  /** Never set on a failure. */
  readonly output?: undefined;
}

/**
 * The end of one tool call of a `runTools` run, emitted as soon as it ends (calls of the same
 * step run at once, so their results come in the order they finish).
 */
export type ToolResultEvent = ToolOutputEvent | ToolErrorEvent;

/**
 * The end of one step of a `runTools` run: one completion request, and the tool calls it asked
 * for run. `messages` is the whole conversation after it — what was given, then every
 * assistant and `tool` message of the run so far — so the `messages` of the last step are what
 * continues the conversation.
 */
export interface StepEvent {
  readonly type: 'step';
  /** Which step, from 0. */
  readonly index: number;
  /** The step's reply text (`''` when it only called tools). */
  readonly text: string;
  /** The calls the reply made, in order (empty when it made none). */
  readonly toolCalls: readonly ToolCall[];
  /** The reply's finish reason, when the provider reported one. */
  readonly finishReason?: string;
  /** The reply's token usage, when the provider reported it. */
  readonly usage?: TokenUsage;
  /** The conversation after this step: the given messages, then the run's. */
  readonly messages: Messages;
  /**
   * Whether the run ends with this step: the reply made no tool call, or `maxSteps` were
   * made (then `toolCalls` is not empty: the calls were run, the model has not seen them).
   */
  readonly final: boolean;
}

/**
 * What `runTools` emits: every event of every completion request, a `tool-result` per tool
 * call, and a `step` at the end of each step.
 *
 * @example
 * ```ts
 * runTools({ model, prompt, provider, tools }).subscribe((event: RunToolsEvent) => {
 *   if (event.type === 'text-delta') process.stdout.write(event.text);
 *   else if (event.type === 'tool-result') console.log(event.name, event.error ?? event.output);
 * });
 * ```
 */
export type RunToolsEvent = CompletionEvent | ToolResultEvent | StepEvent;
