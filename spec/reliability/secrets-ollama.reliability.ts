/**
 * Ollama's secrets: a key carried by `apiKey` (`authorization: Bearer`), `headers`, an axios
 * instance's default headers or `auth`, or the base URL's user info, and echoed by the server —
 * in its status text, its `{"error"}` body (whole, or cut by the 8 KiB excerpt), a response
 * header, or an `{"error"}` line of the NDJSON stream; plain, JSON-escaped, URL-encoded,
 * upper-cased or in base64 — never appears in an error's message, `String()`, `.stack`,
 * `JSON.stringify` or `util.inspect`.
 */
import { inspect } from 'node:util';
import axios from 'axios';
import type { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ollama } from '../../lib/providers/ollama/ollama.js';
import type { OllamaConfig } from '../../lib/providers/ollama/ollama-options.js';
import { startLoopbackServer, type LoopbackServer } from '../../lib/testing/index.js';
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
const SOURCES: readonly Source[] = [
  'apiKey',
  'headers',
  'axios-defaults',
  'axios-auth',
  'url-userinfo',
];
const keyFor = (source: string): string => `ollama-${source}/Q9w8+E7r6-T5y4U3i2O1`;

function configFor(source: Source, root: string): OllamaConfig {
  const key = keyFor(source);
  switch (source) {
    case 'apiKey':
      return { baseURL: root, apiKey: key };
    case 'headers':
      return { baseURL: root, headers: { 'x-api-key': key } };
    case 'axios-defaults':
      return { baseURL: root, axios: axios.create({ headers: { 'Api-Key': key } }) };
    case 'axios-auth':
      return { baseURL: root, axios: axios.create({ auth: { username: 'user', password: key } }) };
    case 'url-userinfo':
      return { baseURL: root.replace('//', `//user:${encodeURIComponent(key)}@`) };
  }
}

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

function expectNoKey(error: unknown, key: string): void {
  expect(error).toBeInstanceOf(Error);
  for (const text of renderings(error))
    for (const form of formsOf(key)) expect(text).not.toContain(form);
}

let echo: EchoServer;
let loopback: LoopbackServer;
beforeAll(async () => {
  echo = await startEchoServer();
  loopback = await startLoopbackServer({ delayMs: 0, keepAliveTimeoutMs: 50 });
});
afterAll(async () => {
  await echo.close();
  await loopback.close();
});

const complete = (config: OllamaConfig): Observable<string> =>
  new Ollama(config).createCompletion('llama3.2', messages, true);

describe('Ollama: no source, place or form lets the key into an error', () => {
  const places: readonly EchoPlace[] = ['status-text', 'body', 'excerpt-end', 'header'];
  const rows = SOURCES.flatMap((source) => places.map((place) => [source, place] as const));
  it.each(rows)('%s echoed in the %s', async (source, place) => {
    for (const form of FORMS) {
      echo.echo = { place, form };
      const { error } = await recordUntilSettled(complete(configFor(source, echo.url)));
      expect(echo.received.join(' ')).toContain(keyFor(source));
      expectNoKey(error, keyFor(source));
    }
  });

  it.each(SOURCES)('%s echoed in an {"error"} line of the NDJSON stream', async (source) => {
    const key = keyFor(source);
    for (const form of [...FORMS, 'user-info' as const]) {
      const echoed = form === 'user-info' ? ENCODE.json(`user:${key}`) : ENCODE[form](key);
      loopback.enqueue({
        text: 'one two',
        streamError: { afterChunks: 1, message: `quota exceeded for ${echoed}` },
      });
      const config = configFor(source, `${loopback.url}/ollama`);
      const { values, error } = await recordUntilSettled(complete(config));
      expect(values).toEqual(['one ']);
      expect(error).toMatchObject({ kind: 'server-error' });
      expectNoKey(error, key);
    }
  });
});
