import type { BodyClientName, ChatClientName, PeerName } from '../clients/chat-client.js';
import type { ClientLabel } from './workload-report.js';

/** How the table names each chat client. */
export const CHAT_CLIENT_LABELS: Readonly<Record<ChatClientName, ClientLabel>> = {
  'bare-http': 'bare http',
  'axios-sse': 'axios stream + split + JSON.parse',
  ours: 'ours',
  'openai-6': 'openai 6',
  'openai-7': 'openai 7',
  'ai-6': 'ai 6',
  'ai-7': 'ai 7',
  'openai-6-break': 'openai 6, break',
  'openai-7-break': 'openai 7, break',
  'ai-6-break': 'ai 6, break',
  'ai-7-break': 'ai 7, break',
};

/**
 * The chat clients of the throughput and latency workloads: the limit, the limit over axios
 * (what ours is built on), ours, the peers.
 *
 * @param peers - the peers this run measures.
 * @returns the clients, in the table's order.
 */
export function chatClients(peers: readonly PeerName[]): readonly ChatClientName[] {
  return ['bare-http', 'axios-sse', 'ours', ...peers];
}

/** How the table names each body client (ours is `Aivvm`, through `decodeText`). */
export const BODY_CLIENT_LABELS: Readonly<Record<BodyClientName, ClientLabel>> = {
  'bare-http': 'bare http',
  'bare-http-text': 'bare http + TextDecoder',
  'bare-http-latin1': 'bare http + latin1 strings (the floor)',
  axios: 'axios stream',
  'ours-aivvm': 'ours',
};
