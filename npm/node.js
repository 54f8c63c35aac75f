// Entry for Node (>= 18): the module is read from the package with fs and instantiated
// synchronously, so `import { assess } from "patent-intensive"` is ready at once. No network.
import { readFileSync } from "node:fs";
import { initSync } from "./patent_intensive.js";

initSync({ module: readFileSync(new URL("./patent_intensive_bg.wasm", import.meta.url)) });

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
