// The one place the page touches the WebAssembly engine.
import init, {
  assess,
  assessJson,
  checkPack,
  normalizePatentNumber,
  packJson,
  packs,
  validate,
  version,
} from '../pkg/patent_intensive.js';
import * as glue from '../pkg/patent_intensive.js';
import { wasmSource } from './wasm-source.js';

export { assess, assessJson, checkPack, normalizePatentNumber, packJson, packs, validate, version };

export async function start() {
  const source = wasmSource();
  await init(source === undefined ? undefined : { module_or_path: source });
}

/**
 * The CSV / pasted-rows importer (CNIPA export headers). It is looked up at call time so the
 * page still works, with a plain message, against an engine build that predates it.
 */
export function importPatentsCsv(text) {
  const importer = glue.importPatentsCsv;
  if (typeof importer !== 'function') return null;
  return importer(text);
}

/** The key a patent number is matched on: its canonical CN form when it parses, else the folded text. */
export function patentKey(text, jurisdiction) {
  const raw = String(text ?? '');
  if (!jurisdiction || String(jurisdiction).trim().toUpperCase() === 'CN') {
    const result = normalizePatentNumber(raw);
    if (result.ok) return result.number;
  }
  return raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}
