// Types of bench/bench-table.mjs, for the test that checks the tables' shape (test/bench/bench.test.ts).
export interface Figure { readonly median: number; readonly min: number; readonly runs: number; readonly rss?: number }
export interface Row { readonly name: string; readonly label: string; readonly cold?: Figure; readonly warm?: Figure; readonly skipped?: string }
export interface Size { readonly meetings: number; readonly plans: number; readonly files: number; readonly bytes: number; readonly asOf: string; readonly runs: number; readonly ajv?: Figure; readonly rows: readonly Row[] }
export interface Results { readonly sizes: readonly Size[]; readonly help?: Figure; readonly notes?: readonly string[] }
export const SIZE_HEADERS: readonly string[];
export function summarise(samples: readonly number[], rss?: readonly (number | undefined)[]): Figure | undefined;
export function sizeRows(size: Size): string[][];
export function growthTable(sizes: readonly Size[]): { headers: string[]; rows: string[][] };
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], markdown: boolean): string;
export function renderResults(results: Results, options: { markdown: boolean }): string;
