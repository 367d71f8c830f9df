import { median } from '../stats.js';
import { resultsOf } from './alternate.js';
import { ratios } from './workload-report.js';

/** One run of a throughput workload: units per wall-clock second and per CPU second. */
export interface RateRun {
  readonly rate: number;
  readonly cpuRate: number;
}

/** The medians and ratios of a throughput workload, by client. */
export interface RateFigures<C> {
  /** Median units per wall-clock second. */
  rate(client: C): number;
  /** Median units per CPU second of the client process. */
  cpuRate(client: C): number;
  /** Median of the per-round wall-clock ratios to `limit`. */
  ratio(client: C): number;
  /** Median of the per-round CPU-time ratios to `limit`. */
  cpuRatio(client: C): number;
}

/**
 * The figures of a throughput workload whose clients ran in `alternate` rounds.
 *
 * @param results - each client's runs, round by round.
 * @param limit - the client the ratios are to (bare http).
 * @returns the figures.
 */
export function rateFigures<C>(results: Map<C, RateRun[]>, limit: C): RateFigures<C> {
  const rates = (client: C) => resultsOf(results, client).map((run) => run.rate);
  const cpuRates = (client: C) => resultsOf(results, client).map((run) => run.cpuRate);
  return {
    rate: (client) => median(rates(client)),
    cpuRate: (client) => median(cpuRates(client)),
    ratio: (client) => median(ratios(rates(client), rates(limit), 'rate')),
    cpuRatio: (client) => median(ratios(cpuRates(client), cpuRates(limit), 'rate')),
  };
}
