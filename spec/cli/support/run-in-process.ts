import { PassThrough, Writable } from 'node:stream';

import { runCli } from '../../../lib/cli/run-cli.js';

/** What an in-process run printed and returned. */
export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runInProcess}. */
export interface RunInProcessOptions {
  /** Ended stdin holding this text. @default '' */
  readonly stdin?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
}

/** A writable that keeps what it is given. */
export class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs {@link runCli} with in-memory streams. */
export async function runInProcess(
  args: readonly string[],
  options: RunInProcessOptions = {},
): Promise<InProcessRun> {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await runCli(args, {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
