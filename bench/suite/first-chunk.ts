import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { median, quantile } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { CHAT_CLIENT_LABELS } from './client-labels.js';
import { ratios, type WorkloadContext, type WorkloadReport } from './workload-report.js';

const CLIENTS: readonly ChatClientName[] = ['bare-http', 'ours', 'openai', 'ai'];

interface RunFigures {
  readonly median: number;
  readonly p99: number;
}

/**
 * Workload 3: sequential short completions on a keep-alive connection; the time from the call
 * to the first delta, median and p99 per run, then the median of the runs.
 *
 * Goal: ours within 0.2 ms of bare http's median, and ahead of both peers.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function firstChunk(context: WorkloadContext): Promise<WorkloadReport> {
  const { completions, latencyRounds: rounds } = context.sizes;
  const results = await alternate(rounds, CLIENTS, async (client, round): Promise<RunFigures> => {
    const { samples } = await runChild(
      { kind: 'first-chunk', client, server: context.server.url, warmUp: 100, completions },
      context.child,
    );
    const figures = { median: median(samples), p99: quantile(samples, 0.99) };
    context.progress(
      `first chunk, round ${round + 1}: ${client} median ${figures.median.toFixed(3)} ms, p99 ${figures.p99.toFixed(3)} ms`,
    );
    return figures;
  });
  const medians = (client: ChatClientName) => resultsOf(results, client).map((run) => run.median);
  const medianOf = (client: ChatClientName) => median(medians(client));
  const bare = medians('bare-http');
  const gap = median(medians('ours').map((value, round) => value - (bare[round] ?? NaN)));
  return {
    title: '3. Time to first chunk',
    measure: `${completions} sequential short completions after 100 to warm up, keep-alive; ms, median of ${rounds} runs`,
    rows: CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: `${medianOf(client).toFixed(3)} ms`,
      ratio: median(ratios(medians(client), bare, 'time')),
      detail: `p99 ${median(resultsOf(results, client).map((run) => run.p99)).toFixed(3)} ms`,
    })),
    goals: [
      {
        goal: "First chunk: ours within 0.2 ms of bare http's median",
        held: gap <= 0.2,
        measured: `+${gap.toFixed(3)} ms`,
      },
      {
        goal: 'First chunk: ours ahead of openai and ai',
        held: medianOf('ours') < medianOf('openai') && medianOf('ours') < medianOf('ai'),
        measured: `ours ${medianOf('ours').toFixed(3)}, openai ${medianOf('openai').toFixed(3)}, ai ${medianOf('ai').toFixed(3)} ms`,
      },
    ],
  };
}
