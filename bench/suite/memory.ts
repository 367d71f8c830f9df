import type { ChildResults } from '../child/child-task.js';
import { runChild } from '../child/run-child.js';
import type { PeerName } from '../clients/chat-client.js';
import { BLOCK_SIZE } from '../server/plain-text-block.js';
import { median } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { BODY_CLIENT_LABELS, CHAT_CLIENT_LABELS } from './client-labels.js';
import { formatNumber, type WorkloadContext, type WorkloadReport } from './workload-report.js';
import type { ClientLabel } from './workload-report.js';

const MIB = 1024 * 1024;

/** The memory rows: bodies through bare http and `Aivvm`, SSE replies through ours and the peers. */
type MemoryClient = 'bare-http' | 'ours-aivvm' | 'ours' | PeerName;

function labelOf(client: MemoryClient): ClientLabel {
  return client === 'bare-http' || client === 'ours-aivvm'
    ? BODY_CLIENT_LABELS[client]
    : CHAT_CLIENT_LABELS[client];
}

/**
 * Workload 4: peak RSS while streaming `memoryBytes`, nothing kept: the Aivvm plain-text body
 * through bare http and `Aivvm`, and an SSE reply of about the same size (events of 1,000
 * characters) through ours (`OpenAICompatible`) and the peers. RSS before, at the peak and
 * after, medians of the runs.
 *
 * Goal: ours grows the RSS by no more than bare http does, with 16 MiB of slack (the heap's
 * young generation).
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function memory(context: WorkloadContext): Promise<WorkloadReport> {
  const CLIENTS: readonly MemoryClient[] = [
    'bare-http',
    'ours-aivvm',
    'ours',
    ...context.sizes.peers,
  ];
  const { memoryBytes: bytes, memoryRounds: rounds } = context.sizes;
  const textLength = (bytes / BLOCK_SIZE) * context.server.blockTextLength;
  const results = await alternate(rounds, CLIENTS, async (client, round) => {
    const figures =
      client === 'bare-http' || client === 'ours-aivvm'
        ? await runChild(
            {
              kind: 'memory',
              client,
              server: context.server.url,
              expectedLength: client === 'ours-aivvm' ? textLength : bytes,
            },
            context.child,
          )
        : await runChild(
            {
              kind: 'chat-memory',
              client,
              server: context.server.url,
              expectedLength: context.server.hugeTextLength,
            },
            context.child,
          );
    context.progress(
      `memory, round ${round + 1}: ${client} peak +${((figures.rssPeak - figures.rssBefore) / MIB).toFixed(1)} MiB`,
    );
    return figures;
  });
  const mib = (client: MemoryClient, pick: (run: ChildResults['memory']) => number) =>
    median(resultsOf(results, client).map(pick)) / MIB;
  const growth = (client: MemoryClient) => mib(client, (run) => run.rssPeak - run.rssBefore);
  const worst = Math.max(growth('ours-aivvm'), growth('ours'));
  return {
    title: '4. Memory',
    measure: `${formatNumber(bytes / MIB)} MiB streamed, nothing kept; RSS in MiB, median of ${rounds} runs`,
    rows: CLIENTS.map((client) => ({
      client: labelOf(client),
      figure: `peak +${growth(client).toFixed(1)} MiB`,
      ratio: undefined,
      cpuRatio: undefined,
      detail:
        (client === 'ours-aivvm' ? 'Aivvm, ' : client === 'bare-http' ? '' : 'SSE, ') +
        `before ${mib(client, (run) => run.rssBefore).toFixed(0)}, ` +
        `peak ${mib(client, (run) => run.rssPeak).toFixed(0)}, ` +
        `after ${mib(client, (run) => run.rssAfter).toFixed(0)} MiB; ` +
        `${formatNumber(median(resultsOf(results, client).map((run) => bytes / 1e6 / run.seconds)))} MB/s, ` +
        `CPU ${median(resultsOf(results, client).map((run) => run.cpuSeconds)).toFixed(2)} s`,
    })),
    goals: [
      {
        goal: 'Memory: ours grows the RSS no more than bare http (+16 MiB)',
        held: worst <= growth('bare-http') + 16,
        measured: `Aivvm +${growth('ours-aivvm').toFixed(1)}, SSE +${growth('ours').toFixed(1)}, bare http +${growth('bare-http').toFixed(1)} MiB`,
      },
    ],
  };
}
