import type { RecordedRequest } from '../server/recorded-request.js';
import { assertReplyScript } from './assert-reply-script.js';
import type { ReplyScript, ReplySource } from './reply-script.js';

/**
 * The scripts a server answers with: queued ones first, in order, one per request, then the
 * `reply` source for every request after that.
 *
 * Scripts are checked when they are queued (and a static source when the queue is made); a
 * function source's answers are checked when it is called.
 *
 * @example
 * ```ts
 * const scripts = new ScriptQueue(undefined);
 * scripts.enqueue({ status: 503 });
 * scripts.take(request); // { status: 503 }
 * scripts.take(request); // undefined: the default reply
 * ```
 */
export class ScriptQueue {
  readonly #queue: ReplyScript[] = [];
  readonly #source: ReplySource | undefined;

  /**
   * @param source - what to answer once the queue is empty.
   * @throws TypeError for an invalid static script.
   */
  constructor(source: ReplySource | undefined) {
    if (typeof source === 'object') assertReplyScript(source);
    this.#source = source;
  }

  /** How many queued scripts are still waiting for a request. */
  get size(): number {
    return this.#queue.length;
  }

  /**
   * Queues scripts for the next requests, in order.
   *
   * @param scripts - one per request.
   * @throws TypeError for an invalid script (none is queued then).
   */
  enqueue(scripts: readonly ReplyScript[]): void {
    scripts.forEach(assertReplyScript);
    this.#queue.push(...scripts);
  }

  /**
   * Takes the script for a request.
   *
   * @param request - the request being answered, passed to a function source.
   * @returns the script, or `undefined` for the route's default reply.
   * @throws TypeError when a function source answers an invalid script, or what it throws.
   */
  take(request: RecordedRequest): ReplyScript | undefined {
    const queued = this.#queue.shift();
    if (queued !== undefined) return queued;
    if (typeof this.#source !== 'function') return this.#source;
    const script = this.#source(request);
    if (script !== undefined) assertReplyScript(script);
    return script;
  }
}
