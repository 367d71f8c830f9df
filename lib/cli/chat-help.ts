/**
 * What `/help` prints in `rx-completions chat`.
 *
 * @example
 * ```ts
 * process.stderr.write(CHAT_HELP);
 * ```
 */
export const CHAT_HELP = `Type a message and press Enter: it is sent with the whole conversation so far, and the
reply streams back.
  /reset          forget the conversation (the --system prompt stays)
  /model [name]   switch to model <name>; without a name, print the current one
  /help           print this help
  /exit           leave (as Ctrl-D does)
  //text          send "/text"
Ctrl-C stops a reply as it streams: the request is aborted and what came of the reply stays in
the conversation. Ctrl-C clears a line typed at the prompt; at an empty prompt, press it twice
to leave (exit code 130). Ctrl-D at an empty prompt leaves (exit code 0).
`;
