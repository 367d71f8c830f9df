import { describe } from 'vitest';
import { parseServerSentEvents } from '../../lib/sse/parse-server-sent-events.js';
import { itHonoursTheOperatorContract } from '../operators/support/operator-contract.js';

describe('parseServerSentEvents', () => {
  itHonoursTheOperatorContract({
    operator: () => parseServerSentEvents({ provider: 'Test' }),
    valueAt: (index) => `data: ${index}\n\n`,
    poison: null as unknown as string,
  });
});
