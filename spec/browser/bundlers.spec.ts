import { describe, expect, it } from 'vitest';
import { bundleApps, type AppBundle } from '../../scripts/bundle-apps.js';

describe('the name table in apps built with esbuild, vite and rollup', () => {
  let bundles: Promise<AppBundle[]> | undefined;
  const all = (): Promise<AppBundle[]> => (bundles ??= bundleApps());
  const placesOf = async (app: AppBundle['app']): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await all())
        .filter((bundle) => bundle.app === app)
        .map(({ bundler, nameTable }) => [bundler, nameTable]),
    );

  it('is absent from an app that imports only OpenAICompatible, with every bundler', async () => {
    expect(await placesOf('OpenAICompatible only')).toEqual({
      esbuild: 'absent',
      vite: 'absent',
      rollup: 'absent',
    });
  }, 60_000);

  it('is present where decodeText is imported: a lazy chunk with vite and rollup', async () => {
    expect(await placesOf('decodeText')).toEqual({
      esbuild: 'entry',
      vite: 'lazy chunk',
      rollup: 'lazy chunk',
    });
    expect(await placesOf('the whole root entry')).toEqual({
      esbuild: 'entry',
      vite: 'lazy chunk',
      rollup: 'lazy chunk',
    });
  }, 60_000);

  it('keeps an OpenAICompatible-only app small: under 20 KiB gzipped, with every bundler', async () => {
    const sizes = (await all())
      .filter((bundle) => bundle.app === 'OpenAICompatible only')
      .map((bundle) => bundle.totalGzipped);
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toBeLessThan(20 * 1024);
  }, 60_000);
});
