// Types of bench/bench-table.mjs, for the test that checks the tables' shape (test/bench/bench.test.ts).
export interface Ratio { readonly median: number; readonly min: number; readonly max: number; readonly rounds: number }
export interface Figure { readonly median: number; readonly min: number; readonly runs: number; readonly rss?: number; readonly cpu?: number; readonly perAjv?: Ratio; readonly perValidate?: Ratio; readonly perAjvCpu?: Ratio; readonly perValidateCpu?: Ratio }
export interface Row { readonly name: string; readonly label: string; readonly cold?: Figure; readonly warm?: Figure; readonly ci?: Figure; readonly skipped?: string; readonly perBase?: { readonly wall: Ratio; readonly cpu?: Ratio } }
export interface Form { readonly label: string; readonly format: string; readonly ms?: number; readonly cpu?: number; readonly rss?: number; readonly failed?: string }
export interface Size { readonly meetings: number; readonly plans: number; readonly files: number; readonly bytes: number; readonly asOf: string; readonly runs: number; readonly loads?: readonly number[]; readonly ciCache?: boolean; readonly ajv?: Figure; readonly rows: readonly Row[]; readonly forms?: readonly Form[] }
export interface Results { readonly sizes: readonly Size[]; readonly help?: Figure; readonly notes?: readonly string[] }
export interface Run { readonly ms: number; readonly rss?: number; readonly cpu?: number }
export const SIZE_HEADERS: readonly string[];
export const GOAL_HEADERS: readonly string[];
export const READ_COMMANDS: readonly string[];
export const FORMS_HEADERS: readonly string[];
export function formatsFromHelp(help: string): string[];
export function formRows(forms: readonly Form[]): string[][];
export function summarise(samples: readonly number[], rss?: readonly (number | undefined)[], cpu?: readonly (number | undefined)[]): Figure | undefined;
export function roundRatios(runs?: readonly (Run | undefined)[], base?: readonly (Run | undefined)[], of?: 'ms' | 'cpu'): Ratio | undefined;
export function sizeRows(size: Size): string[][];
export function growthTable(sizes: readonly Size[]): { headers: string[]; rows: string[][] };
export function baselineTable(sizes: readonly Size[]): { headers: string[]; rows: string[][] } | undefined;
export function goalRows(results: Results): string[][];
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], markdown: boolean): string;
export function renderResults(results: Results, options: { markdown: boolean }): string;
