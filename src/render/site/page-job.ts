// A page whose HTML is made where it is written: its frame and what its content is built from, plain data that can
// cross to the thread that writes the site's files (io/site-writer.ts), which builds the content and renders it with
// the same functions — the same bytes as when this thread does. A meeting's page is sent as its record and its own
// commitments (not as its content): its content — the meeting's and each agreement's show, each commitment's view —
// and its search documents are then made in the writer, off this thread. What a language's pages are built and link
// by (PageSetting: its view context, the day, which actors, activities and sources have a page, the other language's
// actor names) crosses once per language, not with every page.
import type { Day } from '../../core/dates.js';
import type { Commitment } from '../../core/followup/index.js';
import type { Meeting } from '../../core/model.js';
import type { SiteActorEntry } from '../../core/queries/site.js';
import { siteMeeting } from '../../core/queries/site.js';
import type { ViewContext } from '../../core/queries/view.js';
import type { LinkContext } from './components.js';
import type { PageFrame } from './layout.js';
import { renderPage } from './layout.js';
import { meetingPage } from './meeting-pages.js';
import type { DocumentSource, OtherActors, SearchDocument } from './search-index.js';
import { meetingDocuments, otherActors } from './search-index.js';

/** What a language's pages link by: a page's LinkContext without its path. */
export type PageLinks = Omit<LinkContext, 'path'>;

/** What a language's pages are built and linked by (the same for every page of the language). */
export interface PageSetting {
  readonly links: PageLinks;
  /** The language's view context: actor names and record text in that language. */
  readonly view: ViewContext;
  readonly asOf: Day;
  /** The other language's actors: a search document names an actor in both languages. */
  readonly other: readonly SiteActorEntry[];
}

/** A page as data: which page it is (its kind), its frame (language, path, titles) and what its content is built from. */
export type PageJob = { readonly kind: 'meeting'; readonly frame: PageFrame; readonly meeting: Meeting; readonly commitments: readonly Commitment[] };

/** The page's HTML and its search documents (a meeting and its agreements). */
export interface RenderedPage {
  readonly html: string;
  readonly documents: readonly SearchDocument[];
}

const OTHER = new WeakMap<PageSetting, OtherActors>();

function otherOf(setting: PageSetting): OtherActors {
  let other = OTHER.get(setting);
  if (!other) OTHER.set(setting, (other = otherActors(setting.other)));
  return other;
}

/** The page's content built and rendered; with `html: false` only its search documents. */
export function renderJob(job: PageJob, setting: PageSetting, html = true): RenderedPage {
  switch (job.kind) {
    case 'meeting': {
      const m = siteMeeting(job.meeting, job.commitments, setting.view, setting.asOf);
      const lc: LinkContext = { ...setting.links, path: job.frame.path };
      return { html: html ? renderPage(job.frame, meetingPage(m, lc)) : '', documents: meetingDocuments(m, setting.links.lang, otherOf(setting)) };
    }
  }
}

/** A file's content that is a page still to render: `render()` gives its text; iterated, it is that text as one
 * piece (so a caller that writes content in pieces writes it as any other). Its search documents (`documents()`)
 * are kept from its rendering until its shard of the index is written (made then, if it was not rendered here). */
export class SitePage implements Iterable<string>, DocumentSource {
  private docs: readonly SearchDocument[] | undefined;

  constructor(
    readonly job: PageJob,
    readonly setting: PageSetting,
  ) {}

  render(): string {
    const page = renderJob(this.job, this.setting);
    this.docs = page.documents;
    return page.html;
  }

  documents(): readonly SearchDocument[] {
    return (this.docs ??= renderJob(this.job, this.setting, false).documents);
  }

  /** Its search documents when it was rendered here (else undefined: rendered elsewhere, or not yet). */
  get rendered(): readonly SearchDocument[] | undefined {
    return this.docs;
  }

  [Symbol.iterator](): Iterator<string> {
    return [this.render()][Symbol.iterator]();
  }
}
