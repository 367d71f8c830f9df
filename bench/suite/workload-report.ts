import type { BenchServer } from '../server/bench-server.js';
import type { BenchSizes } from '../bench-options.js';
import type { ChildOptions } from '../child/run-child.js';

/** Who a figure belongs to, as the table and the chart name them. */
export type ClientLabel =
  | 'bare http'
  | 'bare http + TextDecoder'
  | 'bare http + latin1 strings (the floor)'
  | 'axios stream + split + JSON.parse'
  | 'ours'
  | 'openai 6'
  | 'openai 7'
  | 'ai 6'
  | 'ai 7'
  | 'openai 6, break'
  | 'openai 7, break'
  | 'ai 6, break'
  | 'ai 7, break'
  | 'axios stream'
  | 'TextDecoder'
  | 'concat baseline'
  | 'smoothText'
  | 'bufferLines'
  | 'bufferSentences';

/** One line of the table: one client on one workload. */
export interface ResultRow {
  readonly client: ClientLabel;
  /** The median, formatted with its unit (`812,000 events/s`). */
  readonly figure: string;
  /**
   * The median of the per-round ratios to the bare limit by wall-clock time (1 = as fast as
   * bare http), if any.
   */
  readonly ratio: number | undefined;
  /**
   * The same by the CPU time of the client process: the stable figure on a shared machine
   * (another process's load lengthens the wall-clock time, not this process's CPU time).
   */
  readonly cpuRatio: number | undefined;
  /** More figures (`p99 0.41 ms`, `sockets left 0`). */
  readonly detail: string;
}

/** One goal (issue 17) and whether this run held it. */
export interface GoalCheck {
  readonly goal: string;
  readonly held: boolean;
  /** What was measured, in a few words. */
  readonly measured: string;
}

/** What one workload reports. */
export interface WorkloadReport {
  /** `1. Many small chunks`... */
  readonly title: string;
  /** What the figures are (`events/s, median of 5 rounds`). */
  readonly measure: string;
  readonly rows: readonly ResultRow[];
  readonly goals: readonly GoalCheck[];
}

/** What a workload needs to run. */
export interface WorkloadContext {
  readonly server: BenchServer;
  readonly sizes: BenchSizes;
  readonly child: ChildOptions;
  /** Prints a progress line (on stderr, so that stdout holds the table alone). */
  readonly progress: (line: string) => void;
}

/**
 * Formats a number with thousands separators and `digits` decimals.
 *
 * @param value - the number.
 * @param digits - decimals.
 * @returns the text (`1,234.5`).
 */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * The per-round ratios of `values` to `limits` (the same round's bare-http figure): `value /
 * limit` for a rate, `limit / value` for a time, so that 1 means as fast as the limit.
 *
 * @param values - the client's figure per round.
 * @param limits - bare http's figure per round.
 * @param kind - `rate` (higher is better) or `time` (lower is better).
 * @returns the ratios, round by round.
 */
export function ratios(
  values: readonly number[],
  limits: readonly number[],
  kind: 'rate' | 'time',
): number[] {
  return values.map((value, round) => {
    const limit = limits[round] ?? NaN;
    return kind === 'rate' ? value / limit : limit / value;
  });
}
