// The one place the page touches the WebAssembly engine. The module is compiled once, here: the
// main thread keeps an instance for the quick, synchronous calls (number normalisation, the pack
// list, CSV import, the verify tab), and hands the compiled module to a module worker that runs
// every assessment, so typing never waits for one.
import init, {
  assessJson,
  checkPack,
  normalizePatentNumber,
  packJson,
  packs,
  validate,
  verify,
  version,
} from '../pkg/patent_intensive.js';
import * as glue from '../pkg/patent_intensive.js';
import { wasmSource } from './wasm-source.js';
import { workerUrl, workerOptions } from './worker-url.js';

export { assessJson, checkPack, normalizePatentNumber, packJson, packs, validate, verify, version };

let worker = null;
let nextId = 0;
let latest = 0;
const exports = new Map();
const listeners = { result: () => {}, any: () => {}, started: () => {}, failed: () => {} };

let moduleBytes;

export async function start() {
  // The page reads the module's bytes itself, so the footer shows the SHA-256 of exactly what
  // runs; it compiles them once, for its own instance and for the worker's.
  moduleBytes = wasmSource();
  if (moduleBytes === undefined) {
    const url = new URL('../pkg/patent_intensive_bg.wasm', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    moduleBytes = new Uint8Array(await response.arrayBuffer());
  }
  const module = await WebAssembly.compile(moduleBytes);
  await init({ module_or_path: module });
  worker = new Worker(workerUrl(), workerOptions());
  worker.onmessage = (event) => received(event.data);
  worker.onerror = (event) => listeners.failed({ id: latest, error: event.message ?? 'worker error' });
  worker.postMessage({ type: 'init', module });
}

/** SHA-256 (hex) of the module the page instantiated; '' where Web Crypto is missing (plain-HTTP hosts). */
export async function moduleSha256() {
  if (moduleBytes === undefined || !globalThis.crypto?.subtle) return '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', moduleBytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Handlers for the worker's answers: result({ id, report, ms }) for the newest request only,
 * any(answer) for every answer, started({ id }), failed({ id, error }).
 */
export function onAssessment(handlers) {
  Object.assign(listeners, handlers);
}

function received(message) {
  switch (message?.type) {
    case 'result':
      listeners.any(message);
      // Only the newest request's answer is shown; older ones were superseded while running.
      if (message.id === latest) listeners.result(message);
      break;
    case 'started':
      if (message.id === latest) listeners.started(message);
      break;
    case 'numbers': {
      for (const [text, info, key] of message.entries) {
        infoCache.set(text, info);
        if (typeof key === 'string') keyCache.set(text, key);
      }
      const waiting = exports.get(message.id);
      exports.delete(message.id);
      waiting?.resolve();
      break;
    }
    case 'details':
    case 'export': {
      const waiting = exports.get(message.id);
      exports.delete(message.id);
      waiting?.resolve(message.type === 'details' ? message : message.text);
      break;
    }
    case 'failed': {
      const waiting = exports.get(message.id);
      if (waiting) {
        exports.delete(message.id);
        waiting.reject(new Error(message.error));
      } else if (message.id === latest || message.id === 0) {
        listeners.failed(message);
      }
      break;
    }
    default:
  }
}

/**
 * Asks the worker for an assessment. `change` is { text } or { doc } for a whole new document,
 * or { ops: [[pointer, value], ...] } for edits; `options` is what the engine takes ({ pack }).
 * Returns the request id; only the answer to the newest id reaches the result handler.
 */
export function requestAssessment(change, options, detail) {
  nextId += 1;
  latest = nextId;
  worker.postMessage({ type: 'assess', id: nextId, ...change, options: options ?? undefined, detail });
  return nextId;
}

/**
 * Sends a whole new document and resolves once the worker has read every number in it (the
 * page's number cache is then primed), before the assessment's own answer; gives up waiting
 * after `timeoutMs`, when the page reads the numbers itself.
 */
export function loadDocument(change, options, detail, timeoutMs = 5000) {
  nextId += 1;
  latest = nextId;
  const id = nextId;
  const primed = new Promise((resolve) => {
    exports.set(id, { resolve, reject: resolve });
    setTimeout(resolve, timeoutMs);
  });
  worker.postMessage({ type: 'assess', id, ...change, numbers: true, options: options ?? undefined, detail });
  return primed;
}

/**
 * A newer input exists (not sent yet: it waits for the pause after typing): the answer to any
 * request still queued or running is no longer wanted. The worker drops a queued one; a running
 * one finishes (the engine cannot be interrupted) and its answer is not shown.
 */
export function supersede() {
  if (!latest) return;
  latest = 0;
  worker.postMessage({ type: 'cancel' });
}

/** The full results of products (by index) from the worker's latest report: { result, products }. */
export function requestDetails(indexes) {
  nextId += 1;
  const id = nextId;
  return new Promise((resolve, reject) => {
    exports.set(id, { resolve, reject });
    worker.postMessage({ type: 'details', id, indexes });
  });
}

/** The report's exact bytes (as the CLI writes them) for the document the worker holds. */
export function exportReport(options) {
  nextId += 1;
  const id = nextId;
  return new Promise((resolve, reject) => {
    exports.set(id, { resolve, reject });
    worker.postMessage({ type: 'export', id, options: options ?? undefined });
  });
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

// Numbers are read many times (every link of every product against the patent list, every
// search); the engine's answer for a given text never changes, so it is remembered.
const infoCache = new Map();

/** The engine's reading of a number as typed (normalizePatentNumber), remembered. */
export function numberInfo(text) {
  const raw = String(text ?? '');
  let info = infoCache.get(raw);
  if (info === undefined) {
    info = normalizePatentNumber(raw);
    if (infoCache.size > 200000) infoCache.clear();
    infoCache.set(raw, info);
  }
  return info;
}

// The engine's own matching key (`patentKey`: the canonical CN form when the number parses, else
// the folded text, white space removed, upper-cased), so a link matches a patent on the page
// exactly as it does in the engine. Remembered per text; the worker computes the keys of a whole
// document opened and sends them with the numbers, so 10,000 patents cost no main-thread calls.
const keyCache = new Map();

/** The key a patent number is matched on: the engine's `patentKey`, remembered. */
export function patentKey(text) {
  const raw = String(text ?? '');
  let key = keyCache.get(raw);
  if (key === undefined) {
    key = glue.patentKey(raw);
    if (keyCache.size > 200000) keyCache.clear();
    keyCache.set(raw, key);
  }
  return key;
}

/** A number as typed, folded for comparison: NFKC, white space removed, upper-cased. For searches only. */
export function foldedNumber(text) {
  return String(text ?? '').normalize('NFKC').replace(/\s/g, '').toUpperCase();
}

/** The canonical CN number for a text, or null when the engine does not read it as one. */
export function canonicalNumber(text) {
  const info = numberInfo(text);
  return info.ok ? info.number : null;
}

// The engine's catalogue (patent-intensive/catalogue@2: criteria, indicators, enumeration labels,
// input fields by pointer pattern), read once.
let catalogueValue = null;

/** The engine's catalogue: `{ format, engine_version, criteria, indicators, labels, fields }` (`catalogue()` binding). */
export function catalogue() {
  if (!catalogueValue) catalogueValue = glue.catalogue();
  return catalogueValue;
}

/** The engine's label ({ zh, en }) of an enumeration value, e.g. label('legal_status', 'valid'); null if unknown. */
export function label(group, value) {
  for (const entry of catalogue().labels?.[group] ?? []) if (entry.value === value) return entry.label;
  return null;
}

/** The engine's values of an enumeration, in the format's order. */
export function labelValues(group) {
  return (catalogue().labels?.[group] ?? []).map((entry) => entry.value);
}

/** The engine's criterion ({ id, title, rule, basis, source, indicators }) by id, or null. */
export function criterionInfo(id) {
  return catalogue().criteria?.find((c) => c.id === id) ?? null;
}
