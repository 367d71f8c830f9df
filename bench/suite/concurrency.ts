import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { openAISseTextLength } from '../server/openai-sse-body.js';
import { alternate } from './alternate.js';
import { CHAT_CLIENT_LABELS, chatClients } from './client-labels.js';
import { rateFigures, type RateRun } from './rate-figures.js';
import { formatNumber, type WorkloadContext, type WorkloadReport } from './workload-report.js';

/**
 * Workload 8: many completions at once (`concurrentStreams` × `concurrentEvents` events of 4
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
  const run = async (client: ChatClientName, perStream: number, round: number) => {
    const total = streams * perStream;
    const { seconds, cpuSeconds } = await runChild(
      {
        kind: 'concurrent',
        client,
        server: context.server.url,
        streams,
        perStream,
        expectedLength: openAISseTextLength(perStream),
        warmUp: 20,
        repeats: context.sizes.concurrencyRepeats,
      },
      context.child,
    );
    context.progress(
      `concurrency (${formatNumber(streams)} × ${formatNumber(perStream)}), round ${round + 1}: ${client} ${formatNumber(total / seconds)} events/s, ${formatNumber(total / cpuSeconds)} per CPU s`,
    );
    return { rate: total / seconds, cpuRate: total / cpuSeconds };
  };
  const results = await alternate<ChatClientName, RateRun>(
    rounds,
    ['bare-http', 'axios-sse', 'ours'],
    (client, round) => run(client, concurrentEvents, round),
  );
  // The peers take 5 to 30 times longer: one round, a tenth of the events per stream, each
  // against bare http at the same size.
  const peerEvents = Math.max(1, Math.round(concurrentEvents / 10));
  const peerResults = await alternate<ChatClientName, RateRun>(
    1,
    ['bare-http', ...PEERS],
    (client, round) => run(client, peerEvents, round),
  );
  const peerFigures = rateFigures(peerResults, 'bare-http');
  const figures = rateFigures(results, 'bare-http');
  const ours = figures.cpuRatio('ours');
  const peerRatio = (client: ChatClientName) =>
    `${client} ${peerFigures.cpuRatio(client).toFixed(2)}`;
  return {
    title: '8. Concurrency',
    measure: `${formatNumber(streams)} streams at once × ${formatNumber(concurrentEvents)} SSE events of 4 characters (the peers: × ${formatNumber(peerEvents)}); events/s over all, the fastest of up to ${context.sizes.concurrencyRepeats.runs} runs per child, median of ${rounds} rounds`,
    rows: CHAT_CLIENTS.map((client) => {
      const peer = client !== 'bare-http' && client !== 'axios-sse' && client !== 'ours';
      const source = peer ? peerFigures : figures;
      return {
        client: CHAT_CLIENT_LABELS[client],
        figure: `${formatNumber(source.rate(client))} events/s`,
        ratio: source.ratio(client),
        cpuRatio: source.cpuRatio(client),
        detail:
          `client CPU ${(1e6 / source.cpuRate(client)).toFixed(2)} µs/event` +
          (peer
            ? `; ${formatNumber(streams)} × ${formatNumber(peerEvents)}, one round, vs bare http at that size (${(1e6 / peerFigures.cpuRate('bare-http')).toFixed(2)} µs/event)`
            : ''),
      };
    }),
    goals: [
      {
        goal: 'Concurrency: ours ≥ 0.9 of bare http by CPU time',
        held: ours >= 0.9,
        measured: `${ours.toFixed(2)} by CPU, ${figures.ratio('ours').toFixed(2)} by wall-clock; axios + split + JSON.parse ${figures.cpuRatio('axios-sse').toFixed(2)}, ours ${(ours / figures.cpuRatio('axios-sse')).toFixed(2)} of it; ${PEERS.map(peerRatio).join(', ')}`,
      },
    ],
  };
}
