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
//   { type: 'export', id, options? }              the report's exact bytes for the held document
// Replies: { type: 'ready', version }, { type: 'started', id }, { type: 'result', id, report, ms },
// { type: 'export', id, text }, { type: 'failed', id, error }.

import init, { Assessor, assessJson, version } from '../pkg/patent_intensive.js';
import { set } from './doc.js';

let assessor = null;
let doc = null;
let pending = null; // the newest assess request not yet run
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
    self.postMessage({ type: 'result', id: request.id, report: parsed, ms: Math.round(performance.now() - start) });
  } catch (error) {
    self.postMessage({ type: 'failed', id: request.id, error: String(error?.message ?? error) });
  }
}

function handle(message) {
  switch (message.type) {
    case 'assess': {
      if (typeof message.text === 'string') doc = JSON.parse(message.text);
      else if (message.doc !== undefined) doc = message.doc;
      for (const [pointer, value] of message.ops ?? []) {
        if (doc && pointer) set(doc, pointer, value);
      }
      pending = { id: message.id, options: message.options };
      // Later requests already queued behind this one replace it before it runs.
      if (!timer) timer = setTimeout(run, 0);
      break;
    }
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
