import { parseArgs } from 'node:util';

import {
  CLI_PROVIDERS,
  type CliCommand,
  type CliProvider,
  type CliTimeout,
} from './cli-options.js';
import { UsageError } from './usage-error.js';

/** The options `parseArgs` knows; every value is a string, checked below. */
const OPTIONS = {
  provider: { type: 'string', short: 'p' },
  model: { type: 'string', short: 'm' },
  'base-url': { type: 'string' },
  system: { type: 'string', short: 's' },
  temperature: { type: 'string' },
  timeout: { type: 'string' },
  'timeout-each': { type: 'string' },
  'timeout-total': { type: 'string' },
  retries: { type: 'string' },
  json: { type: 'boolean', default: false },
  serve: { type: 'boolean', default: false },
  'api-key-file': { type: 'string' },
  'json-schema': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
} as const;

/** The most retries `--retries` accepts. */
const MAX_RETRIES = 100;
/** The longest deadline `--timeout`, `--timeout-each` and `--timeout-total` accept: a day, in ms. */
const MAX_TIMEOUT_MS = 86_400_000;

/** A whole number from `min` to `max`, or a {@link UsageError} naming the option. */
function wholeNumber(name: string, value: string, min: number, max: number): number {
  const parsed = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(parsed >= min && parsed <= max)) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function finiteNumber(name: string, value: string): number {
  const parsed = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(parsed)) {
    throw new UsageError(`--${name} must be a number, got "${value}"`);
  }
  return parsed;
}

function provider(value: string | undefined): CliProvider | undefined {
  if (value === undefined) return undefined;
  const known = CLI_PROVIDERS.find((name) => name === value);
  if (known === undefined) {
    const names = new Intl.ListFormat('en', { type: 'disjunction' }).format(CLI_PROVIDERS);
    throw new UsageError(`--provider must be ${names}, got "${value}"`);
  }
  return known;
}

function httpUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const protocol = URL.canParse(value) ? new URL(value).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UsageError(`--base-url must be an http(s) URL, got "${value}"`);
  }
  return value;
}

/** The deadlines given on the command line, each a whole number of ms. */
function timeout(
  first: string | undefined,
  each: string | undefined,
  total: string | undefined,
): CliTimeout | undefined {
  if (first === undefined && each === undefined && total === undefined) return undefined;
  const ms = (name: string, value: string): number => wholeNumber(name, value, 1, MAX_TIMEOUT_MS);
  return {
    ...(first === undefined ? {} : { first: ms('timeout', first) }),
    ...(each === undefined ? {} : { each: ms('timeout-each', each) }),
    ...(total === undefined ? {} : { total: ms('timeout-total', total) }),
  };
}

/**
 * Refuses an `--api-key` option before `parseArgs` sees it, with a message that says why and
 * never repeats the value: a key in the arguments is visible to every user (`ps`, shell history).
 */
function refuseKeyArgument(args: readonly string[]): void {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  if (options.some((arg) => arg === '--api-key' || arg.startsWith('--api-key='))) {
    throw new UsageError(
      'an API key is never taken as an argument (others can read it with ps): ' +
        'use --api-key-file <path> or OPENAI_API_KEY',
    );
  }
}

/** `parseArgs`'s own message, first sentence only (its hints about `--` are confusing here). */
function usageErrorFrom(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const [first = message] = message.split('\n');
  return new UsageError(first.replace(/\. To specify .*$/, ''));
}

/**
 * `--option -1` written as `--option=-1` for the options that take a value: `parseArgs` reads a
 * value that starts with `-` as an option of its own ("argument is ambiguous"), where the user
 * meant a (bad) number, which the checks below then name.
 */
function joinDashedValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = args[index + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const takesValue =
      name !== undefined &&
      Object.hasOwn(OPTIONS, name) &&
      OPTIONS[name as keyof typeof OPTIONS].type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
    if (arg === '--') {
      joined.push(...args.slice(index + 1));
      break;
    }
  }
  return joined;
}

/**
 * Parses the command line (without `node` and the script) with `node:util` `parseArgs`:
 * checks every value and fills in the defaults.
 *
 * - `--help` wins over everything else, then `--version`.
 * - The positional arguments, joined by spaces, are the prompt; none means stdin.
 * - `--serve` and `--base-url` exclude each other; with neither, the endpoint is chosen
 *   later, from the key (see `chooseEndpoint`).
 * - An `--api-key` option is refused: keys come from `--api-key-file` or `OPENAI_API_KEY`.
 *
 * @param given - the arguments, e.g. `process.argv.slice(2)`.
 * @returns what to do.
 * @throws {@link UsageError} for an unknown option, a missing or bad value.
 * @example
 * ```ts
 * parseCliArgs(['--provider', 'openai', '--timeout', '5000', 'Hello', 'there']);
 * // { kind: 'complete', options: { provider: 'openai', prompt: 'Hello there', ... } }
 * ```
 */
export function parseCliArgs(given: readonly string[]): CliCommand {
  const args = joinDashedValues(given);
  refuseKeyArgument(args);
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorFrom(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const baseUrl = httpUrl(values['base-url']);
  if (values.serve && baseUrl !== undefined) {
    throw new UsageError('--serve and --base-url exclude each other');
  }
  return {
    kind: 'complete',
    options: {
      provider: provider(values.provider),
      model: values.model,
      baseUrl,
      serve: values.serve,
      systemMessage: values.system,
      temperature:
        values.temperature === undefined
          ? undefined
          : finiteNumber('temperature', values.temperature),
      timeout: timeout(values.timeout, values['timeout-each'], values['timeout-total']),
      retries:
        values.retries === undefined ? 0 : wholeNumber('retries', values.retries, 0, MAX_RETRIES),
      json: values.json,
      verbose: values.verbose,
      apiKeyFile: values['api-key-file'],
      jsonSchemaFile: values['json-schema'],
      prompt: positionals.length === 0 ? undefined : positionals.join(' '),
    },
  };
}
