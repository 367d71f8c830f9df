import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

import { chooseEndpoint, OPENAI_BASE_URL } from '../../lib/cli/cli-endpoint.js';
import { DEFAULT_MODELS, type CliOptions } from '../../lib/cli/cli-options.js';
import { EXIT_CODES, exitCodeFor } from '../../lib/cli/exit-codes.js';
import { formatError } from '../../lib/cli/format-error.js';
import { parseCliArgs } from '../../lib/cli/parse-cli-args.js';
import { readApiKey } from '../../lib/cli/read-api-key.js';
import { readPackageVersion } from '../../lib/cli/read-package-version.js';
import { readStdin } from '../../lib/cli/read-stdin.js';
import { UsageError } from '../../lib/cli/usage-error.js';
import {
  AllProvidersFailedError,
  CompletionError,
  DecodeError,
  HttpStatusError,
  ModelNotSupportedError,
  NetworkError,
  StreamError,
  TimeoutError,
} from '../../lib/index.js';

const target = { provider: 'Aivvm', method: 'POST', url: 'http://127.0.0.1:1/api/chat' };

describe('exitCodeFor', () => {
  it.each<readonly [unknown, number]>([
    [new UsageError('bad'), 2],
    [new ModelNotSupportedError('x', 'Aivvm'), 3],
    [
      new HttpStatusError({
        ...target,
        status: 500,
        statusText: '',
        bodyExcerpt: '',
        bodyTruncated: false,
        responseHeaders: {},
      }),
      4,
    ],
    [new NetworkError({ ...target, reason: 'refused', bytesReceived: 0 }), 5],
    [new TimeoutError('first', 10), 6],
    [new DecodeError('truncated \\xXX escape', 3), 7],
    [new StreamError({ kind: 'truncated', provider: 'p', detail: 'no [DONE]' }), 8],
    [new AllProvidersFailedError([]), 9],
    [new CompletionError('INVALID_REQUEST', 'bad request'), 2],
    [new RangeError('other'), 1],
    ['a string', 1],
  ])('maps %s to %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('maps a code unknown to this copy of the package to 1', () => {
    const foreign = new CompletionError('TIMEOUT', 'x');
    Object.defineProperty(foreign, 'code', { value: 'SOMETHING_NEW' });
    expect(exitCodeFor(foreign)).toBe(EXIT_CODES.other);
  });
});

describe('formatError', () => {
  const secret = 'sk-secret-0123456789';

  it('prints one line, line breaks in the message turned to spaces', () => {
    expect(formatError(new Error('first\nsecond'), { verbose: false, secrets: [] })).toBe(
      'error: Error: first second\n',
    );
  });

  it('redacts the secrets everywhere, stack and causes included', () => {
    const error = new Error(`wrapped ${secret}`, { cause: new Error(`inner ${secret}`) });
    error.stack = `Error: wrapped\n    at ${secret} (file.ts:1:1)`;
    const text = formatError(error, { verbose: true, secrets: [undefined, '', secret] });

    expect(text).not.toContain(secret);
    expect(text).toContain('error: Error: wrapped [redacted]');
    expect(text).toContain('    at [redacted] (file.ts:1:1)');
    expect(text).toContain('caused by: Error: inner [redacted]');
  });

  it('prints a thrown non-Error by its type', () => {
    expect(formatError(42, { verbose: true, secrets: [] })).toBe('error: number: 42\n');
  });
});

describe('parseCliArgs', () => {
  it('fills in the defaults, leaving the provider and model to the endpoint', () => {
    expect(parseCliArgs(['Hello', 'world'])).toEqual({
      kind: 'complete',
      options: {
        provider: undefined,
        model: undefined,
        baseUrl: undefined,
        serve: false,
        systemMessage: undefined,
        temperature: undefined,
        timeout: undefined,
        retries: 0,
        json: false,
        verbose: false,
        apiKeyFile: undefined,
        prompt: 'Hello world',
      },
    });
  });

  it('reads every option', () => {
    const command = parseCliArgs([
      '-p',
      'openai',
      '-m',
      'llama3.2',
      '--base-url',
      'http://127.0.0.1:11434/v1',
      '-s',
      'Be brief.',
      '--temperature',
      '0.25',
      '--timeout',
      '5000',
      '--timeout-each',
      '1000',
      '--timeout-total',
      '60000',
      '--retries',
      '3',
      '--json',
      '--verbose',
      '--api-key-file',
      'key.txt',
    ]);
    expect(command).toEqual({
      kind: 'complete',
      options: {
        provider: 'openai',
        model: 'llama3.2',
        baseUrl: 'http://127.0.0.1:11434/v1',
        serve: false,
        systemMessage: 'Be brief.',
        temperature: 0.25,
        timeout: { first: 5000, each: 1000, total: 60000 },
        retries: 3,
        json: true,
        verbose: true,
        apiKeyFile: 'key.txt',
        prompt: undefined,
      },
    });
  });

  it.each([
    [['--retries', '-1', 'Hi'], '--retries must be a whole number from 0 to 100, got "-1"'],
    [['--timeout', '-5', 'Hi'], '--timeout'],
  ])('names the option of a negative value (%j), not "argument is ambiguous"', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
    expect(() => parseCliArgs(args)).not.toThrow(/ambiguous/);
  });

  it('keeps a negative number after -- as part of the prompt', () => {
    const command = parseCliArgs(['--retries', '1', '--', '-1', 'degrees']);
    expect(command).toMatchObject({
      kind: 'complete',
      options: { prompt: '-1 degrees', retries: 1 },
    });
  });

  it('gives --help precedence over --version and a completion', () => {
    expect(parseCliArgs(['-V', '--help', 'Hi'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['Hi', '--version'])).toEqual({ kind: 'version' });
  });

  it('takes --timeout-total alone', () => {
    const command = parseCliArgs(['--timeout-total', '86400000', 'x']);
    expect(command).toMatchObject({ options: { timeout: { total: 86_400_000 } } });
    expect(command.kind === 'complete' && command.options.timeout).toEqual({ total: 86_400_000 });
  });

  it('takes --timeout-each alone', () => {
    const command = parseCliArgs(['-p', 'openai', '--timeout-each', '10', 'x']);
    expect(command).toMatchObject({ options: { timeout: { each: 10 } } });
  });

  it('serves only when --serve is given', () => {
    expect(parseCliArgs(['--serve', 'Hi'])).toMatchObject({ options: { serve: true } });
    expect(parseCliArgs(['Hi'])).toMatchObject({ options: { serve: false } });
  });
});

describe('chooseEndpoint', () => {
  const options = (args: readonly string[]): CliOptions => {
    const command = parseCliArgs([...args, 'Hi']);
    if (command.kind !== 'complete') throw new Error(`not a completion: ${args.join(' ')}`);
    return command.options;
  };

  it('goes to OpenAI (provider openai, its default model) with a key and no URL', () => {
    expect(chooseEndpoint(options([]), 'sk-1')).toEqual({
      kind: 'remote',
      provider: 'openai',
      model: DEFAULT_MODELS.openai,
      baseURL: 'https://api.openai.com/v1',
    });
    expect(chooseEndpoint(options(['-p', 'openai', '-m', 'gpt-4.1']), 'sk-1')).toMatchObject({
      baseURL: OPENAI_BASE_URL,
      model: 'gpt-4.1',
    });
  });

  it('goes to --base-url, aivvm unless --provider says otherwise', () => {
    expect(chooseEndpoint(options(['--base-url', 'http://127.0.0.1:1']), undefined)).toEqual({
      kind: 'remote',
      provider: 'aivvm',
      model: DEFAULT_MODELS.aivvm,
      baseURL: 'http://127.0.0.1:1',
    });
    const openai = options(['-p', 'openai', '--base-url', 'http://127.0.0.1:1/v1']);
    expect(chooseEndpoint(openai, 'sk-1')).toMatchObject({ provider: 'openai' });
  });

  it('goes to the loopback server only with --serve, key or not', () => {
    expect(chooseEndpoint(options(['--serve']), 'sk-1')).toEqual({
      kind: 'loopback',
      provider: 'aivvm',
      model: DEFAULT_MODELS.aivvm,
    });
    expect(chooseEndpoint(options(['--serve', '-p', 'openai']), undefined)).toMatchObject({
      kind: 'loopback',
      provider: 'openai',
    });
  });

  it('is a usage error naming what to pass when nothing says where to go', () => {
    for (const args of [[], ['-p', 'openai']]) {
      const choose = (): unknown => chooseEndpoint(options(args), undefined);
      expect(choose, `args ${JSON.stringify(args)}`).toThrow(UsageError);
      expect(choose).toThrow(/--base-url <url>.*--api-key-file <path> or OPENAI_API_KEY.*--serve/);
    }
  });

  it('is a usage error for --provider aivvm without a URL, even with a key', () => {
    expect(() => chooseEndpoint(options(['-p', 'aivvm']), 'sk-1')).toThrow(
      /--provider aivvm needs --base-url <site root>, or --serve/,
    );
  });
});

describe('readApiKey', () => {
  const directory = mkdtempSync(join(tmpdir(), 'rx-cli-key-'));

  it('reads the file, trimmed, before the environment', async () => {
    const file = join(directory, 'key');
    writeFileSync(file, '  sk-from-file \n');
    expect(await readApiKey(file, { OPENAI_API_KEY: 'sk-env' })).toBe('sk-from-file');
  });

  it('falls back to OPENAI_API_KEY, trimmed, and to none', async () => {
    expect(await readApiKey(undefined, { OPENAI_API_KEY: ' sk-env\n' })).toBe('sk-env');
    expect(await readApiKey(undefined, { OPENAI_API_KEY: '  ' })).toBeUndefined();
    expect(await readApiKey(undefined, {})).toBeUndefined();
  });

  it('refuses an empty file with a UsageError', async () => {
    const file = join(directory, 'empty');
    writeFileSync(file, '\n\n');
    await expect(readApiKey(file, {})).rejects.toThrow(UsageError);
    await expect(readApiKey(file, {})).rejects.toThrow(/is empty/);
  });
});

describe('readStdin', () => {
  it('decodes UTF-8 split across chunks', async () => {
    const stdin = new PassThrough();
    const text = readStdin(stdin);
    const bytes = Buffer.from('héllo ✓');
    stdin.write(bytes.subarray(0, 2));
    stdin.end(bytes.subarray(2));
    expect(await text).toBe('héllo ✓');
  });

  it('refuses more than the bound with a UsageError', async () => {
    const stdin = new PassThrough();
    const text = readStdin(stdin, undefined, 4);
    stdin.end('12345');
    await expect(text).rejects.toThrow(/larger than 4 bytes/);
    expect(stdin.destroyed).toBe(true);
  });

  it('stops on abort and destroys the stream', async () => {
    const stdin = new PassThrough();
    const controller = new AbortController();
    const text = readStdin(stdin, controller.signal);
    controller.abort();
    await expect(text).rejects.toThrow();
    expect(stdin.destroyed).toBe(true);
  });
});

describe('readPackageVersion', () => {
  const { version } = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };

  it('finds the version from lib/cli/ (tsx) and from dist/ (the bundle)', () => {
    expect(readPackageVersion()).toBe(version);
    expect(readPackageVersion(new URL('../../dist/cli.js', import.meta.url).href)).toBe(version);
  });

  it('throws when no package.json of rx-completions is above', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rx-cli-version-'));
    writeFileSync(join(directory, 'package.json'), '{"name":"other","version":"9.9.9"}');
    expect(() => readPackageVersion(pathToFileURL(join(directory, 'cli.js')).href)).toThrow(
      /no package.json of rx-completions/,
    );
  });
});
