import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every CLI process a test started and that has not exited yet. */
const running = new Set<ChildProcessWithoutNullStreams>();

/** One `data` event of the child's stdout, and when it came (`performance.now()`). */
export interface OutputChunk {
  readonly text: string;
  readonly at: number;
}

/** How the child ended. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly chunks: readonly OutputChunk[];
}

/** A running CLI process and what it printed so far. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every stdout `data` event so far, in order. */
  readonly chunks: readonly OutputChunk[];
  stdout(): string;
  stderr(): string;
  /** Resolves at the first stdout `data` event (rejects after `ms`). */
  firstOutput(ms?: number): Promise<void>;
  /** Resolves when the process has exited and its streams are drained (rejects after `ms`). */
  exit(ms?: number): Promise<CliExit>;
}

/** Options of {@link startCli}. */
export interface StartCliOptions {
  /** Written to stdin, then stdin is ended; `null` leaves stdin open. @default '' */
  readonly stdin?: string | null;
  /** Extra environment variables (`OPENAI_API_KEY` is removed unless given here). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Rejects with a message naming `what` when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
  return Promise.race([promise, deadline]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Runs `lib/cli/main.ts` with tsx inside one node process (`npx` would not forward SIGINT),
 * from the repository root, with stdout and stderr as pipes.
 */
export function startCli(args: readonly string[], options: StartCliOptions = {}): CliProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.env?.OPENAI_API_KEY === undefined) delete env.OPENAI_API_KEY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
  });
  running.add(child);
  const chunks: OutputChunk[] = [];
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (text: string) => chunks.push({ text, at: performance.now() }));
  child.stderr.on('data', (text: string) => (stderr += text));
  const stdin = options.stdin === undefined ? '' : options.stdin;
  if (stdin !== null) child.stdin.end(stdin);
  const closed = once(child, 'close').then(([code, signal]) => {
    running.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const stdout = (): string => chunks.map((chunk) => chunk.text).join('');
  return {
    child,
    chunks,
    stdout,
    stderr: () => stderr,
    firstOutput: (ms = 10_000) =>
      within(
        once(child.stdout, 'data').then(() => undefined),
        ms,
        'the first output',
      ),
    exit: async (ms = 15_000) => {
      const { code, signal } = await within(closed, ms, `the exit of cli ${args.join(' ')}`);
      return { code, signal, stdout: stdout(), stderr, chunks: [...chunks] };
    },
  };
}

/** Runs the CLI to its end. */
export function runCliProcess(
  args: readonly string[],
  options: StartCliOptions = {},
): Promise<CliExit> {
  return startCli(args, options).exit();
}

/** Kills whatever a failed test left running (for `afterEach`). */
export function killRunningClis(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
