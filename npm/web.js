// Entry for a plain <script type="module">: nothing is loaded until `await init()`.
export {
  default,
  initSync,
  assess,
  assessJson,
  validate,
  packs,
  normalizePatentNumber,
  importPatentsCsv,
  version,
} from "./patent_intensive.js";
