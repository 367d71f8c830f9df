import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { openAISseTextLength } from '../server/openai-sse-body.js';
import { median } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { CHAT_CLIENT_LABELS } from './client-labels.js';
import {
  formatNumber,
  ratios,
  type WorkloadContext,
  type WorkloadReport,
} from './workload-report.js';

const CLIENTS: readonly ChatClientName[] = ['bare-http', 'ours', 'openai', 'ai'];

/**
 * Workload 1: one SSE stream of many 4-character OpenAI chunks; events per second of bare
 * http (line split and `JSON.parse`), ours, `openai` and `ai`.
 *
 * Goal: ours at least 0.8 of bare http, and ahead of both peers.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function manySmallChunks(context: WorkloadContext): Promise<WorkloadReport> {
  const { events, chunkRounds: rounds } = context.sizes;
  const expectedLength = openAISseTextLength(events);
  const results = await alternate(rounds, CLIENTS, async (client, round) => {
    const { seconds, cpuSeconds } = await runChild(
      {
        kind: 'events',
        client,
        server: context.server.url,
        expectedLength,
        warmUp: 20,
        repeats: context.sizes.chunkRepeats,
      },
      context.child,
    );
    context.progress(
      `many small chunks, round ${round + 1}: ${client} ${formatNumber(events / seconds)} events/s`,
    );
    return { rate: events / seconds, cpuRate: events / cpuSeconds };
  });
  const rates = (client: ChatClientName) => resultsOf(results, client).map((run) => run.rate);
  const cpuRates = (client: ChatClientName) => resultsOf(results, client).map((run) => run.cpuRate);
  const ratioOf = (client: ChatClientName) =>
    median(ratios(rates(client), rates('bare-http'), 'rate'));
  const cpuRatioOf = (client: ChatClientName) =>
    median(ratios(cpuRates(client), cpuRates('bare-http'), 'rate'));
  const ours = ratioOf('ours');
  return {
    title: '1. Many small chunks',
    measure: `${formatNumber(events)} SSE events of 4 characters; events/s, the fastest of up to ${context.sizes.chunkRepeats.runs} runs per child, median of ${rounds} rounds`,
    rows: CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: `${formatNumber(median(rates(client)))} events/s`,
      ratio: ratioOf(client),
      detail: `client CPU ${(1e6 / median(cpuRates(client))).toFixed(2)} µs/event (${cpuRatioOf(client).toFixed(2)} of bare by CPU time)`,
    })),
    goals: [
      {
        goal: 'Many small chunks: ours ≥ 0.8 of bare http',
        held: ours >= 0.8,
        measured: `${ours.toFixed(2)} of bare http`,
      },
      {
        goal: 'Many small chunks: ours ahead of openai and ai',
        held: ours > ratioOf('openai') && ours > ratioOf('ai'),
        measured: `ours ${ours.toFixed(2)}, openai ${ratioOf('openai').toFixed(3)}, ai ${ratioOf('ai').toFixed(3)}`,
      },
    ],
  };
}
