/**
 * A call of one of the request's tools, as the model asked for it.
 *
 * @example
 * ```ts
 * const call: ToolCall = { id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' };
 * ```
 */
export interface ToolCall {
  /** The call's id, which the `tool` message answering it repeats as `toolCallId`. */
  readonly id: string;
  /** The tool's name. */
  readonly name: string;
  /** The arguments, as the model wrote them: JSON text (RFC 8259), usually an object. */
  readonly arguments: string;
  /**
   * An opaque signature the provider gave with the call and wants back with it (Gemini's
   * `thoughtSignature`, which its thinking models require in the next request); keep it as
   * it came.
   */
  readonly signature?: string;
}
