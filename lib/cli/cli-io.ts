import type { CliEnvironment } from './read-api-key.js';
import type { StdinStream } from './read-stdin.js';
import type { CliOutput } from './stream-to-output.js';

/**
 * What the CLI runs with: its streams, its environment and its interrupt, injectable so that
 * tests can run it in-process.
 */
export interface CliIo {
  /** Where the prompt is read from when no argument gives it (read only then). */
  readonly stdin: StdinStream;
  /** Where the reply goes. */
  readonly stdout: CliOutput;
  /** Where errors (and, with `--verbose`, diagnostics) go. */
  readonly stderr: NodeJS.WritableStream;
  /** Where `OPENAI_API_KEY` is read from. */
  readonly env: CliEnvironment;
  /** Ctrl-C: aborts whatever runs (reading stdin, the request) and ends with exit code 130. */
  readonly signal?: AbortSignal;
}
