/**
 * `rx-completions/testing`: the loopback server that speaks the Aivvm protocol offline,
 * scripted for faults, for tests, examples, benchmarks and demos. Node only.
 *
 * @example
 * ```ts
 * import { startLoopbackServer } from 'rx-completions/testing';
 *
 * const server = await startLoopbackServer();
 * console.log(`POST ${server.url}/api/chat`);
 * ```
 *
 * @packageDocumentation
 */
export {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
} from './loopback-server.js';
export type { ReplyScript, ReplySource, StallPoint } from './reply/reply-script.js';
export type { RecordedRequest, RequestOutcome } from './server/recorded-request.js';
export type { WaitOptions } from './server/wait-until.js';
export type { AivvmChatBody } from './routes/aivvm-chat-body.js';
