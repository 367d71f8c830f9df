/**
 * Cancel mid-stream with `takeUntil`: the reply stops when the notifier fires (here, after
 * 60 ms; in an app, a Stop button's clicks), the request is aborted and the server sees the
 * connection close.
 */
import { finalize, takeUntil, timer } from 'rxjs';
import { Aivvm } from 'rx-completions';
import { startLoopbackServer } from 'rx-completions/testing';

const server = await startLoopbackServer({ delayMs: 20 });
const stop$ = timer(60);

Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Tell me a long story' }], true, {
  baseURL: server.url,
})
  .pipe(
    takeUntil(stop$),
    finalize(() => {
      void server.waitForIdle().then(() => {
        console.log(`\n[stopped: the server has ${server.openConnections} open connections]`);
        return server.close();
      });
    }),
  )
  .subscribe({
    next: (chunk) => process.stdout.write(chunk),
    error: (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  });
