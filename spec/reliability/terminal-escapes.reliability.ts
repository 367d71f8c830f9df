/**
 * The command line against a server that sends terminal escape sequences (a title change, a
 * clear screen, fake colours, C1 controls, a carriage return), in its streamed reply and in an
 * error body, split across chunks: nothing a terminal acts on reaches stdout or stderr, in plain
 * or `--json` output. The CLI runs as a child process, as a user runs it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess } from '../cli/support/cli-process.js';
import { useCliServer } from '../cli/support/use-cli-server.js';

const ESC = '\u001b';
const BEL = '\u0007';
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const HOSTILE = [`${ESC}]2;owned${BEL}`, `${ESC}[2J`, `${ESC}[H`, `${ESC}[1;31m`, '\u009b0m', '\r'];

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

describe('terminal escapes from a hostile server', () => {
  it.each([[[]], [['--json']]] as const)(
    'prints none of them from a reply split at every sequence (%j)',
    async (flags) => {
      server.enqueue({
        path: '/v1/chat/completions',
        chunks: ['data: {"choices":[{"delta":{"content":"safe '].concat(
          HOSTILE.map(
            (sequence) =>
              `"}}]}\n\ndata: {"choices":[{"delta":{"content":${JSON.stringify(sequence)}}}]}\n\ndata: {"choices":[{"delta":{"content":"`,
          ),
          ['text"}}]}\n\ndata: [DONE]\n\n'],
        ),
        headers: { 'content-type': 'text/event-stream' },
      });
      const run = await runCliProcess([
        '--provider',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        ...flags,
        'Hi',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
      expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
      if (flags.length === 0) expect(run.stdout).toBe('safe text');
    },
  );

  it('prints none of them from an error body, plain and --json', async () => {
    const body = new TextEncoder().encode(`Busy ${HOSTILE.join('')} now`);
    const script = {
      path: '/v1/chat/completions',
      status: 503,
      headers: { 'content-type': 'text/plain' },
      body,
    } as const;
    server.enqueue(script, script);
    for (const flags of [[], ['--json']]) {
      const run = await runCliProcess([
        '--provider',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        ...flags,
        'Hi',
      ]);
      expect(run.code).toBe(4);
      expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
      expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
    }
  });
});
