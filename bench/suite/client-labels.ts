import type { BodyClientName, ChatClientName } from '../clients/chat-client.js';
import type { ClientLabel } from './workload-report.js';

/** How the table names each chat client. */
export const CHAT_CLIENT_LABELS: Readonly<Record<ChatClientName, ClientLabel>> = {
  'bare-http': 'bare http',
  ours: 'ours',
  openai: 'openai',
  ai: 'ai',
};

/** How the table names each body client (ours is `Aivvm`, through `decodeText`). */
export const BODY_CLIENT_LABELS: Readonly<Record<BodyClientName, ClientLabel>> = {
  'bare-http': 'bare http',
  'bare-http-text': 'bare http + TextDecoder',
  axios: 'axios stream',
  'ours-aivvm': 'ours',
};
