import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** What the oracle (or decodeText) made of a stream: the emissions, then maybe an error. */
export interface DecodeOutcome {
  readonly emissions: readonly string[];
  readonly error: { readonly reason: string; readonly offset: number } | null;
}

/** A decode request: the chunks of one stream and the errors mode. */
export interface DecodeCase {
  readonly chunks: readonly Uint8Array[];
  readonly errors: 'strict' | 'replace';
}

const ORACLE = fileURLToPath(new URL('./oracle.py', import.meta.url));

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * One long-lived `python3 spec/decode/oracle.py` process: requests are JSON lines, answered in
 * order, so many cases go through one process (and can be sent in one batch).
 */
export class PythonOracle {
  private readonly process = spawn('python3', [ORACLE], { stdio: ['pipe', 'pipe', 'inherit'] });
  private readonly waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];

  constructor() {
    createInterface({ input: this.process.stdout }).on('line', (line) => {
      this.waiting.shift()?.resolve(line);
    });
    this.process.on('exit', (code) => {
      for (const { reject } of this.waiting.splice(0)) {
        reject(new Error(`python3 oracle exited with ${String(code)}`));
      }
    });
  }

  /** Decodes each case with Python; one batch, one round trip. */
  decode(cases: readonly DecodeCase[]): Promise<DecodeOutcome[]> {
    return Promise.all(
      cases.map(
        async ({ chunks, errors }) =>
          JSON.parse(await this.request({ chunks: chunks.map(toHex), errors })) as DecodeOutcome,
      ),
    );
  }

  /** Every character name Python's unicodedata knows, with its code point. */
  async knownNames(): Promise<[number, string][]> {
    const answer = JSON.parse(await this.request({ names: true })) as { names: [number, string][] };
    return answer.names;
  }

  /** What `\N{name}` decodes to in Python, for each name (null when unknown). */
  async lookup(names: readonly string[]): Promise<(number | null)[]> {
    const answer = JSON.parse(await this.request({ lookup: names })) as {
      code_points: (number | null)[];
    };
    return answer.code_points;
  }

  /** Ends the process. */
  close(): void {
    this.process.stdin.end();
  }

  private request(message: unknown): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.process.stdin.write(`${JSON.stringify(message)}\n`);
    });
  }
}
