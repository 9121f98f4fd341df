// Spelling dates for people: date-fns' format and its Spanish and English locales, required by core/dates.ts on the
// first date a command spells (../date-spelling.cjs from core/ and from dist/bundle/ alike). The build bundles this
// file into dist/date-spelling.cjs (scripts/bundle.mjs: 43 CommonJS modules → 1), so the installed package needs no
// date-fns; the tests, run from src/, require date-fns' own modules through it.
module.exports = { format: require('date-fns/format').format, es: require('date-fns/locale/es').es, enUS: require('date-fns/locale/en-US').enUS };
