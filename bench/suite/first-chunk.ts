import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { median, quantile } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { CHAT_CLIENT_LABELS, chatClients } from './client-labels.js';
import {
  formatNumber,
  ratios,
  type WorkloadContext,
  type WorkloadReport,
} from './workload-report.js';

interface RunFigures {
  readonly median: number;
  readonly p99: number;
  /** CPU ms of the client process per completion. */
  readonly cpuMs: number;
}

/**
 * Workload 3: sequential short completions on a keep-alive connection; the time from the call
 * to the first delta, median and p99 per run, then the median of the runs; and the client's
 * CPU time per completion.
 *
 * Goals: ours within 0.3 ms of bare http's median, and ahead of every peer.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function firstChunk(context: WorkloadContext): Promise<WorkloadReport> {
  const PEERS = context.sizes.peers;
  const CHAT_CLIENTS = chatClients(PEERS);
  const { completions, firstChunkWarmUp: warmUp, latencyRounds: rounds } = context.sizes;
  const results = await alternate(
    rounds,
    CHAT_CLIENTS,
    async (client, round): Promise<RunFigures> => {
      const { samples, cpuSeconds } = await runChild(
        { kind: 'first-chunk', client, server: context.server.url, warmUp, completions },
        context.child,
      );
      const figures = {
        median: median(samples),
        p99: quantile(samples, 0.99),
        cpuMs: (1000 * cpuSeconds) / completions,
      };
      context.progress(
        `first chunk, round ${round + 1}: ${client} median ${figures.median.toFixed(3)} ms, p99 ${figures.p99.toFixed(3)} ms, CPU ${figures.cpuMs.toFixed(3)} ms`,
      );
      return figures;
    },
  );
  const medians = (client: ChatClientName) => resultsOf(results, client).map((run) => run.median);
  const cpus = (client: ChatClientName) => resultsOf(results, client).map((run) => run.cpuMs);
  const medianOf = (client: ChatClientName) => median(medians(client));
  const bare = medians('bare-http');
  const gapOf = (client: ChatClientName) =>
    median(medians(client).map((value, round) => value - (bare[round] ?? NaN)));
  const gap = gapOf('ours');
  const axiosGap = gapOf('axios-sse');
  const ours = medianOf('ours');
  return {
    title: '3. Time to first chunk',
    measure: `${formatNumber(completions)} sequential short completions after ${formatNumber(warmUp)} to warm up (V8's optimised steady state), keep-alive; ms, median of ${rounds} runs`,
    rows: CHAT_CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: `${medianOf(client).toFixed(3)} ms`,
      ratio: median(ratios(medians(client), bare, 'time')),
      cpuRatio: median(ratios(cpus(client), cpus('bare-http'), 'time')),
      detail: `p99 ${median(resultsOf(results, client).map((run) => run.p99)).toFixed(3)} ms; client CPU ${median(cpus(client)).toFixed(3)} ms per completion`,
    })),
    goals: [
      {
        goal: "First chunk: ours within 0.3 ms of bare http's median",
        held: gap <= 0.3,
        measured: `+${gap.toFixed(3)} ms; axios + split + JSON.parse ${axiosGap >= 0 ? '+' : ''}${axiosGap.toFixed(3)} ms`,
      },
      {
        goal: 'First chunk: ours ahead of every peer',
        held: PEERS.every((peer) => ours < medianOf(peer)),
        measured: `ours ${ours.toFixed(3)}; ${PEERS.map((peer) => `${peer} ${medianOf(peer).toFixed(3)}`).join(', ')} ms`,
      },
    ],
  };
}
