import type { Observable } from 'rxjs';
import { expect, it } from 'vitest';
import { HttpStatusError } from '../../../lib/errors/http-status-error.js';
import { TimeoutError } from '../../../lib/errors/timeout-error.js';
import { retryCompletion } from '../../../lib/operators/retry-completion.js';
import type { CompletionOptions } from '../../../lib/providers/provider.js';
import type { ReplyScript } from '../../../lib/testing/index.js';
import type { FaultHarness } from './fault-harness.js';
import { recordUntilSettled, type Recorded } from './record-events.js';

/** What the rows need to know of one provider's fault matrix. */
export interface TransportFaultSubject {
  /** The file's harness. */
  readonly harness: FaultHarness;
  /** The route the provider posts to. */
  readonly path: string;
  /** A completion with these options. */
  readonly complete: (options?: CompletionOptions) => Observable<string>;
  /** Runs a completion to its end (asserting a single end). */
  readonly run: (options?: CompletionOptions) => Promise<Recorded<string>>;
  /** A successful reply on the route, and the text it streams. */
  readonly success: { readonly script: ReplyScript; readonly text: string };
}

/**
 * Registers the fault-matrix rows where the protocol does not matter (the status line, the
 * headers, the wait for them): the same test for every provider.
 *
 * @param subject - the provider's harness, route, completion and a successful reply.
 */
export function itHandlesTransportFaults(subject: TransportFaultSubject): void {
  const { harness, path, run } = subject;

  it.each([413, 503])(
    'status %i with a 5 MB body: HttpStatusError with an 8 KiB excerpt, the rest never read',
    async (status) => {
      const huge = new Uint8Array(5 * 1024 * 1024).fill(0x41);
      harness.server.enqueue({ path, status, body: huge, chunkSize: 64 * 1024, delayMs: 1 });
      const { values, error } = await run();
      expect(values).toEqual([]);
      expect(HttpStatusError.isInstance(error)).toBe(true);
      const failure = error as HttpStatusError;
      expect(failure.status).toBe(status);
      expect(failure.bodyExcerpt).toBe('A'.repeat(8192));
      expect(failure.bodyTruncated).toBe(true);
      expect(failure.message.length).toBeLessThan(400);
      await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
      await harness.expectNothingLeft();
    },
  );

  it('429 with Retry-After: the header is on the error, and retryCompletion waits for it', async () => {
    harness.server.enqueue({ path, status: 429, headers: { 'retry-after': '1' } });
    const limited = await run();
    expect(HttpStatusError.isInstance(limited.error)).toBe(true);
    expect(limited.error).toMatchObject({ status: 429, responseHeaders: { 'retry-after': '1' } });

    harness.server.clearRequests();
    harness.server.enqueue(
      { path, status: 429, headers: { 'retry-after': '1' } },
      { path, ...subject.success.script },
    );
    const retried = await recordUntilSettled(
      subject.complete().pipe(retryCompletion({ count: 1 })),
    );
    expect(retried.completed).toBe(true);
    expect(retried.values.join('')).toBe(subject.success.text);
    const [first, second] = harness.server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
    await harness.expectNothingLeft();
  });

  it('stall before the headers: TimeoutError (first) with the timeout option, request aborted', async () => {
    harness.server.enqueue({ path, stall: 'before-headers' });
    const { values, error } = await run({ timeout: 300 });
    expect(values).toEqual([]);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ limit: 'first', afterMs: 300 });
    await expect(harness.server.requests[0]?.closed).resolves.toBe('client-closed');
    await harness.expectNothingLeft();
  });
}
