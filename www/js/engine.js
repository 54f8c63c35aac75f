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

let moduleBytes;

export async function start() {
  // The page reads the module's bytes itself, so the footer shows the SHA-256 of exactly what runs.
  moduleBytes = wasmSource();
  if (moduleBytes === undefined) {
    const url = new URL('../pkg/patent_intensive_bg.wasm', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    moduleBytes = new Uint8Array(await response.arrayBuffer());
  }
  await init({ module_or_path: moduleBytes });
}

/** SHA-256 (hex) of the module the page instantiated; '' where Web Crypto is missing (plain-HTTP hosts). */
export async function moduleSha256() {
  if (moduleBytes === undefined || !globalThis.crypto?.subtle) return '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', moduleBytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
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
