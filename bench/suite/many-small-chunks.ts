import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { openAISseTextLength } from '../server/openai-sse-body.js';
import { alternate } from './alternate.js';
import { CHAT_CLIENT_LABELS, chatClients } from './client-labels.js';
import { rateFigures } from './rate-figures.js';
import { formatNumber, type WorkloadContext, type WorkloadReport } from './workload-report.js';

/**
 * Workload 1: one SSE stream of many 4-character OpenAI chunks; events per second of bare
 * http (line split and `JSON.parse`), ours and the peers, by wall-clock and by CPU time.
 *
 * Goals: ours at least 0.95 of bare http by CPU time, and ahead of every peer.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function manySmallChunks(context: WorkloadContext): Promise<WorkloadReport> {
  const PEERS = context.sizes.peers;
  const CHAT_CLIENTS = chatClients(PEERS);
  const { events, chunkRounds: rounds } = context.sizes;
  const expectedLength = openAISseTextLength(events);
  const results = await alternate(rounds, CHAT_CLIENTS, async (client, round) => {
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
      `many small chunks, round ${round + 1}: ${client} ${formatNumber(events / seconds)} events/s, ${formatNumber(events / cpuSeconds)} per CPU s`,
    );
    return { rate: events / seconds, cpuRate: events / cpuSeconds };
  });
  const figures = rateFigures(results, 'bare-http');
  const ours = figures.cpuRatio('ours');
  const peerRatios = (client: ChatClientName) => `${client} ${figures.cpuRatio(client).toFixed(2)}`;
  return {
    title: '1. Many small chunks',
    measure: `${formatNumber(events)} SSE events of 4 characters; events/s, the fastest of up to ${context.sizes.chunkRepeats.runs} runs per child, median of ${rounds} rounds`,
    rows: CHAT_CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: `${formatNumber(figures.rate(client))} events/s`,
      ratio: figures.ratio(client),
      cpuRatio: figures.cpuRatio(client),
      detail: `client CPU ${(1e6 / figures.cpuRate(client)).toFixed(2)} µs/event`,
    })),
    goals: [
      {
        goal: 'Many small chunks: ours ≥ 0.95 of bare http by CPU time',
        held: ours >= 0.95,
        measured: `${ours.toFixed(2)} by CPU, ${figures.ratio('ours').toFixed(2)} by wall-clock; axios + split + JSON.parse ${figures.cpuRatio('axios-sse').toFixed(2)}`,
      },
      {
        goal: 'Many small chunks: ours ahead of every peer',
        held: PEERS.every((peer) => ours > figures.cpuRatio(peer)),
        measured: `ours ${ours.toFixed(2)}; ${PEERS.map(peerRatios).join(', ')} (CPU)`,
      },
    ],
  };
}
