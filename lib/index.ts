/**
 * rx-completions: LLM chat completions as RxJS Observables of text chunks.
 *
 * This entry point is browser-safe: it imports nothing from Node. The loopback server lives
 * in `rx-completions/testing`.
 *
 * @packageDocumentation
 */
export { Aivvm } from './providers/aivvm/aivvm.js';
export { AIVVM_MODELS, type AivvmModel, type AivvmModelName } from './providers/aivvm/aivvm-models.js';
export type { AivvmOptions } from './providers/aivvm/aivvm-options.js';
export type { CompletionOptions, Provider } from './providers/provider.js';
export type { ChatMessage, ChatRole, Messages } from './messages/chat-message.js';

export { decodeText, type DecodeTextOptions } from './decode/decode-text.js';

export { requestBytes } from './http/request-bytes.js';
export type { ByteRequest } from './http/byte-request.js';

export {
  CompletionError,
  type CompletionErrorCode,
  type CompletionErrorOptions,
} from './errors/completion-error.js';
export { ModelNotSupportedError } from './errors/model-not-supported-error.js';
export { HttpStatusError, type HttpStatusErrorInit } from './errors/http-status-error.js';
export { NetworkError, type NetworkErrorInit } from './errors/network-error.js';
export { TimeoutError, type TimeoutLimit } from './errors/timeout-error.js';
export { DecodeError } from './errors/decode-error.js';
