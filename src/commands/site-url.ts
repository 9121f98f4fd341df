// `acta site --url` and `acta report --site-url`: in a file of its own so that report does not load site's modules.
import type { Lang } from '../core/model.js';
import { UsageError } from '../io/files.js';
import { t } from '../render/catalog.js';

// The address the site will be published at: http(s) only, so a calendar's link back is one a reader can open (also
// `acta report --site-url`, whose HTML links each meeting's source document to its page there).
// The refusal names the option the user gave (`--url` of site, `--site-url` of report), in the run's language.
export function siteUrl(given: string | undefined, lang: Lang | string, option = '--url'): string | undefined {
  if (given === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+/i.test(given.trim())) throw new UsageError(t(lang, 'refusals.siteUrl', { option, url: given }));
  return given.trim();
}
