/** What a line typed in `rx-completions chat` asks for. */
export type ChatCommand =
  | { readonly kind: 'send'; readonly text: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'model'; readonly name: string | undefined }
  | { readonly kind: 'help' }
  | { readonly kind: 'exit' }
  | { readonly kind: 'unknown'; readonly name: string };

/**
 * Reads one line typed in `rx-completions chat`: a message to send, or a command (`/reset`,
 * `/model [name]`, `/help`, `/exit`). A line of blanks is `empty`; a line that starts with
 * `//` sends the rest starting with one `/` (so that a message may start with a slash).
 *
 * @param line - the line, without its line break.
 * @returns what to do.
 * @example
 * ```ts
 * parseChatCommand('/model llama3.2'); // { kind: 'model', name: 'llama3.2' }
 * parseChatCommand('Hello');           // { kind: 'send', text: 'Hello' }
 * ```
 */
export function parseChatCommand(line: string): ChatCommand {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('//')) return { kind: 'send', text: trimmed.slice(1) };
  if (!trimmed.startsWith('/')) return { kind: 'send', text: line };
  const [name = '', ...rest] = trimmed.slice(1).split(/\s+/);
  const argument = rest.join(' ');
  switch (name) {
    case 'reset':
      return { kind: 'reset' };
    case 'model':
      return { kind: 'model', name: argument === '' ? undefined : argument };
    case 'help':
      return { kind: 'help' };
    case 'exit':
    case 'quit':
      return { kind: 'exit' };
    default:
      return { kind: 'unknown', name };
  }
}
