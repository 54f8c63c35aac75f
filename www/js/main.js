// Starts the page: loads the engine (compiled once, assessments in a worker), opens the worked
// example (or the draft the user chose to autosave), and asks for a new assessment a short pause
// after each change. Typing never waits for an assessment: the worker runs it, a newer request
// supersedes one still running, and only the newest result is shown.

import { h, clear } from './dom.js';
import { t, setLang, lang, translateStatic, enumText, pick } from './i18n.js';
import { INPUT_FORMAT, blankDocument, forEngine, fieldId, get, set, tokens, join, referenceFor } from './doc.js';
import { renderNeeded, neededTarget } from './needed.js';
import { start, onAssessment, requestAssessment, loadDocument, requestDetails, exportReport, importPatentsCsv, moduleSha256, patentKey, supersede, version } from './engine.js';
import { exampleText } from './example-source.js';
import { Form } from './form.js';
import { showFieldFindings, showSummary } from './errors.js';
import { renderReport, renderLiveBar, renderAllForPrint, clearPrint, setBusy, addBannerSection, addDetailSection, addOverviewSection } from './results.js';
import { errorCount, findings as findingsOf, outlookFailingSoon, verdictCounts, VERDICTS } from './report-model.js';
import { setupVerify } from './verify.js';
import { download, readFileText } from './files.js';
import { renderOutlook, renderOutlookOverview } from './outlook.js';
import { setupPackPanel, packOptions, packBanner, benchmarkRow, reportShown, draftOpened } from './pack-panel.js';

const DEBOUNCE_MS = 250;
// "Assessing…" shows only when an answer takes longer than this, so quick ones do not flicker.
const BUSY_AFTER_MS = 200;
const AUTOSAVE_FLAG = 'patent-intensive.autosave';
const AUTOSAVE_DRAFT = 'patent-intensive.draft';

const $ = (id) => document.getElementById(id);

const store = {
  doc: null,
  // The summary of the newest report (report-model.js), its id, and the full results of the
  // products fetched so far (index -> result).
  report: null,
  resultId: 0,
  details: new Map(),
  timer: 0,
  busyTimer: 0,
  dirty: false,
  // Quiet at first: an empty required field the user has not left yet (`touched`) is not called
  // an error until they ask for the result (`revealAll`); the results still say what is missing.
  touched: new Set(),
  revealAll: false,
  // The reference date follows the round year until the user sets it by hand (a blank form);
  // an opened document's date is its own.
  referenceAuto: false,
  // What changed since the last request: pointers whose values the worker needs, or everything.
  ops: new Set(),
  full: true,
  // Engine options sent with every request: { pack } for a custom rule pack (see setOptions).
  options: {},
  focusSummary: false,
  overview: { sort: 'index', dir: 1, verdict: '', page: 0 },
  /** Called after every edit: the pointer of the value that changed, or none for "anything". */
  changed(pointer) {
    this.dirty = true;
    if (pointer === undefined) this.full = true;
    else this.ops.add(pointer);
    // Only the newest input's result is shown: one still being computed is not wanted now.
    supersede();
    stopPrefetch();
    $('results').dataset.state = 'pending';
    clearTimeout(this.timer);
    this.timer = setTimeout(assessNow, DEBOUNCE_MS);
  },
  /** Findings beside the fields again, after a region of the form was drawn anew. */
  refreshFindings() {
    if (this.report) showFieldFindings($('form'), visibleFindings(this.report), removeField);
  },
  /** Another product was opened in the form: show its result and name it on the strip. */
  productOpened() {
    if (!this.report) return;
    renderResults();
  },
  importAction(action, button) {
    importAction(action, button);
  },
  /** The last import's message, drawn into the patents section whenever it is drawn. */
  importMessage() {
    showImportResult();
  },
  /** Assess another round (the one the figures entered would serve): round year, and the reference date with it. */
  useRound(year) {
    useRound(year);
  },
};

function useRound(year) {
  set(store.doc, '/round_year', year);
  store.changed('/round_year');
  if (store.referenceAuto) {
    set(store.doc, '/reference_date', referenceFor(year));
    store.changed('/reference_date');
  }
  form.render();
  setStatus('status.roundChanged', { round: year, d: year - 1 });
  form.reveal('/round_year');
}

// Documents whose reference date follows the round year (a blank form's); any other keeps its own.
const followsRound = new WeakSet();

// Findings about a value not yet given: quiet while its field is untouched and empty.
const QUIET_CODES = new Set(['required', 'empty_text']);

function isQuiet(finding) {
  if (store.revealAll || finding.severity !== 'error' || !QUIET_CODES.has(finding.code) || store.touched.has(finding.path)) return false;
  const value = get(store.doc, finding.path);
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The findings shown beside fields and in the summary: all but the quiet ones. */
function visibleFindings(report) {
  const all = findingsOf(report);
  return store.revealAll ? all : all.filter((f) => !isQuiet(f));
}

/** The findings still quiet (empty fields not yet visited): the results list them as what is missing. */
function quietFindings(report) {
  return store.revealAll ? [] : findingsOf(report).filter(isQuiet);
}

/** Findings beside the fields, the error summary and the "needed for a verdict" box. */
function showFindings(report) {
  const visible = visibleFindings(report);
  const counts = showFieldFindings($('form'), visible, removeField);
  showSummary($('error-summary'), visible, (pointer) => form.reveal(pointer));
  showNeeded(report);
  return counts;
}

/** The user asked for the result (print, export, "show every problem"): every finding shows. */
function revealAll() {
  if (store.revealAll) return;
  store.revealAll = true;
  if (store.report) {
    showFindings(store.report);
    renderResults();
  }
}

/** The "needed for a verdict" box: gaps of undetermined criteria, and the round the figures serve. */
function showNeeded(report) {
  renderNeeded($('needed-summary'), report, store.doc, { onLink: revealGap, onRound: useRound });
}

/**
 * A gap's link: brings the field the engine named on screen and focuses it; a missing economics
 * row's link focuses the product's "add a row" button once the product is drawn.
 */
function revealGap(pointer) {
  form.reveal(pointer);
  const target = neededTarget(pointer);
  if (target !== fieldId(pointer)) form.focusElement(target);
}

/**
 * Engine options for every assessment from now on (e.g. `{ pack }`, a custom rule pack as an
 * object or JSON text), and a new assessment with them. For the rule-pack panel.
 */
export function setOptions(options) {
  store.options = { ...(options ?? {}) };
  store.full = true;
  store.changed();
}

let form;
let lastAnnounced = '';

async function main() {
  const params = new URLSearchParams(location.search);
  setLang(params.get('lang') === 'en' ? 'en' : 'zh');
  translateStatic(document);
  updateLangButton();
  setStatus('app.loading');
  // The example is read while the engine compiles, not after.
  const example = exampleText();
  example.catch(() => {});
  try {
    await start();
  } catch (error) {
    setStatus('app.loadFailed', { error: error?.message ?? String(error) }, true);
    return;
  }
  onAssessment({ result: received, any: absorb, started: () => {}, failed: (m) => setStatus('app.assessFailed', { error: m.error }, true) });
  $('engine-version').textContent = `patent-intensive ${version()}`;
  moduleSha256().catch(() => '').then((hex) => { $('engine-sha256').textContent = hex || '—'; });
  form = new Form($('form'), store);
  wire();
  setupVerify();
  // The own rule pack: a new pack (or none) draws the form again (its pack field) and goes to the
  // worker with every assessment from now on.
  setupPackPanel($('pack-panel'), {
    store,
    onPack: (pack) => {
      form.render();
      setOptions(pack ? { pack } : {});
    },
  });
  addBannerSection((report) => packBanner(report));
  addDetailSection((product) => benchmarkRow(product), { place: 'head' });
  // The outlook (rules.md §6): each product's figure and tables in its detail; in the overview,
  // the products failing within the next three rounds (from the summary) and the calendar, which
  // needs every product's full outlook and fetches them as a print does.
  addDetailSection((product, language, { prefix }) => renderOutlook(product, language, { prefix }));
  addOverviewSection((report, language) =>
    renderOutlookOverview(outlookFailingSoon(report), report, language, {
      open: showOutlook,
      calendar: fullReport,
      failed: (error) => setStatus('app.assessFailed', { error: error?.message ?? String(error) }, true),
    }),
  );

  let text = null;
  let restored = false;
  if (storageGet(AUTOSAVE_FLAG) === '1') {
    $('autosave').checked = true;
    const saved = storageGet(AUTOSAVE_DRAFT);
    if (saved) {
      try {
        store.doc = asDocument(JSON.parse(saved));
        text = saved;
        restored = true;
      } catch {
        // An unreadable autosave is dropped rather than blocking the page.
      }
    }
  }
  if (!restored) {
    text = await example;
    store.doc = asDocument(JSON.parse(text));
  }
  await replaceDocument(store.doc, text, restored ? 'status.restored' : 'status.loadedExample');
  document.documentElement.dataset.ready = 'true';
}

/** Sends what changed to the worker now (the whole document, or the changed values). */
function assessNow(text) {
  clearTimeout(store.timer);
  store.timer = 0;
  // While an own pack is in use the document records it (`id@sha256:…`), whatever was chosen in
  // the form's pack field, so a saved draft names the pack it needs.
  const named = store.doc?.pack;
  packOptions(store.doc);
  if (store.doc && store.doc.pack !== named) store.ops.add('/pack');
  let change;
  if (typeof text === 'string') {
    change = { text };
  } else if (store.full) {
    change = { doc: store.doc };
  } else {
    // Parents before children, and nothing under a container that is gone (a removed row).
    const ops = [];
    for (const pointer of [...store.ops].sort((a, b) => a.length - b.length)) {
      const parts = tokens(pointer);
      const parent = parts.length > 1 ? get(store.doc, join(...parts.slice(0, -1))) : store.doc;
      if (parent === null || typeof parent !== 'object') continue;
      ops.push([pointer, get(store.doc, pointer)]);
    }
    change = { ops };
  }
  store.full = false;
  store.ops.clear();
  $('results').dataset.state = 'pending';
  requestAssessment(change, engineOptions(), [form.openProduct]);
  showBusySoon();
}

function engineOptions() {
  return store.options.pack === undefined ? undefined : store.options;
}

/** "Assessing…" on the strip and aria-busy on the results, when an answer is slow to come. */
function showBusySoon() {
  clearTimeout(store.busyTimer);
  store.busyTimer = setTimeout(() => {
    $('results').setAttribute('aria-busy', 'true');
    setBusy($('live-bar'), true);
  }, BUSY_AFTER_MS);
}

// The worker sends the patent standings only when they changed since its previous answer, so
// every answer's standings are kept, even of an answer superseded before it was shown.
let standings = [];
function absorb({ report }) {
  if (report?.standings) standings = report.standings;
}

/** The worker's answer to the newest request. */
function received({ id, report, ms }) {
  clearTimeout(store.busyTimer);
  $('results').removeAttribute('aria-busy');
  if (!report.standings) report.standings = standings;
  reportShown(report);
  store.report = report;
  store.resultId = id;
  store.details = new Map(Object.entries(report.details ?? {}).map(([i, product]) => [Number(i), product]));
  form.setReport(report);
  renderResults();
  const counts = showFindings(report);
  usccFeedback(report);
  announce(report, counts);
  printHead(report);
  const results = $('results');
  results.dataset.revision = String(id);
  results.dataset.assessMs = String(ms);
  // Ready only when nothing typed since is still waiting to be sent.
  if (!store.timer && !store.ops.size && !store.full) results.dataset.state = 'ready';
  if (!document.documentElement.dataset.firstVerdictMs && report.products.length) {
    // Measured from the navigation start, as a user experiences it.
    document.documentElement.dataset.firstVerdictMs = String(Math.round(performance.now()));
  }
  if (store.focusSummary) {
    store.focusSummary = false;
    if (errorCount(report)) $('error-summary').focus();
  }
  if ($('autosave').checked) storageSet(AUTOSAVE_DRAFT, JSON.stringify(store.doc));
  schedulePrefetch();
}

// Printing from the browser's own menu (Ctrl+P) cannot wait for the worker, so once the page has
// been left alone for a while, every product's result is fetched in small batches, between other
// work, and a print has them all. Any new input stops it.
const PREFETCH_AFTER_MS = 3000;
const PREFETCH_BATCH = 10;
let prefetchTimer = 0;
let prefetchRun = 0; // bumped by any input: a running prefetch stops at its next batch
function schedulePrefetch() {
  stopPrefetch();
  prefetchTimer = setTimeout(prefetchAll, PREFETCH_AFTER_MS);
}

function stopPrefetch() {
  clearTimeout(prefetchTimer);
  prefetchRun += 1;
}

async function prefetchAll() {
  const run = prefetchRun;
  const resultId = store.resultId;
  const count = store.report && !errorCount(store.report) ? store.report.products.length : 0;
  for (let i = 0; i < count; i += PREFETCH_BATCH) {
    if (run !== prefetchRun || store.resultId !== resultId) return;
    const wanted = [];
    for (let k = i; k < Math.min(count, i + PREFETCH_BATCH); k += 1) if (!store.details.has(k)) wanted.push(k);
    if (wanted.length) await fetchDetails(wanted);
    await new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve, { timeout: 1000 }));
  }
}

function renderResults() {
  const report = store.report;
  if (!report) return;
  const focused = document.activeElement?.id;
  const open = form.openProduct;
  const detail = store.details.get(open) ?? null;
  if (!detail && open < report.products.length) fetchDetails([open]).then(() => {
    if (form.openProduct === open && store.details.has(open)) renderResults();
  });
  renderReport($('report'), report, {
    open,
    detail,
    quiet: quietFindings(report),
    onLink: (pointer) => form.reveal(pointer),
    onRevealAll: () => {
      revealAll();
      $('error-summary').focus();
    },
    table: store.overview,
    onOpen: (i) => {
      form.openProductAt(i, false);
      const detail = $('product-detail');
      const heading = detail?.querySelector('h3');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: 'start' });
      }
    },
    onTable: (state) => {
      store.overview = state;
      renderResults();
    },
  });
  const editing = errorCount(report) ? null : report.products[form.openProduct] ?? null;
  renderLiveBar($('live-bar'), report, { editing, editingId: store.doc?.products?.[form.openProduct]?.id, quiet: quietFindings(report).length });
  if (focused && $(focused) && document.activeElement !== $(focused) && $('report').contains($(focused))) $(focused).focus({ preventScroll: true });
}

/** Fetches the full results of products from the worker's newest report into store.details. */
async function fetchDetails(indexes) {
  const wanted = indexes.filter((i) => !store.details.has(i));
  if (!wanted.length) return;
  const resultId = store.resultId;
  const answer = await requestDetails(wanted);
  // A newer result may have arrived meanwhile: details of an older one are not mixed in.
  if (answer.result !== resultId || store.resultId !== resultId) return;
  for (const [i, product] of Object.entries(answer.products)) store.details.set(Number(i), product);
}

/** Opens a product's result at its outlook (a link in the outlook overview). */
async function showOutlook(index) {
  form.openProductAt(index, false);
  await fetchDetails([index]);
  if (form.openProduct !== index || !store.details.has(index)) return;
  renderResults();
  const heading = document.querySelector('#product-detail .outlook h4');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }
}

/** The newest report with every product's full result (the outlook's calendar needs them all). */
async function fullReport() {
  // A newer result arriving meanwhile makes the fetched results stale: fetched again for it.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const report = store.report;
    if (!report) break;
    await fetchDetails(report.products.map((_, i) => i));
    if (store.report === report && report.products.every((_, i) => store.details.has(i))) {
      return { ...report, products: report.products.map((_, i) => store.details.get(i)) };
    }
  }
  throw new Error(t('results.changedMeanwhile'));
}

function removeField(pointer) {
  set(store.doc, pointer, undefined);
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  store.changed(pointer);
  form.render();
  assessNow();
  form.reveal(parent);
}

/** The filer's credit code: a positive confirmation when it is filled in and has no finding. */
function usccFeedback(report) {
  const id = fieldId('/filer/uscc');
  const box = $(`${id}-feedback`);
  if (!box) return;
  const value = String(store.doc.filer?.uscc ?? '').trim();
  const problem = report.findings.some((f) => f.path === '/filer/uscc');
  box.textContent = value && !problem ? t('uscc.ok') : '';
  box.className = value && !problem ? 'feedback ok' : 'feedback';
}

/**
 * The printed page's head, in the page's language: the filer (name and credit code), the round,
 * data year and reference date, and the rules and input the result was computed from.
 */
function printHead(report) {
  const filer = store.doc?.filer ?? {};
  const name = typeof filer.name === 'string' && filer.name.trim() ? filer.name.trim() : t('print.noName');
  const uscc = typeof filer.uscc === 'string' && filer.uscc.trim() ? filer.uscc.trim() : '';
  $('print-filer').textContent = uscc ? t('print.filerUscc', { name, uscc }) : t('print.filer', { name });
  $('print-round').textContent = t('print.round', { round: report.round_year ?? store.doc?.round_year ?? '—', d: report.data_year ?? '—', date: report.reference_date ?? store.doc?.reference_date ?? '—' });
  $('print-date').textContent = new Date().toISOString().slice(0, 10);
  $('print-identity').textContent = [
    report.pack ? `${t('meta.pack')}${t('colon')}${report.pack.id} v${report.pack.version}` : '',
    report.pack ? `${t('meta.packSha')}${t('colon')}${report.pack.sha256}` : '',
    report.input_sha256 ? `${t('meta.inputSha')}${t('colon')}${report.input_sha256}` : '',
    report.engine ? `${t('meta.engine')}${t('colon')}${report.engine.name} ${report.engine.version}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The filer's name as a part of a file name: letters (any script) and digits kept, the rest a dash. */
function fileStem(kind) {
  const name = String(store.doc?.filer?.name ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `patent-intensive-${kind}${name ? `-${name}` : ''}-${stamp()}`;
}

/** Tells screen-reader users what changed, politely and only when it did. */
function announce(report, counts) {
  const parts = [];
  if (counts.errors || counts.warnings) parts.push(t('errors.count', { n: counts.errors, w: counts.warnings }));
  if (report.products.length <= 5) {
    for (const p of report.products) parts.push(`${p.id}: ${enumText('product_verdict', p.verdict)}`);
  } else {
    const counts = verdictCounts(report);
    for (const v of VERDICTS) if (counts[v]) parts.push(`${enumText('product_verdict', v)} ${counts[v]}`);
  }
  const text = parts.join(t('clauseSep'));
  if (text !== lastAnnounced) {
    $('announcer').textContent = text;
    lastAnnounced = text;
  }
}

function asDocument(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

/**
 * A whole new document (blank, example, draft): sent to the worker first, which reads every
 * patent number in it for the page before assessing, then drawn.
 */
async function replaceDocument(doc, text, ...message) {
  store.doc = doc;
  // An own pack in use applies to the new document too, which then records it.
  const named = doc.pack;
  store.options = packOptions(doc) ?? {};
  if (doc.pack !== named) text = null;
  store.report = null;
  store.referenceAuto = followsRound.has(doc);
  store.touched.clear();
  store.revealAll = false;
  lastImport = null;
  form.reset();
  store.dirty = false;
  store.full = false;
  store.ops.clear();
  clearTimeout(store.timer);
  store.timer = 0;
  $('results').dataset.state = 'pending';
  const primed = loadDocument(typeof text === 'string' ? { text } : { doc }, engineOptions(), [0]);
  showBusySoon();
  await primed;
  // Replaced again while the worker read this one: the newer one draws itself.
  if (store.doc !== doc) return;
  form.render();
  setStatus(...message);
}

// Kept as a key and values, so a language switch can say it again in the other language.
let lastStatus = null;
function setStatus(key, vars, isError = false) {
  lastStatus = [key, vars, isError];
  const status = $('status');
  status.textContent = t(key, vars);
  status.classList.toggle('status-error', isError);
}

function wire() {
  $('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    translateStatic(document);
    updateLangButton();
    try {
      const url = new URL(location.href);
      if (lang() === 'en') url.searchParams.set('lang', 'en');
      else url.searchParams.delete('lang');
      history.replaceState(null, '', url);
    } catch {
      // file:// pages may refuse; the switch still works for this visit.
    }
    form.render();
    showImportResult();
    if (lastStatus) setStatus(...lastStatus);
    lastAnnounced = '';
    // The report is bilingual: the same result is drawn again in the other language.
    if (store.report) {
      form.setReport(store.report);
      renderResults();
      showFindings(store.report);
      printHead(store.report);
      announce(store.report, { errors: errorCount(store.report), warnings: findingsOf(store.report).length - errorCount(store.report) });
    }
    $('engine-version').textContent = `patent-intensive ${version()}`;
  });

  // Leaving a field makes its findings show (quiet at first, above).
  // A message appearing moves what is below it: while a pointer is pressed (focus left by a
  // click), it waits until the click is over, so the click lands on what was pressed.
  let pressed = false;
  let afterPress = null;
  document.addEventListener('pointerdown', () => { pressed = true; }, true);
  document.addEventListener('pointerup', () => {
    pressed = false;
    const run = afterPress;
    afterPress = null;
    if (run) setTimeout(run, 0);
  }, true);
  $('form').addEventListener('focusout', (event) => {
    const path = event.target?.dataset?.path;
    if (!path || store.touched.has(path) || !event.target.isConnected) return;
    store.touched.add(path);
    if (!store.report || !findingsOf(store.report).some((f) => f.path === path && QUIET_CODES.has(f.code))) return;
    const into = event.relatedTarget;
    const update = () => {
      if (!store.report) return;
      showFindings(store.report);
      // Not while focus moves into the results: redrawing them would take away what is being clicked.
      if (!(into && ($('report').contains(into) || $('live-bar').contains(into)))) renderResults();
    };
    if (pressed) afterPress = update;
    else update();
  });

  $('tool-blank').addEventListener('click', async () => {
    if (!confirmReplace()) return;
    const doc = blankDocument();
    followsRound.add(doc);
    await replaceDocument(doc, null, 'status.blank');
    $(fieldId('/filer/name'))?.focus();
  });
  $('tool-example').addEventListener('click', async () => {
    if (!confirmReplace()) return;
    const text = await exampleText();
    replaceDocument(asDocument(JSON.parse(text)), text, 'status.loadedExample');
  });
  $('tool-save').addEventListener('click', () => {
    const name = `${fileStem('draft')}.json`;
    download(name, `${JSON.stringify(forEngine(store.doc), null, 2)}\n`);
    store.dirty = false;
    setStatus('status.saved', { name });
  });
  // A draft replaces what is entered: asked first when there are unsaved edits.
  $('tool-open').addEventListener('click', () => {
    if (!confirmReplace()) return;
    $('draft-file').click();
  });
  // Leaving or reloading with unsaved edits asks first (the browser's own dialog). Autosave, when
  // the user turned it on, keeps every edit, so there is nothing to lose then.
  window.addEventListener('beforeunload', (event) => {
    if (!store.dirty || $('autosave').checked) return;
    event.preventDefault();
    event.returnValue = '';
  });
  $('draft-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = await readFileText(file);
    event.target.value = '';
    let doc;
    try {
      doc = asDocument(JSON.parse(text));
    } catch (error) {
      setStatus('status.notJson', { name: file.name, error: error.message }, true);
      return;
    }
    if (doc.format !== INPUT_FORMAT && !('products' in doc)) {
      setStatus('status.notInput', { name: file.name, format: INPUT_FORMAT }, true);
      return;
    }
    // A draft naming an own pack this page lacks asks for it (and is not assessed with another).
    draftOpened(doc);
    // As after a GOV.UK form submission: when there are errors, the summary takes focus.
    store.focusSummary = true;
    await replaceDocument(doc, text, 'status.loadedDraft', { name: file.name });
    // An opened draft is asked about as a whole: every finding shows.
    revealAll();
  });
  $('tool-export').addEventListener('click', async () => {
    revealAll();
    const name = `${fileStem('report')}.json`;
    // Whatever is still waiting goes to the worker first, so the export is of what is on screen.
    if (store.timer || store.ops.size || store.full) assessNow();
    try {
      download(name, await exportReport(store.options.pack === undefined ? undefined : store.options));
      setStatus('status.exported', { name });
    } catch (error) {
      setStatus('app.assessFailed', { error: error?.message ?? String(error) }, true);
    }
  });
  // Every product's result is fetched first, so the print has them all.
  $('tool-print').addEventListener('click', async () => {
    revealAll();
    if (store.report && !errorCount(store.report)) await fetchDetails(store.report.products.map((_, i) => i));
    window.print();
  });
  $('autosave').addEventListener('change', (event) => {
    if (event.target.checked) {
      storageSet(AUTOSAVE_FLAG, '1');
      storageSet(AUTOSAVE_DRAFT, JSON.stringify(store.doc));
      setStatus('status.autosaveOn');
    } else {
      storageRemove(AUTOSAVE_FLAG);
      storageRemove(AUTOSAVE_DRAFT);
      setStatus('status.autosaveOff');
    }
  });

  $('csv-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = await readFileText(file);
    event.target.value = '';
    importRows(text);
  });
  // Rows pasted from a spreadsheet into a cell of the patent table become an import, not one cell's text.
  $('form').addEventListener('paste', (event) => {
    const target = event.target;
    if (!target.closest?.('#patents-table')) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/\n./.test(text.trim()) || !/[\t,]/.test(text)) return;
    event.preventDefault();
    importRows(text);
  });

  // Printing shows the overview and every product's result, in order, with every detail open;
  // they are drawn for the print only and taken away afterwards.
  let closed = [];
  window.addEventListener('beforeprint', () => {
    revealAll();
    if (store.report && !errorCount(store.report)) {
      renderAllForPrint($('print-all'), store.report, store.details);
      $('report').classList.add('printing-all');
    }
    closed = [...document.querySelectorAll('#report details:not([open])')];
    for (const d of closed) d.open = true;
    if (store.report) printHead(store.report);
  });
  window.addEventListener('afterprint', () => {
    for (const d of closed) d.open = false;
    closed = [];
    clearPrint($('print-all'));
    $('report').classList.remove('printing-all');
  });

  setupTabs();
}

function importAction(action) {
  const panel = $('paste-panel');
  const toggle = $('paste-rows');
  switch (action) {
    case 'import-csv':
      $('csv-file').click();
      break;
    case 'paste-rows': {
      const open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) $('paste-text').focus();
      break;
    }
    case 'paste-cancel':
      panel.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
      break;
    case 'paste-run':
      importRows($('paste-text').value);
      break;
    default:
  }
}

// The last import's outcome, kept as data so the message can be said again in the other
// language and survives the form being drawn again.
let lastImport = null;

/** Adds the patents read from CSV or pasted rows, skipping numbers already listed. */
function importRows(text) {
  const result = text.trim() ? importPatentsCsv(text) : { patents: [], problems: [] };
  const focusId = document.activeElement?.id;
  // The page stays where it is: the patent table is drawn again, the view does not jump.
  const scroll = window.scrollY;
  if (result === null) {
    lastImport = { kind: 'unavailable' };
  } else if (!text.trim()) {
    lastImport = { kind: 'empty' };
  } else {
    store.doc.patents = Array.isArray(store.doc.patents) ? store.doc.patents : [];
    const keys = new Set(store.doc.patents.map((p) => patentKey(p?.number)));
    let added = 0;
    const skipped = [];
    for (const patent of result.patents) {
      const key = patentKey(patent?.number);
      if (key && keys.has(key)) {
        skipped.push(String(patent?.number ?? ''));
        continue;
      }
      keys.add(key);
      store.doc.patents.push(patent);
      added += 1;
    }
    // Rows, not problems: a row with two problems is one row that could not be read.
    const problems = result.problems ?? [];
    const badRows = [...new Set(problems.map((p) => p.row))];
    lastImport = { kind: 'result', rows: result.patents.length + badRows.length, added, skipped, badRows, problems };
    store.changed('/patents');
    form.patentsChanged(focusId === 'paste-run' ? 'paste-rows' : focusId);
  }
  showImportResult();
  window.scrollTo(window.scrollX, scroll);
  // The message in view, above the live strip at the bottom, moving the page no more than that.
  const box = $('import-result');
  if (box) {
    const bottom = box.getBoundingClientRect().bottom;
    const limit = window.innerHeight - ($('live-bar')?.offsetHeight ?? 0) - 8;
    if (bottom > limit) window.scrollBy(0, bottom - limit);
  }
}

const SKIPPED_LISTED = 20;

/** The last import's message, in the page's language (again after a language switch or a redraw). */
function showImportResult() {
  const box = $('import-result');
  if (!box) return;
  clear(box);
  if (!lastImport) return;
  if (lastImport.kind === 'unavailable') {
    box.append(h('p', { class: 'bad' }, t('import.unavailable')));
    return;
  }
  if (lastImport.kind === 'empty') {
    box.append(h('p', null, t('import.empty')));
    return;
  }
  const { rows, added, skipped, badRows, problems } = lastImport;
  box.append(
    h('p', { dataset: { rows, added, skipped: skipped.length, problems: badRows.length } }, t('import.result', { rows, added, skipped: skipped.length, problems: badRows.length })),
  );
  if (skipped.length) {
    const named = skipped.slice(0, SKIPPED_LISTED).join(t('listSep'));
    const more = skipped.length > SKIPPED_LISTED ? t('import.skippedMore', { n: skipped.length - SKIPPED_LISTED }) : '';
    box.append(h('p', { class: 'import-skipped', dataset: { role: 'skipped' } }, t('import.skipped', { n: skipped.length, numbers: named + more })));
  }
  if (badRows.length) {
    box.append(
      h(
        'ul',
        { class: 'import-problems' },
        badRows.map((row) =>
          h(
            'li',
            { dataset: { row } },
            t('import.problem', {
              row,
              column: '',
              message: problems
                .filter((p) => p.row === row)
                .map((p) => `${p.column ? t('import.columnName', { column: p.column }) : ''}${pick(p.message)}`)
                .join(t('clauseSep')),
            }),
          ),
        ),
      ),
    );
  }
}

function setupTabs() {
  const tabs = [$('tab-assess'), $('tab-verify')];
  const select = (tab, focus) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !selected;
    }
    document.body.dataset.tab = tab.id;
    if (focus) tab.focus();
  };
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      let next = null;
      if (event.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
      else if (event.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
      else if (event.key === 'Home') next = tabs[0];
      else if (event.key === 'End') next = tabs[tabs.length - 1];
      if (next) {
        event.preventDefault();
        select(next, true);
      }
    });
  }
  select(tabs[0], false);
}

function updateLangButton() {
  const button = $('lang-switch');
  button.textContent = t('lang.switch');
  button.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh-CN');
  button.setAttribute('aria-label', t('lang.switchLabel'));
}

function confirmReplace() {
  return !store.dirty || window.confirm(t('tools.confirmReplace'));
}

function stamp() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

// Storage is touched only when the user turned autosave on; a browser that refuses it (some
// file:// or private modes) just has no autosave.
function storageGet(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function storageSet(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // see above
  }
}
function storageRemove(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // see above
  }
}

main();
