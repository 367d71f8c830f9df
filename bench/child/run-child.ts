import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildResults, ChildTask } from './child-task.js';

const CHILD = fileURLToPath(new URL('./child-main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** How children are started. */
export interface ChildOptions {
  /** Where each child writes a V8 CPU profile (`--cpu-prof-dir`), if anywhere. */
  readonly cpuProfDir: string | undefined;
  /** The longest a child may take, in ms; then it is killed and the run fails. */
  readonly timeoutMs: number;
}

/**
 * Runs one task in a fresh Node process (`node --import tsx bench/child/child-main.ts`), so
 * that each client runs alone, with its own heap and JIT.
 *
 * @param task - what to measure.
 * @param options - profiling and the time limit.
 * @param inspect - called with the result while the child is still alive (its sockets
 *   still open, if it leaked any); the child exits when it returns.
 * @returns the child's result.
 * @throws Error with the child's error, exit code or time-out.
 */
export function runChild<K extends ChildTask['kind']>(
  task: ChildTask & { readonly kind: K },
  options: ChildOptions,
  inspect?: (result: ChildResults[K]) => Promise<void>,
): Promise<ChildResults[K]> {
  const profile =
    options.cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`];
  const child = fork(CHILD, [JSON.stringify(task)], {
    execArgv: ['--import', TSX, ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<ChildResults[K]>((resolve, reject) => {
    const label = `${task.kind}${'client' in task ? ` ${task.client}` : ''}`;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label}: no result within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    let outcome: { result: ChildResults[K] } | { error: string } | undefined;
    child.once('message', (message: { result: ChildResults[K] } | { error: string }) => {
      outcome = message;
      const release = () => child.send('exit');
      if ('result' in message && inspect) {
        inspect(message.result).then(release, (error: unknown) => {
          outcome = { error: String(error) };
          release();
        });
      } else release();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (outcome === undefined) reject(new Error(`${label}: exited with ${code} and no result`));
      else if ('error' in outcome) reject(new Error(`${label}: ${outcome.error}`));
      else resolve(outcome.result);
    });
  });
}
