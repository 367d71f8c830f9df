import { describe, expect, it, vi } from 'vitest';

type DefaultRegistryModule = typeof import('../../lib/registry/default-registry.js');

describe('defaultRegistry', () => {
  it('is one per process: two instances of the module (as the ESM and CJS builds are) share it', async () => {
    const first: DefaultRegistryModule = await import('../../lib/registry/default-registry.js');
    vi.resetModules();
    const second: DefaultRegistryModule = await import('../../lib/registry/default-registry.js');
    const { ProviderRegistry: FirstClass } =
      await import('../../lib/registry/provider-registry.js');
    // A fresh module instance: its classes are new objects, the registry is not.
    expect(FirstClass).not.toBe(first.defaultRegistry.constructor);
    expect(second.defaultRegistry).toBe(first.defaultRegistry);
    expect(Reflect.get(globalThis, Symbol.for('rx-completions.defaultRegistry'))).toBe(
      first.defaultRegistry,
    );
  });
});
