import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatClient, ChatClientName } from '../clients/chat-client.js';
import type { ChildResults } from './child-task.js';
import { bestRun, type Repeats } from './best-run.js';
import type { AiSdk } from '../clients/ai-sdk.js';
import type { OpenAIClass } from '../clients/openai-sdk.js';
import { peakRss, resetPeakRss } from './peak-rss.js';
import { timeRun } from './time-run.js';

/**
 * Loads one chat client, and only it: a child never loads the modules of the others.
 *
 * @param name - which client.
 * @param root - the `/v1` root it talks to.
 * @returns the client.
 */
export async function loadChatClient(name: ChatClientName, root: string): Promise<ChatClient> {
  const cancel = name.endsWith('-break') ? 'break' : 'abort';
  switch (name) {
    case 'bare-http':
      return (await import('../clients/bare-http.js')).bareHttpChatClient(root);
    case 'ours':
      return (await import('../clients/ours.js')).oursChatClient(
        root,
        await (await import('./load-ours.js')).loadOurs(),
      );
    case 'axios-sse':
      return (await import('../clients/axios-stream.js')).axiosSseChatClient(root);
    case 'openai-6':
    case 'openai-6-break':
    case 'openai-7':
    case 'openai-7-break': {
      const { openAISdkChatClient } = await import('../clients/openai-sdk.js');
      const sdk = name.startsWith('openai-7') ? await import('openai-7') : await import('openai');
      return openAISdkChatClient(sdk.default as OpenAIClass, root, cancel);
    }
    case 'ai-6':
    case 'ai-6-break':
      return (await import('../clients/ai-sdk.js')).aiSdkChatClient(
        {
          streamText: (await import('ai')).streamText,
          createOpenAICompatible: (await import('@ai-sdk/openai-compatible'))
            .createOpenAICompatible,
        },
        root,
        cancel,
      );
    case 'ai-7':
    case 'ai-7-break':
      return (await import('../clients/ai-sdk.js')).aiSdkChatClient(
        {
          streamText: (await import('ai-7')).streamText,
          createOpenAICompatible: (await import('@ai-sdk/openai-compatible-3'))
            .createOpenAICompatible,
        } as unknown as AiSdk,
        root,
        cancel,
      );
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
  const cpu = process.cpuUsage();
  for (let index = 0; index < completions; index++) {
    let first = 0;
    const start = performance.now();
    await client.complete(() => {
      if (first === 0) first = performance.now();
    });
    samples.push(first - start);
  }
  const used = process.cpuUsage(cpu);
  return { samples, cpuSeconds: (used.user + used.system) / 1e6 };
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
  let cpu = process.cpuUsage();
  for (let index = 0; index < warmUpCount + cycles; index++) {
    if (index === warmUpCount) cpu = process.cpuUsage();
    cancelledAt.push(String(await client.cancelAtFirstChunk()));
  }
  const used = process.cpuUsage(cpu);
  await sleep(100);
  const clientSockets = process
    .getActiveResourcesInfo()
    .filter((resource) => resource === 'TCPSocketWrap').length;
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { cancelledAt, clientSockets, rss: process.memoryUsage.rss(), cpuSeconds };
}

/**
 * `streams` completions of the `/many` stream at once, after `warmUp` short ones: the fastest
 * of `repeats` runs.
 *
 * @throws Error when a stream's text is not the text that was sent.
 */
export async function measureConcurrent(
  name: ChatClientName,
  server: string,
  streams: number,
  perStream: number,
  expectedLength: number,
  warmUpCount: number,
  repeats: Repeats,
): Promise<ChildResults['concurrent']> {
  await warmUp(await loadChatClient(name, `${server}/short/v1`), warmUpCount);
  const client = await loadChatClient(name, `${server}/many-${perStream}/v1`);
  return bestRun(async () => {
    const lengths = await Promise.all(
      Array.from({ length: streams }, async () => {
        let length = 0;
        await client.complete((text) => (length += text.length));
        return length;
      }),
    );
    const wrong = lengths.find((length) => length !== expectedLength);
    if (wrong !== undefined) throw new Error(`${name}: ${wrong} of ${expectedLength} chars`);
  }, repeats);
}

/** Streams the `/huge` reply once, watching the RSS (as `measureMemory` does for bodies). */
export async function measureChatMemory(
  name: ChatClientName,
  server: string,
  expectedLength: number,
): Promise<ChildResults['memory']> {
  const client = await loadChatClient(name, `${server}/huge/v1`);
  const kernelPeak = resetPeakRss();
  const rssBefore = process.memoryUsage.rss();
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 10);
  try {
    const timed = await timeRun(async () => {
      let length = 0;
      await client.complete((text) => (length += text.length));
      if (length !== expectedLength) throw new Error(`${name}: ${length} of ${expectedLength}`);
    });
    const rssAfter = process.memoryUsage.rss();
    const rssPeak = Math.max((kernelPeak ? peakRss() : undefined) ?? sampledPeak, rssAfter);
    return { ...timed, rssBefore, rssPeak, rssAfter };
  } finally {
    clearInterval(sampler);
  }
}
