// The one entry point for reading YAML. Every command reads record files through readRecordFile (commands that
// read) or parseRecordFile (commands that rewrite, with the node tree); fmt and the write commands take their
// editable document from parseEditable. No module outside core/read/ parses YAML (test/layout/rooms.test.ts).
export type { ParsedFile } from './parse.js';
export { joinPointer, LIMITS, locate, parseRecordFile, plainText, readRecordFile, sourceTextAt, splitPointer, withoutData, withTreeOnDemand } from './parse.js';
export { findDuplicateKeys } from './duplicate-keys.js';
export { commentTokens, PARSE_OPTIONS, parseEditable, plainScalarReadsBack } from './editable.js';
export { parsePlainYaml, parseSettingsYaml } from './plain.js';
export { dataAsJson, heldInBlocks } from './data-json.js';
