import { map, type Observable } from 'rxjs';

import type { Messages } from '../messages/chat-message.js';
import { retryCompletion, type RetryWait } from '../operators/retry-completion.js';
import { Aivvm } from '../providers/aivvm/aivvm.js';
import { Anthropic } from '../providers/anthropic/anthropic.js';
import type { CompletionEvent } from '../events/completion-event.js';
import { Ollama } from '../providers/ollama/ollama.js';
import { Gemini } from '../providers/gemini/gemini.js';
import { OpenAICompatible } from '../providers/openai-compatible/openai-compatible.js';
import type { CompletionOptions } from '../providers/provider.js';
import type { CliOptions, CliProvider } from './cli-options.js';
import { expectJsonReply } from './expect-json-reply.js';

/** Where the request goes, to which provider and model, and with which key. */
export interface CompletionTarget {
  /** The protocol: `aivvm`, `openai`, `anthropic`, `ollama` or `gemini`. */
  readonly provider: CliProvider;
  /** The model asked for. */
  readonly model: string;
  /** Aivvm's site root, the OpenAI-compatible `/v1` root, or Gemini's `/v1beta` root. */
  readonly baseURL: string;
  /** The OpenAI key, if any (Aivvm sends none). */
  readonly apiKey: string | undefined;
}

/** The provider options the command line sets; the ones it leaves out keep their defaults. */
function completionOptions(options: CliOptions): CompletionOptions {
  return {
    ...(options.systemMessage === undefined ? {} : { systemMessage: options.systemMessage }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.responseFormat === undefined ? {} : { responseFormat: options.responseFormat }),
  };
}

/** The events of the target's provider (Aivvm's text read as `text-delta` events). */
function providerEvents(
  target: CompletionTarget,
  messages: Messages,
  common: CompletionOptions,
  key: { readonly apiKey?: string },
): Observable<CompletionEvent> {
  const { model, baseURL } = target;
  switch (target.provider) {
    case 'anthropic':
      return new Anthropic({ baseURL, ...key }).createCompletionEvents(
        model,
        messages,
        true,
        common,
      );
    case 'ollama':
      return new Ollama({ baseURL, ...key }).createCompletionEvents(model, messages, true, common);
    case 'openai':
      return new OpenAICompatible({ baseURL, ...key }).createCompletionEvents(
        model,
        messages,
        true,
        common,
      );
    case 'gemini':
      return new Gemini({ baseURL, ...key }).createCompletionEvents(model, messages, true, common);
    case 'aivvm':
      return Aivvm.createCompletion(model, messages, true, { ...common, baseURL }).pipe(
        map((text): CompletionEvent => ({ type: 'text-delta', text })),
      );
  }
}

/**
 * The completion the command line asks for, as a cold Observable of events: for `openai`
 * and `gemini` the provider's own events (`text-delta`, `finish`, `usage`), for `aivvm` (a plain-text
 * protocol) one `text-delta` per decoded chunk.
 *
 * A prompt string is one user message; a conversation (the chat) is sent as it is. `--timeout`/`--timeout-each`/`--timeout-total` are the provider's `timeout`
 * option (placed before the retry, so a first-chunk timeout is retried); `--retries` is
 * `retryCompletion(count)`, which re-sends only a request that failed before its first chunk.
 *
 * @param options - the parsed command line.
 * @param prompt - the user's message, or the whole conversation.
 * @param target - the provider, the model, the base URL and the key.
 * @param onRetry - told of each retry and its wait (`--verbose` prints it).
 * @returns the events; unsubscribing aborts the request.
 * @example
 * ```ts
 * const target = { provider: 'aivvm', model: 'gpt-4', baseURL: server.url, apiKey: undefined } as const;
 * completionEvents(options, 'Hello', target)
 *   .subscribe((event) => console.log(event));
 * ```
 */
export function completionEvents(
  options: CliOptions,
  prompt: string | Messages,
  target: CompletionTarget,
  onRetry?: (error: unknown, wait: RetryWait) => void,
): Observable<CompletionEvent> {
  const messages: Messages =
    typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : prompt;
  const common = completionOptions(options);
  const key = target.apiKey === undefined ? {} : { apiKey: target.apiKey };
  // OPENAI_API_KEY is not Ollama's: only a key from --api-key-file is sent to Ollama.
  const ollamaKey = options.apiKeyFile === undefined ? { apiKey: '' } : key;
  const events$ = providerEvents(
    target,
    messages,
    common,
    target.provider === 'ollama' ? ollamaKey : key,
  );
  const checked$ = options.responseFormat === undefined ? events$ : events$.pipe(expectJsonReply());
  return checked$.pipe(
    retryCompletion({ count: options.retries, ...(onRetry === undefined ? {} : { onRetry }) }),
  );
}
