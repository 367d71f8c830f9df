import { benchDecode } from '../decode/decode-text.bench.js';
import type { ChildResults } from './child-task.js';

/**
 * Runs the decode benchmark (`bench/decode/decode-text.bench.ts`) and keeps what it prints.
 *
 * @param rounds - its rounds.
 * @returns the lines it printed.
 */
export function measureDecode(rounds: number): ChildResults['decode'] {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...values: unknown[]) => lines.push(values.map(String).join(' '));
  try {
    benchDecode(rounds);
  } finally {
    console.log = log;
  }
  return { lines };
}
