/**
 * Tools with `runTools`: the model asks for the weather in two cities, both calls run at once,
 * their results go back, and the model answers — a two-step run, every event printed. Then
 * the same question with a Stop: an AbortSignal aborted at the first tool result stops the
 * run there, aborts the call still running (its `signal`), and sends no second request.
 * Runs against the built-in loopback server and exits 0.
 */
import { lastValueFrom, tap } from 'rxjs';
import {
  AbortedError,
  OpenAICompatible,
  runTools,
  type RunToolsEvent,
  type Tool,
} from 'rx-completions';
import { startLoopbackServer } from 'rx-completions/testing';

const server = await startLoopbackServer({ delayMs: 5 });
const provider = new OpenAICompatible({ baseURL: `${server.url}/v1` });

const CELSIUS: Readonly<Record<string, number>> = { Oslo: 4, Paris: 12 };

/** A weather tool: Paris is slow to answer, so that the Stop below finds it running. */
const weather: Tool<{ city: string }> = {
  description: 'The weather in a city now',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
  execute: ({ city }, { signal }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          resolve({ city, celsius: CELSIUS[city] ?? 20 });
        },
        city === 'Paris' ? 300 : 10,
      );
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        console.log(`  (weather for ${city} cancelled)`);
        reject(new Error('cancelled'));
      });
    }),
};

// The model's first reply, as the loopback server is told to make it: two calls at once.
// (Without a script, its default reply calls the first tool offered, then answers from the result.)
const twoCalls = {
  path: '/v1/chat/completions',
  toolCalls: [
    { id: 'call_oslo', name: 'weather', arguments: '{"city":"Oslo"}' },
    { id: 'call_paris', name: 'weather', arguments: '{"city":"Paris"}' },
  ],
} as const;

function print(event: RunToolsEvent): void {
  if (event.type === 'text-delta') process.stdout.write(event.text);
  else if (event.type === 'tool-call') console.log(`→ ${event.name}(${event.arguments})`);
  else if (event.type === 'tool-result') {
    console.log(`← ${event.name}: ${JSON.stringify(event.error?.message ?? event.output)}`);
  } else if (event.type === 'step') {
    console.log(
      `-- step ${event.index} ends (${event.messages.length} messages${event.final ? ', final' : ''})`,
    );
  }
}

console.log('== a two-step run ==');
server.enqueue(twoCalls);
await lastValueFrom(
  runTools({
    model: 'gpt-4o-mini',
    prompt: 'Weather in Oslo and Paris?',
    provider,
    tools: { weather },
  }).pipe(tap(print)),
);

console.log('== Stop at the first tool result ==');
server.clearRequests();
server.enqueue(twoCalls);
const stop = new AbortController();
try {
  await lastValueFrom(
    runTools({
      model: 'gpt-4o-mini',
      prompt: 'Weather in Oslo and Paris?',
      provider,
      tools: { weather },
      signal: stop.signal,
    }).pipe(
      tap(print),
      tap((event) => {
        if (event.type === 'tool-result') stop.abort(); // the user presses Stop
      }),
    ),
  );
} catch (error) {
  if (!AbortedError.isInstance(error)) throw error;
  console.log(`stopped: ${server.requests.length} request sent, no answer asked for`);
}
await server.close();
