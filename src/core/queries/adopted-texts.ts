// The adopted texts of the meetings held in a period, point by point, as the record keeps them (sub-items nested under
// their point by their number): the report's optional annex (`acta report --texts`).
import type { Action, Meeting } from '../model.js';
import { walkAgreements } from '../walk.js';
import type { ActorRef, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText } from './view.js';

export interface AdoptedPoint {
  readonly ref: string;
  /** The document's own numbering: 6, 2.b. */
  readonly number: string;
  /** 0 for a point, 1 for a sub-item, … */
  readonly depth: number;
  readonly action?: Action;
  readonly text?: LocalText;
  /** The follow-up engine found a commitment in it. */
  readonly commitment: boolean;
}

export interface AdoptedTexts {
  readonly meeting: string;
  readonly date: string;
  readonly body: ActorRef;
  readonly title?: LocalText;
  readonly points: readonly AdoptedPoint[];
}

/** Meetings in report order; `operational`: refs of points holding commitments. */
export function adoptedTexts(meetings: readonly Meeting[], operational: ReadonlySet<string>, ctx: ViewContext): AdoptedTexts[] {
  return meetings.map((m) => {
    const title = pickText(m.title, ctx.lang, ctx.authentic);
    const points = walkAgreements(m).map(({ agreement: a, key, ref }) => {
      const text = pickText(a.text, ctx.lang, ctx.authentic);
      return { ref, number: key, depth: key.split('.').length - 1, ...(a.action ? { action: a.action } : {}), ...(text ? { text } : {}), commitment: operational.has(ref) };
    });
    return { meeting: m.id, date: m.dates.start, body: actorRefs([m.body], ctx)[0]!, ...(title ? { title } : {}), points };
  });
}
