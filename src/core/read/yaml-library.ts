// The yaml library, behind one accessor: every module of the reading room takes what it uses from it here, loaded on
// the first call. A validate run over plain files (the fast path, positions.ts) never calls it, and so never loads
// the package's 72 modules: the library is CommonJS under Node (its "node" export), so a synchronous require gives the
// same instance an `import` would. Loading a module is not I/O of the records: the core stays pure of fs and process.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  return (library ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
