import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatClient, ChatClientName } from '../clients/chat-client.js';
import type { ChildResults } from './child-task.js';
import { bestRun, type Repeats } from './best-run.js';

/**
 * Loads one chat client, and only it: a child never loads the modules of the others.
 *
 * @param name - which client.
 * @param root - the `/v1` root it talks to.
 * @returns the client.
 */
export async function loadChatClient(name: ChatClientName, root: string): Promise<ChatClient> {
  switch (name) {
    case 'bare-http':
      return (await import('../clients/bare-http.js')).bareHttpChatClient(root);
    case 'ours':
      return (await import('../clients/ours.js')).oursChatClient(root);
    case 'openai':
      return (await import('../clients/openai-sdk.js')).openAISdkChatClient(root);
    case 'ai':
      return (await import('../clients/ai-sdk.js')).aiSdkChatClient(root);
  }
}

async function warmUp(client: ChatClient, count: number): Promise<void> {
  for (let index = 0; index < count; index++) await client.complete(() => undefined);
}

/**
 * Streams the long SSE stream (the fastest of `repeats` runs), after `warmUp` short completions.
 *
 * @throws Error when the text that arrived is not the text that was sent.
 */
export async function measureEvents(
  name: ChatClientName,
  server: string,
  expectedLength: number,
  warmUpCount: number,
  repeats: Repeats,
): Promise<ChildResults['events']> {
  await warmUp(await loadChatClient(name, `${server}/short/v1`), warmUpCount);
  const client = await loadChatClient(name, `${server}/stream/v1`);
  return bestRun(async () => {
    let length = 0;
    await client.complete((text) => (length += text.length));
    if (length !== expectedLength) throw new Error(`${name}: ${length} of ${expectedLength} chars`);
  }, repeats);
}

/** Sequential short completions: the time from the call to the first delta of each. */
export async function measureFirstChunk(
  name: ChatClientName,
  server: string,
  warmUpCount: number,
  completions: number,
): Promise<ChildResults['first-chunk']> {
  const client = await loadChatClient(name, `${server}/short/v1`);
  await warmUp(client, warmUpCount);
  const samples: number[] = [];
  for (let index = 0; index < completions; index++) {
    let first = 0;
    const start = performance.now();
    await client.complete(() => {
      if (first === 0) first = performance.now();
    });
    samples.push(first - start);
  }
  return { samples };
}

/** Subscribe → first chunk → cancel, over and over; the server records when each socket closed. */
export async function measureCancel(
  name: ChatClientName,
  server: string,
  warmUpCount: number,
  cycles: number,
): Promise<ChildResults['cancel']> {
  const client = await loadChatClient(name, `${server}/hold/v1`);
  const cancelledAt: string[] = [];
  for (let index = 0; index < warmUpCount + cycles; index++) {
    cancelledAt.push(String(await client.cancelAtFirstChunk()));
  }
  await sleep(100);
  const clientSockets = process
    .getActiveResourcesInfo()
    .filter((resource) => resource === 'TCPSocketWrap').length;
  return { cancelledAt, clientSockets };
}
