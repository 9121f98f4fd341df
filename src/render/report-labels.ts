// The words of the consolidated report, the work-plan views and the dashboard: locales/<lang>/report.yaml. Templates
// reach them as {{t "report" "key"}}; the shared vocabulary (states, actions, cells, column words) is labels.yaml's.
import type { Lang } from '../core/model.js';
import type { Sections, Tree } from './catalog.js';
import { section } from './catalog.js';

export interface ReportLabels {
  readonly report: Tree<Sections['report']>;
  readonly attendance: Tree<Sections['attendance']>;
  readonly attendanceWords: Tree<Sections['attendanceWords']>;
  readonly cellsShort: Tree<Sections['cellsShort']>;
  readonly workplan: Tree<Sections['workplan']>;
  readonly dashboard: Tree<Sections['dashboard']>;
}

// Shared (read-only): callers look labels up per row; the sections are built once per catalog.
export function reportLabels(lang: Lang): ReportLabels {
  return { report: section(lang, 'report'), attendance: section(lang, 'attendance'), attendanceWords: section(lang, 'attendanceWords'), cellsShort: section(lang, 'cellsShort'), workplan: section(lang, 'workplan'), dashboard: section(lang, 'dashboard') };
}
