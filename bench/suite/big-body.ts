import { runChild } from '../child/run-child.js';
import type { BodyClientName } from '../clients/chat-client.js';
import { BLOCK_SIZE } from '../server/plain-text-block.js';
import { alternate } from './alternate.js';
import { BODY_CLIENT_LABELS } from './client-labels.js';
import { rateFigures } from './rate-figures.js';
import {
  formatNumber,
  type GoalCheck,
  type WorkloadContext,
  type WorkloadReport,
} from './workload-report.js';

const CLIENTS: readonly BodyClientName[] = ['bare-http', 'bare-http-text', 'axios', 'ours-aivvm'];
/** On ASCII, also the floor: bare http making strings by a plain copy (wrong for other text). */
const ASCII_CLIENTS: readonly BodyClientName[] = [
  'bare-http',
  'bare-http-text',
  'bare-http-latin1',
  'axios',
  'ours-aivvm',
];
const TEXT_CLIENTS: ReadonlySet<BodyClientName> = new Set([
  'ours-aivvm',
  'bare-http-text',
  'bare-http-latin1',
]);
const MIB = 1024 * 1024;

/**
 * Workload 2: an Aivvm plain-text body in 64 KiB writes, ASCII (`/ascii`) or mixed text with
 * 2-, 3- and 4-byte characters (`/big`); MB/s (10^6 bytes per second) of bare http reading raw
 * bytes, bare http with a streaming `TextDecoder`, on ASCII bare http making strings by a
 * plain copy (`latin1`: the floor of any client that gives text), an axios stream, and ours
 * (`Aivvm`, through `decodeText`), by wall-clock and by CPU time.
 *
 * Goals: ASCII, ours ≥ 0.85 of bare http by CPU time; mixed, ours ≥ 0.9 of bare http +
 * `TextDecoder` (a streaming decoder per chunk, what ours did on every chunk before).
 *
 * @param context - the server, sizes and child options.
 * @param text - `ascii` or `big` (mixed).
 * @returns the rows and goals.
 */
export async function bigBody(
  context: WorkloadContext,
  text: 'ascii' | 'big',
): Promise<WorkloadReport> {
  const { bigBodyBytes: bytes, rounds } = context.sizes;
  const blockText =
    text === 'ascii' ? context.server.asciiBlockTextLength : context.server.blockTextLength;
  const textLength = (bytes / BLOCK_SIZE) * blockText;
  const name = text === 'ascii' ? 'ASCII' : 'mixed text';
  const clients = text === 'ascii' ? ASCII_CLIENTS : CLIENTS;
  const results = await alternate(rounds, clients, async (client, round) => {
    const { seconds, cpuSeconds } = await runChild(
      {
        kind: 'body',
        client,
        server: context.server.url,
        text,
        expectedLength: TEXT_CLIENTS.has(client) ? textLength : bytes,
        repeats: context.sizes.repeats,
      },
      context.child,
    );
    context.progress(
      `big body (${name}), round ${round + 1}: ${client} ${formatNumber(bytes / 1e6 / seconds)} MB/s, ${formatNumber(bytes / 1e6 / cpuSeconds)} per CPU s`,
    );
    return { rate: bytes / 1e6 / seconds, cpuRate: bytes / 1e6 / cpuSeconds };
  });
  const figures = rateFigures(results, 'bare-http');
  const textFigures = rateFigures(results, 'bare-http-text');
  const ours = figures.cpuRatio('ours-aivvm');
  const oursToText = textFigures.cpuRatio('ours-aivvm');
  const floor = text === 'ascii' ? figures.cpuRatio('bare-http-latin1') : NaN;
  const goal: GoalCheck =
    text === 'ascii'
      ? {
          goal: 'Big body, ASCII: ours ≥ 0.85 of bare http by CPU time',
          held: ours >= 0.85,
          measured: `${ours.toFixed(2)} by CPU, ${figures.ratio('ours-aivvm').toFixed(2)} by wall-clock; the floor (bare http + latin1 strings) ${floor.toFixed(2)}, ours ${(ours / floor).toFixed(2)} of it`,
        }
      : {
          goal: 'Big body, mixed text: ours ≥ 0.9 of bare http + TextDecoder by CPU time',
          held: oursToText >= 0.9,
          measured: `${oursToText.toFixed(2)}; ${ours.toFixed(2)} of bare http by CPU`,
        };
  return {
    title: `2${text === 'ascii' ? 'a' : 'b'}. Big body, ${name}`,
    measure: `Aivvm plain text (${name}), ${bytes / MIB} MiB in 64 KiB writes; MB/s, the fastest of up to ${context.sizes.repeats.runs} runs per child, median of ${rounds} rounds`,
    rows: clients.map((client) => ({
      client: BODY_CLIENT_LABELS[client],
      figure: `${formatNumber(figures.rate(client))} MB/s`,
      ratio: figures.ratio(client),
      cpuRatio: figures.cpuRatio(client),
      detail:
        `client CPU ${((1e3 * (bytes / 1e6)) / figures.cpuRate(client)).toFixed(0)} ms per body` +
        (client === 'ours-aivvm'
          ? `; ${oursToText.toFixed(2)} of bare http + TextDecoder by CPU`
          : ''),
    })),
    goals: [goal],
  };
}
