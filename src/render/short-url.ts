// How an evidence address reads as a link's text: host and path, without the scheme, a leading "www.", the query,
// the fragment or a trailing slash, and a long path cut in its middle ("example.org/docs/…/informe-2017.pdf").
// Only http(s) addresses are links anywhere acta writes HTML (never javascript: or data:).

export const WEB_ADDRESS = /^https?:\/\/[^\s]+$/i;

export const isWebAddress = (url: string): boolean => WEB_ADDRESS.test(url);

const LONGEST = 48;

export function shortUrl(url: string): string {
  if (!isWebAddress(url)) return url;
  const rest = url.replace(/^https?:\/\//i, '').replace(/[?#].*$/, '');
  const slash = rest.indexOf('/');
  const host = (slash < 0 ? rest : rest.slice(0, slash)).replace(/^www\./i, '');
  const path = slash < 0 ? '' : rest.slice(slash).replace(/\/+$/, '');
  const whole = host + path;
  if (whole.length <= LONGEST) return whole;
  const steps = path.split('/').filter(Boolean);
  const last = steps.at(-1) ?? '';
  const kept = `${host}/${steps.length > 1 ? '…/' : ''}${last}`;
  return kept.length <= LONGEST ? kept : `${kept.slice(0, LONGEST - 1)}…`;
}
