/**
 * A server that echoes the credential it received — in its status text, body, a response
 * header, an SSE `error` event or a non-JSON `/models` body; plain, JSON-escaped, URL-encoded,
 * upper-cased or in base64 — never gets it into an error, whichever way the request carried
 * it: `apiKey`, `headers`, the axios instance's default headers or `auth`, the base URL's user
 * info.
 */
import { inspect } from 'node:util';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { collect } from '../support/collect.js';
import { runInProcess } from '../cli/support/run-in-process.js';
import {
  ENCODE,
  startEchoServer,
  type EchoForm,
  type EchoPlace,
  type EchoServer,
} from './support/echo-server.js';

const FORMS: readonly EchoForm[] = ['plain', 'json', 'url', 'upper', 'base64'];
const PLACES: readonly EchoPlace[] = ['status-text', 'body', 'header', 'sse-error', 'models-body'];
const messages = [{ role: 'user', content: 'Hi' }] as const;

/** A key per source, with the characters encodings change (`/`, `+`, `-`, case). */
const keyFor = (source: string): string => `sk-${source}/A1b2+C3d4-e5F6g7H8`;

type Source = 'apiKey' | 'headers' | 'axios-defaults' | 'axios-auth' | 'url-userinfo';
const SOURCES: readonly Source[] = [
  'apiKey',
  'headers',
  'axios-defaults',
  'axios-auth',
  'url-userinfo',
];

function providerFor(source: Source, root: string, name = source): OpenAICompatible {
  const key = keyFor(source);
  const baseURL = `${root}/v1`;
  switch (source) {
    case 'apiKey':
      return new OpenAICompatible({ name, baseURL, apiKey: key });
    case 'headers':
      return new OpenAICompatible({ name, baseURL, headers: { 'X-Api-Key': key } });
    case 'axios-defaults': {
      const instance = axios.create();
      instance.defaults.headers.common.Authorization = `Bearer ${key}`;
      return new OpenAICompatible({ name, baseURL, axios: instance });
    }
    case 'axios-auth':
      return new OpenAICompatible({
        name,
        baseURL,
        axios: axios.create({ auth: { username: 'user', password: key } }),
      });
    case 'url-userinfo':
      return new OpenAICompatible({
        name,
        baseURL: baseURL.replace('//', `//user:${encodeURIComponent(key)}@`),
      });
  }
}

/** Every form of `key` that must not be printed. */
function formsOf(key: string): string[] {
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  return [
    key,
    key.toUpperCase(),
    key.toLowerCase(),
    encodeURIComponent(key),
    new URLSearchParams({ k: key }).toString().slice(2),
    JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/'),
    base64(key),
    base64(`user:${key}`),
    key.slice(0, 12),
    ...FORMS.flatMap((form) => [ENCODE[form](key), ENCODE[form](`user:${key}`)]),
  ];
}

/** Every way an error is commonly printed or logged. */
function renderings(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error)];
  return [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 10 }),
  ];
}

export function expectNoKey(texts: readonly string[], key: string): void {
  for (const text of texts) for (const form of formsOf(key)) expect(text).not.toContain(form);
}

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer();
});
afterAll(async () => {
  await server.close();
});

async function errorOf(provider: OpenAICompatible, place: EchoPlace): Promise<unknown> {
  const source$ =
    place === 'models-body'
      ? provider.listModels()
      : provider.createCompletion('gpt-4o-mini', messages, true);
  const { error } = await collect<unknown>(source$);
  return error;
}

describe('a credential the server echoes never reaches an error', () => {
  const cases = SOURCES.flatMap((source) => PLACES.map((place) => [source, place] as const));

  it.each(cases)('from %s, echoed in the %s, in every form', async (source, place) => {
    const key = keyFor(source);
    for (const form of FORMS) {
      server.echo = { place, form };
      const error = await errorOf(providerFor(source, server.url), place);
      expect(server.received.join(' ')).toContain(key); // the server did get the key
      expect(error).toBeInstanceOf(Error);
      expectNoKey(renderings(error), key);
      expect(renderings(error).join('\n')).toContain('[redacted]');
    }
  });

  it('nor an AllProvidersFailedError, its message or its failures', async () => {
    server.echo = { place: 'body', form: 'json' };
    const { error } = await collect<unknown>(
      createCompletion({
        model: 'gpt-4o-mini',
        messages,
        providers: SOURCES.map((source) => providerFor(source, server.url)),
      }),
    );
    expect(error).toMatchObject({ code: 'ALL_PROVIDERS_FAILED' });
    const failures = (error as { failures: readonly { error: unknown }[] }).failures;
    expect(failures).toHaveLength(SOURCES.length);
    for (const source of SOURCES) {
      expectNoKey(renderings(error), keyFor(source));
      for (const failure of failures) expectNoKey(renderings(failure.error), keyFor(source));
    }
  });
});

describe('a credential the server echoes never reaches the CLI output', () => {
  const key = keyFor('cli');
  const places = PLACES.filter((place) => place !== 'models-body');

  it.each(places)('echoed in the %s, in every form, plain and --json --verbose', async (place) => {
    for (const form of FORMS) {
      server.echo = { place, form };
      for (const flags of [[], ['--json', '--verbose']]) {
        const run = await runInProcess(
          ['--provider', 'openai', '--base-url', `${server.url}/v1`, ...flags, 'Hi'],
          { env: { OPENAI_API_KEY: key } },
        );
        expect(server.received).toEqual([key]);
        expect(run.code).not.toBe(0);
        // The CLI prints no response header: nothing to redact there.
        if (place !== 'header') expect(run.stderr).toContain('[redacted]');
        expectNoKey([run.stdout, run.stderr], key);
      }
    }
  });
});
