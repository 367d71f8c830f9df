import type { BodyClientName, ChatClientName } from '../clients/chat-client.js';
import type { Repeats } from './best-run.js';

/** What one child process measures: one workload, one client. */
export type ChildTask =
  | {
      /** Many small chunks: stream the long SSE stream once. */
      readonly kind: 'events';
      readonly client: ChatClientName;
      readonly server: string;
      /** The content's length, to check that every delta arrived. */
      readonly expectedLength: number;
      /** Short completions before the measured ones, to warm the JIT up. */
      readonly warmUp: number;
      /** The stream is read this many times, within a budget; the fastest run counts. */
      readonly repeats: Repeats;
    }
  | {
      /** Big body: read the Aivvm body of `/big` (mixed text) or `/ascii`. */
      readonly kind: 'body';
      readonly client: BodyClientName;
      readonly server: string;
      readonly text: 'big' | 'ascii';
      /** Its length: bytes, or UTF-16 code units for a client that decodes. */
      readonly expectedLength: number;
      /** The body is read this many times, within a budget; the fastest run counts. */
      readonly repeats: Repeats;
    }
  | {
      /** Memory: read the Aivvm body of `/memory` once, watching the RSS. */
      readonly kind: 'memory';
      readonly client: BodyClientName;
      readonly server: string;
      readonly expectedLength: number;
    }
  | {
      /** Memory of a chat client: stream the `/huge` SSE reply once, watching the RSS. */
      readonly kind: 'chat-memory';
      readonly client: ChatClientName;
      readonly server: string;
      readonly expectedLength: number;
    }
  | {
      /** Concurrency: `streams` completions of the `/many` stream at once. */
      readonly kind: 'concurrent';
      readonly client: ChatClientName;
      readonly server: string;
      readonly streams: number;
      /** Content events per stream: `/many` serves `concurrentEvents`, `/many-N` N. */
      readonly perStream: number;
      /** Each stream's content length. */
      readonly expectedLength: number;
      readonly warmUp: number;
      readonly repeats: Repeats;
    }
  | {
      /** Time to first chunk: sequential short completions on one keep-alive connection. */
      readonly kind: 'first-chunk';
      readonly client: ChatClientName;
      readonly server: string;
      readonly warmUp: number;
      readonly completions: number;
    }
  | {
      /** Cancellation: subscribe → first chunk → cancel, `warmUp + cycles` times. */
      readonly kind: 'cancel';
      readonly client: ChatClientName;
      readonly server: string;
      readonly warmUp: number;
      readonly cycles: number;
    }
  | {
      /** The decode benchmark: `benchDecode(rounds)`. */
      readonly kind: 'decode';
      readonly rounds: number;
    };

/** How long a measured run took: wall-clock, and the CPU the client process used meanwhile. */
export interface Timed {
  readonly seconds: number;
  /** User and system CPU seconds of the client process (its own threads: GC, I/O). */
  readonly cpuSeconds: number;
}

/** What a child reports, by task kind. */
export interface ChildResults {
  readonly events: Timed;
  readonly body: Timed;
  readonly concurrent: Timed;
  readonly memory: Timed & {
    /** RSS before the request, at its peak while streaming, after: bytes. */
    readonly rssBefore: number;
    readonly rssPeak: number;
    readonly rssAfter: number;
  };
  readonly 'chat-memory': ChildResults['memory'];
  readonly 'first-chunk': {
    /** Milliseconds from the call to the first delta, one per measured completion. */
    readonly samples: readonly number[];
    /** CPU seconds of the client process over the measured completions. */
    readonly cpuSeconds: number;
  };
  readonly cancel: {
    /** `process.hrtime.bigint()` of each cancellation (warm-up ones included), as decimal text. */
    readonly cancelledAt: readonly string[];
    /** TCP sockets still open in the client, 100 ms after the last cycle. */
    readonly clientSockets: number;
    /** The client's RSS then, bytes. */
    readonly rss: number;
    /** CPU seconds of the client process over the measured cycles. */
    readonly cpuSeconds: number;
  };
  readonly decode: {
    /** What `benchDecode` printed. */
    readonly lines: readonly string[];
  };
}

/** The result of any task. */
export type ChildResult = ChildResults[keyof ChildResults];
