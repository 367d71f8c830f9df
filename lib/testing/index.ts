/**
 * `rx-completions/testing`: the loopback server that speaks the Aivvm protocol (as chatbot-ui
 * did, forwarding to an OpenAI-compatible upstream) and OpenAI's `/v1` protocol offline,
 * scripted for faults, for tests, examples, benchmarks and demos. Node only.
 *
 * @example
 * ```ts
 * import { startLoopbackServer } from 'rx-completions/testing';
 *
 * const server = await startLoopbackServer();
 * console.log(`POST ${server.url}/api/chat or ${server.url}/v1/chat/completions`);
 * ```
 *
 * @packageDocumentation
 */
export { startLoopbackServer, type LoopbackServer } from './loopback-server.js';
export {
  DEFAULT_LOOPBACK_MODELS,
  type LoopbackServerOptions,
  type LoopbackUpstream,
} from './loopback-server-options.js';
export type {
  ReplyScript,
  ReplySource,
  ScriptedToolCall,
  StallPoint,
  StreamErrorScript,
} from './reply/reply-script.js';
export type { RecordedRequest, RequestOutcome } from './recording/recorded-request.js';
export type { WaitOptions } from './server/wait-until.js';
export type { AivvmChatBody, AivvmChatMessage } from './aivvm/aivvm-chat-body.js';
