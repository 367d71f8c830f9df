import { map, type Observable } from 'rxjs';

import type { Messages } from '../messages/chat-message.js';
import { retryCompletion } from '../operators/retry-completion.js';
import { Aivvm } from '../providers/aivvm/aivvm.js';
import { Anthropic } from '../providers/anthropic/anthropic.js';
import type { CompletionEvent } from '../events/completion-event.js';
import { OpenAICompatible } from '../providers/openai-compatible/openai-compatible.js';
import type { CompletionOptions } from '../providers/provider.js';
import type { CliOptions, CliProvider } from './cli-options.js';

/** Where the request goes, to which provider and model, and with which key. */
export interface CompletionTarget {
  /** The protocol: `aivvm` or `openai`. */
  readonly provider: CliProvider;
  /** The model asked for. */
  readonly model: string;
  /** Aivvm's site root, or the OpenAI-compatible `/v1` root. */
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
  };
}

/**
 * The completion the command line asks for, as a cold Observable of events: for `openai`
 * the provider's own events (`text-delta`, `finish`, `usage`), for `aivvm` (a plain-text
 * protocol) one `text-delta` per decoded chunk.
 *
 * The prompt is one user message. `--timeout`/`--timeout-each`/`--timeout-total` are the provider's `timeout`
 * option (placed before the retry, so a first-chunk timeout is retried); `--retries` is
 * `retryCompletion(count)`, which re-sends only a request that failed before its first chunk.
 *
 * @param options - the parsed command line.
 * @param prompt - the user's message.
 * @param target - the provider, the model, the base URL and the key.
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
  prompt: string,
  target: CompletionTarget,
): Observable<CompletionEvent> {
  const messages: Messages = [{ role: 'user', content: prompt }];
  const common = completionOptions(options);
  const key = target.apiKey === undefined ? {} : { apiKey: target.apiKey };
  const events$: Observable<CompletionEvent> =
    target.provider === 'anthropic'
      ? new Anthropic({ baseURL: target.baseURL, ...key }).createCompletionEvents(
          target.model,
          messages,
          true,
          common,
        )
      : target.provider === 'openai'
        ? new OpenAICompatible({
            baseURL: target.baseURL,
            ...(target.apiKey === undefined ? {} : { apiKey: target.apiKey }),
          }).createCompletionEvents(target.model, messages, true, common)
        : Aivvm.createCompletion(target.model, messages, true, {
            ...common,
            baseURL: target.baseURL,
          }).pipe(map((text): CompletionEvent => ({ type: 'text-delta', text })));
  return events$.pipe(retryCompletion(options.retries));
}
