// Entry for a plain <script type="module">: nothing is loaded until `await init()`. Every call
// goes through the guard (guard.js), as in the other entries.
import * as glue from "./patent_intensive.js";
import { guard } from "./guard.js";

export { default, initSync } from "./patent_intensive.js";

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
