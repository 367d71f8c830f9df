import { randomUUID } from 'node:crypto';

/** What every chunk (or the one JSON) of a completion repeats: its id, time and model. */
export interface CompletionIdentity {
  /** `chatcmpl-` and a random UUID. */
  readonly id: string;
  /** Seconds since the epoch. */
  readonly created: number;
  /** The model id, echoed from the request. */
  readonly model: string;
}

/**
 * Names a new completion.
 *
 * @param model - the requested model id.
 * @param receivedAt - when the request came, in milliseconds since the epoch.
 * @returns a fresh id, the time in seconds and the model.
 * @example
 * ```ts
 * newCompletionIdentity('gpt-4', Date.now()).id; // 'chatcmpl-0b9c...'
 * ```
 */
export function newCompletionIdentity(model: string, receivedAt: number): CompletionIdentity {
  return { id: `chatcmpl-${randomUUID()}`, created: Math.floor(receivedAt / 1000), model };
}
