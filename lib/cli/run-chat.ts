import { createInterface, type Interface } from 'node:readline';

import type { ChatMessage } from '../messages/chat-message.js';
import type { RetryWait } from '../operators/retry-completion.js';
import type { CliOptions } from './cli-options.js';
import { completionEvents, type CompletionTarget } from './completion-events.js';
import { EXIT_CODES } from './exit-codes.js';
import { retryNotice } from './retry-notice.js';
import type { CliIo } from './cli-io.js';
import { chatErrorLine } from './chat-error-line.js';
import { parseChatCommand } from './chat-command.js';
import { CHAT_HELP } from './chat-help.js';
import { chatTurn } from './chat-turn.js';

/** What `rx-completions chat` runs with. */
export interface ChatRun {
  /** The parsed command line (`--system`, `--timeout`, `--retries`, `--verbose`...). */
  readonly options: CliOptions;
  /** The provider, the first model, the base URL and the key. */
  readonly target: CompletionTarget;
  /** Its streams, environment and interrupt. */
  readonly io: CliIo;
  /** Strings never to print (the API key). */
  readonly secrets: readonly (string | undefined)[];
}

/** What a line asked for once handled: go on, or leave. */
type Next = 'continue' | 'leave';

/** The conversation and the chat's state, as the lines and Ctrl-Cs change them. */
class ChatSession {
  readonly history: ChatMessage[] = [];
  model: string;
  /** The reply streaming now, if any: aborting it stops the reply. */
  reply: AbortController | undefined;
  /** Whether Ctrl-C was pressed at an empty prompt (a second one leaves). */
  armed = false;
  exitCode: number = EXIT_CODES.ok;

  constructor(
    readonly run: ChatRun,
    readonly interactive: boolean,
  ) {
    this.model = run.target.model;
  }

  private notice(text: string): void {
    this.run.io.stderr.write(text);
  }

  /** Sends the conversation with `text` added and streams the reply. */
  private async send(text: string): Promise<Next> {
    const { options, target, io, secrets } = this.run;
    this.history.push({ role: 'user', content: text });
    const onRetry = options.verbose
      ? (error: unknown, wait: RetryWait): void => {
          this.notice(retryNotice(error, wait, options.retries, secrets));
        }
      : undefined;
    const events$ = completionEvents(
      options,
      [...this.history],
      { ...target, model: this.model },
      onRetry,
    );
    this.reply = new AbortController();
    const result = await chatTurn(events$, io.stdout, this.reply.signal);
    this.reply = undefined;
    if (
      result.outcome === 'completed' ||
      (result.outcome === 'interrupted' && result.text !== '')
    ) {
      this.history.push({ role: 'assistant', content: result.text });
      return 'continue';
    }
    // Nothing answered (stopped before the first chunk) or failed: the turn is forgotten.
    this.history.pop();
    if (result.outcome === 'output-closed') return 'leave';
    if (result.outcome === 'failed') {
      const { line, exitCode } = chatErrorLine(result.error, options.verbose, secrets);
      this.notice(line);
      // Read from a pipe, the first failure ends the chat with its exit code, as a script expects.
      if (!this.interactive) {
        this.exitCode = exitCode;
        return 'leave';
      }
    }
    return 'continue';
  }

  /** Handles one line: a command, or a message to send. */
  async handle(line: string): Promise<Next> {
    this.armed = false;
    const command = parseChatCommand(line);
    switch (command.kind) {
      case 'empty':
        return 'continue';
      case 'send':
        return this.send(command.text);
      case 'reset':
        this.history.length = 0;
        this.notice('(conversation cleared)\n');
        return 'continue';
      case 'model':
        if (command.name !== undefined) this.model = command.name;
        this.notice(`(model: ${this.model})\n`);
        return 'continue';
      case 'help':
        this.notice(CHAT_HELP);
        return 'continue';
      case 'exit':
        return 'leave';
      case 'unknown':
        this.notice(`unknown command /${command.name}: /help lists them\n`);
        return 'continue';
    }
  }

  /** Ctrl-C on a terminal: stops the reply, clears the line typed, or (the second) leaves. */
  interrupt(readline: Interface): Next {
    if (this.reply !== undefined) {
      this.reply.abort();
      return 'continue';
    }
    if (readline.line === '' && this.armed) return 'leave';
    this.armed = readline.line === '';
    // Ctrl-E, then Ctrl-U: the cursor to the end, then the whole line deleted.
    readline.write(null, { ctrl: true, name: 'e' });
    readline.write(null, { ctrl: true, name: 'u' });
    this.run.io.stdout.write(
      this.armed ? '^C\n(to leave, press Ctrl-C again or Ctrl-D)\n' : '^C\n',
    );
    readline.prompt();
    return 'continue';
  }
}

/**
 * `rx-completions chat`: a conversation of many turns. Each line read is sent with the whole
 * conversation so far (the user's messages and the replies), and the reply is streamed.
 *
 * - On a terminal (stdin is a TTY): a `> ` prompt read with `node:readline` (line editing and
 *   history); commands `/reset`, `/model [name]`, `/help`, `/exit` (see `CHAT_HELP`); Ctrl-C
 *   stops the reply streaming (its request is aborted; what came of the reply stays in the
 *   conversation, a reply stopped before its first chunk is forgotten with its question);
 *   Ctrl-C at an empty prompt, twice, leaves with exit code 130; Ctrl-D leaves with 0. A failed
 *   turn prints its error line and the chat goes on.
 * - From a pipe: one turn per line, in order, each reply followed by a line break; no prompt;
 *   at the end of stdin, it leaves with 0, and at the first failed turn with its exit code.
 * - `io.signal` (SIGINT from outside): the reply is aborted and it leaves with 130.
 *
 * @param run - the options, the target, the streams and the secrets.
 * @returns the exit code.
 * @example
 * ```ts
 * const code = await runChat({ options, target, io, secrets: [apiKey] });
 * ```
 */
export async function runChat(run: ChatRun): Promise<number> {
  const { io } = run;
  const interactive = io.stdin.isTTY === true;
  const session = new ChatSession(run, interactive);
  const readline = createInterface({
    input: io.stdin,
    ...(interactive ? { output: io.stdout, terminal: true, prompt: '> ' } : { terminal: false }),
  });
  const status = { leaving: false };
  const leave = (code?: number): void => {
    status.leaving = true;
    if (code !== undefined) session.exitCode = code;
    session.reply?.abort();
    readline.close();
  };
  const onAbort = (): void => {
    leave(EXIT_CODES.interrupted);
  };
  if (io.signal?.aborted) return EXIT_CODES.interrupted;
  io.signal?.addEventListener('abort', onAbort, { once: true });
  readline.on('SIGINT', () => {
    if (session.interrupt(readline) === 'leave') leave(EXIT_CODES.interrupted);
  });
  // Ctrl-D on a terminal leaves at once; the end of a pipe leaves once its lines are answered.
  readline.on('close', () => {
    if (interactive) leave();
  });
  if (interactive) {
    const { provider, baseURL } = run.target;
    io.stderr.write(`chat with ${session.model} (${provider}, ${baseURL}); /help for help\n`);
    readline.prompt();
  }
  try {
    for await (const line of readline) {
      if (status.leaving) break;
      if ((await session.handle(line)) === 'leave') break;
      if (interactive) readline.prompt();
    }
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    readline.close();
  }
  return session.exitCode;
}
