// Part of the build (scripts/bundle.mjs, scripts/compile-validators.mjs): the files node loads at every start written in
// ASCII. esbuild escapes the characters of string literals (its default charset), but leaves the others as they are in
// comments, regular expressions and template literals (the bundle: ~70 lines, Spanish words of the import's patterns,
// dashes in comments), and ajv's compiled validators keep the schemas' descriptions as written. One such character
// makes node decode the whole file as UTF-8 into a two-byte string (cli.js: 1.3 MB of bytes, a 2.7 MB string); an
// ASCII file is read as Latin-1 (src/io/code-cache.ts), one byte a character.
//
// Every other character is written as its \uXXXX escape (a pair for one past U+FFFF), which is the same character
// in a string, a template's cooked text, a regular expression (with or without the u flag) and an identifier; in a
// comment it is only text. Two places where it would not be the same are refused: a character after a backslash
// (`\é`, an identity escape, would become a backslash and "u00e9"), and a template's raw text (String.raw, or a tag
// reading .raw: the one tag in acta whose templates hold such characters, render/site's html, reads the cooked ones).
export function asciiOnly(text, name) {
  if (/\bString\.raw\b|\.raw\[/.test(text) && /[^\x00-\x7f]/.test(text)) throw new Error(`${name}: reads a template's raw text; its characters cannot be escaped safely`);
  return text.replace(/(\\*)([^\x00-\x7f])/g, (all, slashes, c) => {
    if (slashes.length % 2 === 1) throw new Error(`${name}: ${JSON.stringify(all)} (a character after a backslash) has no \\u spelling of the same meaning`);
    return `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
