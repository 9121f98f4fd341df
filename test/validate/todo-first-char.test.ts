// placeholders.ts tests TODO's expression only on texts whose first character may start a match (a `T` or a space
// as `\s` reads it): never a placeholder missed, over every character that may come first.
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import { describe, expect, it } from 'vitest';
import { mayBeTodo } from '../../src/core/checks/placeholders.js';

const TODO = /^\s*TODO\b/;

describe('mayBeTodo', () => {
  it('is true for every text TODO matches, whatever its first character', () => {
    // Every UTF-16 code unit as the first character, then TODO (or spaces and TODO): the expression decides.
    for (let c = 0; c <= 0xffff; c++) {
      for (const rest of ['TODO', 'ODO', ' TODO: x']) {
        const s = String.fromCharCode(c) + rest;
        if (TODO.test(s)) expect(mayBeTodo(s), `U+${c.toString(16)}`).toBe(true);
      }
    }
  });

  it('agrees with the expression on random texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: BINARY }), fc.constantFrom('', ' ', '\u3000TODO', '\ufeffTODO', 'TODOs', 'Todo')), (s) => {
        if (TODO.test(s)) expect(mayBeTodo(s)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('rules out a text that starts with any other letter', () => {
    expect(mayBeTodo('Tarea')).toBe(true);
    expect(mayBeTodo('title')).toBe(false);
    expect(mayBeTodo('')).toBe(false);
  });
});
