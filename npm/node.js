// Entry for Node (>= 18): the module is read from the package with fs and instantiated
// synchronously, so `import { assess } from "patent-intensive"` is ready at once. No network.
// Every call goes through the guard (guard.js): arguments measured before they are copied in,
// a trapped instance replaced.
import { readFileSync } from "node:fs";
import * as glue from "./patent_intensive.js";
import { guard } from "./guard.js";

glue.initSync({ module: readFileSync(new URL("./patent_intensive_bg.wasm", import.meta.url)) });

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
