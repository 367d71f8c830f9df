/**
 * The benchmarks: `npm run bench` (`tsx bench/run.ts`). For now, decodeText's throughput.
 */
import { benchDecode } from './decode/decode-text.bench.js';

benchDecode();
