// Entry for bundlers and browsers that import the package by name: the module is fetched next to
// this file (bundlers copy `new URL(..., import.meta.url)` assets) and instantiated before the
// first export is used, with top-level await.
import init from "./patent_intensive.js";

await init({ module_or_path: new URL("./patent_intensive_bg.wasm", import.meta.url) });

export {
  Assessor,
  assess,
  assessJson,
  validate,
  packs,
  checkPack,
  packJson,
  normalizePatentNumber,
  importPatentsCsv,
  catalogue,
  patentKey,
  nameKey,
  version,
} from "./patent_intensive.js";
