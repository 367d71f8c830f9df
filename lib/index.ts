/**
 * rx-completions: LLM chat completions as RxJS Observables of text chunks.
 *
 * This entry point is browser-safe: it imports nothing from Node. The loopback server lives
 * in `rx-completions/testing`.
 *
 * @packageDocumentation
 */
export { Aivvm } from './providers/aivvm/aivvm.js';
export {
  AIVVM_MODELS,
  type AivvmModel,
  type AivvmModelName,
} from './providers/aivvm/aivvm-models.js';
export type { AivvmOptions } from './providers/aivvm/aivvm-options.js';
export type { CompletionOptions, Provider } from './providers/provider.js';
export type { CompletionRequest } from './providers/completion-request.js';
export { DEFAULT_IDLE_TIMEOUT_MS, type CompletionTimeout } from './providers/completion-timeout.js';
export type {
  AssistantMessage,
  ChatMessage,
  ChatRole,
  Messages,
  SystemMessage,
  ToolMessage,
  UserMessage,
} from './messages/chat-message.js';
export type { ContentPart, ImagePart, TextPart } from './messages/content-part.js';
export type { ToolCall } from './messages/tool-call.js';
export { messageText } from './messages/message-text.js';
export type { ToolChoice, ToolDefinition } from './tools/tool-definition.js';
export type { JsonSchema } from './json/json-schema.js';
export type { ResponseFormat } from './json/response-format.js';

export { decodeText, type DecodeTextErrors, type DecodeTextOptions } from './decode/decode-text.js';

export { requestBytes } from './http/request-bytes.js';
export type { ByteRequest } from './http/byte-request.js';
export { ReplyEnd } from './http/reply-end.js';
export type { AxiosInstanceLike } from './http/axios-instance-like.js';
export type { AcceptedReply } from './http/response-acceptance.js';

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
export {
  RedirectError,
  type RedirectErrorInit,
  type RedirectRefusal,
} from './errors/redirect-error.js';
export {
  UnexpectedResponseError,
  type UnexpectedResponseErrorInit,
  type UnexpectedResponseReason,
} from './errors/unexpected-response-error.js';
export {
  ResponseTooLargeError,
  type ResponseTooLargeErrorInit,
} from './errors/response-too-large-error.js';
export { ConfigurationError } from './errors/configuration-error.js';
export { InterceptorError } from './errors/interceptor-error.js';

export { toMessage } from './operators/to-message.js';
export { accumulateText } from './operators/accumulate-text.js';
export { bufferLines } from './operators/buffer-lines.js';
export { bufferSentences } from './operators/buffer-sentences.js';
export {
  retryCompletion,
  type Jitter,
  type RetryCompletionConfig,
  type RetryContext,
  type RetryWait,
} from './operators/retry-completion.js';
export { timeoutCompletion, type TimeoutCompletionConfig } from './operators/timeout-completion.js';
export { abortOnSignal } from './operators/abort-on-signal.js';
export { toObject } from './operators/to-object.js';
export { toolCalls, type ParsedToolCall } from './operators/tool-calls.js';
export { completeToolCalls } from './events/complete-tool-calls.js';
export { partialJson, type PartialValue } from './operators/partial-json.js';
export type {
  StandardSchemaOutput,
  StandardSchemaV1,
  StandardSchemaV1Issue,
  StandardSchemaV1Props,
  StandardSchemaV1Result,
} from './json/standard-schema.js';
export {
  smoothText,
  type ChunkDetector,
  type SmoothTextChunking,
  type SmoothTextConfig,
} from './operators/smooth-text.js';
export { continueConversation } from './conversation/continue-conversation.js';
export { converse } from './conversation/converse.js';
export type { CompletionFactory } from './conversation/completion-factory.js';

export { OpenAICompatible } from './providers/openai-compatible/openai-compatible.js';
export type {
  OpenAICompatibleConfig,
  OpenAICompletionOptions,
} from './providers/openai-compatible/openai-compatible-options.js';
export type {
  CompletionEvent,
  FinishEvent,
  ReasoningDeltaEvent,
  TextDeltaEvent,
  TokenUsage,
  ToolCallDeltaEvent,
  ToolCallEvent,
  UsageEvent,
} from './events/completion-event.js';
export type { ModelInfo } from './providers/openai-compatible/model-info.js';
export { Anthropic } from './providers/anthropic/anthropic.js';
export {
  ANTHROPIC_BASE_URL,
  ANTHROPIC_VERSION,
  DEFAULT_ANTHROPIC_MAX_TOKENS,
  type AnthropicCompletionOptions,
  type AnthropicConfig,
  type AnthropicThinking,
} from './providers/anthropic/anthropic-options.js';
export { Ollama } from './providers/ollama/ollama.js';
export type { OllamaCompletionOptions, OllamaConfig } from './providers/ollama/ollama-options.js';
export { Gemini } from './providers/gemini/gemini.js';
export {
  GEMINI_BASE_URL,
  type GeminiCompletionOptions,
  type GeminiConfig,
  type GeminiThinking,
} from './providers/gemini/gemini-options.js';
export {
  ContentBlockedError,
  type BlockedContent,
  type ContentBlockedErrorInit,
} from './errors/content-blocked-error.js';
export { StreamError, type StreamErrorKind } from './errors/stream-error.js';

export {
  createCompletion,
  type CreateCompletionRequest,
  type ProviderRef,
} from './facade/create-completion.js';
export { createCompletionEvents } from './facade/create-completion-events.js';
export { runTools } from './run-tools/run-tools.js';
export type { RunToolsRequest, ToolErrorPolicy } from './run-tools/run-tools-request.js';
export type { Tool, ToolContext, ToolOutput, Tools } from './run-tools/tool.js';
export type {
  RunToolsEvent,
  StepEvent,
  ToolErrorEvent,
  ToolOutputEvent,
  ToolResultEvent,
} from './run-tools/run-tools-event.js';
export {
  ProviderRegistry,
  type RegisteredProvider,
  type RegisterOptions,
} from './registry/provider-registry.js';
export { defaultRegistry } from './registry/default-registry.js';
export { hedge, fallback, type HedgeConfig, type SourceFactory } from './race/hedge.js';
export type { Candidate } from './race/race-first-value.js';
export {
  AllProvidersFailedError,
  type ProviderFailure,
} from './errors/all-providers-failed-error.js';
export { AbortedError } from './errors/aborted-error.js';
export { NoWorkingProviderError } from './errors/no-working-provider-error.js';
export { BufferOverflowError } from './errors/buffer-overflow-error.js';
export { JsonParseError } from './errors/json-parse-error.js';
export { SchemaValidationError, type SchemaIssue } from './errors/schema-validation-error.js';
export {
  InvalidRequestError,
  type InvalidRequestErrorInit,
} from './errors/invalid-request-error.js';
export {
  ToolExecutionError,
  type ToolExecutionErrorInit,
  type ToolFailureReason,
} from './errors/tool-execution-error.js';

export { toAsyncIterable } from './interop/to-async-iterable.js';
export { toReadableStream } from './interop/to-readable-stream.js';
export type { PullOptions } from './interop/max-buffered.js';
export { toResponse } from './interop/to-response.js';
export { pipeToNodeResponse, type NodeResponseLike } from './interop/pipe-to-node-response.js';
export type { ResponseBodyFormat, ResponseOptions } from './interop/response-format.js';

export { redactError } from './secrets/redact-error.js';
export { redactErrors } from './secrets/redact-errors.js';
export { requestSecrets, type SecretSources } from './secrets/request-secrets.js';
export {
  createSecretRedactor,
  MIN_SECRET_LENGTH,
  type SecretRedactor,
} from './secrets/secret-redactor.js';
