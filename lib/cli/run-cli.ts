import { endWith } from 'rxjs';

import { checkChatOptions } from './check-chat-options.js';
import { runChat } from './run-chat.js';
import { chooseEndpoint, type CliEndpoint } from './cli-endpoint.js';
import { DONE_EVENT, errorEvent, renderEvent, type CliEvent } from './cli-event.js';
import type { CliOptions } from './cli-options.js';
import { completionEvents, type CompletionTarget } from './completion-events.js';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';
import { formatError } from './format-error.js';
import { helpText } from './help-text.js';
import { parseCliArgs } from './parse-cli-args.js';
import { readApiKey } from './read-api-key.js';
import { readJsonSchema } from './read-json-schema.js';
import { readPackageVersion } from './read-package-version.js';
import type { CliIo } from './cli-io.js';
import { readStdin } from './read-stdin.js';
import { redactError } from '../secrets/redact-error.js';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import { redactSecrets } from './redact-secrets.js';
import { retryNotice } from './retry-notice.js';
import type { RetryWait } from '../operators/retry-completion.js';
import { ReplyLayout, toolCallLine } from './reply-layout.js';
import { streamToOutput, type StreamOutcome } from './stream-to-output.js';
import { stripTerminalControls, TerminalControlFilter } from './terminal-safe-text.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './cli-io.js';

/** Mutable facts the error path needs, learnt as the run goes. */
interface RunState {
  json: boolean;
  apiKey: string | undefined;
  /** Whether stdout is gone (`EPIPE`): nothing more is written to it. */
  outputClosed: boolean;
}

const exitCodeOf = (outcome: StreamOutcome): number =>
  outcome === 'interrupted' ? EXIT_CODES.interrupted : EXIT_CODES.ok;

/** Text as the console shows it: reasoning dimmed on a terminal, set apart from the answer. */
const layOut = (event: CliEvent, text: string, layout: ReplyLayout): string =>
  event.type === 'reasoning-delta' ? layout.reasoning(text) : layout.text(text);

/**
 * Streams the completion to stdout (reasoning dimmed on a terminal, tool calls on stderr as
 * `→ name(arguments)`); a server's terminal controls never reach it.
 */
async function stream(
  options: CliOptions,
  target: CompletionTarget,
  prompt: string,
  io: CliIo,
  state: RunState,
): Promise<number> {
  if (io.signal?.aborted) return EXIT_CODES.interrupted;
  const secrets = [state.apiKey, io.env.OPENAI_API_KEY?.trim()];
  const onRetry = options.verbose
    ? (error: unknown, wait: RetryWait): void => {
        io.stderr.write(retryNotice(error, wait, options.retries, secrets));
      }
    : undefined;
  const events$ = completionEvents(options, prompt, target, onRetry).pipe(
    endWith<CliEvent>(DONE_EVENT),
  );
  const controls = new TerminalControlFilter();
  // Whether what was written so far ends a line (an object: the render callback updates it).
  const written = { endsWithNewline: true };
  const layout = new ReplyLayout(io.stdout.isTTY === true);
  const render = (event: CliEvent): string => {
    if (event.type === 'tool-call' && !options.json) {
      io.stderr.write(stripTerminalControls(toolCallLine(event)));
    }
    const rendered = renderEvent(event, options.json);
    const text = options.json ? rendered : layOut(event, controls.push(rendered), layout);
    if (text !== '') written.endsWithNewline = text.endsWith('\n');
    // On a terminal, the shell prompt goes on a line of its own; pipes get the exact reply.
    return event.type === 'done' && io.stdout.isTTY === true && !written.endsWithNewline
      ? '\n'
      : text;
  };
  const outcome = await streamToOutput(events$, io.stdout, render, io.signal);
  state.outputClosed = outcome === 'output-closed';
  // Stopped by Ctrl-C mid-line: the shell prompt still goes on a line of its own.
  if (outcome === 'interrupted' && io.stdout.isTTY === true && !written.endsWithNewline) {
    io.stdout.write('\n');
  }
  return exitCodeOf(outcome);
}

/** Runs `talk` against the endpoint: the remote one, or the loopback server started for it. */
async function complete(
  options: CliOptions,
  endpoint: CliEndpoint,
  state: RunState,
  io: CliIo,
  talk: (target: CompletionTarget) => Promise<number>,
): Promise<number> {
  const { provider, model } = endpoint;
  if (endpoint.kind === 'remote') {
    // The key comes from `io.env` or the key file only: `''` tells the provider to send none
    // rather than read `process.env` itself.
    return talk({ provider, model, baseURL: endpoint.baseURL, apiKey: state.apiKey ?? '' });
  }
  // Loaded only for --serve, on demand: the command line does not import the testing entry.
  const { startLoopbackServer } = await import('../testing/index.js');
  const server = await startLoopbackServer();
  try {
    if (options.verbose) io.stderr.write(`loopback server listening on ${server.url}\n`);
    const roots = { openai: '/v1', ollama: '/ollama', gemini: '/v1beta', anthropic: '', aivvm: '' };
    const baseURL = `${server.url}${roots[provider]}`;
    return await talk({ provider, model, baseURL, apiKey: state.apiKey ?? '' });
  } finally {
    await server.close();
  }
}

async function run(args: readonly string[], io: CliIo, state: RunState): Promise<number> {
  // `chat`, as the first argument, is the interactive chat: the options that follow apply.
  const chat = args[0] === 'chat';
  const command = parseCliArgs(chat ? args.slice(1) : args);
  if (command.kind === 'help') {
    io.stdout.write(helpText());
    return EXIT_CODES.ok;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${readPackageVersion()}\n`);
    return EXIT_CODES.ok;
  }
  const options = {
    ...command.options,
    responseFormat: await readJsonSchema(command.options.jsonSchemaFile),
  };
  state.json = options.json;
  const keyVariables = { anthropic: 'ANTHROPIC_API_KEY', gemini: 'GEMINI_API_KEY' } as const;
  const keyVariable =
    options.provider === 'anthropic' || options.provider === 'gemini'
      ? keyVariables[options.provider]
      : 'OPENAI_API_KEY';
  state.apiKey = await readApiKey(options.apiKeyFile, io.env, keyVariable);
  const endpoint = chooseEndpoint(options, state.apiKey);
  if (chat) {
    const secrets = [state.apiKey, io.env.OPENAI_API_KEY?.trim()];
    checkChatOptions(options);
    return complete(options, endpoint, state, io, (target) =>
      runChat({ options, target, io, secrets }),
    );
  }
  if (options.prompt === undefined && options.verbose) {
    io.stderr.write('reading the prompt from stdin, to its end\n');
  }
  const prompt = options.prompt ?? (await readStdin(io.stdin, io.signal));
  if (prompt.trim() === '') throw new UsageError('the prompt is empty');
  return complete(options, endpoint, state, io, (target) =>
    stream(options, target, prompt, io, state),
  );
}

/**
 * Runs the `rx-completions` command line: parses `args`, reads the key and the prompt, chooses
 * the endpoint (`--base-url`; the loopback server with `--serve`; OpenAI's API when a key is
 * given; else a usage error), streams the reply to `io.stdout` chunk by chunk, and returns the
 * exit code (see `--help` and {@link EXIT_CODES}). It never throws and never exits the
 * process: `main.ts` does that.
 *
 * - What a server sent is printed without its terminal controls (escape sequences, C0 but
 *   tab and line feed, C1), also when a sequence is split across chunks; `--json` escapes
 *   every control character instead.
 *
 * - Errors: one line on `io.stderr` (`error: <Type>: <message>`; stack and causes with
 *   `--verbose`), and with `--json` an `error` event on stdout too. The API key is never
 *   printed: errors do not carry it, and it is redacted from anything printed about one.
 * - `io.signal` (Ctrl-C): the request is unsubscribed, which aborts it; nothing more is
 *   written; the loopback server, if started, is closed; the exit code is 130.
 * - stdout closed by its reader (`EPIPE`): the request is aborted and the exit code is 0.
 *
 * @param args - the arguments, e.g. `process.argv.slice(2)`.
 * @param io - streams, environment and interrupt.
 * @returns the exit code.
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort());
 * process.exitCode = await runCli(process.argv.slice(2), {
 *   stdin: process.stdin, stdout: process.stdout, stderr: process.stderr,
 *   env: process.env, signal: controller.signal,
 * });
 * ```
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const state: RunState = { json: false, apiKey: undefined, outputClosed: false };
  try {
    return await run(args, io, state);
  } catch (error) {
    if (io.signal?.aborted) return EXIT_CODES.interrupted;
    const secrets = [state.apiKey, io.env.OPENAI_API_KEY?.trim(), io.env.ANTHROPIC_API_KEY?.trim()];
    const safe = redactError(error, createSecretRedactor(secrets));
    if (state.json && !state.outputClosed) {
      io.stdout.write(redactSecrets(renderEvent(errorEvent(safe), true), secrets));
    }
    const verbose = args.includes('--verbose');
    // A server's words are quoted in error messages: no terminal control of theirs is printed
    // (and a key it split with one is redacted once the controls are gone).
    const line = stripTerminalControls(formatError(safe, { verbose, secrets }));
    io.stderr.write(redactSecrets(line, secrets));
    return exitCodeFor(safe);
  }
}
