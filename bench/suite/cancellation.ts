import { setTimeout as sleep } from 'node:timers/promises';
import { runChild } from '../child/run-child.js';
import type { ChatClientName } from '../clients/chat-client.js';
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
const WARM_UP = 20;

interface RunFigures {
  /** Median ms from the client's cancel to the server seeing the socket close. */
  readonly median: number;
  /** Sockets the server still had open once the cycles were over (the client still alive). */
  readonly serverSockets: number;
  /** TCP sockets the client still had open. */
  readonly clientSockets: number;
  /** Responses whose socket the server never saw close (the client still alive). */
  readonly unclosed: number;
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
 * `abortSignal`); the time from the cancel to the server seeing the socket close, and the
 * sockets left open after the cycles (the client still running).
 *
 * Goal: ours under 5 ms, 0 sockets left, and no slower than either peer.
 *
 * @param context - the server, sizes and child options.
 * @returns the rows and goals.
 */
export async function cancellation(context: WorkloadContext): Promise<WorkloadReport> {
  const { cycles, latencyRounds: rounds } = context.sizes;
  const closes = context.server.holdCloseTimes;
  const results = await alternate(rounds, CLIENTS, async (client, round): Promise<RunFigures> => {
    closes.length = 0;
    let serverSockets = -1;
    const { cancelledAt, clientSockets } = await runChild(
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
    const figures = { median: median(delays), serverSockets, clientSockets, unclosed };
    context.progress(
      `cancellation, round ${round + 1}: ${client} median ${figures.median.toFixed(3)} ms, ${serverSockets} sockets left`,
    );
    return figures;
  });
  const medians = (client: ChatClientName) => resultsOf(results, client).map((run) => run.median);
  const medianOf = (client: ChatClientName) => median(medians(client));
  const socketsLeft = (client: ChatClientName) =>
    Math.max(
      ...resultsOf(results, client).map((run) => Math.max(run.serverSockets, run.clientSockets)),
    );
  const ours = medianOf('ours');
  return {
    title: '5. Cancellation',
    measure: `${formatNumber(cycles)} cycles of subscribe → first chunk → cancel; ms until the server sees the close, median of ${rounds} runs`,
    rows: CLIENTS.map((client) => ({
      client: CHAT_CLIENT_LABELS[client],
      figure: `${medianOf(client).toFixed(3)} ms`,
      ratio: median(ratios(medians(client), medians('bare-http'), 'time')),
      detail: `sockets left ${socketsLeft(client)}, responses never closed ${Math.max(...resultsOf(results, client).map((run) => run.unclosed))}`,
    })),
    goals: [
      {
        goal: 'Cancellation: ours median < 5 ms',
        held: ours < 5,
        measured: `${ours.toFixed(3)} ms`,
      },
      {
        goal: 'Cancellation: 0 sockets left open',
        held: socketsLeft('ours') === 0,
        measured: `ours ${socketsLeft('ours')}, openai ${socketsLeft('openai')}, ai ${socketsLeft('ai')}`,
      },
      {
        goal: 'Cancellation: ours no slower than openai and ai',
        held: ours <= medianOf('openai') && ours <= medianOf('ai'),
        measured: `ours ${ours.toFixed(3)}, openai ${medianOf('openai').toFixed(3)}, ai ${medianOf('ai').toFixed(3)} ms`,
      },
    ],
  };
}
