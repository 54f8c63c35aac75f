// The engine's words for the input's fields (catalogue `fields`): the label of a field, shown
// where the page names a field in a message or a list, and what a figure means
// (input-format.md, "What each figure means"), shown beside its control. The page keeps no copy
// of either: the catalogue keys each field by its JSON pointer pattern, `*` standing for one
// array index (`/products/*/economics/*/profit`), and this module matches concrete pointers
// against those patterns.

import { catalogue } from './engine.js';

// The catalogue's fields by pointer pattern, read once.
let byPattern;

/** The pattern of a concrete pointer: every array index (a segment of digits) as `*`. */
function pattern(path) {
  return path.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** The catalogue's entry ({ pointer, label, definition? }) of the field at `path`, or null. */
export function fieldEntry(path) {
  if (!byPattern) {
    const list = catalogue()?.fields;
    byPattern = new Map((Array.isArray(list) ? list : []).filter((f) => typeof f?.pointer === 'string').map((f) => [f.pointer, f]));
  }
  return typeof path === 'string' ? byPattern.get(pattern(path)) ?? null : null;
}

/** What the figure at `path` means ({ zh, en }), in the engine's words; null for other fields. */
export function definition(path) {
  return fieldEntry(path)?.definition ?? null;
}

/** The engine's label ({ zh, en }) of the field at `path`; null for a pointer it does not name. */
export function fieldLabel(path) {
  return fieldEntry(path)?.label ?? null;
}
