import { Aivvm } from '../providers/aivvm/aivvm.js';
import { ProviderRegistry } from './provider-registry.js';

/**
 * The registry the `createCompletion` facade uses unless given another: `Aivvm` is in it
 * (with `working: false`, so automatic selection skips it until `setWorking('Aivvm', true)`);
 * register your `OpenAICompatible` instances here.
 *
 * @example
 * ```ts
 * defaultRegistry.register(new OpenAICompatible({ baseURL: 'https://api.openai.com/v1', name: 'openai' }));
 * ```
 */
export const defaultRegistry: ProviderRegistry = new ProviderRegistry().register(Aivvm);
