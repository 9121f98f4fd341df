// Writes a synthetic records root shaped like data/: acta.yaml, the real registries, N meetings of M points each, and
// work plans (copies of the real one, years moved).
// Deterministic (seeded PRNG, fixed base date): the same arguments always give the same bytes. Every record is
// valid for acta (no errors, no warnings) and for ajv-cli (dates and numbers quoted, so YAML 1.1 reads them as text).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// mulberry32: small, fast, good enough to vary a corpus; never Math.random.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US'];
const ORGS = ['iom', 'unhcr', 'unicef', 'unicef-mx', 'icrc', 'ilo', 'rrocm', 'save-the-children', 'sica', 'sica-sg', 'idb', 'dif-mx', 'regional-coalition', 'un-cmw'];
const ORGANS = ['st', 'ppt', 'grcm', 'rvm'];
const GROUPS = ['member-countries', 'foreign-ministries'];
const BODIES = ['red-nna', 'red-consular', 'red-trata', 'grcm', 'ad-hoc-nna', 'rvm'];
const CITIES = [['Tegucigalpa', 'HN'], ['San Salvador', 'SV'], ['Ciudad de México', 'MX'], ['San José', 'CR'], ['Guatemala', 'GT'], ['Managua', 'NI'], ['Panamá', 'PA'], ['Santo Domingo', 'DO'], ['Belmopan', 'BZ'], ['Ottawa', 'CA'], ['Washington', 'US']];
const INFORMATIONAL = ['thank', 'take-note', 'welcome', 'acknowledge', 'inform', 'reaffirm'];
const OPERATIONAL = ['request', 'entrust', 'recommend', 'suggest', 'send', 'organise', 'convene', 'designate', 'establish', 'consider', 'circulate', 'coordinate', 'share', 'undertake'];
const STATUSES = ['pending', 'in-progress', 'done', 'partial', 'no-information', 'not-applicable', 'cancelled'];
const ES = 'los Países Miembros la Secretaría Técnica protección consular de niñas niños y adolescentes migrantes en el marco de la Red de Funcionarios de Enlace presentación informe sobre buenas prácticas relacionadas con retorno y reintegración asistencia a víctimas de trata de personas tráfico ilícito de migrantes elaborar un protocolo regional remitir los datos de contacto para su discusión y aprobación en la próxima reunión del Grupo Regional de Consulta sobre Migración con el apoyo de los organismos observadores capacitación fortalecimiento institucional lineamientos regionales de actuación intercambio de información estadística'.split(' ');
const EN = 'the Member Countries the Technical Secretariat consular protection of migrant children and adolescents within the Liaison Officers Network presentation report on good practices related to return and reintegration assistance to victims of trafficking in persons smuggling of migrants draft a regional protocol send the contact details for discussion and approval at the next meeting of the Regional Consultation Group on Migration with the support of the observer organisations training institutional strengthening regional guidelines exchange of statistical information'.split(' ');

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

class Writer {
  constructor(random, scale) {
    this.r = random;
    this.scale = scale;
    this.lines = [];
  }
  int(lo, hi) { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  pick(list) { return list[Math.floor(this.r() * list.length)]; }
  chance(p) { return this.r() < p; }
  some(list, lo, hi) {
    const pool = [...list];
    const out = [];
    for (let n = this.int(lo, Math.min(hi, pool.length)); n > 0; n--) out.push(pool.splice(Math.floor(this.r() * pool.length), 1)[0]);
    return out;
  }
  sentence(words, length) {
    const out = [];
    let size = 0;
    while (size < length * this.scale) {
      const w = this.pick(words);
      out.push(w);
      size += w.length + 1;
    }
    const s = out.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  }
  line(indent, text) { this.lines.push(' '.repeat(indent) + text); }
  text(indent, key, length, both = true) {
    this.line(indent, `${key}:`);
    this.line(indent + 2, `es: ${q(this.sentence(ES, length))}`);
    if (both) this.line(indent + 2, `en: ${q(this.sentence(EN, length))}`);
  }
  actors(indent, key, lo, hi, from = [...COUNTRIES, ...ORGS, ...ORGANS, ...GROUPS]) {
    const chosen = this.some(from, lo, hi);
    this.line(indent, `${key}: [${chosen.join(', ')}]`);
    return chosen;
  }
}

function day(base, offset) {
  return new Date(Date.UTC(base[0], base[1] - 1, base[2] + offset)).toISOString().slice(0, 10);
}

// A deadline of one precision, never ending before the meeting (start: YYYY-MM-DD).
function writeDeadline(w, indent, start, kind) {
  const year = Number(start.slice(0, 4)) + 1;
  w.line(indent, 'deadline:');
  const i = indent + 2;
  switch (kind) {
    case 0: w.line(i, `due: ${q(day([year, 1, 1], w.int(0, 360)))}`); break;
    case 1: w.line(i, `due: "${year}-${String(w.int(1, 12)).padStart(2, '0')}"`); break;
    case 2: w.line(i, `due: "${year}-Q${w.int(1, 4)}"`); break;
    case 3: w.line(i, `due: "${year}-H${w.int(1, 2)}"`); break;
    case 4: w.line(i, `due: "${year}"`); break;
    case 5: w.line(i, 'due: continuous'); break;
    case 6: w.line(i, 'due: twice-a-year'); w.line(i, `from: "${year}"`); w.line(i, `until: "${year + 2}"`); break;
    case 7: w.line(i, 'due: tbd'); break;
    default:
      w.line(i, 'event:');
      w.line(i + 2, `body: ${w.pick(BODIES)}`);
      w.line(i + 2, `relation: ${w.pick(['before', 'at'])}`);
      if (w.chance(0.5)) w.line(i + 2, `expected: "${year}-${String(w.int(1, 12)).padStart(2, '0')}"`);
  }
  if (w.chance(0.5)) w.text(i, 'text', w.int(20, 60), false);
  if (w.chance(0.15)) w.line(i, `warn: ${w.int(7, 90)}`);
}

function writeFollowup(w, indent, start, steps, ids, owners) {
  w.line(indent, 'followup:');
  for (let n = w.int(1, 3), k = 0; k < n; k++) {
    w.line(indent + 2, `- date: ${q(day(start.split('-').map(Number), 30 + 60 * k + w.int(0, 59)))}`);
    const i = indent + 4;
    w.line(i, `status: ${w.pick(STATUSES)}`);
    if (w.chance(0.8)) w.text(i, 'note', w.int(60, 140), w.chance(0.6));
    // Only those who owe it deliver (followup/not-owed); a step's own owners may differ, so not on schedules.
    if (steps === 0 && w.chance(0.3)) w.actors(i, 'delivered_by', 1, Math.min(3, owners.length), owners);
    if (steps > 0 && w.chance(0.5)) w.line(i, `step: ${w.int(1, steps)}`);
    // decided_by must name a meeting held on or after the commitment's (followup/decided-before), and only earlier
    // meetings are known here: the draw is kept so the corpus stays the same, the line is not written.
    if (w.chance(0.2)) w.pick(ids);
    if (w.chance(0.3)) {
      w.line(i, 'evidence:');
      w.line(i + 2, `document: "${w.int(100, 999)}_${w.int(1e6, 9e6).toString(16)}.txt"`);
      if (w.chance(0.5)) w.line(i + 2, `url: "https://crmsv.org/documentos/${w.int(1000, 9999)}"`);
    }
  }
}

function writeCommitment(w, indent, start) {
  w.line(indent, 'commitment:');
  const i = indent + 2;
  w.owners = w.actors(i, 'owners', 1, 3);
  w.text(i, 'task', w.int(50, 110));
  if (w.chance(0.1)) {
    const steps = w.int(2, 4);
    w.line(i, 'schedule:');
    for (let s = 0; s < steps; s++) {
      w.line(i + 2, '- task:');
      w.line(i + 6, `es: ${q(w.sentence(ES, w.int(30, 70)))}`);
      w.line(i + 6, `en: ${q(w.sentence(EN, w.int(30, 70)))}`);
      if (w.chance(0.4)) w.actors(i + 4, 'owners', 1, 2);
      writeDeadline(w, i + 4, start, w.int(0, 4));
    }
    return steps;
  }
  if (w.chance(0.85)) writeDeadline(w, i, start, w.int(0, 8));
  return 0;
}

function writeAgreement(w, indent, number, start, ids, self, depth) {
  w.line(indent, `- number: ${q(number)}`);
  const i = indent + 2;
  if (w.chance(0.05)) w.line(i, `printed: ${q(w.pick(['1', '·', '3']))}`);
  const operational = w.chance(0.35);
  w.line(i, `action: ${w.pick(operational ? OPERATIONAL : INFORMATIONAL)}`);
  w.text(i, 'text', w.int(80, 170), w.chance(0.25));
  if (w.chance(0.8)) w.actors(i, 'actors', 1, 5);
  const steps = operational ? writeCommitment(w, i, start) : 0;
  const owners = w.owners;
  if (depth === 0 && w.chance(0.08)) {
    w.line(i, 'items:');
    for (let n = w.int(2, 4), k = 0; k < n; k++) writeAgreement(w, i + 2, 'abcdefgh'[k], start, ids, self, 1);
  }
  if (operational && w.chance(0.15)) writeFollowup(w, i, start, steps, ids, owners);
  if (depth === 0 && ids.length > 0 && w.chance(0.03)) w.line(i, `supersedes: "${w.pick(ids)}#1"`);
}

/** One meeting record; `earlier` are ids of meetings generated before it (for follows, supersedes, decided_by). */
function meetingYaml(w, id, body, start, earlier, agreements) {
  const [city, country] = w.pick(CITIES);
  w.lines = [];
  w.line(0, '# yaml-language-server: $schema=../../schemas/meeting.schema.json');
  w.line(0, 'record: meeting');
  w.line(0, `id: ${id}`);
  w.line(0, `body: ${body}`);
  w.line(0, `ordinal: ${w.int(1, 40)}`);
  w.line(0, `session: ${w.pick(['ordinary', 'ordinary', 'extraordinary', 'virtual', 'workshop'])}`);
  w.text(0, 'title', w.int(60, 110));
  w.line(0, 'dates:');
  w.line(2, `start: ${q(start)}`);
  if (w.chance(0.6)) w.line(2, `end: ${q(day(start.split('-').map(Number), w.int(1, 2)))}`);
  w.line(0, 'place:');
  w.line(2, `city: ${city}`);
  w.line(2, `country: ${country}`);
  w.line(0, `participants: [${w.some(COUNTRIES, 5, 11).join(', ')}]`);
  if (w.chance(0.6)) w.line(0, `observers: [${w.some(ORGS, 1, 5).join(', ')}]`);
  if (w.chance(0.3)) {
    w.line(0, 'guests:');
    w.line(2, `- actor: ${w.pick(ORGS)}`);
    w.line(4, `name: ${q(w.pick(['Pablo Ceriani', 'Ana María López', 'John Smith', 'María Fernanda Ruiz']))}`);
    w.text(4, 'role', w.int(40, 90));
  }
  w.line(0, 'follows:');
  w.line(2, '- text:');
  w.line(6, `es: ${q(w.sentence(ES, w.int(40, 80)))}`);
  if (earlier.length > 0) w.line(2, `- ref: ${q(w.chance(0.5) ? w.pick(earlier) : `${w.pick(earlier)}#${w.int(1, agreements)}`)}`);
  w.line(0, 'source:');
  w.line(2, `document: "${w.int(100, 999)}_${w.int(1e6, 9e6).toString(16)}.txt"`);
  w.text(2, 'title', w.int(50, 100), false);
  if (w.chance(0.7)) w.text(0, 'summary', w.int(150, 300), w.chance(0.5));
  return w;
}

function writeMeeting(w, id, body, start, earlier, agreements) {
  meetingYaml(w, id, body, start, earlier, agreements);
  w.line(0, 'agreements:');
  for (let n = 1; n <= agreements; n++) writeAgreement(w, 2, String(n), start, earlier, id, 0);
  w.line(0, 'notes:');
  // Keys in acta fmt's canonical order (text, then at), so `fmt --check` finds nothing to do.
  for (let n = w.int(1, 2), k = 0; k < n; k++) {
    const at = w.int(0, agreements - 1);
    const length = w.int(100, 220);
    const both = w.chance(0.7);
    w.line(2, '- text:');
    w.line(6, `es: ${q(w.sentence(ES, length))}`);
    if (both) w.line(6, `en: ${q(w.sentence(EN, length))}`);
    w.line(4, `at: "/agreements/${at}"`);
  }
  return w.lines.join('\n') + '\n';
}

// The n-th work plan: the real matrix of data/plans (2017-2022), every year in it moved to start in 2000 + n, and
// without the meeting that entrusted it (which the corpus does not have). So `workplan` has plans to draw.
function planYaml(real, n) {
  const shift = (y) => String(Number(y) - 2017 + 2000 + n);
  return real
    .replace(/^entrusted_by: .*\n/m, '')
    .replace(/\b20(1[7-9]|2[0-2])\b/g, shift);
}

/** Write the corpus under dir (removed first): N meetings and one work plan per 100 of them (plans, at least one);
 * returns the number of bytes written. */
export function generateCorpus(dir, { meetings = 2000, agreements = 15, seed = 20170316, scale = 0.3, registries = 'data/registries', plans = Math.max(1, Math.round(meetings / 100)) } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  mkdirSync(path.join(dir, 'registries'), { recursive: true });
  let bytes = 0;
  const put = (file, text) => {
    writeFileSync(path.join(dir, file), text);
    bytes += Buffer.byteLength(text);
  };
  mkdirSync(path.join(dir, 'plans'), { recursive: true });
  put('acta.yaml', 'name:\n  es: Secretaría de prueba\n  en: Benchmark secretariat\nlang: es\nwarn_days: 30\n');
  for (const f of readdirSync(registries).filter((n) => n.endsWith('.yaml'))) copyFileSync(path.join(registries, f), path.join(dir, 'registries', f));
  const w = new Writer(prng(seed), scale);
  const ids = [];
  for (let m = 0; m < meetings; m++) {
    // One meeting every 3 days from 2000-01-03: ids (date + body) never collide.
    const start = day([2000, 1, 3], m * 3);
    const id = `${start}-${w.pick(BODIES)}`;
    put(`meetings/${id}.yaml`, writeMeeting(w, id, id.slice(11), start, ids, agreements));
    ids.push(id);
  }
  const real = readFileSync(path.join(registries, '..', 'plans', '2017-2022-red-nna.yaml'), 'utf8');
  for (let n = 0; n < plans; n++) put(`plans/${2000 + n}-${2005 + n}-red-nna.yaml`, planYaml(real, n));
  return bytes;
}
