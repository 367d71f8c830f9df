/**
 * Runs every client once per round, each in turn, the order reversed from round to round
 * (A B C, C B A, A B C...): no client always runs first or last, and neighbours stay
 * neighbours, so that a ratio between them is taken on the same moment of a noisy machine.
 *
 * @param rounds - how many rounds.
 * @param clients - the clients.
 * @param run - measures one client once.
 * @returns each client's results, one per round, in round order.
 * @example
 * ```ts
 * const seconds = await alternate(5, ['bare-http', 'ours'], (client) => timeOne(client));
 * ```
 */
export async function alternate<C extends string, R>(
  rounds: number,
  clients: readonly C[],
  run: (client: C, round: number) => Promise<R>,
): Promise<Map<C, R[]>> {
  const results = new Map<C, R[]>(clients.map((client) => [client, []]));
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < clients.length; turn++) {
      const client = clients[round % 2 === 0 ? turn : clients.length - 1 - turn];
      if (client === undefined) continue;
      results.get(client)?.push(await run(client, round));
    }
  }
  return results;
}

/**
 * The results of one client, which `alternate` always has.
 *
 * @param results - what `alternate` returned.
 * @param client - the client.
 * @returns its results, round by round.
 */
export function resultsOf<C, R>(results: Map<C, R[]>, client: C): R[] {
  const values = results.get(client);
  if (values === undefined) throw new Error(`no results for ${String(client)}`);
  return values;
}
