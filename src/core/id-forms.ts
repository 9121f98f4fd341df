// The forms of ids the schemas accept (schemas/common.schema.json: `id`, `meetingRef`; test/validate/id-forms.test.ts
// holds them equal), for code that checks an id before any record holds it (`acta new`, `acta import --body`) or
// that reports only ids of the right form (id/file-name: an id of another form is schema/pattern's to report).
export const ID_FORM = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const MEETING_ID_FORM = /^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9][a-z0-9-]{0,60}$/;
