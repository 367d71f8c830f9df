/**
 * Composing completions with RxJS: a two-turn chat, a type-ahead search, two replies side by
 * side and a Stop button. Each section runs against the built-in loopback server, prints what
 * it got, and the script exits 0.
 */
import {
  combineLatest,
  from,
  lastValueFrom,
  map,
  Subject,
  switchMap,
  takeUntil,
  timer,
  toArray,
  type Observable,
} from 'rxjs';
import {
  accumulateText,
  Aivvm,
  converse,
  messageText,
  retryCompletion,
  toMessage,
  type AivvmModelName,
  type Messages,
} from 'rx-completions';
import { startLoopbackServer, type AivvmChatBody } from 'rx-completions/testing';

const server = await startLoopbackServer({ delayMs: 5 });

/** Streams the reply to `messages`: the function every section below starts from. */
const complete = (messages: Messages, model: AivvmModelName = 'gpt-4'): Observable<string> =>
  Aivvm.createCompletion(model, messages, true, { baseURL: server.url }).pipe(retryCompletion());

/** Streams the reply to one question. */
const ask = (question: string, model?: AivvmModelName): Observable<string> =>
  complete([{ role: 'user', content: question }], model);

const firstLine = (text: string): string => text.split('\n')[0] ?? '';

/** What the server saw of its requests: the question asked and how each response ended. */
async function serverLog(): Promise<string[]> {
  return Promise.all(
    server.requests.map(async (request) => {
      const body = request.json() as AivvmChatBody;
      return `"${body.messages.at(-1)?.content ?? ''}" ${await request.closed}`;
    }),
  );
}

try {
  // 1. A chat. One turn by hand: `toMessage()` collects the streamed reply into the message
  //    that goes into the history. Then `converse` does the same for every message of a stream,
  //    sending each with the whole history so far.
  console.log('== chat ==');
  const asked: Messages = [{ role: 'user', content: 'What is RxJS?' }];
  const reply = await lastValueFrom(complete(asked).pipe(toMessage()));
  const history = await lastValueFrom(
    from(['And what does switchMap do?']).pipe(converse(complete, [...asked, reply])),
  );
  for (const message of history) console.log(`${message.role}: ${firstLine(messageText(message))}`);
  console.log(`history: ${history.length} messages`);
  // The loopback server's reply describes the request: the second turn was sent the history.
  const last = history.at(-1);
  const lastReply = last ? messageText(last) : '';
  console.log(`the last reply saw: ${lastReply.match(/\*\*Conversation:\*\* (.*)/)?.[1] ?? '?'}`);

  // 2. Type-ahead: every keystroke starts a search and `switchMap` cancels the one before,
  //    which aborts its request. (Here the next key is typed as soon as the server has the
  //    previous query; in an app, `query$` is `fromEvent(input, 'input')`, often debounced.)
  console.log('== type-ahead ==');
  server.clearRequests();
  const query$ = new Subject<string>();
  const answers = lastValueFrom(
    query$.pipe(
      switchMap((query) => ask(`Search: ${query}`).pipe(toMessage())),
      map((message) => firstLine(message.content)),
      toArray(),
    ),
  );
  const typed = ['r', 'rx', 'rxjs'];
  for (const [index, query] of typed.entries()) {
    query$.next(query);
    await server.waitForRequests(index + 1);
  }
  query$.complete();
  for (const answer of await answers) console.log(`answered: ${answer}`);
  for (const line of await serverLog()) console.log(`server: ${line}`);

  // 3. Side by side: two models answer at once; `accumulateText()` turns each stream into
  //    the text so far and `combineLatest` renders both columns whenever either grows.
  console.log('== side by side ==');
  const question = 'Explain Observables in one paragraph';
  const frames = await lastValueFrom(
    combineLatest({
      left: ask(question, 'gpt-4').pipe(accumulateText()),
      right: ask(question, 'gpt-3.5-turbo').pipe(accumulateText()),
    }).pipe(toArray()),
  );
  const final = frames.at(-1) ?? { left: '', right: '' };
  console.log(`frames rendered: ${frames.length}`);
  for (const [column, text] of Object.entries(final)) {
    console.log(`${column}: ${text.length} chars, last line: ${text.trim().split('\n').at(-1)}`);
  }

  // 4. A Stop button: `takeUntil(stop$)` ends the reply where it is and aborts the request.
  //    Here the user clicks 100 ms in; in an app, `stop$` is `fromEvent(stopButton, 'click')`.
  console.log('== stop ==');
  server.clearRequests();
  const stop$ = timer(100);
  const stopped$ = ask(question, 'gpt-4').pipe(accumulateText(), takeUntil(stop$));
  const shown = await lastValueFrom(stopped$, { defaultValue: '' });
  console.log(`shown before Stop: ${shown.length} of ${final.left.length} chars`);
  for (const line of await serverLog()) console.log(`server: ${line}`);
} finally {
  await server.close();
}
