/**
 * The browser example: streams a completion into the page chunk by chunk. No axios set-up is
 * needed: in a browser, requests go through axios's `fetch` adapter (a web `ReadableStream`
 * under the hood), never through XHR, which cannot stream. Stop unsubscribes, which aborts the request:
 * the server sees the connection close and nothing more is appended.
 *
 * Served by `npx tsx scripts/serve-browser-example.ts`, which bundles this file with esbuild,
 * starts the loopback server and opens the page as `/?server=<loopback URL>`.
 */
import type { Subscription } from 'rxjs';
import { Aivvm, CompletionError } from 'rx-completions';

/** Where the page is in its lifecycle; tests wait on `body[data-state]`. */
type PageState = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

function element<T extends HTMLElement>(selector: string, type: new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`the page has no ${selector}`);
  return found;
}

const form = element('#chat', HTMLFormElement);
const prompt = element('#prompt', HTMLInputElement);
const stop = element('#stop', HTMLButtonElement);
const send = element('#send', HTMLButtonElement);
const state = element('#state', HTMLOutputElement);
const reply = element('#reply', HTMLOutputElement);
const errorLine = element('#error', HTMLParagraphElement);

/** The loopback server's URL, passed by the serve script as `?server=`. */
const baseURL = new URLSearchParams(location.search).get('server');

let subscription: Subscription | undefined;

function setState(next: PageState): void {
  document.body.dataset['state'] = next;
  state.value = next;
  send.disabled = next === 'streaming';
  stop.disabled = next !== 'streaming';
}

function describeError(error: unknown): string {
  if (CompletionError.isInstance(error)) return `${error.name} (${error.code}): ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  subscription?.unsubscribe();
  reply.textContent = '';
  errorLine.textContent = '';
  setState('streaming');
  subscription = Aivvm.createCompletion('gpt-4', [{ role: 'user', content: prompt.value }], true, {
    baseURL: baseURL ?? '',
  }).subscribe({
    // `append` adds a text node per chunk: the reply grows as the bytes arrive.
    next: (chunk) => {
      reply.append(chunk);
    },
    complete: () => {
      setState('done');
    },
    error: (error: unknown) => {
      errorLine.textContent = describeError(error);
      setState('error');
    },
  });
});

stop.addEventListener('click', () => {
  if (subscription === undefined || subscription.closed) return;
  // Unsubscribing aborts the fetch; no chunk is delivered after this line.
  subscription.unsubscribe();
  setState('stopped');
});

if (baseURL === null) {
  errorLine.textContent =
    'No ?server= in the URL: open the page through `npx tsx scripts/serve-browser-example.ts`.';
  send.disabled = true;
} else {
  setState('idle');
}
