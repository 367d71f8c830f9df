import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { openAISseTextLength } from '../server/openai-sse-body.js';
import { alternate } from './alternate.js';
import { CHAT_CLIENT_LABELS, chatClients } from './client-labels.js';
import { rateFigures } from './rate-figures.js';
import { formatNumber, type WorkloadContext, type WorkloadReport } from './workload-report.js';

/**
 * Workload 7: many completions at once (`concurrentStreams` × `concurrentEvents` events of 4
 * characters), each client with its keep-alive agent; events per second over all streams, by
 * wall-clock and by CPU time.
 *
 * Goal: ours at least 0.9 of bare http by CPU time.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function concurrency(context: WorkloadContext): Promise<WorkloadReport> {
  const PEERS = context.sizes.peers;
  const CHAT_CLIENTS = chatClients(PEERS);
  const { concurrentStreams: streams, concurrentEvents, concurrencyRounds: rounds } = context.sizes;
  const events = streams * concurrentEvents;
  const results = await alternate(rounds, CHAT_CLIENTS, async (client, round) => {
    const { seconds, cpuSeconds } = await runChild(
      {
        kind: 'concurrent',
        client,
        server: context.server.url,
        streams,
        expectedLength: openAISseTextLength(concurrentEvents),
        warmUp: 20,
        repeats: context.sizes.concurrencyRepeats,
      },
      context.child,
    );
    context.progress(
      `concurrency, round ${round + 1}: ${client} ${formatNumber(events / seconds)} events/s, ${formatNumber(events / cpuSeconds)} per CPU s`,
    );
    return { rate: events / seconds, cpuRate: events / cpuSeconds };
  });
  const figures = rateFigures(results, 'bare-http');
  const ours = figures.cpuRatio('ours');
  const peerRatio = (client: ChatClientName) => `${client} ${figures.cpuRatio(client).toFixed(2)}`;
  return {
    title: '7. Concurrency',
    measure: `${formatNumber(streams)} streams at once × ${formatNumber(concurrentEvents)} SSE events of 4 characters; events/s over all, the fastest of up to ${context.sizes.concurrencyRepeats.runs} runs per child, median of ${rounds} rounds`,
    rows: CHAT_CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: `${formatNumber(figures.rate(client))} events/s`,
      ratio: figures.ratio(client),
      cpuRatio: figures.cpuRatio(client),
      detail: `client CPU ${(1e6 / figures.cpuRate(client)).toFixed(2)} µs/event`,
    })),
    goals: [
      {
        goal: 'Concurrency: ours ≥ 0.9 of bare http by CPU time',
        held: ours >= 0.9,
        measured: `${ours.toFixed(2)} by CPU, ${figures.ratio('ours').toFixed(2)} by wall-clock; ${PEERS.map(peerRatio).join(', ')}`,
      },
    ],
  };
}
