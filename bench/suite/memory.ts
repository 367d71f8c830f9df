import type { ChildResults } from '../child/child-task.js';
import { runChild } from '../child/run-child.js';
import type { BodyClientName } from '../clients/chat-client.js';
import { BLOCK_SIZE } from '../server/plain-text-block.js';
import { median } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { BODY_CLIENT_LABELS } from './client-labels.js';
import { formatNumber, type WorkloadContext, type WorkloadReport } from './workload-report.js';

const CLIENTS: readonly BodyClientName[] = ['bare-http', 'ours-aivvm'];
const MIB = 1024 * 1024;

/**
 * Workload 4: peak RSS while streaming the memory body through `Aivvm` (and bare http, for
 * reference), nothing kept; RSS before, at the peak and after, medians of the runs.
 *
 * Goal: ours grows the RSS by less than 64 MiB.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function memory(context: WorkloadContext): Promise<WorkloadReport> {
  const { memoryBytes: bytes, memoryRounds: rounds } = context.sizes;
  const textLength = (bytes / BLOCK_SIZE) * context.server.blockTextLength;
  const results = await alternate(rounds, CLIENTS, async (client, round) => {
    const figures = await runChild(
      {
        kind: 'memory',
        client,
        server: context.server.url,
        expectedLength: client === 'ours-aivvm' ? textLength : bytes,
      },
      context.child,
    );
    context.progress(
      `memory, round ${round + 1}: ${client} peak +${((figures.rssPeak - figures.rssBefore) / MIB).toFixed(1)} MiB`,
    );
    return figures;
  });
  const mib = (client: BodyClientName, pick: (run: ChildResults['memory']) => number) =>
    median(resultsOf(results, client).map(pick)) / MIB;
  const growth = mib('ours-aivvm', (run) => run.rssPeak - run.rssBefore);
  return {
    title: '4. Memory',
    measure: `${formatNumber(bytes / MIB)} MiB streamed, nothing kept; RSS in MiB, median of ${rounds} runs`,
    rows: CLIENTS.map((client) => ({
      client: BODY_CLIENT_LABELS[client],
      figure: `peak +${mib(client, (run) => run.rssPeak - run.rssBefore).toFixed(1)} MiB`,
      ratio: undefined,
      detail:
        `before ${mib(client, (run) => run.rssBefore).toFixed(0)}, ` +
        `peak ${mib(client, (run) => run.rssPeak).toFixed(0)}, ` +
        `after ${mib(client, (run) => run.rssAfter).toFixed(0)} MiB, ` +
        `${formatNumber(median(resultsOf(results, client).map((run) => bytes / 1e6 / run.seconds)))} MB/s`,
    })),
    goals: [
      {
        goal: 'Memory: peak RSS growth < 64 MiB',
        held: growth < 64,
        measured: `+${growth.toFixed(1)} MiB for ${formatNumber(bytes / MIB)} MiB`,
      },
    ],
  };
}
