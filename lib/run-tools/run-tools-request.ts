import type { CreateCompletionRequest } from '../facade/complete-with-providers.js';
import type { Tools } from './tool.js';

/**
 * What a failed tool call does to a `runTools` run: `'continue'` tells the model (in the call's
 * `tool` message) and goes on; `'stop'` ends the run with the `ToolExecutionError`.
 */
export type ToolErrorPolicy = 'continue' | 'stop';

/**
 * What `runTools` takes: everything the `createCompletionEvents` facade takes (provider choice,
 * fallback, hedging, `signal`, completion options), with `tools` as a record of runnable tools.
 */
export interface RunToolsRequest extends Omit<CreateCompletionRequest, 'tools'> {
  /** The tools, by name; each step offers them all to the model. */
  readonly tools: Tools;
  /**
   * The most completion requests of the run (a positive integer). The calls of the last one
   * are still run; then the run completes, without an error.
   * @default 5
   * @example `{ maxSteps: 10 }`
   */
  readonly maxSteps?: number;
  /**
   * What a failed tool call (a throw, or a tool the run does not have) does to the run.
   * @default 'continue'
   * @example `{ onToolError: 'stop' }`
   */
  readonly onToolError?: ToolErrorPolicy;
}

/** The most steps of a run when `maxSteps` is not given. */
export const DEFAULT_MAX_STEPS = 5;
