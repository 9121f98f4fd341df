// Numbers are unique among siblings: agreement points within a meeting, and each level of a plan.
import type { Diagnostic } from '../diagnostics.js';
import { phrase } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import type { Check } from './context.js';
import { diagnosticAt, relatedAt } from './context.js';

function uniqueNumbers(parsed: ParsedFile, list: readonly { number: string }[] | undefined, pointer: string, what: string, out: Diagnostic[]): void {
  const first = new Map<string, number>();
  list?.forEach((item, i) => {
    const seen = first.get(item.number);
    if (seen === undefined) first.set(item.number, i);
    else out.push(diagnosticAt(parsed, `${pointer}/${i}/number`, 'number/duplicate', { kind: what, number: item.number }, { related: [relatedAt(parsed, `${pointer}/${seen}/number`, phrase('firstUsedHere'))] }));
  });
}

export const numbering: Check = {
  name: 'unique numbering',
  run(records) {
    const out: Diagnostic[] = [];
    for (const { data: m, parsed, valid } of records.meetings) {
      if (!valid) continue;
      const visit = (list: typeof m.agreements, pointer: string): void => {
        uniqueNumbers(parsed, list, pointer, 'point', out);
        list.forEach((a, i) => a.items && visit(a.items, `${pointer}/${i}/items`));
      };
      visit(m.agreements, '/agreements');
    }
    for (const { data: p, parsed, valid } of records.plans) {
      if (!valid) continue;
      uniqueNumbers(parsed, p.axes, '/axes', 'axis', out);
      p.axes.forEach((axis, a) => {
        uniqueNumbers(parsed, axis.objectives, `/axes/${a}/objectives`, 'objective', out);
        axis.objectives.forEach((o, oi) => {
          uniqueNumbers(parsed, o.results, `/axes/${a}/objectives/${oi}/results`, 'result', out);
          o.results.forEach((r, ri) => uniqueNumbers(parsed, r.activities, `/axes/${a}/objectives/${oi}/results/${ri}/activities`, 'activity', out));
        });
      });
    }
    return out;
  },
};
