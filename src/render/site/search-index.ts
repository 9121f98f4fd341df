// The search index of one language, built here with MiniSearch and shipped as a script that sets a global: pages
// opened from file:// may not fetch() a JSON file, but may load a <script src>. The browser loads the same index with
// the same options (assets/search.js), so no request leaves the page.
import MiniSearch from 'minisearch';
import type { Lang } from '../../core/model.js';
import type { SiteActorEntry, SiteMeeting, SitePlan } from '../../core/queries/site.js';
import type { ActorRef } from '../../core/queries/view.js';
import { htmlText } from '../escape.js';
import type { CommitmentState } from '../../core/followup/index.js';
import type { CommitmentView } from '../../core/queries/view.js';
import { commitmentName } from '../commitment-name.js';
import { dueShort, labels, localText } from '../i18n.js';
import { meetingTitle } from './meeting-pages.js';
import { agreementAnchor, relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';

export type SearchKind = 'agreement' | 'activity' | 'actor' | 'meeting';

export interface SearchDocument {
  readonly id: string;
  readonly kind: SearchKind;
  readonly title: string;
  readonly text: string;
  readonly actors: string;
  readonly snippet: string;
  /** Shown beside the hit and used by the filters (stored, not searched). */
  readonly ref?: string;
  /** The commitments' most pressing state (its key; the page holds the words) and their earliest pending deadline. */
  readonly state?: CommitmentState;
  readonly due?: string;
  readonly body?: string;
  readonly bodyLabel?: string;
  readonly year?: string;
  /** The actors it names or concerns, ids separated by spaces (the actor filter). */
  readonly who?: string;
}

export const SEARCH_FIELDS = ['title', 'text', 'actors'] as const;
export const SEARCH_STORED = ['kind', 'title', 'snippet', 'ref', 'state', 'due', 'body', 'bodyLabel', 'year', 'who'] as const;

// Most pressing first: what a reader looking for a commitment needs to know about it.
const PRESSING: readonly CommitmentState[] = ['overdue', 'upcoming', 'open', 'waiting', 'no-date', 'continuous', 'done', 'not-applicable', 'superseded', 'cancelled'];

/** The state and deadline to show beside an agreement or activity (its most pressing commitment's), and who it
 * concerns: the actors it names, then its commitments' owners and owed actors, each once, in that order. */
function facet(commitments: readonly CommitmentView[], named: readonly ActorRef[], lang: Lang): { state?: CommitmentState; due?: string; who?: string } {
  const state = PRESSING.find((st) => commitments.some((c) => c.state === st));
  const first = commitments.find((c) => c.state === state);
  const ids = new Set<string>();
  for (const a of named) ids.add(a.id);
  for (const c of commitments) {
    for (const a of c.owners) ids.add(a.id);
    for (const a of c.owed) ids.add(a.id);
  }
  const who = [...ids].join(' ');
  return { ...(state ? { state } : {}), ...(first ? { due: dueShort(first.due, lang) } : {}), ...(who ? { who } : {}) };
}

/** Accents and case folded, so "informacion" finds "información" (the browser folds the same way). */
export const foldTerm = (term: string): string => (ASCII.test(term) ? term.toLowerCase() : term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());

// An ASCII term has nothing to decompose: only its case is folded (most terms; NFD on each was a second of 2,000 meetings).
const ASCII = /^[\x00-\x7f]*$/;

const snippet = (s: string): string => (s.length > 180 ? `${s.slice(0, 177).trimEnd()}…` : s);

/** Documents per shard of the index: a shard is built, written and dropped before the next is begun, so the whole
 * index (about 300 MB live per language at 8,000 meetings, in MiniSearch) is never in memory. */
export const SHARD_DOCUMENTS = 2500;

const newIndex = (): MiniSearch<SearchDocument> => new MiniSearch<SearchDocument>({ fields: [...SEARCH_FIELDS], storeFields: [...SEARCH_STORED], processTerm: foldTerm });

/** Where a meeting's search documents come from: its page, which makes them from the content it is rendered from
 * (render/site/page-job.ts SitePage), in this thread or in the writer's (which is sent a shard's other documents and
 * puts each meeting's in its place: io/site-writer.ts). */
export interface DocumentSource {
  documents(): readonly SearchDocument[];
}

/** A shard's entries in order: documents, and pages whose documents stand there. */
export type ShardEntry = SearchDocument | DocumentSource;

export const isDocumentSource = (e: ShardEntry): e is DocumentSource => typeof (e as Partial<DocumentSource>).documents === 'function';

/** The actors of the other language by id: the search finds an actor by either language's name. */
export type OtherActors = ReadonlyMap<string, SiteActorEntry>;

export const otherActors = (other: readonly SiteActorEntry[]): OtherActors => new Map(other.map((a) => [a.ref.id, a]));

const searchUrl = (lang: Lang, to: string, fragment?: string): string => relativeHref(sitePaths.search(lang), to, fragment);

const actorLabels = (actors: readonly ActorRef[], other: OtherActors): string => actors.map((x) => `${x.label} ${other.get(x.id)?.ref.label ?? ''}`).join(' ');

/** A meeting's documents: the meeting, then each of its agreements (1 + its agreements, as its page lists them). */
export function meetingDocuments(m: SiteMeeting, lang: Lang, other: OtherActors): SearchDocument[] {
  const body = m.meeting.body;
  const year = m.meeting.start.slice(0, 4);
  const where = { body: body.id, bodyLabel: body.label, year };
  const docs: SearchDocument[] = [{ id: searchUrl(lang, sitePaths.meeting(lang, m.meeting.id)), kind: 'meeting', title: meetingTitle(m.meeting, lang), text: [m.meeting.id, m.meeting.title ? localText(m.meeting.title, lang) : '', m.meeting.place?.city ?? ''].join(' '), actors: [m.meeting.body, ...m.meeting.participants].map((a) => a.label).join(' '), snippet: m.meeting.title ? localText(m.meeting.title, lang) : '', ref: m.meeting.id, ...where, who: [body, ...m.meeting.participants].map((a) => a.id).join(' ') }];
  for (const a of m.agreements) {
    const text = localText(a.text, lang);
    const tasks = a.commitments.map((c) => localText(c.task, lang)).join(' ');
    const name = commitmentName({ id: a.ref, ref: a.ref, record: m.meeting.id, recordKind: 'meeting', body, meetingDate: m.meeting.start }, lang);
    docs.push({ id: searchUrl(lang, sitePaths.meeting(lang, m.meeting.id), agreementAnchor(a.number)), kind: 'agreement', title: name, text: `${a.ref} ${text} ${tasks}`, actors: actorLabels(a.actors, other), snippet: snippet(text), ref: a.ref, ...where, ...facet(a.commitments, a.actors, lang) });
  }
  return docs;
}

/**
 * One language's index, fed a meeting at a time while its pages are written (so no meeting's content is held after its
 * page), then each work plan's activities, then the actors. It is built in shards of about `shardDocuments`
 * documents: when the shard in hand is full (`full`), `shard()` gives its script and begins the next, so one shard at a
 * time is in memory; `render` gives the last shard's script, and `manifest()` the script the search page loads, which
 * names the shards (the browser loads them when a search is made, and searches them all: every match is counted).
 * Documents keep this order across the shards: meetings (each followed by its agreements), activities, actors. A
 * meeting is given as its page (`meetingPage`), which makes its documents where it is rendered.
 */
export class SearchIndexBuilder {
  /** The shard in hand's entries, as given (indexed when the shard is written: see SearchShard), and its documents' count. */
  private entries: ShardEntry[] = [];
  private count = 0;
  private readonly otherActor: OtherActors;
  private readonly shards: string[] = [];
  /** The most documents any shard held (what the tests check the memory bound by). */
  largest = 0;

  constructor(
    private readonly lang: Lang,
    other: readonly SiteActorEntry[],
    private readonly shardDocuments = SHARD_DOCUMENTS,
  ) {
    this.otherActor = otherActors(other);
  }

  /** The shard in hand holds its share: write it (`shard()`) before adding more. */
  get full(): boolean {
    return this.count >= this.shardDocuments;
  }

  /** The shard in hand as [its path, its script in pieces]; the next documents go to a new shard. */
  shard(): [string, SearchShard] {
    const entries = this.entries;
    this.largest = Math.max(this.largest, this.count);
    this.entries = [];
    this.count = 0;
    const file = sitePaths.searchShard(this.lang, this.shards.length + 1);
    this.shards.push(file);
    return [file, new SearchShard(entries, this.shards.length - 1)];
  }

  /** The script the search page loads: the index's options and words, and the shards' addresses (after the last shard). */
  manifest(): string {
    const w = siteLabels(this.lang);
    const head = { fields: SEARCH_FIELDS, storeFields: SEARCH_STORED, kinds: w.resultKinds, states: labels(this.lang).states, lang: this.lang, shards: this.shards.map((f) => searchUrl(this.lang, f)) };
    return `// The search index of acta's site: its options and the addresses of its shards; generated, do not edit.\nwindow.ACTA_SEARCH = ${safeJs(JSON.stringify(head))};\n`;
  }

  private add(d: SearchDocument): void {
    this.entries.push(d);
    this.count++;
  }

  /** A meeting and its agreements, made where its page is rendered: `documents` of them (1 + its agreements). */
  meetingPage(page: DocumentSource, documents: number): void {
    this.entries.push(page);
    this.count += documents;
  }

  /** A work plan's activities (after every meeting). */
  plan(p: SitePlan, activityPages: ReadonlySet<string>): void {
    const lang = this.lang;
    for (const a of p.activities) {
      const text = localText(a.text, lang);
      const key = a.ref.slice(a.ref.indexOf('#') + 1);
      const name = commitmentName({ id: a.ref, ref: a.ref, record: p.matrix.id, recordKind: 'plan', body: p.matrix.body }, lang);
      this.add({ id: activityPages.has(a.ref) ? searchUrl(lang, sitePaths.activity(lang, p.matrix.id, key)) : searchUrl(lang, sitePaths.plan(lang, p.matrix.id), key), kind: 'activity', title: name, text: `${a.ref} ${text}`, actors: actorLabels(a.responsible, this.otherActor), snippet: snippet(text), ref: a.ref, body: p.matrix.body.id, bodyLabel: p.matrix.body.label, ...facet(a.commitments, a.responsible, lang) });
    }
  }

  /** Every actor, named in both languages (last). */
  actors(actors: readonly SiteActorEntry[]): void {
    for (const a of actors) {
      const o = this.otherActor.get(a.ref.id);
      this.add({ id: searchUrl(this.lang, sitePaths.actor(this.lang, a.ref.id)), kind: 'actor', title: a.ref.label, text: [a.name, a.ref.id, o?.ref.label ?? '', o?.name ?? ''].join(' '), actors: '', snippet: a.name, ref: a.ref.id, who: a.ref.id });
    }
  }

  /** The last shard's file, when it holds anything or is the only one (an empty site still has an index). */
  *rest(): Generator<[string, Iterable<string>]> {
    if (this.entries.length > 0 || this.shards.length === 0) yield this.shard();
  }
}

/**
 * A shard of the index as its documents (plain data) until it is written: iterating it indexes them with MiniSearch
 * and gives the shard's script in pieces (shardScript). A writer in another thread is sent the documents instead and
 * does the same there (io/site-writer.ts): the indexing, a fifth of the site's work, then runs beside the pages.
 * MiniSearch gives a document its id in the order added, so adding a shard's documents at once when it is written
 * makes the same index as adding each as it was made.
 */
export class SearchShard implements Iterable<string> {
  constructor(
    readonly entries: readonly ShardEntry[],
    readonly n: number,
  ) {}

  /** The shard's documents in order: each page's in its place. */
  get docs(): SearchDocument[] {
    const docs: SearchDocument[] = [];
    for (const e of this.entries) {
      if (isDocumentSource(e)) for (const d of e.documents()) docs.push(d);
      else docs.push(e);
    }
    return docs;
  }

  [Symbol.iterator](): Iterator<string> {
    return shardScript(indexOf(this.docs), this.n);
  }
}

/** The documents in a MiniSearch index. The browser shows them through textContent (never as markup); unsafe code
 * points (bidi overrides, controls) go too. */
export function indexOf(docs: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = newIndex();
  for (const d of docs) index.add({ ...d, title: htmlText(d.title), text: htmlText(d.text), actors: htmlText(d.actors), snippet: htmlText(d.snippet), ...(d.bodyLabel ? { bodyLabel: htmlText(d.bodyLabel) } : {}), ...(d.due ? { due: htmlText(d.due) } : {}) });
  return index;
}

const safeJs = (s: string): string => s.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/**
 * A shard's script: `window.ACTA_SEARCH_SHARDS[n] = "…"` (the serialised MiniSearch index as a JSON string), in
 * pieces: the index is JSON inside a JSON string, and as one string (twice over, escaped) it was the largest thing the
 * site held. The pieces join to exactly JSON.stringify's text (split only between whole JSON values).
 */
export function* shardScript(index: MiniSearch<SearchDocument> | MiniSearch, n: number): Generator<string> {
  yield `// A shard of the search index of acta's site (MiniSearch, serialised); generated, do not edit.\n(window.ACTA_SEARCH_SHARDS = window.ACTA_SEARCH_SHARDS || [])[${n}] = "`;
  // The JSON text's pieces gathered to ~64 KB, then escaped as one string (a call per term cost more than the
  // escaping; escaping is character by character, and a piece is a whole JSON value, never half a surrogate pair).
  let raw = '';
  let batch: string[] = [];
  let size = 0;
  const escape = (): void => {
    const escaped = JSON.stringify(raw);
    batch.push(safeJs(escaped.slice(1, -1)));
    size += escaped.length;
    raw = '';
  };
  for (const part of miniSearchJson(index)) {
    raw += part;
    if (raw.length < 1 << 16) continue;
    escape();
    if (size > 1 << 20) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (raw !== '') escape();
  yield `${batch.join('')}";\n`;
}

/** What MiniSearch 7 holds (its toJSON reads these): walked here in place, so no copy of the index is made to write it. */
interface MiniSearchState {
  readonly _documentCount: number;
  readonly _nextId: number;
  readonly _documentIds: Map<number, unknown>;
  readonly _fieldIds: Record<string, number>;
  readonly _fieldLength: Map<number, unknown>;
  readonly _avgFieldLength: number[];
  readonly _storedFields: Map<number, unknown>;
  readonly _dirtCount: number;
  readonly _index: Iterable<[string, Map<number, Map<number, number>>]>;
}

/**
 * JSON.stringify(search.toJSON())'s text in pieces, read from the index as it is: toJSON copies the whole index (every
 * term's frequencies as new objects, every stored field) beside the index itself — at 8,000 meetings hundreds of
 * megabytes at the end of each language. The same text, member by member (a test compares the two); a MiniSearch
 * whose state is not laid out as version 7's is written through toJSON, as before.
 */
export function* miniSearchJson(search: MiniSearch<SearchDocument> | MiniSearch): Generator<string> {
  const m = search as unknown as Partial<MiniSearchState>;
  const maps = [m._documentIds, m._fieldLength, m._storedFields];
  if (!m._index || !maps.every((x) => x instanceof Map && ascendingIds(x))) {
    yield* jsonParts(search.toJSON() as unknown as Record<string, unknown>);
    return;
  }
  yield `{"documentCount":${JSON.stringify(m._documentCount)},"nextId":${JSON.stringify(m._nextId)},"documentIds":`;
  yield* mapParts(m._documentIds!);
  yield `,"fieldIds":${JSON.stringify(m._fieldIds)},"fieldLength":`;
  yield* mapParts(m._fieldLength!);
  yield `,"averageFieldLength":${JSON.stringify(m._avgFieldLength)},"storedFields":`;
  yield* mapParts(m._storedFields!);
  yield `,"dirtCount":${JSON.stringify(m._dirtCount)},"index":[`;
  let first = true;
  for (const [term, fieldIndex] of m._index) {
    yield `${first ? '' : ','}${termJson(term, fieldIndex)}`;
    first = false;
  }
  yield '],"serializationVersion":2}';
}

/** JSON.stringify([term, {fieldId: {documentId: frequency}}]) of a term's entry, written out without the objects. */
function termJson(term: string, fieldIndex: Map<number, Map<number, number>>): string {
  if (!ascendingIds(fieldIndex) || ![...fieldIndex.values()].every(ascendingIds)) {
    const data: Record<number, Record<number, number>> = {};
    for (const [fieldId, freqs] of fieldIndex) data[fieldId] = Object.fromEntries(freqs);
    return JSON.stringify([term, data]);
  }
  let text = `[${JSON.stringify(term)},{`;
  let firstField = true;
  for (const [fieldId, freqs] of fieldIndex) {
    text += `${firstField ? '' : ','}"${fieldId}":{`;
    firstField = false;
    let firstDoc = true;
    for (const [doc, n] of freqs) {
      text += `${firstDoc ? '' : ','}"${doc}":${Number.isSafeInteger(n) ? `${n}` : JSON.stringify(n)}`;
      firstDoc = false;
    }
    text += '}';
  }
  return `${text}}]`;
}

/** Keys that are array indexes, in increasing order: JSON.stringify(Object.fromEntries(map)) writes them so too. */
function ascendingIds(map: Map<unknown, unknown>): boolean {
  let last = -1;
  for (const key of map.keys()) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key <= last || key >= 2 ** 32 - 1) return false;
    last = key;
  }
  return true;
}

/** JSON.stringify(Object.fromEntries(map)), an entry at a time (the keys checked by ascendingIds). */
function* mapParts(map: Map<number, unknown>): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, value] of map) {
    const text = JSON.stringify(value);
    if (text === undefined) continue;
    yield `${first ? '' : ','}"${key}":${text}`;
    first = false;
  }
  yield '}';
}

/** JSON.stringify(value)'s text in pieces: the object's members one by one, an array member's elements one by one. */
function* jsonParts(value: Record<string, unknown>): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    const text = Array.isArray(v) ? undefined : JSON.stringify(v);
    if (!Array.isArray(v) && text === undefined) continue; // undefined and functions are left out, as JSON.stringify does
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (text !== undefined) yield text;
    else {
      yield '[';
      for (let i = 0; i < (v as unknown[]).length; i++) yield `${i ? ',' : ''}${JSON.stringify((v as unknown[])[i]) ?? 'null'}`;
      yield ']';
    }
  }
  yield '}';
}
