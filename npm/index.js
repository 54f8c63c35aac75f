// Entry for bundlers and browsers that import the package by name: the module is fetched next to
// this file (bundlers copy `new URL(..., import.meta.url)` assets) and instantiated before the
// first export is used, with top-level await. Every call goes through the guard (guard.js).
import * as glue from "./patent_intensive.js";
import { guard } from "./guard.js";

await glue.default({ module_or_path: new URL("./patent_intensive_bg.wasm", import.meta.url) });

export const {
  Assessor,
  assess,
  assessJson,
  validate,
  packs,
  checkPack,
  packJson,
  verify,
  normalizePatentNumber,
  importPatentsCsv,
  catalogue,
  patentKey,
  nameKey,
  version,
} = guard(glue);
