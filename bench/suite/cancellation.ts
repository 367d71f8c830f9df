import { setTimeout as sleep } from 'node:timers/promises';
import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
import { median } from '../stats.js';
import { alternate, resultsOf } from './alternate.js';
import { CHAT_CLIENT_LABELS, chatClients } from './client-labels.js';
import {
  formatNumber,
  ratios,
  type WorkloadContext,
  type WorkloadReport,
} from './workload-report.js';

const WARM_UP = 20;
/** The cycles of a `break` row at most: the ai SDK's leave every socket open (and its memory). */
const MAX_BREAK_CYCLES = 300;
const MIB = 1024 * 1024;

interface RunFigures {
  /** Median ms from the client's cancel to the server seeing the socket close. */
  readonly median: number;
  /** Sockets the server still had open once the cycles were over (the client still alive). */
  readonly serverSockets: number;
  /** TCP sockets the client still had open. */
  readonly clientSockets: number;
  /** Responses whose socket the server never saw close (the client still alive). */
  readonly unclosed: number;
  /** The client's RSS after the cycles, MiB. */
  readonly rssMib: number;
  /** The client's CPU ms per cycle. */
  readonly cpuMs: number;
  /** The cycles run. */
  readonly cycles: number;
}

/** Waits up to `ms` for the server to have no connection left; returns how many are left. */
async function settledSockets(context: WorkloadContext, ms: number): Promise<number> {
  for (let waited = 0; waited < ms && context.server.openSockets() > 0; waited += 10) {
    await sleep(10);
  }
  return context.server.openSockets();
}

/**
 * Workload 5: subscribe → first chunk → cancel, over and over (each client the way its users
 * cancel: bare `req.destroy()`, ours `unsubscribe()`, `openai` `controller.abort()`, `ai`
 * `abortSignal`; and the peers once more by `break` out of their `for await` loop, without an
 * abort); the time from the cancel to the server seeing the socket close, and the sockets left
 * open after the cycles (the client still running).
 *
 * Goals: ours under 0.2 ms, 0 sockets left, and no slower than any peer.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function cancellation(context: WorkloadContext): Promise<WorkloadReport> {
  const PEERS = context.sizes.peers;
  const CLIENTS: readonly ChatClientName[] = [
    ...chatClients(PEERS),
    ...PEERS.map((peer) => `${peer}-break` as const),
  ];
  const { latencyRounds: rounds } = context.sizes;
  const cyclesOf = (client: ChatClientName) =>
    client.endsWith('-break')
      ? Math.min(MAX_BREAK_CYCLES, context.sizes.cycles)
      : context.sizes.cycles;
  const results = await alternate(rounds, CLIENTS, async (client, round): Promise<RunFigures> => {
    const closes = context.server.newHoldRecord();
    let serverSockets = -1;
    const cycles = cyclesOf(client);
    const { cancelledAt, clientSockets, rss, cpuSeconds } = await runChild(
      { kind: 'cancel', client, server: context.server.url, warmUp: WARM_UP, cycles },
      context.child,
      async () => {
        serverSockets = await settledSockets(context, 1000);
      },
    );
    const delays = cancelledAt.slice(WARM_UP).map((at, index) => {
      const closedAt = closes[WARM_UP + index] ?? 0n;
      return closedAt === 0n ? Infinity : Number(closedAt - BigInt(at)) / 1e6;
    });
    const unclosed = delays.filter((delay) => delay === Infinity).length;
    const figures = {
      median: median(delays),
      serverSockets,
      clientSockets,
      unclosed,
      rssMib: rss / MIB,
      cpuMs: (1000 * cpuSeconds) / cycles,
      cycles,
    };
    context.progress(
      `cancellation, round ${round + 1}: ${client} median ${figures.median.toFixed(3)} ms, ${serverSockets} sockets left, RSS ${figures.rssMib.toFixed(0)} MiB`,
    );
    return figures;
  });
  const medians = (client: ChatClientName) => resultsOf(results, client).map((run) => run.median);
  const cpus = (client: ChatClientName) => resultsOf(results, client).map((run) => run.cpuMs);
  const medianOf = (client: ChatClientName) => median(medians(client));
  const socketsLeft = (client: ChatClientName) =>
    Math.max(
      ...resultsOf(results, client).map((run) => Math.max(run.serverSockets, run.clientSockets)),
    );
  const ours = medianOf('ours');
  const closing = (value: number) => (value === Infinity ? 'never' : `${value.toFixed(3)} ms`);
  return {
    title: '5. Cancellation',
    measure: `${formatNumber(context.sizes.cycles)} cycles (${formatNumber(cyclesOf('ai-7-break'))} for a break row) of subscribe → first chunk → cancel; ms until the server sees the close, median of ${rounds} runs`,
    rows: CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: closing(medianOf(client)),
      ratio: median(ratios(medians(client), medians('bare-http'), 'time')),
      cpuRatio: median(ratios(cpus(client), cpus('bare-http'), 'time')),
      detail:
        `sockets left ${socketsLeft(client)} after ${formatNumber(cyclesOf(client))}, ` +
        `never closed ${Math.max(...resultsOf(results, client).map((run) => run.unclosed))}, ` +
        `RSS ${median(resultsOf(results, client).map((run) => run.rssMib)).toFixed(0)} MiB`,
    })),
    goals: [
      {
        goal: 'Cancellation: ours median ≤ 0.2 ms',
        held: ours <= 0.2,
        measured: closing(ours),
      },
      {
        goal: 'Cancellation: 0 sockets left open',
        held: socketsLeft('ours') === 0,
        measured: `ours ${socketsLeft('ours')}; ${CLIENTS.filter(
          (client) => client !== 'ours' && client !== 'bare-http',
        )
          .map((client) => `${client} ${socketsLeft(client)}`)
          .join(', ')}`,
      },
      {
        goal: 'Cancellation: ours no slower than any peer',
        held: PEERS.every((peer) => ours <= medianOf(peer)),
        measured: `ours ${closing(ours)}; ${PEERS.map((peer) => `${peer} ${closing(medianOf(peer))}`).join(', ')}`,
      },
    ],
  };
}
