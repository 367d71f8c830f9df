import { Aivvm } from '../providers/aivvm/aivvm.js';
import { ProviderRegistry } from './provider-registry.js';

/** Where the process's one default registry is kept, shared by every copy of the package. */
const DEFAULT_REGISTRY_KEY = Symbol.for('rx-completions.defaultRegistry');

function processDefaultRegistry(): ProviderRegistry {
  const holder = globalThis as Record<symbol, ProviderRegistry | undefined>;
  const existing = holder[DEFAULT_REGISTRY_KEY];
  if (existing) return existing;
  const created = new ProviderRegistry().register(Aivvm);
  holder[DEFAULT_REGISTRY_KEY] = created;
  return created;
}

/**
 * The registry the `createCompletion` facade uses unless given another: `Aivvm` is in it
 * (with `working: false`, so automatic selection skips it until `setWorking('Aivvm', true)`);
 * register your `OpenAICompatible` instances here.
 *
 * There is one per process (per JavaScript realm): it is kept on `globalThis` under
 * `Symbol.for('rx-completions.defaultRegistry')`, so the ESM and the CommonJS build, or two
 * installed copies of the package, register into and select from the same registry.
 *
 * @example
 * ```ts
 * defaultRegistry.register(new OpenAICompatible({ baseURL: 'https://api.openai.com/v1', name: 'openai' }));
 * ```
 */
// Pure for bundlers: an app that never uses the registry does not carry Aivvm and its decoder
// (a published build is one module, where only this annotation lets them go).
export const defaultRegistry: ProviderRegistry = /* @__PURE__ */ processDefaultRegistry();
