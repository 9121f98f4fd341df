// For a vi.mock of src/io/load.js: the real module, its loadRepository calling `after` with each repository it loads
// before giving it back (test/site/meetings-held.test.ts, test/followup/records-freed.test.ts register what was loaded
// for finalisation). vi.mock is hoisted to its file's top: the factory imports this module itself.
import type { Repository } from '../../src/io/load.js';

type LoadModule = typeof import('../../src/io/load.js');

export async function afterLoad(importOriginal: <T>() => Promise<T>, after: (repo: Repository) => void): Promise<LoadModule> {
  const real = await importOriginal<LoadModule>();
  return {
    ...real,
    loadRepository: async (...args: Parameters<LoadModule['loadRepository']>) => {
      const repo = await real.loadRepository(...args);
      after(repo);
      return repo;
    },
  };
}
