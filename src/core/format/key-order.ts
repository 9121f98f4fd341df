// The canonical key order of each mapping in a record: the order of `properties` in its JSON Schema, followed
// through $ref, items and combinators. Keys the schema does not name keep their place after the named ones.
import type { RecordKind, SchemaSet } from '../schema.js';
import { SCHEMA_FILE } from '../schema.js';

export interface KeyOrder {
  /** Property names, in schema order. */
  readonly keys: readonly string[];
  /** The order inside the value of a property. */
  child(key: string): KeyOrder | undefined;
  /** The order inside each item of an array. */
  items(): KeyOrder | undefined;
}

type Json = Record<string, unknown>;
interface At {
  readonly node: Json;
  readonly doc: string;
}

export function keyOrderFor(schemas: SchemaSet, kind: RecordKind): KeyOrder | undefined {
  const doc = SCHEMA_FILE[kind];
  const root = schemas[doc] as Json | undefined;
  return root ? orderAt(schemas, [{ node: root, doc }]) : undefined;
}

function orderAt(schemas: SchemaSet, schemaNodes: readonly At[]): KeyOrder | undefined {
  const nodes = schemaNodes.flatMap((n) => expand(schemas, n, 0));
  if (nodes.length === 0) return undefined;
  const keys: string[] = [];
  for (const { node } of nodes) for (const k of Object.keys(asJson(node.properties))) if (!keys.includes(k)) keys.push(k);
  // Orders are worked out once per schema place, not once per mapping of every file formatted.
  const children = new Map<string, KeyOrder | undefined>();
  let itemOrder: { order: KeyOrder | undefined } | undefined;
  return {
    keys,
    child: (key) => {
      if (!keys.includes(key)) return undefined;
      if (!children.has(key)) children.set(key, orderAt(schemas, nodes.flatMap(({ node, doc }) => { const p = asJson(node.properties)[key]; return p && typeof p === 'object' ? [{ node: p as Json, doc }] : []; })));
      return children.get(key);
    },
    items: () => (itemOrder ??= { order: orderAt(schemas, nodes.flatMap(({ node, doc }) => (node.items && typeof node.items === 'object' ? [{ node: node.items as Json, doc }] : []))) }).order,
  };
}

// A schema node with its $ref followed and its allOf/anyOf/oneOf/then/else branches alongside.
function expand(schemas: SchemaSet, at: At, depth: number): At[] {
  if (depth > 20) return [];
  const out: At[] = [at];
  const ref = at.node.$ref;
  if (typeof ref === 'string') {
    const target = resolveRef(schemas, at.doc, ref);
    if (target) out.push(...expand(schemas, target, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = at.node[key];
    if (Array.isArray(list)) for (const sub of list) if (sub && typeof sub === 'object') out.push(...expand(schemas, { node: sub as Json, doc: at.doc }, depth + 1));
  }
  for (const key of ['then', 'else']) {
    const sub = at.node[key];
    if (sub && typeof sub === 'object') out.push(...expand(schemas, { node: sub as Json, doc: at.doc }, depth + 1));
  }
  return out;
}

function resolveRef(schemas: SchemaSet, doc: string, ref: string): At | undefined {
  const [file, fragment = ''] = ref.split('#');
  const target = file ? file : doc;
  let node: unknown = schemas[target];
  for (const seg of fragment.split('/').filter(Boolean)) node = node && typeof node === 'object' ? (node as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return node && typeof node === 'object' ? { node: node as Json, doc: target } : undefined;
}

function asJson(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}
