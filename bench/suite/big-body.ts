import { runChild } from '../child/run-child.js';
import type { BodyClientName } from '../clients/chat-client.js';
import { BLOCK_SIZE } from '../server/plain-text-block.js';
import { median } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { BODY_CLIENT_LABELS } from './client-labels.js';
import {
  formatNumber,
  ratios,
  type WorkloadContext,
  type WorkloadReport,
} from './workload-report.js';

const CLIENTS: readonly BodyClientName[] = ['bare-http', 'bare-http-text', 'axios', 'ours-aivvm'];
const MIB = 1024 * 1024;

/**
 * Workload 2: the Aivvm plain-text body in 64 KiB writes; MB/s (10^6 bytes per second) of bare
 * http, an axios stream, and ours (`Aivvm`, through `decodeText`).
 *
 * Goal: ours at least 0.9 of bare http.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function bigBody(context: WorkloadContext): Promise<WorkloadReport> {
  const { bigBodyBytes: bytes, rounds } = context.sizes;
  const textLength = (bytes / BLOCK_SIZE) * context.server.blockTextLength;
  const results = await alternate(rounds, CLIENTS, async (client, round) => {
    const { seconds, cpuSeconds } = await runChild(
      {
        kind: 'body',
        client,
        server: context.server.url,
        text: 'big',
        expectedLength: client === 'ours-aivvm' || client === 'bare-http-text' ? textLength : bytes,
        repeats: context.sizes.repeats,
      },
      context.child,
    );
    context.progress(
      `big body, round ${round + 1}: ${client} ${formatNumber(bytes / 1e6 / seconds)} MB/s`,
    );
    return { rate: bytes / 1e6 / seconds, cpuShare: cpuSeconds / seconds };
  });
  const rates = (client: BodyClientName) => resultsOf(results, client).map((run) => run.rate);
  const ratioOf = (client: BodyClientName) =>
    median(ratios(rates(client), rates('bare-http'), 'rate'));
  const ours = ratioOf('ours-aivvm');
  const oursToText = median(ratios(rates('ours-aivvm'), rates('bare-http-text'), 'rate'));
  return {
    title: '2. Big body',
    measure: `Aivvm plain text, ${bytes / MIB} MiB in 64 KiB writes; MB/s, the fastest of up to ${context.sizes.repeats.runs} runs per child, median of ${rounds} rounds`,
    rows: CLIENTS.map((client) => ({
      client: BODY_CLIENT_LABELS[client],
      figure: `${formatNumber(median(rates(client)))} MB/s`,
      ratio: ratioOf(client),
      detail:
        `client CPU ${(100 * median(resultsOf(results, client).map((run) => run.cpuShare))).toFixed(0)}% of the time` +
        (client === 'ours-aivvm'
          ? `; Aivvm, decodeText: ${oursToText.toFixed(2)} of bare http + TextDecoder`
          : ''),
    })),
    goals: [
      {
        goal: 'Big body: ours ≥ 0.9 of bare http',
        held: ours >= 0.9,
        measured: `${ours.toFixed(2)} of bare http, ${oursToText.toFixed(2)} of bare http + TextDecoder`,
      },
    ],
  };
}
