// The schemas themselves: editor help on every property (English and Spanish), hostile-input limits, modelines that resolve.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles } from '../../src/io/files.js';
import { readSchemas } from '../../src/io/schemas.js';
import { ID_FORM, MEETING_ID_FORM } from '../../src/core/id-forms.js';

const schemas = readSchemas();

type Json = Record<string, unknown>;
function* nodes(value: unknown, at: string): Generator<[string, Json]> {
  if (!value || typeof value !== 'object') return;
  if (!Array.isArray(value)) yield [at, value as Json];
  for (const [k, v] of Object.entries(value)) yield* nodes(v, `${at}/${k}`);
}

// An editor shows the description of a $ref's target when the property has none of its own.
function resolveRef(from: string, ref: unknown): Json | undefined {
  if (typeof ref !== 'string') return undefined;
  const [file, pointer] = ref.split('#');
  let node: unknown = schemas[file || from];
  for (const seg of (pointer ?? '').split('/').filter(Boolean)) node = (node as Json | undefined)?.[seg];
  return node as Json | undefined;
}

describe.each(Object.keys(schemas))('%s', (name) => {
  const schema = schemas[name]!;
  const all = [...nodes(schema, '')];

  it('describes every property in English and Spanish', () => {
    const undocumented: string[] = [];
    for (const [at, node] of all) {
      const props = node['properties'] as Record<string, Json> | undefined;
      if (!props || at.endsWith('/properties') || at.endsWith('/if')) continue;
      for (const [key, prop] of Object.entries(props)) {
        const d = prop['description'] ?? resolveRef(name, prop['$ref'])?.['description'];
        if (typeof d !== 'string' || !d.includes(' — ')) undocumented.push(`${at}/properties/${key}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('bounds every string and every array', () => {
    const unbounded: string[] = [];
    for (const [at, node] of all) {
      if (node['type'] === 'string' && node['maxLength'] === undefined) unbounded.push(at);
      if (node['type'] === 'array' && node['maxItems'] === undefined) unbounded.push(at);
    }
    expect(unbounded).toEqual([]);
  });

  it('requires only properties it defines', () => {
    const wrong: string[] = [];
    for (const [at, node] of all) {
      const required = node['required'] as string[] | undefined;
      const props = node['properties'] as Json | undefined;
      if (required && props) for (const r of required) if (!(r in props)) wrong.push(`${at}: ${r}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('editor modelines', () => {
  it('every bundled record names a schema that exists and fits its kind', async () => {
    const root = path.resolve('data');
    const files = await listRecordFiles(root);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
      expect(m, `${file} has a modeline`).not.toBeNull();
      const target = path.resolve(path.dirname(path.join(root, file)), m![1]!);
      expect(existsSync(target), `${file} → ${target}`).toBe(true);
      const kind = /^record: (\w+)/m.exec(text)?.[1];
      const expected = file === 'acta.yaml' ? 'config.schema.json' : kind === 'meeting' ? 'meeting.schema.json' : kind === 'plan' ? 'plan.schema.json' : 'registry.schema.json';
      expect(path.basename(target)).toBe(expected);
    }
  });
});

describe('the id forms code checks before a record holds an id (core/id-forms.ts)', () => {
  it("are the schemas' own patterns for `id` and `meetingRef`", () => {
    const common = Object.values(schemas).find((x) => JSON.stringify(x).includes('"meetingRef"')) as { $defs: Record<string, { pattern: string }> };
    expect(ID_FORM.source).toBe(common.$defs['id']!.pattern);
    expect(MEETING_ID_FORM.source).toBe(common.$defs['meetingRef']!.pattern);
  });
});
