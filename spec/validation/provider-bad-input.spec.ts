/**
 * Both providers against a real loopback server: every bad input is an `InvalidRequestError`
 * on subscribe (never a synchronous throw, never a `TypeError`), and the server records no
 * request and no connection.
 */
import type { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { CompletionError } from '../../lib/errors/completion-error.js';
import { InvalidRequestError } from '../../lib/errors/invalid-request-error.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect } from '../support/collect.js';
import { countsOf, expectNothingSent } from '../support/expect-nothing-sent.js';
import { useLoopbackServer } from '../support/use-loopback-server.js';

const server = useLoopbackServer();
const loose = (value: unknown): never => value as never;
const MB20 = 'm'.repeat(20 * 1024 * 1024);
const ok = [{ role: 'user', content: 'Hi' }];

type Make = (model: unknown, messages: unknown, options: unknown) => Observable<string>;

const openai: Make = (model, messages, options) =>
  new OpenAICompatible({ baseURL: `${server().url}/v1` }).createCompletion(
    loose(model),
    loose(messages),
    true,
    loose(options),
  );
const aivvm: Make = (model, messages, options) =>
  Aivvm.createCompletion(
    loose(model),
    loose(messages),
    true,
    options === null || typeof options !== 'object'
      ? loose(options)
      : loose({ baseURL: server().url, ...options }),
  );

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { a: { b: 1 } };
  (value.a as Record<string, unknown>).self = value;
  return value;
}

/** [what, provider, model, messages, options, field, reason]. */
const CASES: readonly (readonly [string, Make, unknown, unknown, unknown, string, RegExp])[] = [
  ['OpenAI: options null', openai, 'gpt-4', ok, null, 'options', /must be an object, got null/],
  ['Aivvm: options null', aivvm, 'gpt-4', ok, null, 'options', /must be an object, got null/],
  ['OpenAI: options a string', openai, 'gpt-4', ok, 'fast', 'options', /got a string/],
  ['OpenAI: a 20 MB model', openai, MB20, ok, {}, 'model', /20971520 bytes.*maxInputBytes/],
  ['Aivvm: a 20 MB model', aivvm, MB20, ok, {}, 'model', /20971520 bytes.*maxInputBytes/],
  [
    'OpenAI: a 20 MB role',
    openai,
    'gpt-4',
    [{ role: MB20, content: 'Hi' }],
    {},
    'messages[0].role',
    /must be one of "system", "user", "assistant", "tool", got a string of 20971520 characters/,
  ],
  [
    'Aivvm: an unknown role',
    aivvm,
    'gpt-4',
    [...ok, { role: 'wizard', content: 'Hi' }],
    {},
    'messages[1].role',
    /got "wizard"/,
  ],
  [
    'OpenAI: an unknown role',
    openai,
    'gpt-4',
    [{ role: 'developer', content: 'Hi' }],
    {},
    'messages[0].role',
    /got "developer"/,
  ],
  [
    'OpenAI: a 20 MB body extra',
    openai,
    'gpt-4',
    ok,
    { body: { user: MB20 } },
    'body',
    /at least 2097\d+ bytes.*maxInputBytes \(4194304\)/,
  ],
  [
    'OpenAI: a 20 MB stop',
    openai,
    'gpt-4',
    ok,
    { stop: [MB20] },
    'stop',
    /at least 2097\d+ bytes.*maxInputBytes/,
  ],
  [
    'OpenAI: a JSON-heavy prompt under the text bound but over it once encoded',
    openai,
    'gpt-4',
    [{ role: 'user', content: '"'.repeat(600) }],
    { maxInputBytes: 1000 },
    'messages',
    /would make the request body \d{4} bytes of UTF-8 JSON, more than maxInputBytes \(1000\)/,
  ],
  [
    'Aivvm: its default system prompt counts',
    aivvm,
    'gpt-4',
    ok,
    { maxInputBytes: 100 },
    'systemMessage',
    /maxInputBytes \(100\)/,
  ],
  ['OpenAI: a circular body', openai, 'gpt-4', ok, { body: circular() }, 'body.a.self', /circular/],
  ['OpenAI: a BigInt in body', openai, 'gpt-4', ok, { body: { seed: 7n } }, 'body.seed', /BigInt/],
  [
    'OpenAI: body is an array',
    openai,
    'gpt-4',
    ok,
    { body: [1] },
    'body',
    /must be an object, got an array/,
  ],
  [
    'OpenAI: body sets messages',
    openai,
    'gpt-4',
    ok,
    { body: { messages: [] } },
    'body.messages',
    /cannot be set through body/,
  ],
  [
    'OpenAI: body sets model',
    openai,
    'gpt-4',
    ok,
    { body: { model: 'x' } },
    'body.model',
    /cannot be set through body/,
  ],
  [
    'OpenAI: body sets stream',
    openai,
    'gpt-4',
    ok,
    { body: { stream: false } },
    'body.stream',
    /cannot be set through body/,
  ],
  [
    'OpenAI: NaN in body',
    openai,
    'gpt-4',
    ok,
    { body: { top_p: Number.NaN } },
    'body.top_p',
    /finite number, got NaN/,
  ],
  ['OpenAI: a message is null', openai, 'gpt-4', [null], {}, 'messages[0]', /got null/],
  [
    'OpenAI: stop holds a number',
    openai,
    'gpt-4',
    ok,
    { stop: ['a', 3] },
    'stop[1]',
    /must be a string, got 3/,
  ],
  ['OpenAI: stop is a number', openai, 'gpt-4', ok, { stop: 3 }, 'stop', /got 3/],
  [
    'Aivvm: temperature Infinity',
    aivvm,
    'gpt-4',
    ok,
    { temperature: Number.POSITIVE_INFINITY },
    'temperature',
    /got Infinity/,
  ],
  ['Aivvm: model not a string', aivvm, null, ok, {}, 'model', /got null/],
  ['Aivvm: messages not an array', aivvm, 'gpt-4', 'Hi', {}, 'messages', /got a string/],
];

describe('bad input reaches no server', () => {
  it.each(CASES)('%s', async (_what, make, model, messages, options, field, reason) => {
    const before = countsOf(server());
    let completion$: Observable<string> | undefined;
    expect(() => (completion$ = make(model, messages, options))).not.toThrow();
    const { values, error } = await collect(completion$!);
    expect(values).toEqual([]);
    expect(CompletionError.isInstance(error)).toBe(true);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', field });
    expect((error as InvalidRequestError).reason).toMatch(reason);
    expect((error as Error).message.length).toBeLessThan(400);
    await expectNothingSent(server(), before, _what);
  });

  it('sends a body that fits maxInputBytes exactly, and refuses it one byte lower', async () => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    const sent = await collect(
      provider.createCompletion('gpt-4', loose(ok), false, { maxInputBytes: 10_000 }),
    );
    expect(sent.error).toBeUndefined();
    expect(server().requests).toHaveLength(1);
    const size = server().requests[0]!.body.length;
    await server().waitForIdle({ timeoutMs: 2000 }); // a fresh connection for the next one
    server().clearRequests();
    const exact = await collect(
      provider.createCompletion('gpt-4', loose(ok), false, { maxInputBytes: size }),
    );
    expect(exact.error).toBeUndefined();
    expect(server().requests).toHaveLength(1);
    await server().waitForIdle({ timeoutMs: 2000 }); // a fresh connection for the next one
    server().clearRequests();
    const under = await collect(
      provider.createCompletion('gpt-4', loose(ok), false, { maxInputBytes: size - 1 }),
    );
    expect(InvalidRequestError.isInstance(under.error)).toBe(true);
    expect(server().requests).toEqual([]);
  });

  it('passes a body extra through, named options taking precedence over it', async () => {
    const provider = new OpenAICompatible({ baseURL: `${server().url}/v1` });
    await collect(
      provider.createCompletion('gpt-4', loose(ok), false, {
        temperature: 0.5,
        body: { seed: 7, temperature: 1, when: new Date(0) },
      }),
    );
    const sent = JSON.parse(new TextDecoder().decode(server().requests[0]!.body)) as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({ seed: 7, temperature: 0.5, when: '1970-01-01T00:00:00.000Z' });
  });
});
