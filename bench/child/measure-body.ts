import type { BodyClient, BodyClientName } from '../clients/chat-client.js';
import { bestRun, type Repeats } from './best-run.js';
import type { ChildResults } from './child-task.js';
import { peakRss, resetPeakRss } from './peak-rss.js';
import { timeRun } from './time-run.js';

async function loadBodyClient(name: BodyClientName, root: string): Promise<BodyClient> {
  switch (name) {
    case 'bare-http':
      return (await import('../clients/bare-http.js')).bareHttpBodyClient(root);
    case 'bare-http-text':
      return (await import('../clients/bare-http.js')).bareHttpTextClient(root);
    case 'bare-http-latin1':
      return (await import('../clients/bare-http.js')).bareHttpLatin1Client(root);
    case 'axios':
      return (await import('../clients/axios-stream.js')).axiosBodyClient(root);
    case 'ours-aivvm':
      return (await import('../clients/ours.js')).oursAivvmBodyClient(
        root,
        await (await import('./load-ours.js')).loadOurs(),
      );
  }
}

async function read(name: BodyClientName, client: BodyClient, expectedLength: number) {
  const length = await client.read();
  if (length !== expectedLength) throw new Error(`${name}: ${length} of ${expectedLength}`);
}

/**
 * Reads the big body: the fastest of `repeats` runs.
 *
 * @throws Error when the length that arrived is not the length that was sent.
 */
export async function measureBody(
  name: BodyClientName,
  root: string,
  expectedLength: number,
  repeats: Repeats,
): Promise<ChildResults['body']> {
  const client = await loadBodyClient(name, root);
  return bestRun(() => read(name, client, expectedLength), repeats);
}

/**
 * Reads the memory body once and reports RSS before, at its peak (the kernel's high-water mark,
 * reset before the request; sampled every 10 ms where there is none) and after.
 */
export async function measureMemory(
  name: BodyClientName,
  root: string,
  expectedLength: number,
): Promise<ChildResults['memory']> {
  const client = await loadBodyClient(name, root);
  const kernelPeak = resetPeakRss();
  const rssBefore = process.memoryUsage.rss();
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 10);
  try {
    const timed = await timeRun(() => read(name, client, expectedLength));
    const rssAfter = process.memoryUsage.rss();
    const rssPeak = Math.max((kernelPeak ? peakRss() : undefined) ?? sampledPeak, rssAfter);
    return { ...timed, rssBefore, rssPeak, rssAfter };
  } finally {
    clearInterval(sampler);
  }
}
