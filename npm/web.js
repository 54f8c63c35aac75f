// Entry for a plain <script type="module">: nothing is loaded until `await init()`.
export {
  default,
  initSync,
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
