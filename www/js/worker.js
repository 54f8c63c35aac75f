// The assessment worker: the engine runs here, off the page's main thread, so typing never waits
// for an assessment.
//
// Protocol (messages from the page):
//   { type: 'init', module }                      the compiled engine (a WebAssembly.Module)
//   { type: 'assess', id, text?, doc?, ops?, options? }
//       text / doc: a whole new input document (JSON text or object); ops: [[pointer, value], ...]
//       edits to the one held here (value undefined removes the member); options: { pack? } as the
//       engine takes them (a custom rule pack, object or JSON text). Requests are coalesced: the
//       edits of every request received are applied, but only the newest one is assessed.
//       detail: indexes of the products whose full result the answer should carry.
//   { type: 'cancel' }                            the request waiting to run is not wanted (a newer
//                                                 input is coming); one already running finishes
//   { type: 'details', id, indexes }              full results of more products, from the last report
//   { type: 'export', id, options? }              the report's exact bytes for the held document
// Replies: { type: 'ready', version }, { type: 'numbers', id, entries } (for a whole new document,
// before it is assessed: the engine's reading of every patent and link number in it, as
// [[text, normalizePatentNumber(text), patentKey(text)], ...], so the page need not read thousands of numbers on
// its main thread), { type: 'started', id }, { type: 'result', id, report, ms }
// (report: the summary of report-model.js, with the details asked for; standings null when
// unchanged since the previous answer), { type: 'details', id,
// result, products } (result: the id of the assessment they belong to), { type: 'export', id,
// text }, { type: 'failed', id, error }.

import init, { Assessor, assessJson, normalizePatentNumber, patentKey, version } from '../pkg/patent_intensive.js';
import { set } from './doc.js';
import { summarize, details } from './report-model.js';

let assessor = null;
let doc = null;
let pending = null; // the newest assess request not yet run
let last = { id: 0, report: null }; // the newest report, for details asked for later
let lastStandings = ''; // the standings last sent, as text
let timer = 0;
const queue = [];
let ready = null;
let initialised = false;

// Empty strings are what cleared fields leave; the engine should see the member as absent.
const withoutEmpty = (key, value) => (value === '' ? undefined : value);

function inputText() {
  return JSON.stringify(doc ?? {}, withoutEmpty);
}

function report(text, options) {
  if (options && options.pack !== undefined && options.pack !== null) {
    return assessor ? assessor.assessJson(text, options) : assessJson(text, options);
  }
  return assessor ? assessor.assessJson(text, undefined) : assessJson(text, undefined);
}

function run() {
  timer = 0;
  const request = pending;
  pending = null;
  if (!request) return;
  self.postMessage({ type: 'started', id: request.id });
  try {
    const start = performance.now();
    const text = report(inputText(), request.options);
    const parsed = JSON.parse(text);
    last = { id: request.id, report: parsed };
    const summary = summarize(parsed, request.detail);
    // Standings (one entry per linked patent) change far less often than a keystroke: they are
    // sent only when they differ from the last ones sent, which the page keeps.
    const standingsText = JSON.stringify(summary.standings);
    if (standingsText === lastStandings) summary.standings = null;
    else lastStandings = standingsText;
    self.postMessage({ type: 'result', id: request.id, report: summary, ms: Math.round(performance.now() - start) });
  } catch (error) {
    self.postMessage({ type: 'failed', id: request.id, error: String(error?.message ?? error) });
  }
}

/** The engine's reading of every distinct patent and link number of the document. */
function numbers() {
  const seen = new Map();
  const add = (text) => {
    if (typeof text === 'string' && !seen.has(text)) seen.set(text, [normalizePatentNumber(text), patentKey(text)]);
  };
  for (const p of Array.isArray(doc?.patents) ? doc.patents : []) add(p?.number);
  for (const product of Array.isArray(doc?.products) ? doc.products : []) {
    for (const link of Array.isArray(product?.patents) ? product.patents : []) add(link?.number);
  }
  return [...seen].map(([text, [info, key]]) => [text, info, key]);
}

function handle(message) {
  switch (message.type) {
    case 'assess': {
      const whole = typeof message.text === 'string' || message.doc !== undefined;
      if (typeof message.text === 'string') doc = JSON.parse(message.text);
      else if (message.doc !== undefined) doc = message.doc;
      if (whole && message.numbers) self.postMessage({ type: 'numbers', id: message.id, entries: numbers() });
      for (const [pointer, value] of message.ops ?? []) {
        if (doc && pointer) set(doc, pointer, value);
      }
      pending = { id: message.id, options: message.options, detail: message.detail };
      // Later requests already queued behind this one replace it before it runs.
      if (!timer) timer = setTimeout(run, 0);
      break;
    }
    case 'cancel':
      // A newer input is on its way: the request waiting to run is not wanted any more.
      pending = null;
      break;
    case 'details':
      self.postMessage({ type: 'details', id: message.id, result: last.id, products: details(last.report, message.indexes) });
      break;
    case 'export': {
      try {
        self.postMessage({ type: 'export', id: message.id, text: report(inputText(), message.options) });
      } catch (error) {
        self.postMessage({ type: 'failed', id: message.id, error: String(error?.message ?? error) });
      }
      break;
    }
    default:
  }
}

self.onmessage = (event) => {
  const message = event.data;
  if (message?.type === 'init') {
    ready = init({ module_or_path: message.module }).then(() => {
      assessor = typeof Assessor === 'function' ? new Assessor() : null;
      initialised = true;
      self.postMessage({ type: 'ready', version: version() });
      for (const queued of queue.splice(0)) handle(queued);
    });
    ready.catch((error) => self.postMessage({ type: 'failed', id: 0, error: String(error?.message ?? error) }));
    return;
  }
  if (!initialised) {
    queue.push(message);
    return;
  }
  handle(message);
};
