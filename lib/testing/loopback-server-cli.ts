#!/usr/bin/env node
/**
 * The loopback server from the command line (`rx-completions-server`, `npm run server`):
 * starts it, prints its URL, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM. With
 * `--upstream`, `/api/chat` forwards to a real OpenAI-compatible server (a local Ollama, say).
 *
 * @example
 * ```sh
 * npx tsx lib/testing/loopback-server-cli.ts --port 8080
 * curl -N http://127.0.0.1:8080/api/chat -H 'content-type: application/json' \
 *   -d '{"model":{"id":"gpt-4","name":"GPT-4"},"messages":[{"role":"user","content":"Hi"}],"key":"","prompt":"","temperature":0.7}'
 * npx tsx lib/testing/loopback-server-cli.ts --upstream http://127.0.0.1:11434/v1
 * ```
 *
 * @packageDocumentation
 */
import { parseArgs } from 'node:util';

import type { LoopbackUpstream } from './loopback-server-options.js';
import { startLoopbackServer } from './loopback-server.js';

const USAGE = `Usage: rx-completions-server [--port <n>] [--host <address>] [--delay-ms <ms>]
                             [--api-key <key>] [--upstream <baseURL>]

Serves, until Ctrl-C, the OpenAI protocol (POST /v1/chat/completions, GET /v1/models) with a
deterministic markdown reply streamed word by word, and the Aivvm protocol (POST /api/chat)
as chat.aivvm.com's chatbot-ui did: forwarded to an OpenAI-compatible upstream (by default
this server's own /v1) and streamed back as plain text.

Options:
  --port <n>            port to listen on; 0 picks a free one (default 0)
  --host <address>      interface to bind (default 127.0.0.1)
  --delay-ms <ms>       milliseconds between two writes of a reply (default 15)
  --api-key <key>       key /v1/* requires as "Authorization: Bearer <key>" (default none)
  --upstream <baseURL>  where /api/chat forwards, e.g. http://127.0.0.1:11434/v1; its key,
                        if any, comes from the UPSTREAM_API_KEY environment variable
  -h, --help            print this help and exit
`;

/** Parses a non-negative integer option no larger than `max`, or explains why not. */
function parseCount(name: string, value: string, max: number): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(parsed <= max))
    throw new Error(`--${name} must be an integer from 0 to ${max}, got "${value}"`);
  return parsed;
}

/** The upstream option for `--upstream`, its key from `UPSTREAM_API_KEY` (never argv). */
function upstreamOf(baseURL: string): LoopbackUpstream {
  const apiKey = process.env.UPSTREAM_API_KEY;
  return apiKey === undefined || apiKey === '' ? { baseURL } : { baseURL, apiKey };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'delay-ms': { type: 'string', default: '15' },
      'api-key': { type: 'string' },
      upstream: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startLoopbackServer({
    host: values.host,
    port: parseCount('port', values.port, 65_535),
    delayMs: parseCount('delay-ms', values['delay-ms'], 60_000),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    ...(values.upstream === undefined ? {} : { upstream: upstreamOf(values.upstream) }),
  });
  const stop = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${signal}: stopping\n`);
    server.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(
    `Loopback server listening on ${server.url} (POST /api/chat, POST /v1/chat/completions,` +
      ` GET /v1/models); Ctrl-C to stop\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exitCode = 2;
});
