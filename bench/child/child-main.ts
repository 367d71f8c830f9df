/**
 * The entry of a bench child process: measures the task given as JSON in `argv[2]`, sends the
 * result to the parent (`{ result }` or `{ error }`), and stays until the parent says `exit`
 * (so that the parent can look at its server while this client is still alive), 30 s at most.
 *
 * Run by hand (no IPC channel), it prints the result and exits: with `bench/serve.ts` running,
 * `node --import tsx --cpu-prof bench/child/child-main.ts '{"kind":"events",...}'` profiles
 * one client alone.
 */
import type { ChildResult, ChildTask } from './child-task.js';
import { measureBody, measureMemory } from './measure-body.js';
import {
  measureCancel,
  measureChatMemory,
  measureConcurrent,
  measureEvents,
  measureFirstChunk,
} from './measure-chat.js';
import { measureDecode } from './measure-decode.js';

function measure(task: ChildTask): Promise<ChildResult> | ChildResult {
  switch (task.kind) {
    case 'events':
      return measureEvents(
        task.client,
        task.server,
        task.expectedLength,
        task.warmUp,
        task.repeats,
      );
    case 'body':
      return measureBody(
        task.client,
        `${task.server}/${task.text}`,
        task.expectedLength,
        task.repeats,
      );
    case 'memory':
      return measureMemory(task.client, `${task.server}/memory`, task.expectedLength);
    case 'chat-memory':
      return measureChatMemory(task.client, task.server, task.expectedLength);
    case 'concurrent':
      return measureConcurrent(
        task.client,
        task.server,
        task.streams,
        task.perStream,
        task.expectedLength,
        task.warmUp,
        task.repeats,
      );
    case 'first-chunk':
      return measureFirstChunk(task.client, task.server, task.warmUp, task.completions);
    case 'cancel':
      return measureCancel(task.client, task.server, task.warmUp, task.cycles);
    case 'decode':
      return measureDecode(task.rounds);
  }
}

const send = (message: unknown): Promise<void> =>
  new Promise((resolve) => {
    if (process.send) {
      process.send(message, () => {
        resolve();
      });
    } else {
      console.log(JSON.stringify(message));
      resolve();
    }
  });

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
try {
  await send({ result: await measure(task) });
} catch (error: unknown) {
  await send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
if (!process.send) process.exit(0);
const exit = setTimeout(() => process.exit(0), 30_000);
process.once('message', () => {
  clearTimeout(exit);
  process.exit(0);
});
