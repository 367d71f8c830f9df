/**
 * Bad input from the caller: non-array messages, a message without a role or with one that is
 * not a `ChatRole`, a temperature that is not a number, a base URL that is not http(s), options
 * that are `null`, a `body` option that JSON cannot encode or that replaces `model`, a request
 * body over `maxInputBytes` (4 MiB by default: a 10 MB prompt, a 20 MB model, role, stop or
 * body extra)... For both providers: calling `createCompletion` does not throw; subscribing
 * errors at once with a typed `InvalidRequestError` naming the field, and the server sees
 * nothing.
 */
import type { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { createCompletion } from '../../lib/facade/create-completion.js';
import type { Messages } from '../../lib/messages/chat-message.js';
import { retryCompletion } from '../../lib/operators/retry-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import type { OpenAICompletionOptions } from '../../lib/providers/openai-compatible/openai-compatible-options.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../lib/validation/input-limits.js';
import { recordUntilSettled } from './support/record-events.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
});
afterAll(async () => {
  await server.close();
});

const TEN_MB = 'a'.repeat(10 * 1024 * 1024);
const TWENTY_MB = 'z'.repeat(20 * 1024 * 1024);
const ok: Messages = [{ role: 'user', content: 'Hi' }];
const loose = (value: unknown): never => value as never;

/** A completion from `provider` with the given (possibly bad) arguments. */
type Make = (
  model: unknown,
  messages: unknown,
  options: (OpenAICompletionOptions & { readonly baseURL?: string }) | null,
) => Observable<string>;

const AIVVM: Make = (model, messages, options) =>
  Aivvm.createCompletion(
    loose(model),
    loose(messages),
    true,
    options === null ? loose(null) : { baseURL: server.url, ...options },
  );
const OPENAI: Make = (model, messages, options) => {
  const { baseURL, ...rest } = options ?? {};
  return new OpenAICompatible({ baseURL: baseURL ?? `${server.url}/v1` }).createCompletion(
    loose(model),
    loose(messages),
    true,
    options === null ? loose(null) : rest,
  );
};

const PROVIDERS: readonly (readonly [name: string, make: Make])[] = [
  ['Aivvm', AIVVM],
  ['OpenAICompatible', OPENAI],
];

/** A `body` option that contains itself. */
function circularBody(): Record<string, unknown> {
  const body: Record<string, unknown> = { metadata: {} };
  (body.metadata as Record<string, unknown>).parent = body;
  return body;
}

/** Each bad input, the field the error must name, and words its reason must contain. */
type BadInput = readonly [
  what: string,
  args: readonly [model: unknown, messages: unknown, options: Record<string, unknown> | null],
  field: string,
  reason: RegExp,
];

const BAD_INPUTS: readonly BadInput[] = [
  ['options are null', ['gpt-4', ok, null], 'options', /must be an object, got null/],
  ['messages is a string', ['gpt-4', 'Hello', {}], 'messages', /must be an array, got a string/],
  [
    'messages is an object',
    ['gpt-4', { role: 'user', content: 'Hi' }, {}],
    'messages',
    /array, got an object/,
  ],
  ['messages is null', ['gpt-4', null, {}], 'messages', /got null/],
  ['a message is a string', ['gpt-4', ['Hi'], {}], 'messages[0]', /must be an object/],
  [
    'a message without a role',
    ['gpt-4', [{ content: 'Hi' }], {}],
    'messages[0].role',
    /must be one of "system", "user", "assistant", "tool", got undefined/,
  ],
  [
    'a message whose role is not a ChatRole',
    ['gpt-4', [...ok, { role: 'wizard', content: 'Hi' }], {}],
    'messages[1].role',
    /must be one of "system", "user", "assistant", "tool", got "wizard"/,
  ],
  [
    'a message whose role is 20 MB',
    ['gpt-4', [{ role: TWENTY_MB, content: 'Hi' }], {}],
    'messages[0].role',
    /got a string of 20971520 characters/,
  ],
  ['a message that is null', ['gpt-4', [null], {}], 'messages[0]', /must be an object, got null/],
  [
    'a message with an empty role',
    ['gpt-4', [{ role: '', content: 'Hi' }], {}],
    'messages[0].role',
    /got an empty string/,
  ],
  [
    'a message whose content is a number',
    ['gpt-4', [...ok, { role: 'user', content: 42 }], {}],
    'messages[1].content',
    /must be a string or an array of text and image parts, got 42/,
  ],
  [
    'the temperature is a string',
    ['gpt-4', ok, { temperature: 'hot' }],
    'temperature',
    /finite number of 0 or more, got a string/,
  ],
  ['the temperature is NaN', ['gpt-4', ok, { temperature: Number.NaN }], 'temperature', /got NaN/],
  [
    'the temperature is Infinity',
    ['gpt-4', ok, { temperature: Number.POSITIVE_INFINITY }],
    'temperature',
    /got Infinity/,
  ],
  ['the temperature is negative', ['gpt-4', ok, { temperature: -1 }], 'temperature', /got -1/],
  [
    'the system message is not a string',
    ['gpt-4', ok, { systemMessage: 7 }],
    'systemMessage',
    /must be a string/,
  ],
  ['the model is not a string', [42, ok, {}], 'model', /must be a string, got 42/],
  [
    'a model of 20 MB',
    [TWENTY_MB, ok, {}],
    'model',
    /request body at least 20971520 bytes, more than maxInputBytes \(4194304\)/,
  ],
  ['stop is a number', ['gpt-4', ok, { stop: 3 }], 'stop', /string or an array of strings, got 3/],
  ['stop holds a number', ['gpt-4', ok, { stop: ['a', 3] }], 'stop[1]', /must be a string, got 3/],
  ['body is an array', ['gpt-4', ok, { body: [] }], 'body', /must be an object, got an array/],
  ['body is circular', ['gpt-4', ok, { body: circularBody() }], 'body.metadata.parent', /circular/],
  ['body holds a BigInt', ['gpt-4', ok, { body: { seed: 7n } }], 'body.seed', /BigInt/],
  ['body holds NaN', ['gpt-4', ok, { body: { top_p: Number.NaN } }], 'body.top_p', /got NaN/],
  [
    'body sets model',
    ['gpt-4', ok, { body: { model: 'other' } }],
    'body.model',
    /cannot be set through body: it is the model argument/,
  ],
  [
    'body sets messages',
    ['gpt-4', ok, { body: { messages: [] } }],
    'body.messages',
    /cannot be set through body/,
  ],
  ['body sets stream', ['gpt-4', ok, { body: { stream: false } }], 'body.stream', /through body/],
  [
    'maxTokens is not a positive integer',
    ['gpt-4', ok, { maxTokens: 1.5 }],
    'maxTokens',
    /positive integer/,
  ],
  [
    'maxInputBytes is 0',
    ['gpt-4', ok, { maxInputBytes: 0 }],
    'maxInputBytes',
    /positive integer, got 0/,
  ],
  [
    'the base URL is ftp',
    ['gpt-4', ok, { baseURL: 'ftp://example.com/v1' }],
    'baseURL',
    /http\(s\) URL, got the scheme "ftp:"/,
  ],
  [
    'the base URL is file',
    ['gpt-4', ok, { baseURL: 'file:///etc/passwd' }],
    'baseURL',
    /scheme "file:"/,
  ],
  ['the base URL is not a URL', ['gpt-4', ok, { baseURL: 'localhost:8080' }], 'baseURL', /http/],
  [
    'the base URL is relative',
    ['gpt-4', ok, { baseURL: '/v1' }],
    'baseURL',
    /absolute http\(s\) URL/,
  ],
  [
    'a prompt of 10 MB',
    ['gpt-4', [{ role: 'user', content: TEN_MB }], {}],
    'messages',
    new RegExp(
      `at least 1048\\d{4} bytes, more than maxInputBytes \\(${DEFAULT_MAX_INPUT_BYTES}\\)`,
    ),
  ],
  [
    'a system message over the limit, once encoded (40 € are 120 bytes)',
    ['gpt-4', ok, { systemMessage: '€'.repeat(40), maxInputBytes: 100 }],
    'systemMessage',
    /request body \d{3} bytes of UTF-8 JSON, more than maxInputBytes \(100\)/,
  ],
  [
    'a prompt whose JSON escapes take it over the limit',
    ['gpt-4', [{ role: 'user', content: '"'.repeat(600) }], { maxInputBytes: 1000 }],
    'messages',
    /request body 1\d{3} bytes of UTF-8 JSON, more than maxInputBytes \(1000\)/,
  ],
];

/** What only OpenAICompatible sends (Aivvm's body has no `stop` and no extra fields). */
const OPENAI_BAD_INPUTS: readonly BadInput[] = [
  [
    'a stop sequence of 20 MB',
    ['gpt-4', ok, { stop: TWENTY_MB }],
    'stop',
    /request body at least 2097\d{4} bytes, more than maxInputBytes/,
  ],
  [
    'a body extra of 20 MB',
    ['gpt-4', ok, { body: { user: TWENTY_MB } }],
    'body',
    /request body at least 2097\d{4} bytes, more than maxInputBytes/,
  ],
];

describe.each(PROVIDERS)(
  '%s refuses bad input on subscribe, before any request',
  (provider, make) => {
    const inputs =
      provider === 'OpenAICompatible' ? [...BAD_INPUTS, ...OPENAI_BAD_INPUTS] : BAD_INPUTS;
    it.each(inputs)('%s', async (_what, [model, messages, options], field, reason) => {
      server.clearRequests();
      const connections = server.totalConnections;
      const completion$ = make(model, messages, options); // creating it never throws
      const values: string[] = [];
      let error: unknown;
      completion$.subscribe({
        next: (value) => values.push(value),
        error: (caught: unknown) => (error = caught),
      });
      expect(error).toBeDefined(); // delivered during subscribe, synchronously
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(values).toEqual([]);
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ code: 'INVALID_REQUEST', field });
      expect((error as InvalidRequestError).reason).toMatch(reason);
      expect((error as Error).message.length).toBeLessThan(300); // a 10 MB prompt is not quoted
      expect(server.requests).toEqual([]);
      expect(server.totalConnections).toBe(connections); // not even a connection was opened
    });

    it('is never retried by retryCompletion: the caller must fix the input', async () => {
      server.clearRequests();
      const started = Date.now();
      const { error } = await recordUntilSettled(
        make('gpt-4', [{ content: 'no role' }], {}).pipe(retryCompletion({ count: 3, delay: 200 })),
      );
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(Date.now() - started).toBeLessThan(150); // no backoff was waited
      expect(server.requests).toEqual([]);
    });

    it('accepts 10 MB of text when maxInputBytes allows it, counting UTF-8 bytes', async () => {
      server.clearRequests();
      const big = await recordUntilSettled(
        make('gpt-4', [{ role: 'user', content: TEN_MB }], { maxInputBytes: 16 * 1024 * 1024 }),
      );
      expect(big.error).toBeUndefined();
      expect(big.completed).toBe(true);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.body.length).toBeGreaterThan(10 * 1024 * 1024);
      // The bound is the encoded body, exactly: 40 'a' fit a bound of the body's own size...
      // (each request on a fresh connection: a kept-alive one may close as it is reused)
      await server.waitForIdle({ timeoutMs: 3000 });
      server.clearRequests();
      await recordUntilSettled(make('gpt-4', [{ role: 'user', content: 'a'.repeat(40) }], {}));
      const size = server.requests[0]!.body.length;
      await server.waitForIdle({ timeoutMs: 3000 });
      const fits = await recordUntilSettled(
        make('gpt-4', [{ role: 'user', content: 'a'.repeat(40) }], { maxInputBytes: size }),
      );
      expect(fits.error).toBeUndefined();
      expect(fits.completed).toBe(true);
      expect(server.requests).toHaveLength(2);
      // ...but 40 '€', as many characters, are 80 bytes more: refused, and not sent.
      const euros = await recordUntilSettled(
        make('gpt-4', [{ role: 'user', content: '€'.repeat(40) }], { maxInputBytes: size }),
      );
      expect(euros.error).toMatchObject({
        field: 'messages',
        reason: `would make the request body ${size + 80} bytes of UTF-8 JSON, more than maxInputBytes (${size})`,
      });
      expect(server.requests).toHaveLength(2);
      await server.waitForIdle({ timeoutMs: 3000 });
    });
  },
);

it('the facade passes InvalidRequestError through for a single provider', async () => {
  server.clearRequests();
  const { error } = await recordUntilSettled(
    createCompletion({
      model: 'gpt-4o-mini',
      messages: loose([{ content: 'no role' }]),
      provider: new OpenAICompatible({ baseURL: `${server.url}/v1` }),
    }),
  );
  expect(InvalidRequestError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ field: 'messages[0].role', provider: 'OpenAICompatible' });
  expect(server.requests).toEqual([]);
});
