import { describe, expect, it } from 'vitest';
import { alternate } from '../../bench/suite/alternate.js';
import { median, quantile } from '../../bench/stats.js';

describe('quantile', () => {
  it('takes the nearest rank, the upper median for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(quantile([...Array.from({ length: 100 }, (_, index) => index + 1)], 0.99)).toBe(99);
    expect(median([])).toBeNaN();
  });
});

describe('alternate', () => {
  it('reverses the order of the clients from round to round', async () => {
    const order: string[] = [];
    const results = await alternate(3, ['a', 'b', 'c'], (client, round) => {
      order.push(client);
      return Promise.resolve(`${client}${round}`);
    });
    expect(order).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c']);
    expect(results.get('a')).toEqual(['a0', 'a1', 'a2']);
  });
});
