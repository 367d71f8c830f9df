import { fileURLToPath } from 'node:url';
import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { within } from './cli-process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every CLI started in a pseudo-terminal that has not exited yet. */
const running = new Set<IPty>();

/** The CLI running in a pseudo-terminal: stdin, stdout and stderr are its terminal. */
export interface PtyCli {
  /** Types `text` (`\r` is Enter, `\x03` Ctrl-C, `\x04` Ctrl-D). */
  type(text: string): void;
  /** What the terminal showed so far, without escape sequences and with `\r\n` as `\n`. */
  screen(): string;
  /**
   * Resolves once `text` has been shown after position `from` of {@link screen}, with the
   * position just after it; rejects after `ms`.
   */
  waitFor(text: string, from?: number, ms?: number): Promise<number>;
  /** Resolves with the exit code once the CLI has exited; rejects after `ms`. */
  exit(ms?: number): Promise<number>;
}

/**
 * Runs `lib/cli/main.ts` with tsx in a pseudo-terminal (node-pty), so that stdin and stdout
 * are a TTY and Ctrl-C is a key read by the CLI, as in a terminal emulator.
 */
export function startPtyCli(args: readonly string[]): PtyCli {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'OPENAI_API_KEY') env[name] = value;
  }
  const pty = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], {
    name: 'xterm-256color',
    cols: 200,
    rows: 50,
    cwd: ROOT,
    env: { ...env, TERM: 'xterm-256color' },
  });
  running.add(pty);
  let raw = '';
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    raw += data;
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode }) => {
      running.delete(pty);
      resolve(exitCode);
    });
  });
  const screen = (): string => stripVTControlCharacters(raw).replace(/\r\n/g, '\n');
  return {
    type: (text) => {
      pty.write(text);
    },
    screen,
    waitFor: (text, from = 0, ms = 10_000) => {
      const found = (): number => {
        const index = screen().indexOf(text, from);
        return index === -1 ? -1 : index + text.length;
      };
      const seen = new Promise<number>((resolve) => {
        const check = (): void => {
          const end = found();
          if (end === -1) return;
          waiters.delete(check);
          resolve(end);
        };
        waiters.add(check);
        check();
      });
      return within(seen, ms, `${JSON.stringify(text)} on the terminal; it shows:\n${screen()}`);
    },
    exit: (ms = 10_000) => within(exited, ms, 'the CLI to exit'),
  };
}

/** Kills every CLI still running in a pseudo-terminal (after a failed test). */
export function killPtyClis(): void {
  for (const pty of running) pty.kill();
  running.clear();
}
