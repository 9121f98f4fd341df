// One change to js-yaml 4's code, made where scripts/bundle.mjs copies it into dist/bundle/ (what bin/acta.js and the
// check worker run); src/ and the tests' own imports read node_modules/js-yaml as it is.
//
// js-yaml's composeNode tries readFlowCollection on every node that is not a block collection (every scalar of every
// file), and readFlowCollection made its `overridableKeys` — Object.create(null), a dictionary object of ~185 bytes
// that V8 cannot leave unmade — before it looks at the first character and answers false for anything but `[` or `{`.
// At 2,000 meetings that was ~70 KB of garbage a file, most of what js-yaml allocates (a heap profile that counts
// collected objects: 130 KB a file in all), and about a third of the scavenges of a cold validate
// (docs/internals/performance.md, "Cold validate, eighth round"). js-yaml 3 (ajv-cli's) made a plain `{}` there, which V8's
// optimiser leaves out.
//
// The change moves that one declaration below the early `return false`: the object is made only for a flow collection,
// before anything reads it. Nothing else moves, and Object.create(null) has no effect but the object it makes, so
// js-yaml reads every text as before — test/parse/js-yaml-patch.test.ts holds the two to the same data, errors and
// listener events. The text to change is matched exactly: a js-yaml whose code differs (another version) makes the
// build fail here, to be looked at again, rather than be bundled unchanged or changed wrongly.

const DECLARATION = '    const overridableKeys = /* @__PURE__ */ Object.create(null);\n';
const BEFORE = `${DECLARATION}    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
`;
const AFTER = BEFORE.slice(DECLARATION.length) + DECLARATION;

/** js-yaml's dist/js-yaml.mjs with readFlowCollection's `overridableKeys` made after its early return. Throws when the
 * code to change is not there exactly once. */
export function patchJsYaml(source) {
  const at = source.indexOf(BEFORE);
  if (at < 0 || source.indexOf(BEFORE, at + 1) >= 0) throw new Error("scripts/js-yaml-patch.mjs: js-yaml's readFlowCollection is not the one this patch knows (another version?): look at the patch again");
  return source.slice(0, at) + AFTER + source.slice(at + BEFORE.length);
}

/** The file esbuild loads for `import … from 'js-yaml'` on Node (its package's "import" export). */
export const JS_YAML_FILE = /(?:^|[\\/])node_modules[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/;
