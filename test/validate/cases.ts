// The catalogue of fixtures: every diagnostic code, triggered by a small inline record set, located at a token.
import type { Code } from '../../src/core/diagnostics.js';
import { MAX_PROBLEMS_PER_FILE } from '../../src/core/diagnostics.js';
import { LIMITS } from '../../src/core/read/parse.js';
import { MEETING } from './harness.js';

export interface Case {
  readonly code: Code;
  readonly name: string;
  readonly files: Record<string, string | Uint8Array>;
  readonly withRegistries?: boolean;
  /** Where the diagnostic must point: the file, and the first occurrence of `token` (or line 1, column 1). */
  readonly file: string;
  readonly token?: string;
  /** Search for the token from this line on (1-based). */
  readonly fromLine?: number;
  /** Exact column, when no token marks it (the bracket where nesting passes the limit). */
  readonly column?: number;
  /** Other diagnostics of this one code come with it (the problems a `file/too-many-problems` stands beside). */
  readonly alongside?: Code;
  /** Check as `validate --as-of` this date does. */
  readonly asOf?: string;
}

const M = 'meetings/2017-03-16-red-nna.yaml';
const meeting = (replace: [string, string][] = [], append = ''): string => replace.reduce((s, [a, b]) => {
  if (!s.includes(a)) throw new Error(`fixture: ${a} not in meeting`);
  return s.replace(a, b);
}, MEETING) + append;

const PLAN = `record: plan
id: 2017-2022-red-nna
body: red-nna
title: { es: Plan Estratégico }
period: { start: "2017", end: "2022" }
columns: ["2018", "2019"]
source: { document: plan.txt }
axes:
  - number: "1"
    title: { es: Prevención }
    objectives:
      - number: I
        results:
          - number: "1"
            activities:
              - number: "1.1"
                text: { es: Fortalecer las campañas. }
                responsible: [member-countries]
                schedule: { "2018": continuous, "2019": H1 }
`;
const P = 'plans/2017-2022-red-nna.yaml';
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

export const CASES: readonly Case[] = [
  { code: 'file/encoding', name: 'Latin-1 byte', files: { [M]: Uint8Array.from([...bytes('record: meeting\nid: caf'), 0xe9, ...bytes('\n')]) }, file: M, token: '\uFFFD' },
  { code: 'file/nul', name: 'NUL byte', files: { [M]: 'record: meeting\nid: x\0\n' }, file: M, token: '\0' },
  { code: 'file/too-large', name: 'over the size cap', files: { [M]: new Uint8Array(LIMITS.bytes + 1).fill(0x20) }, file: M },
  { code: 'file/empty', name: 'empty file', files: { [M]: '' }, file: M },
  { code: 'file/too-many-problems', name: '150 misspelt properties', files: { [M]: meeting([], Array.from({ length: MAX_PROBLEMS_PER_FILE + 50 }, (_, i) => `x${i}: 1\n`).join('')) }, file: M, token: `x${MAX_PROBLEMS_PER_FILE}:`, alongside: 'schema/unknown-property' },
  { code: 'format/bom', name: 'byte-order mark', files: { [M]: '\uFEFF' + MEETING }, file: M },
  { code: 'format/crlf', name: 'CRLF line ends', files: { [M]: MEETING.replace(/\n/g, '\r\n') }, file: M, token: 'record' },
  { code: 'yaml/syntax', name: 'unclosed flow sequence', files: { [M]: 'record: meeting\nparticipants: [GT, HN\nbody: x\n' }, file: M, token: 'body' },
  { code: 'yaml/duplicate-key', name: 'the same key twice', files: { [M]: meeting([['body: red-nna\n', 'body: red-nna\nbody: grcm\n']]) }, file: M, token: 'body: grcm' },
  { code: 'yaml/duplicate-key', name: '1 and "1" are the same key', files: { [M]: 'record: meeting\n1: a\n"1": b\n' }, file: M, token: '"1"' },
  { code: 'yaml/tab', name: 'tab indentation', files: { [M]: 'record: meeting\nplace:\n\tcity: x\n' }, file: M, token: '\tcity' },
  { code: 'yaml/alias', name: 'alias bomb', files: { [M]: 'record: meeting\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n' }, file: M, token: '&a' },
  { code: 'yaml/directive', name: '%YAML 1.1', files: { [M]: '%YAML 1.1\n---\nrecord: meeting\nid: NO\n' }, file: M, token: '%YAML' },
  { code: 'yaml/directive', name: '%YAML 1.2 is not needed either', files: { [M]: '%YAML 1.2\n---\n' + MEETING }, file: M, token: '%YAML' },
  { code: 'yaml/tag', name: 'binary data', files: { [M]: meeting([['source: { document: informe.txt }', 'source: { document: !!binary aW5mb3JtZQ== }']]) }, file: M, token: '!!binary' },
  { code: 'yaml/tag', name: 'a tag that resolves to nothing', files: { [M]: meeting([['action: thank', 'action: !!bool yes']]) }, file: M, token: '!!bool' },
  { code: 'yaml/non-string-key', name: 'a list as a key', files: { [M]: meeting([['participants: [GT, HN, MX]', '[GT, HN, MX]: participants']]) }, file: M, token: '[GT' },
  { code: 'yaml/multiple-documents', name: 'two documents', files: { [M]: MEETING + '---\nrecord: plan\n' }, file: M, token: '---' },
  { code: 'yaml/too-deep', name: 'deep nesting', files: { [M]: 'record: meeting\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n' }, file: M, fromLine: 2, token: 'x', column: 'x: '.length + LIMITS.depth },
  { code: 'yaml/too-many-keys', name: 'a huge mapping', files: { [M]: Array.from({ length: LIMITS.keys + 1 }, (_, i) => `k${i}: 1`).join('\n') + '\n' }, file: M, fromLine: LIMITS.keys + 1, token: ':' },
  { code: 'yaml/too-many-keys', name: 'keys written without a colon', files: { [M]: 'record: meeting\nx: {' + Array.from({ length: LIMITS.keys }, (_, i) => `k${i}`).join(', ') + '}\n' }, file: M, fromLine: 2, token: `k${LIMITS.keys - 2}` },
  { code: 'yaml/too-many-items', name: 'a huge list', files: { [M]: 'record: meeting\nparticipants:\n' + Array.from({ length: LIMITS.items + 1 }, () => '- GT').join('\n') + '\n' }, file: M, fromLine: LIMITS.items + 3, token: '-' },
  { code: 'yaml/too-many-tokens', name: 'a stray bracket every byte', files: { [M]: 'record: meeting\n' + ']'.repeat(LIMITS.tokens) + '\n' }, file: M, fromLine: 2, token: ']', column: LIMITS.tokens - 4 },
  { code: 'record/unknown-kind', name: 'misspelt kind', files: { [M]: meeting([['record: meeting', 'record: meting']]) }, file: M, token: 'meting' },
  { code: 'schema/required', name: 'missing body', files: { [M]: meeting([['body: red-nna\n', '']]) }, file: M, token: 'record' },
  { code: 'schema/unknown-property', name: 'misspelt property', files: { [M]: meeting([['participants:', 'participantes:']]) }, file: M, token: 'participantes' },
  { code: 'schema/type', name: 'text where a list is expected', files: { [M]: meeting([['participants: [GT, HN, MX]', 'participants: GT']]) }, file: M, token: 'GT' },
  { code: 'schema/quote', name: 'a number where text is expected', files: { [M]: meeting([['number: "1"', 'number: 1.10']]) }, file: M, token: '1.10' },
  { code: 'schema/enum', name: 'action outside the vocabulary', files: { [M]: meeting([['action: thank', 'action: thanks']]) }, file: M, token: 'thanks' },
  { code: 'schema/pattern', name: 'a deadline in the wrong format', files: { [M]: meeting([['due: 2017-07-21', 'due: 21/07/2017']]) }, file: M, token: '21/07/2017' },
  { code: 'schema/limit', name: 'empty text', files: { [M]: meeting([['{ es: Agradecer a las delegaciones. }', '{ es: "" }']]) }, file: M, token: '""' },
  { code: 'schema/invalid', name: 'deadline with both due and event', files: { [M]: meeting([['deadline: { due: 2017-07-21,', 'deadline: { event: { body: grcm, relation: before }, due: 2017-07-21,']]) }, file: M, token: 'deadline' },
  { code: 'id/duplicate', name: 'an organisation id given twice', files: { 'registries/organisations.yaml': 'record: organisations\norganisations:\n  - id: iom\n    name: { es: OIM }\n  - id: iom\n    name: { es: Otra }\n' }, file: 'registries/organisations.yaml', fromLine: 5, token: 'iom' },
  { code: 'id/ambiguous-name', name: 'an organisation whose id is a country code but for case', files: { 'registries/organisations.yaml': 'record: organisations\norganisations:\n  - id: iom\n    acronym: { es: OIM, en: IOM }\n    name: { es: Organización Internacional para las Migraciones }\n  - id: mx\n    name: { es: Otra organización }\n' }, file: 'registries/organisations.yaml', token: 'mx' },
  { code: 'followup/decided-before', name: 'an extension decided by a meeting held before the commitment', files: { 'meetings/2016-11-10-grcm.yaml': meeting([['id: 2017-03-16-red-nna', 'id: 2016-11-10-grcm'], ['body: red-nna', 'body: grcm'], ['start: 2017-03-16\n  end: 2017-03-17', 'start: 2016-11-10\n  end: 2016-11-11']]), [M]: meeting([], '    followup:\n      - { date: 2017-05-01, status: in-progress, deadline: { due: 2017-10-18 }, decided_by: 2016-11-10-grcm }\n') }, file: M, token: '2016-11-10-grcm }' },
  { code: 'id/file-name', name: 'file named differently from the id', files: { 'meetings/otra.yaml': MEETING }, file: 'meetings/otra.yaml', token: '2017-03-16-red-nna' },
  { code: 'ref/unknown-country', name: 'unknown host country', files: { [M]: meeting([['country: HN', 'country: XX']]) }, file: M, token: 'XX' },
  { code: 'ref/unknown-actor', name: 'unknown actor', files: { [M]: meeting([['actors: [iom]', 'actors: [oim]']]) }, file: M, token: 'oim' },
  { code: 'ref/unknown-body', name: 'unknown body', files: { [M]: meeting([['body: red-nna', 'body: red-nnna']]) }, file: M, token: 'red-nnna' },
  { code: 'ref/unknown-meeting', name: 'follows a meeting with no record', files: { [M]: meeting([['source:', 'follows: [{ ref: 2017-01-01-grcm }]\nsource:']]) }, file: M, token: '2017-01-01-grcm' },
  { code: 'ref/unknown-agreement', name: 'follows a point that does not exist', files: { [M]: meeting([['source:', 'follows: [{ ref: "2017-03-16-red-nna#9" }]\nsource:']]) }, file: M, token: '"2017-03-16-red-nna#9"' },
  { code: 'ref/unknown-activity', name: 'evidence names a missing activity', files: { [P]: PLAN, [M]: meeting([], '    followup:\n      - { date: 2017-05-01, status: done, evidence: { record: "2017-2022-red-nna#1/I/1/9.9" } }\n') }, file: M, token: '"2017-2022-red-nna#1/I/1/9.9"' },
  { code: 'ref/unknown-column', name: 'a schedule cell outside the columns', files: { [P]: PLAN.replace('"2019": H1', '"2030": H1') }, file: P, token: '"2030"' },
  { code: 'ref/unknown-step', name: 'follow-up for a step of no schedule', files: { [M]: meeting([], '    followup:\n      - { date: 2017-05-01, status: done, step: 3 }\n') }, file: M, token: '3 }' },
  { code: 'ref/supersedes-itself', name: 'a point that supersedes itself', files: { [M]: meeting([['actors: [iom]', 'actors: [iom]\n    supersedes: "2017-03-16-red-nna#2"']]) }, file: M, token: '"2017-03-16-red-nna#2"' },
  { code: 'ref/supersession-cycle', name: 'two points that supersede each other', files: { [M]: meeting([['action: thank', 'action: thank\n    supersedes: "2017-03-16-red-nna#2"'], ['actors: [iom]', 'actors: [iom]\n    supersedes: "2017-03-16-red-nna#1"']]) }, file: M, token: '"2017-03-16-red-nna#1"' },
  { code: 'ref/group-contains-itself', name: 'a group among its own members', files: { 'registries/groups.yaml': 'record: groups\ngroups:\n  - id: member-countries\n    name: { es: Países Miembros }\n    members: [GT, HN, member-countries]\n' }, file: 'registries/groups.yaml', token: 'member-countries]' },
  { code: 'ref/group-cycle', name: 'two groups that contain each other', files: { 'registries/groups.yaml': 'record: groups\ngroups:\n  - id: north\n    name: { es: Norte }\n    members: [GT, south]\n  - id: south\n    name: { es: Sur }\n    members: [HN, north]\n' }, file: 'registries/groups.yaml', token: 'north]' },
  { code: 'date/invalid', name: '30 February', files: { [M]: meeting([['start: 2017-03-16\n  end: 2017-03-17', 'start: 2017-02-30']]) }, file: M, token: '2017-02-30' },
  { code: 'date/out-of-range', name: 'a deadline in year 50', files: { [M]: meeting([['due: 2017-07-21', 'due: "0050-03"']]) }, file: M, token: '"0050-03"' },
  { code: 'date/order', name: 'ends before it starts', files: { [M]: meeting([['end: 2017-03-17', 'end: 2017-03-15']]) }, file: M, token: '2017-03-15' },
  { code: 'followup/before-meeting', name: 'follow-up dated before the meeting', files: { [M]: meeting([], '    followup:\n      - { date: 2017-03-01, status: done }\n') }, file: M, token: '2017-03-01' },
  { code: 'followup/not-owed', name: 'delivered by a country on a point IOM owes', files: { [M]: meeting([], '    followup:\n      - { date: 2017-04-01, status: partial, delivered_by: [MX] }\n') }, file: M, token: 'MX]', fromLine: 20 },
  { code: 'ref/unknown-occurrence', name: 'an occurrence of a point that does not recur', files: { [M]: meeting([], '    followup:\n      - { date: 2017-04-01, status: done, occurrence: 2017-H2 }\n') }, file: M, token: '2017-H2' },
  { code: 'followup/after-as-of', name: 'follow-up dated after --as-of', asOf: '2017-08-01', files: { [M]: meeting([], '    followup:\n      - { date: 2017-09-01, status: done }\n') }, file: M, token: '2017-09-01' },
  { code: 'deadline/before-meeting', name: 'deadline before the meeting', files: { [M]: meeting([['due: 2017-07-21', 'due: 2016-12']]) }, file: M, token: '2016-12' },
  { code: 'deadline/too-many-occurrences', name: 'twice a year for 84 years', files: { [M]: meeting([['deadline: { due: 2017-07-21,', 'deadline: { due: twice-a-year, until: "2100",']]) }, file: M, token: '"2100"' },
  { code: 'import/unchecked', name: 'a draft still carries an import note', files: { [M]: meeting([], 'notes:\n  - { text: { es: "import: acción leída del verbo inicial." }, at: /agreements/0/action }\n') }, file: M, token: '"import:' },
  { code: 'number/duplicate', name: 'two points numbered 1', files: { [M]: meeting([['number: "2"', 'number: "1"']]) }, file: M, token: '"1"', fromLine: 14 },
  { code: 'text/no-authentic', name: 'an English text with no Spanish one, under authentic: es', files: { 'acta.yaml': 'authentic: es\n', [M]: meeting([['text: { es: Agradecer a las delegaciones. }', 'text: { en: Thank the delegations. }']]) }, file: M, token: 'en:' },
  { code: 'registry/missing', name: 'no groups registry', files: { 'registries/groups.yaml': 'record: organisations\norganisations: []\n', [M]: MEETING }, file: 'acta.yaml' },
  { code: 'root/no-records', name: 'nothing to read', files: {}, withRegistries: false, file: 'acta.yaml' },
  { code: 'record/placeholder', name: 'a TODO left by acta new', files: { [M]: meeting([['document: informe.txt', 'document: "TODO: the report"']]) }, file: M, token: '"TODO' },
  { code: 'config/nested', name: 'an acta.yaml in a subfolder', files: { [M]: MEETING, 'meetings/acta.yaml': 'lang: en\n' }, file: 'meetings/acta.yaml' },
];

/** Codes that only the file-system edge can produce; their fixtures are CLI tests (test/validate/cli.test.ts). */
export const CLI_ONLY: Partial<Record<Code, string>> = {
  'file/unreadable': 'a dangling symlink is reported as unreadable',
};
