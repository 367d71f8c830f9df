import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Where and with what a run was made. */
export interface BenchEnvironment {
  /** `os.cpus()[0].model`. */
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  /** The installed versions of the peers and of what ours is built on. */
  readonly versions: Readonly<Record<string, string>>;
  /** ISO 8601, to the second. */
  readonly date: string;
}

const PACKAGES = [
  'openai',
  'openai-7',
  'ai',
  'ai-7',
  '@ai-sdk/openai-compatible',
  '@ai-sdk/openai-compatible-3',
  'axios',
  'rxjs',
  'eventsource-parser',
];

function installedVersion(name: string): string {
  try {
    const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/**
 * Describes this machine and the installed peers.
 *
 * @returns the environment.
 */
export function benchEnvironment(): BenchEnvironment {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    versions: Object.fromEntries(PACKAGES.map((name) => [name, installedVersion(name)])),
    date: new Date().toISOString().slice(0, 19) + 'Z',
  };
}
