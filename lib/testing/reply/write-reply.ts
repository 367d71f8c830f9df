import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ReplyFault, ReplyPlan } from './reply-plan.js';

/** A fault that ends a response from the server's side. */
export type ServerFault = 'reset' | 'truncated';

/** Where the reply writer writes, and what it tells about the faults it performs. */
export interface ReplyTarget {
  /** The response to write. */
  readonly response: ServerResponse;
  /** Aborted when the response closes early (the client went away or the server is closing). */
  readonly signal: AbortSignal;
  /** Called just before the writer resets or truncates the connection. */
  noteFault(fault: ServerFault): void;
}

/**
 * Starts an operation and resolves when it calls `done` or when the signal aborts, whichever
 * comes first, leaving no listener behind (a reply makes many writes on one signal).
 */
const doneOrAborted = (signal: AbortSignal, start: (done: () => void) => void): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const finish = (): void => {
      signal.removeEventListener('abort', finish);
      resolve();
    };
    signal.addEventListener('abort', finish, { once: true });
    start(finish);
  });

const untilAborted = (signal: AbortSignal): Promise<void> => doneOrAborted(signal, () => undefined);

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

/** Resolves once the write has left the process (or the response closed). */
const flush = (response: ServerResponse, bytes: Uint8Array, signal: AbortSignal): Promise<void> =>
  doneOrAborted(signal, (done) => {
    response.write(bytes, () => {
      done();
    });
  });

/** Resolves once everything written to the socket so far has been handed to the kernel. */
const drainSocket = (response: ServerResponse, signal: AbortSignal): Promise<void> =>
  doneOrAborted(signal, (done) => {
    if (response.socket === null) done();
    else {
      response.socket.write(new Uint8Array(0), () => {
        done();
      });
    }
  });

async function performFault(target: ReplyTarget, fault: ReplyFault): Promise<void> {
  const { response, signal } = target;
  response.flushHeaders();
  if (fault.kind === 'stall' || fault.kind === 'stall-before-headers') {
    await untilAborted(signal);
    return;
  }
  await drainSocket(response, signal);
  const socket = response.socket;
  if (signal.aborted || socket === null) return;
  if (fault.kind === 'reset') {
    target.noteFault('reset');
    socket.resetAndDestroy();
  } else {
    target.noteFault('truncated');
    socket.end();
  }
}

/**
 * Writes a {@link ReplyPlan} to a response: waits `headersDelayMs`, sends the status line and
 * headers, then each write (flushed, `delayMs` apart), then either ends the response or
 * performs the plan's fault once `afterBytes` body bytes are out.
 *
 * Stops quietly as soon as `target.signal` aborts (client gone, server closing): it never
 * throws on a closed connection and leaves no timer behind. A reset or truncation waits for
 * the bytes before it to reach the kernel, so the client receives all of them first.
 *
 * @param target - the response, its close signal and the fault observer.
 * @param plan - what to send.
 * @returns a promise that settles when the response is ended, faulted or abandoned (a stall
 *   settles only when the signal aborts).
 * @example
 * ```ts
 * await writeReply(exchange, planReply({ text: 'hello', chunkSize: 1 }, defaults));
 * ```
 */
export async function writeReply(target: ReplyTarget, plan: ReplyPlan): Promise<void> {
  const { response, signal } = target;
  const closed = (): boolean => signal.aborted; // changes across the awaits below
  const { fault } = plan;
  if (fault?.kind === 'stall-before-headers') return untilAborted(signal);
  await pause(plan.headersDelayMs, signal);
  if (closed()) return;
  response.writeHead(plan.status, plan.statusText, plan.headers);
  const limit = fault === undefined ? Infinity : fault.afterBytes;
  let sent = 0;
  for (const [index, bytes] of plan.writes.entries()) {
    if (sent >= limit) break;
    if (index > 0) await pause(plan.delayMs, signal);
    if (closed()) return;
    const piece = bytes.subarray(0, limit - sent);
    await flush(response, piece, signal);
    sent += piece.length;
  }
  if (closed()) return;
  if (fault === undefined) response.end();
  else await performFault(target, fault);
}
