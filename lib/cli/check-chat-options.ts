import type { CliOptions } from './cli-options.js';
import { UsageError } from './usage-error.js';

/**
 * Refuses what `rx-completions chat` cannot honour: a prompt in the arguments (it is typed at
 * the `> ` prompt, or read line by line from stdin) and `--json` (the chat prints text).
 *
 * @param options - the parsed options that follow `chat`.
 * @throws {@link UsageError} naming the option.
 * @example
 * ```ts
 * checkChatOptions(parseCliArgs(['--serve']).options); // fine
 * ```
 */
export function checkChatOptions(options: CliOptions): void {
  if (options.prompt !== undefined) {
    throw new UsageError('chat takes no prompt argument: type it at the > prompt');
  }
  if (options.json) throw new UsageError('--json does not apply to chat');
}
