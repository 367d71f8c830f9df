import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { runCli } from '../../lib/cli/run-cli.js';
import { dimmed, ReplyLayout, toolCallLine } from '../../lib/cli/reply-layout.js';
import type { ReplyScript } from '../../lib/testing/index.js';
import { runInProcess, TextSink } from './support/run-in-process.js';
import { useCliServer } from './support/use-cli-server.js';

const server = useCliServer();

const SCRIPT: ReplyScript = {
  path: '/v1/chat/completions',
  reasoning: 'The user wants the weather; call the tool.',
  text: 'Let me check.',
  toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
  argumentsChunkSize: 4,
};
const args = (): string[] => [
  '--provider',
  'openai',
  '--base-url',
  `${server().url}/v1`,
  'Weather?',
];

/** A sink that says it is a terminal. */
class TerminalSink extends TextSink {
  readonly isTTY = true;
}

describe('the reply layout', () => {
  it('dims with SGR 2 and ends with SGR 22 (normal intensity)', () => {
    expect(dimmed('thinking')).toBe('\x1b[2mthinking\x1b[22m');
    expect(dimmed('')).toBe('');
  });

  it('dims reasoning on a terminal and sets the answer apart by a blank line', () => {
    const layout = new ReplyLayout(true);
    expect([
      layout.reasoning('Hm, '),
      layout.reasoning('yes.'),
      layout.text('A'),
      layout.text('B'),
    ]).toEqual(['\x1b[2mHm, \x1b[22m', '\x1b[2myes.\x1b[22m', '\n\nA', 'B']);
  });

  it('prints reasoning plain elsewhere, and text without reasoning as it is', () => {
    const layout = new ReplyLayout(false);
    expect([layout.text('A'), layout.reasoning('Hm.'), layout.text(''), layout.text('B')]).toEqual([
      'A',
      'Hm.',
      '',
      '\n\nB',
    ]);
  });

  it('writes a tool call as → name(arguments)', () => {
    const call = {
      type: 'tool-call',
      index: 0,
      id: 'c',
      name: 'f',
      arguments: '{"a":1}',
      input: { a: 1 },
    } as const;
    expect(toolCallLine(call)).toBe('→ f({"a":1})\n');
  });
});

describe('rx-completions with reasoning and tool calls', () => {
  it('prints reasoning plain to a pipe, then the answer, and the tool call on stderr', async () => {
    server().enqueue(SCRIPT);
    const run = await runInProcess(args());
    expect(run).toEqual({
      code: 0,
      stdout: 'The user wants the weather; call the tool.\n\nLet me check.',
      stderr: '→ get_weather({"city":"Paris"})\n',
    });
  });

  it('dims the reasoning on a terminal, without letting the server style it', async () => {
    server().enqueue({ ...SCRIPT, reasoning: 'Think \x1b[31mred\x1b[0m.', toolCalls: [] });
    const stdout = new TerminalSink();
    const stderr = new TextSink();
    const stdin = new PassThrough();
    stdin.end('');
    const code = await runCli(args(), { stdin, stdout, stderr, env: {} });
    expect(code).toBe(0);
    expect(stdout.text).toBe('\x1b[2mThink \x1b[22m\x1b[2mred.\x1b[22m\n\nLet me check.\n');
    expect(stderr.text).toBe('');
  });

  it('keeps reasoning and calls as events with --json', async () => {
    server().enqueue(SCRIPT);
    const run = await runInProcess([...args(), '--json']);
    const types = run.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toContain('reasoning-delta');
    expect(types.indexOf('tool-call')).toBeLessThan(types.indexOf('finish'));
    expect(run.stderr).toBe('');
  });
});
