/**
 * Secrets, every source and every form: a credential carried by `apiKey`, `headers`, the
 * axios instance's default headers or `auth`, or the base URL's user info, and echoed by the
 * server — in its status text, error body (whole, or cut by the 8 KiB excerpt), a response
 * header, an SSE `error` event, a non-JSON `/models` body; plain, JSON-escaped, URL-encoded,
 * upper-cased or in base64 — never appears in an error's message, `String()`, `.stack`,
 * `JSON.stringify` or `util.inspect`, for every provider, in `AllProvidersFailedError`, nor in
 * what the CLI process prints (plain and `--json --verbose`).
 */
import { inspect } from 'node:util';
import axios, { type AxiosInstance } from 'axios';
import type { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { Gemini } from '../../lib/providers/gemini/gemini.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import { runCliProcess } from '../cli/support/cli-process.js';
import {
  ENCODE,
  startEchoServer,
  type EchoForm,
  type EchoPlace,
  type EchoServer,
} from '../secrets/support/echo-server.js';
import { recordUntilSettled } from './support/record-events.js';

const FORMS: readonly EchoForm[] = ['plain', 'json', 'url', 'upper', 'base64'];
const messages = [{ role: 'user', content: 'Hi' }] as const;

type Source = 'apiKey' | 'headers' | 'axios-defaults' | 'axios-auth' | 'url-userinfo';
const keyFor = (source: string): string => `sk-${source}/Q9w8+E7r6-T5y4U3i2O1`;

/** How each source carries its key: an axios instance, headers, or the base URL. */
interface Carrier {
  readonly baseURL: string;
  readonly headers?: Record<string, string>;
  readonly apiKey?: string;
  readonly axios?: AxiosInstance;
}

function carrierFor(source: Source, root: string): Carrier {
  const key = keyFor(source);
  switch (source) {
    case 'apiKey':
      return { baseURL: root, apiKey: key };
    case 'headers':
      return { baseURL: root, headers: { 'x-goog-api-key': key } };
    case 'axios-defaults': {
      const instance = axios.create({ headers: { 'Api-Key': key } });
      return { baseURL: root, axios: instance };
    }
    case 'axios-auth':
      return { baseURL: root, axios: axios.create({ auth: { username: 'user', password: key } }) };
    case 'url-userinfo':
      return { baseURL: root.replace('//', `//user:${encodeURIComponent(key)}@`) };
  }
}

const openai = (carrier: Carrier, name?: string): OpenAICompatible =>
  new OpenAICompatible({ ...carrier, baseURL: `${carrier.baseURL}/v1`, ...(name ? { name } : {}) });

function formsOf(key: string): string[] {
  return [
    key.slice(0, 12),
    ...FORMS.flatMap((form) => [ENCODE[form](key), ENCODE[form](`user:${key}`)]),
    encodeURIComponent(key),
    key.toLowerCase(),
  ];
}

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

function expectNoKey(texts: readonly string[], key: string): void {
  for (const text of texts) for (const form of formsOf(key)) expect(text).not.toContain(form);
}

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer();
});
afterAll(async () => {
  await server.close();
});

/** Runs one echo of every form, checking the server got the key and the error hides it. */
async function expectEchoesRedacted(
  key: string,
  place: EchoPlace,
  make: () => Observable<unknown>,
): Promise<void> {
  for (const form of FORMS) {
    server.echo = { place, form };
    const { error } = await recordUntilSettled(make());
    expect(server.received.join(' ')).toContain(key);
    expect(error).toBeInstanceOf(Error);
    expectNoKey(renderings(error), key);
  }
}

const SOURCES: readonly Source[] = [
  'apiKey',
  'headers',
  'axios-defaults',
  'axios-auth',
  'url-userinfo',
];
const OPENAI_PLACES: readonly EchoPlace[] = [
  'status-text',
  'body',
  'excerpt-end',
  'header',
  'sse-error',
  'models-body',
];

describe('OpenAICompatible: no source, place or form lets the key into an error', () => {
  const rows = SOURCES.flatMap((source) => OPENAI_PLACES.map((place) => [source, place] as const));
  it.each(rows)('%s echoed in the %s', async (source, place) => {
    await expectEchoesRedacted(keyFor(source), place, () => {
      const provider = openai(carrierFor(source, server.url));
      return place === 'models-body'
        ? provider.listModels()
        : provider.createCompletion('gpt-4o-mini', messages, true);
    });
  });
});

describe('Aivvm: no source, place or form lets the key into an error', () => {
  const sources: readonly Source[] = ['axios-defaults', 'axios-auth', 'url-userinfo'];
  const places: readonly EchoPlace[] = ['status-text', 'body', 'excerpt-end', 'header'];
  const rows = sources.flatMap((source) => places.map((place) => [source, place] as const));
  it.each(rows)('%s echoed in the %s', async (source, place) => {
    await expectEchoesRedacted(keyFor(source), place, () => {
      const { baseURL, axios: instance } = carrierFor(source, server.url);
      return Aivvm.createCompletion('gpt-4', messages, true, {
        baseURL,
        ...(instance ? { axios: instance } : {}),
      });
    });
  });
});

describe('Gemini: the key in x-goog-api-key (or any source) never reaches an error', () => {
  const places: readonly EchoPlace[] = [
    'status-text',
    'body',
    'excerpt-end',
    'header',
    'sse-error',
  ];
  const rows = SOURCES.flatMap((source) => places.map((place) => [source, place] as const));
  it.each(rows)('%s echoed in the %s', async (source, place) => {
    await expectEchoesRedacted(keyFor(source), place, () => {
      const carrier = carrierFor(source, server.url);
      const gemini = new Gemini({ ...carrier, baseURL: `${carrier.baseURL}/v1beta` });
      return gemini.createCompletion('gemini-2.5-flash', messages, true);
    });
  });
});

describe('AllProvidersFailedError', () => {
  it.each(FORMS)('holds no key of any provider, echoed %s', async (form) => {
    server.echo = { place: 'body', form };
    const { error } = await recordUntilSettled(
      createCompletion({
        model: 'gpt-4o-mini',
        messages,
        providers: SOURCES.map((source) => openai(carrierFor(source, server.url), source)),
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

describe('the CLI process prints no key', () => {
  const key = keyFor('cli');
  const places: readonly EchoPlace[] = ['status-text', 'body', 'excerpt-end', 'sse-error'];
  it.each(places)('echoed in the %s, every form, plain and --json --verbose', async (place) => {
    for (const form of FORMS) {
      server.echo = { place, form };
      const base = ['--provider', 'openai', '--base-url', `${server.url}/v1`];
      const runs = await Promise.all(
        [
          [...base, 'Hi'],
          [...base, '--json', '--verbose', 'Hi'],
        ].map((args) => runCliProcess(args, { env: { OPENAI_API_KEY: key } })),
      );
      for (const run of runs) {
        expect(run.code).not.toBe(0);
        // The message quotes 200 characters of the excerpt: a key at 8 KiB is not among them.
        if (place !== 'excerpt-end') expect(run.stderr).toContain('[redacted]');
        expectNoKey([run.stdout, run.stderr], key);
      }
    }
  });
});
