/**
 * Secrets: the API key and the `authorization` header never appear in any error's message,
 * `String()`, `JSON.stringify`, `util.inspect` (showHidden, depth 10) or `.stack` — for every
 * error type, including when the server echoes the key back (into its status text, error
 * body, a response header, a stream `error` event or data that fails to parse) — nor in what
 * the CLI prints (stdout and stderr, `--json`, `--verbose`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import type { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompletion } from '../../lib/facade/create-completion.js';
import { Aivvm } from '../../lib/providers/aivvm/aivvm.js';
import { OpenAICompatible } from '../../lib/providers/openai-compatible/openai-compatible.js';
import {
  startLoopbackServer,
  type LoopbackServer,
  type ReplyScript,
} from '../../lib/testing/index.js';
import { concatBytes, refusedPort } from '../support/collect.js';
import { lastUserMessage } from './support/keyed-replies.js';
import { recordUntilSettled } from './support/record-events.js';
import { sseBytes } from './support/sse.js';

const KEY = 'sk-live-SECRET-7f3a9c2e51d84b06aa17';
const BEARER = `Bearer ${KEY}`;
const BASIC = Buffer.from(`user:${KEY}`).toString('base64');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const encoder = new TextEncoder();
const messages = [{ role: 'user', content: 'tell me a secret' }] as const;

/** What a hostile or careless server answers, by scenario (the message names it). */
const ECHOES: Readonly<Record<string, () => ReplyScript>> = {
  'echo-401': () => ({
    path: '/v1/chat/completions',
    status: 401,
    statusText: `Incorrect API key provided: ${KEY}`,
    headers: { 'x-echo-authorization': BEARER, 'www-authenticate': `Bearer realm="${KEY}"` },
    text: JSON.stringify({
      error: { message: `Incorrect API key provided: ${KEY}` },
      authorization: BEARER,
    }),
  }),
  'echo-at-excerpt-end': () => ({
    path: '/v1/chat/completions',
    status: 500,
    text: `${'x'.repeat(8192 - 20)}${KEY}${'y'.repeat(100)}`, // the 8 KiB cut falls inside the key
  }),
  'echo-stream-error': () => ({
    path: '/v1/chat/completions',
    text: 'one two three',
    streamError: { afterChunks: 1, message: `quota exceeded for ${KEY}` },
  }),
  'echo-bad-json': () => ({
    path: '/v1/chat/completions',
    body: concatBytes([
      sseBytes(['ok '], false),
      encoder.encode(`data: {"key": "${KEY}", oops\n\n`),
    ]),
  }),
  reset: () => ({
    path: '/v1/chat/completions',
    body: sseBytes(['one ', 'two ']),
    resetAfterBytes: 120,
  }),
  stall: () => ({ path: '/v1/chat/completions', stall: 'after-headers' }),
  'bad-escape': () => ({
    path: '/api/chat',
    body: Uint8Array.from('caf\xe9 \\xZZ', (c) => c.charCodeAt(0)),
  }),
};

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({
    delayMs: 0,
    keepAliveTimeoutMs: 50,
    apiKey: KEY,
    reply: (request) => {
      const scenario = ECHOES[lastUserMessage(request)];
      return scenario === undefined ? undefined : scenario();
    },
  });
});
afterAll(async () => {
  await server.close();
});

/** Every way an error is commonly printed or logged. */
function renderings(error: unknown): string[] {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const cause = error instanceof Error ? inspect(error.cause, { showHidden: true, depth: 10 }) : '';
  return [
    String(error),
    error instanceof Error ? error.message : '',
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 10 }),
    stack,
    cause,
  ];
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(KEY.slice(0, 16)); // not even the start of it
  expect(text).not.toContain(BASIC);
  expect(text).not.toMatch(/authorization['"]?\s*[:=]\s*['"]?(bearer|basic)/i);
}

const openai = (baseURL = `${server.url}/v1`, extra: object = {}) =>
  new OpenAICompatible({ baseURL, apiKey: KEY, headers: { 'x-api-key': KEY }, ...extra });
const ask = (scenario: string, baseURL?: string): Observable<string> =>
  openai(baseURL).createCompletion('gpt-4o-mini', [{ role: 'user', content: scenario }], true);

/** One producer per error type (and per echo), each resolving to the error it emits. */
type Producer = () => Observable<unknown> | Promise<Observable<unknown>>;
const allFail = (): Observable<unknown> =>
  createCompletion({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'echo-401' }],
    providers: [openai(), openai(`http://127.0.0.1:9/v1?api_key=${KEY}`)],
  });
const CASES: readonly (readonly [name: string, code: string, make: Producer])[] = [
  [
    'ModelNotSupportedError',
    'MODEL_NOT_SUPPORTED',
    () => openai(undefined, { models: ['gpt-4'] }).createCompletion('other', messages, true),
  ],
  [
    'HttpStatusError (wrong key, 401)',
    'HTTP_STATUS',
    () =>
      new OpenAICompatible({
        baseURL: `${server.url}/v1`,
        apiKey: `${KEY}-wrong`,
      }).createCompletion('m', messages, true),
  ],
  [
    'HttpStatusError (server echoes the key: status text, body, headers)',
    'HTTP_STATUS',
    () => ask('echo-401'),
  ],
  [
    'HttpStatusError (the excerpt ends inside the echoed key)',
    'HTTP_STATUS',
    () => ask('echo-at-excerpt-end'),
  ],
  [
    'NetworkError (refused; key in the URL user info and query)',
    'NETWORK',
    async () =>
      openai(`http://user:${KEY}@127.0.0.1:${await refusedPort()}/v1?key=${KEY}`).createCompletion(
        'm',
        messages,
        true,
      ),
  ],
  ['NetworkError (reset mid-stream)', 'NETWORK', () => ask('reset')],
  [
    'TimeoutError',
    'TIMEOUT',
    () =>
      openai().createCompletion('m', [{ role: 'user', content: 'stall' }], true, { timeout: 200 }),
  ],
  [
    'DecodeError (Aivvm, Basic credentials in the URL)',
    'DECODE',
    () =>
      Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'bad-escape' }], true, {
        baseURL: server.url.replace('//', `//user:${KEY}@`),
      }),
  ],
  ['StreamError (server-error echoing the key)', 'STREAM', () => ask('echo-stream-error')],
  ['StreamError (invalid-json holding the key)', 'STREAM', () => ask('echo-bad-json')],
  ['AllProvidersFailedError', 'ALL_PROVIDERS_FAILED', allFail],
  [
    'InvalidRequestError (key in a non-http URL)',
    'INVALID_REQUEST',
    () => openai(`ftp://user:${KEY}@127.0.0.1/v1`).createCompletion('m', messages, true),
  ],
  [
    'InvalidRequestError (key passed as the base URL)',
    'INVALID_REQUEST',
    () => openai(KEY).createCompletion('m', messages, true),
  ],
  [
    'InvalidRequestError (key passed as the temperature)',
    'INVALID_REQUEST',
    () => openai().createCompletion('m', messages, true, { temperature: KEY as never }),
  ],
];

describe('secrets never reach an error', () => {
  it.each(CASES)('%s', async (_name, code, make) => {
    const { error } = await recordUntilSettled(await make());
    expect(error).toMatchObject({ code });
    for (const text of renderings(error)) expectNoSecret(text);
    await server.waitForIdle({ timeoutMs: 3000 });
  });

  it('AllProvidersFailedError lists each failure, none carrying the key', async () => {
    const { error } = await recordUntilSettled(allFail());
    const failures = (error as { failures: readonly { error: unknown }[] }).failures;
    expect(failures).toHaveLength(2);
    for (const failure of failures)
      for (const text of renderings(failure.error)) expectNoSecret(text);
  });
});

/** Runs the CLI (`node --import tsx lib/cli/main.ts`) with the key in a file; bounded. */
function runCli(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not exit within 20 s: ${args.join(' ')}`));
    }, 20_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('secrets never reach the CLI output', () => {
  let dir: string;
  let keyFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rx-completions-secret-'));
    keyFile = join(dir, 'key');
    await writeFile(keyFile, `${KEY}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('for an echoed 401, a cut excerpt, a reset, a stream error, bad JSON and a timeout (--verbose, --json)', async () => {
    const base = [
      '--provider',
      'openai',
      '--base-url',
      `${server.url}/v1`,
      '--api-key-file',
      keyFile,
    ];
    const runs = [
      [...base, 'echo-401'],
      [...base, '--verbose', 'echo-401'],
      [...base, '--json', '--verbose', 'echo-at-excerpt-end'],
      [...base, '--verbose', 'reset'],
      [...base, '--json', 'echo-stream-error'],
      [...base, '--verbose', 'echo-bad-json'],
      [...base, '--timeout', '300', '--verbose', 'stall'],
    ];
    const results = await Promise.all(runs.map((args) => runCli(args)));
    for (const [index, { code, output }] of results.entries()) {
      expect([runs[index]!.at(-1), code]).not.toEqual([runs[index]!.at(-1), 0]);
      expect(output.length).toBeGreaterThan(0);
      expectNoSecret(output);
    }
    await server.waitForIdle({ timeoutMs: 3000 });
  });
});
