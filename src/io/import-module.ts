// import() of a file named at run time (the compiled templates, an ES module). The bundle keeps this module out and
// requires it as its own file (scripts/bundle.mjs): the bundle is compiled through V8's code cache (io/code-cache.ts,
// vm.Script), where Node 20 has no import() once code comes from a cache; this file node compiles itself.
export function importModule(url: string): Promise<unknown> {
  return import(url);
}
