import type { ObservableInput } from 'rxjs';
import type { JsonSchema } from '../json/json-schema.js';
import type { Messages } from '../messages/chat-message.js';

/** What a tool's `execute` is given besides its input. */
export interface ToolContext {
  /**
   * Aborts when the call is no longer wanted: the run was unsubscribed, its `signal` aborted,
   * or (with `onToolError: 'stop'`) another call of the same step failed. Pass it on to
   * `fetch`, axios or a child process so that their work stops too.
   */
  readonly signal: AbortSignal;
  /** The id of the call, which the `tool` message answering it repeats. */
  readonly toolCallId: string;
  /** The conversation so far, ending with the assistant message that made the call. */
  readonly messages: Messages;
}

/**
 * What a tool's `execute` may return: a value, a Promise of one, or an Observable, whose last
 * value is the result (one that completes empty gives `undefined`). An array is a value, not
 * a source of values.
 */
export type ToolOutput<Output> = Output | PromiseLike<Output> | ObservableInput<Output>;

/**
 * A tool `runTools` may run: what the model is told of it (`description`, and `parameters`,
 * the JSON Schema of its input) and the function that runs it.
 *
 * The input is the call's arguments parsed from JSON as the model wrote them: nothing checks
 * them against `parameters`. Typing `Input` (by annotating `execute`'s parameter) is a cast
 * that `parameters` and the model are trusted to honour; check the input (a Standard Schema's
 * `validate`, say) where a wrong shape would do harm — a throw tells the model what was wrong.
 *
 * @typeParam Input - the input's type, as `execute` declares it.
 * @typeParam Output - what it returns.
 *
 * @example
 * ```ts
 * const weather: Tool<{ city: string }> = {
 *   description: 'The weather in a city now',
 *   parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
 *   execute: async ({ city }, { signal }) =>
 *     (await fetch(`https://wttr.in/${city}?format=j1`, { signal })).json(),
 * };
 * ```
 */
export interface Tool<Input = unknown, Output = unknown> {
  /** What it does, for the model to decide when to call it. */
  readonly description?: string;
  /** The JSON Schema of its input (an object schema). */
  readonly parameters: JsonSchema;
  /**
   * Runs one call. A string result is sent to the model as it is, anything else as JSON.
   * Throwing (or a rejected Promise, an erroring Observable) makes the call a failure.
   *
   * @param input - the call's arguments, parsed.
   * @param context - the call's abort signal, id, and the conversation so far.
   */
  execute(input: Input, context: ToolContext): ToolOutput<Output>;
}

/**
 * The tools of a run, by the name the model calls them.
 *
 * @example
 * ```ts
 * const tools: Tools = { weather, time: { parameters: { type: 'object' }, execute: () => new Date().toISOString() } };
 * ```
 */
export type Tools = Readonly<Record<string, Tool>>;
