/**
 * Quickstart (`npm start`): starts the built-in loopback server, streams a completion from it
 * to the terminal chunk by chunk, and exits 0.
 */
import { finalize } from 'rxjs';
import { Aivvm } from 'rx-completions';
import { startLoopbackServer } from 'rx-completions/testing';

const server = await startLoopbackServer();

Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'What does rx-completions do?' }], true, {
  baseURL: server.url,
})
  .pipe(finalize(() => void server.close()))
  .subscribe({
    next: (chunk) => process.stdout.write(chunk),
    error: (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
    complete: () => process.stdout.write('\n'),
  });
