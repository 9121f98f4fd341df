// A page whose HTML is made where it is written: its frame and its model, plain data that can cross to the thread that
// writes the site's files (io/site-writer.ts), which renders it with the same functions — the same bytes as when this
// thread renders it. The links a page makes depend on its language's sets (which actors, activities and sources have
// a page): those cross once per language (PageLinks), not with every page.
import type { LinkContext } from './components.js';
import type { PageFrame } from './layout.js';
import { renderPage } from './layout.js';
import type { MeetingPageModel } from './meeting-pages.js';
import { meetingPage } from './meeting-pages.js';

/** What a language's pages link by: a page's LinkContext without its path. */
export type PageLinks = Omit<LinkContext, 'path'>;

/** A page as data: which page it is (its kind), its frame (language, path, titles) and its model. */
export type PageJob = { readonly kind: 'meeting'; readonly frame: PageFrame; readonly model: MeetingPageModel };

/** The page's HTML. */
export function renderJob(job: PageJob, links: PageLinks): string {
  const lc: LinkContext = { ...links, path: job.frame.path };
  switch (job.kind) {
    case 'meeting':
      return renderPage(job.frame, meetingPage(job.model, lc));
  }
}

/** A file's content that is a page still to render: `render()` gives its text; iterated, it is that text as one
 * piece (so a caller that writes content in pieces writes it as any other). */
export class SitePage implements Iterable<string> {
  constructor(
    readonly job: PageJob,
    readonly links: PageLinks,
  ) {}

  render(): string {
    return renderJob(this.job, this.links);
  }

  [Symbol.iterator](): Iterator<string> {
    return [this.render()][Symbol.iterator]();
  }
}
