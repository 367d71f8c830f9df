import type { RecordedRequest } from '../recording/recorded-request.js';
import { assertReplyScript } from './assert-reply-script.js';
import type { ReplyScript, ReplySource } from './reply-script.js';

/** The path of a request target, without its query. */
const pathOf = (request: RecordedRequest): string =>
  new URL(request.path, 'http://loopback.invalid').pathname;

/** Whether a script may answer a request to `path` (it names no path, or that one). */
const isFor = (script: ReplyScript, path: string): boolean =>
  script.path === undefined || script.path === path;

/**
 * The scripts a server answers with: queued ones first, in order, one per request, then the
 * `reply` source for every request after that. A script with a `path` is only taken by a
 * request to that path; the others pass it by (it keeps its place in the queue).
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
   * @returns the first queued script for the request's path, else the source's (when it is
   *   for that path), else `undefined` for the route's default reply.
   * @throws TypeError when a function source answers an invalid script, or what it throws.
   */
  take(request: RecordedRequest): ReplyScript | undefined {
    const path = pathOf(request);
    const index = this.#queue.findIndex((script) => isFor(script, path));
    if (index >= 0) return this.#queue.splice(index, 1)[0];
    const script = typeof this.#source === 'function' ? this.#source(request) : this.#source;
    if (script === undefined || !isFor(script, path)) return undefined;
    if (typeof this.#source === 'function') assertReplyScript(script);
    return script;
  }
}
