/**
 * Chunks pushed by callbacks, pulled by an `async` loop: the seam between a body reader's
 * callbacks and a decompressor that awaits each step.
 *
 * @example
 * ```ts
 * const queue = new ChunkQueue();
 * queue.push(bytes);
 * queue.end();
 * for (let chunk = await queue.next(); chunk; chunk = await queue.next()) use(chunk);
 * ```
 * @internal
 */
export class ChunkQueue {
  readonly #chunks: Uint8Array[] = [];
  #ended = false;
  #failure: { readonly error: unknown } | undefined;
  #wake: (() => void) | undefined;

  /** @param chunk - the next chunk of the body. */
  push(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#notify();
  }

  /** The body ended: `next` resolves `undefined` once the chunks are taken. */
  end(): void {
    this.#ended = true;
    this.#notify();
  }

  /** @param error - why the body failed: `next` rejects with it once the chunks are taken. */
  fail(error: unknown): void {
    this.#failure = { error };
    this.#notify();
  }

  /** The next chunk, `undefined` at the end; rejects with the body's failure. */
  async next(): Promise<Uint8Array | undefined> {
    for (;;) {
      const chunk = this.#chunks.shift();
      if (chunk !== undefined) return chunk;
      if (this.#failure) throw this.#failure.error;
      if (this.#ended) return undefined;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
