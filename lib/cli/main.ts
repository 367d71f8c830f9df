#!/usr/bin/env node
/**
 * The `rx-completions` bin: wires {@link runCli} to the process — its arguments, streams and
 * environment, Ctrl-C, and the exit code. Everything else is in `run-cli.ts`.
 *
 * The first Ctrl-C (SIGINT) aborts the run, which ends by itself with exit code 130 once the
 * request and the loopback server are closed; a second one, should that ever hang, exits at
 * once. The process is never exited while output may still be pending: it ends when its event
 * loop is empty, with `process.exitCode` set.
 *
 * @example
 * ```sh
 * npx rx-completions "Hello, world!"
 * npm run cli -- --provider openai --json "Hello"
 * ```
 *
 * @packageDocumentation
 */
import process from 'node:process';

import { EXIT_CODES } from './exit-codes.js';
import { runCli } from './run-cli.js';

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort(new Error('interrupted (SIGINT)'));
  process.once('SIGINT', () => process.exit(EXIT_CODES.interrupted));
});

process.exitCode = await runCli(process.argv.slice(2), {
  // A getter: `process.stdin` is only created (and its handle opened) when a prompt is read.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
});
