/**
 * The two calls of the seed (SPEC §1 item 7), against the loopback server instead of the
 * site that is gone: the minimal call, then a system message and a temperature.
 */
import { concat, defer, finalize } from 'rxjs';
import { Aivvm } from 'rx-completions';
import { startLoopbackServer } from 'rx-completions/testing';

const server = await startLoopbackServer({ delayMs: 5 });
const baseURL = server.url;

concat(
  Aivvm.createCompletion('gpt-3.5-turbo', [{ role: 'user', content: 'Hello, world!' }], true, {
    baseURL,
  }),
  defer(() => {
    process.stdout.write('\n---\n');
    return Aivvm.createCompletion(
      'gpt-4',
      [{ role: 'user', content: 'Translate to Spanish: Hello, world!' }],
      true,
      { systemMessage: 'You are a translator', temperature: 0.9, baseURL },
    );
  }),
)
  .pipe(finalize(() => void server.close()))
  .subscribe({
    next: (chunk) => process.stdout.write(chunk),
    error: (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
    complete: () => process.stdout.write('\n'),
  });
