import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Repeats } from './child/best-run.js';
import type { PeerName } from './clients/chat-client.js';

const MIB = 1024 * 1024;

/** The sizes of one run: the full one (issues 9 and 17), or the quick one CI executes. */
export interface BenchSizes {
  /** Rounds of the many-small-chunks workload (the peers take seconds per run there). */
  readonly chunkRounds: number;
  /** Rounds of the big-body workload. */
  readonly rounds: number;
  /** Runs of the long SSE stream in one child: the fastest counts. */
  readonly chunkRepeats: Repeats;
  /** Runs of the big body in one child: the fastest counts. */
  readonly repeats: Repeats;
  /** Rounds of the latency workloads (first chunk, cancellation). */
  readonly latencyRounds: number;
  /** Rounds of the memory workload. */
  readonly memoryRounds: number;
  /** SSE events of the many-small-chunks stream. */
  readonly events: number;
  /** Bytes of the big Aivvm body. */
  readonly bigBodyBytes: number;
  /** Sequential short completions per first-chunk run (after the warm-up ones). */
  readonly completions: number;
  /**
   * Short completions before those, unmeasured: enough for V8 to have optimised every
   * client's request path, so that the figure is the steady state, not compilation.
   */
  readonly firstChunkWarmUp: number;
  /** Bytes streamed through Aivvm for the memory workload. */
  readonly memoryBytes: number;
  /** Subscribe → first chunk → unsubscribe cycles per cancellation run. */
  readonly cycles: number;
  /** Rounds of the decode benchmark (`benchDecode(rounds)`). */
  readonly decodeRounds: number;
  /** Rounds of the concurrency workload. */
  readonly concurrencyRounds: number;
  /** Runs of the concurrency workload in one child: the fastest counts. */
  readonly concurrencyRepeats: Repeats;
  /** Streams at once in the concurrency workload. */
  readonly concurrentStreams: number;
  /** Content events of each of those streams. */
  readonly concurrentEvents: number;
  /** The peers measured: every major in a full run, the current ones in a quick one. */
  readonly peers: readonly PeerName[];
}

/** What the command line asked for. */
export interface BenchOptions {
  /** `--quick`: small sizes, one or two rounds, the current peers only; every workload runs. */
  readonly quick: boolean;
  /** Where `RESULTS.md` and `results.svg` go: `bench/` for a full run, a temp folder for `--quick`. */
  readonly outDir: string;
  /** `--cpu-prof`: each child writes a V8 CPU profile to this folder (`--cpu-prof-dir`). */
  readonly cpuProfDir: string | undefined;
  /** `--only=a,b`: run only these workloads (for profiling); every one by default. */
  readonly only: readonly string[] | undefined;
  /** The sizes. */
  readonly sizes: BenchSizes;
  /** The command, as RESULTS.md reports it. */
  readonly command: string;
}

// Five rounds where two or three were: the host is shared, and its speed can change by half
// from one child to the next (by CPU time too), so a ratio needs the median of several rounds.
const FULL: BenchSizes = {
  chunkRounds: 5,
  rounds: 5,
  chunkRepeats: { runs: 5, budgetSeconds: 3 },
  repeats: { runs: 5, budgetSeconds: 2 },
  latencyRounds: 5,
  memoryRounds: 1,
  events: 200_000,
  bigBodyBytes: 256 * MIB,
  completions: 1000,
  firstChunkWarmUp: 1000,
  memoryBytes: 256 * MIB,
  cycles: 1000,
  decodeRounds: 9,
  concurrencyRounds: 5,
  concurrencyRepeats: { runs: 2, budgetSeconds: 4 },
  concurrentStreams: 500,
  concurrentEvents: 2000,
  peers: ['openai-6', 'openai-7', 'ai-6', 'ai-7'],
};

const QUICK: BenchSizes = {
  chunkRounds: 1,
  rounds: 1,
  chunkRepeats: { runs: 1, budgetSeconds: 1 },
  repeats: { runs: 1, budgetSeconds: 1 },
  latencyRounds: 1,
  memoryRounds: 1,
  events: 10_000,
  bigBodyBytes: 32 * MIB,
  completions: 50,
  firstChunkWarmUp: 100,
  memoryBytes: 16 * MIB,
  cycles: 50,
  decodeRounds: 2,
  concurrencyRounds: 1,
  concurrencyRepeats: { runs: 1, budgetSeconds: 1 },
  concurrentStreams: 50,
  concurrentEvents: 200,
  peers: ['openai-7', 'ai-7'],
};

function valueOf(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

/**
 * Reads the command line: `--quick`, `--out=DIR`, `--cpu-prof[=DIR]`, `--only=W1,W2`.
 *
 * @param args - the arguments after the script (`process.argv.slice(2)`).
 * @returns the options, sizes included.
 * @throws Error naming an unknown argument.
 */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const known = /^--(quick|out=.+|cpu-prof(=.+)?|only=.+)$/;
  const unknown = args.find((arg) => !known.test(arg));
  if (unknown !== undefined) {
    throw new Error(
      `unknown argument ${unknown}: use --quick, --out=DIR, --cpu-prof[=DIR], --only=a,b`,
    );
  }
  const quick = args.includes('--quick');
  const benchDir = fileURLToPath(new URL('.', import.meta.url));
  const cpuProf = args.find((arg) => arg.startsWith('--cpu-prof'));
  return {
    quick,
    outDir: valueOf(args, 'out') ?? (quick ? join(tmpdir(), 'rx-completions-bench') : benchDir),
    cpuProfDir:
      cpuProf === undefined
        ? undefined
        : (valueOf(args, 'cpu-prof') ?? join(tmpdir(), 'rx-completions-bench-profiles')),
    only: valueOf(args, 'only')?.split(','),
    sizes: quick ? QUICK : FULL,
    command: `npm run ${quick ? 'bench:quick' : 'bench'}${args.length > (quick ? 1 : 0) ? ` -- ${args.filter((a) => a !== '--quick').join(' ')}` : ''}`,
  };
}
