import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The peak RSS since the last reset (Linux's `VmHWM`), or `undefined` elsewhere.
 *
 * @returns bytes.
 */
export function peakRss(): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Resets the peak RSS to the current RSS (Linux: `5` into `/proc/self/clear_refs`).
 *
 * @returns whether it could.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
