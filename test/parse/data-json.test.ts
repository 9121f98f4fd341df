// A check worker sends a record's data to the main thread as JSON text (core/read/data-json.ts): it must do so only
// when JSON.parse gives back the very data the fast path read — the same values, the same key order — and refuse the
// rest (the file is then parsed on the main thread).
import { describe, expect, it } from 'vitest';
import { dataAsJson } from '../../src/core/read/data-json.js';
import { readPlainRecord } from '../../src/core/read/parse-fast.js';
import { LIMITS } from '../../src/core/read/parse.js';
import { generateYaml } from './yaml-grammar.js';

/** Every object's keys, in order, all the way down: toEqual does not compare key order. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return v;
}

function backAgain(data: unknown): unknown {
  const json = dataAsJson(data);
  return json === undefined ? undefined : JSON.parse(json);
}

describe('a record\'s data as JSON text', () => {
  it('gives back the same data, key order included, for what the fast path reads', () => {
    const text = 'record: meeting\n2: two\n1: one\nid: x\nn: 123456789012345\nf: 1.5e-7\nt: true\nz: null\ns: "\\ud83d lone"\nlist: [a, 1, null, { b: 2, a: 1 }]\n';
    const data = readPlainRecord(text, LIMITS);
    expect(data).toBeDefined();
    const back = backAgain(data);
    expect(back).toEqual(data);
    expect(shape(back)).toEqual(shape(data));
    expect(Object.keys(back as object)).toEqual(['1', '2', 'record', 'id', 'n', 'f', 't', 'z', 's', 'list']);
  });

  it('refuses what JSON would change: numbers not finite, -0; anything not plain data', () => {
    // The fast path leaves such numbers to the located path today (they never reach a worker's answer); refused anyway.
    for (const value of [Infinity, -Infinity, NaN, -0]) expect(dataAsJson({ record: 'meeting', nested: { list: [1, value] } }), String(value)).toBeUndefined();
    expect(dataAsJson({ a: 0, b: -1.5 })).toBe('{"a":0,"b":-1.5}');
    expect(dataAsJson({ a: Object.create(null) })).toBeUndefined();
    expect(dataAsJson({ a: new Date(0) })).toBeUndefined();
    expect(dataAsJson({ a: undefined })).toBeUndefined();
    // eslint-disable-next-line no-sparse-arrays
    expect(dataAsJson({ a: [1, , 3] })).toBeUndefined();
  });

  it('on generated YAML texts shaped like records (fixed seeds): whatever it sends comes back the same', () => {
    let sent = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const data = readPlainRecord(generateYaml(seed), LIMITS);
      if (data === undefined) continue;
      const back = backAgain(data);
      if (back === undefined) continue;
      sent++;
      expect(back).toEqual(data);
      expect(shape(back)).toEqual(shape(data));
    }
    expect(sent).toBeGreaterThan(50);
  });
});
