import { beforeAll, describe, expect, it } from 'vitest';

import type { LoopbackServer } from '../../lib/testing/index.js';
import { runCliProcess } from './support/cli-process.js';
import { useCliServer } from './support/use-cli-server.js';

const ESC = '\u001b';
const BEL = '\u0007';
/** Any character a terminal acts on, but tab and line feed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const loopback = useCliServer();
let server: LoopbackServer;
beforeAll(() => {
  server = loopback();
});

/** The first terminal control in `text`, shown escaped, for a failure message. */
function firstControl(text: string): string {
  const control = TERMINAL_CONTROL.exec(text)?.[0];
  return control === undefined
    ? 'none'
    : `U+${control.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

describe('rx-completions prints no terminal control a server sent', () => {
  it('strips escape sequences from a streamed reply, also when split across chunks', async () => {
    // A title change split over two chunks, a clear screen split inside its parameters,
    // fake colours, a C1 CSI and a carriage return that would overwrite the line.
    server.enqueue({
      chunks: [
        `Hello ${ESC}]0;pwned`,
        `${BEL}wor`,
        `ld${ESC}[2`,
        `J${ESC}[31m!${ESC}[0m`,
        '\u009b2J\r\n',
      ],
      delayMs: 30,
    });
    const run = await runCliProcess(['--base-url', server.url, 'Hi']);

    expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout, `control ${firstControl(run.stdout)} printed`).not.toMatch(TERMINAL_CONTROL);
    expect(run.stdout).toBe('Hello world!\n');
  });

  it('strips them from an error body quoted on stderr (and escapes them with --json)', async () => {
    const message = `Overloaded ${ESC}]0;pwned${BEL}${ESC}[2J${ESC}[1;31mcall +1-555${ESC}[0m\r`;
    // Raw, as a plain-text error page carries it (JSON would escape the controls itself).
    const script = {
      path: '/v1/chat/completions',
      status: 500,
      headers: { 'content-type': 'text/plain' },
      body: new TextEncoder().encode(message),
    } as const;
    server.enqueue(script, script);
    const args = ['--provider', 'openai', '--base-url', `${server.url}/v1`];

    const plain = await runCliProcess([...args, 'Hi']);
    expect(plain.code).toBe(4);
    expect(plain.stderr, `control ${firstControl(plain.stderr)} printed`).not.toMatch(
      TERMINAL_CONTROL,
    );
    expect(plain.stderr).toMatch(/^error: HttpStatusError: .* 500.*Overloaded call \+1-555/);

    const json = await runCliProcess([...args, '--json', 'Hi']);
    expect(json.code).toBe(4);
    expect(json.stdout, `control ${firstControl(json.stdout)} printed`).not.toMatch(
      TERMINAL_CONTROL,
    );
    expect(json.stderr).not.toMatch(TERMINAL_CONTROL);
    // The JSON keeps the server's words exactly, escaped.
    const event = JSON.parse(json.stdout) as { type: string; message: string };
    expect(event.type).toBe('error');
    expect(event.message).toContain(`${ESC}]0;pwned`);
  });

  it('escapes C1 controls in --json text deltas, which JSON.stringify leaves raw', async () => {
    server.enqueue({ chunks: ['a\u009b2J', `b${ESC}[H`] });
    const run = await runCliProcess(['--base-url', server.url, '--json', 'Hi']);

    expect(run.code).toBe(0);
    expect(run.stdout, `control ${firstControl(run.stdout)} printed`).not.toMatch(TERMINAL_CONTROL);
    const texts = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { text?: string })
      .map((event) => event.text ?? '');
    expect(texts.join('')).toBe(`a\u009b2Jb${ESC}[H`);
  });
});
