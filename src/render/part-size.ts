// How long a part of output written piece by piece (tables, CSV) is made.
//
// V8 makes a string of more than 128 KB — 64K characters two bytes each, as a table's are (its borders are beyond
// Latin-1), or 128K of one byte — in its large-object space, on pages of its own from the system: each is faulted in
// page by page as it is written, and handed back at the next full collection. A part of 200 rows of `list
// commitments` (~95,000 characters) cost so twice, the chunk's table and the part cut from it: drawing, cutting and
// encoding the 2,000-meeting table took 393–617 ms of CPU in 200-row parts and 99–260 ms in 64-row ones
// (docs/internals/performance.md, "Read commands, eleventh round (the lists and exports)").

/** Characters a part holds, about: under the large-object size even two bytes a character, with room for a part that
 * runs over (a part is cut between rows). */
export const PART_CHARS = 48 * 1024;
