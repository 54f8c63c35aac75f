// Starts the page: loads the engine, opens the worked example (or the draft the user chose to
// autosave), and re-assesses on every change after a short pause.

import { h, clear } from './dom.js';
import { t, setLang, lang, translateStatic } from './i18n.js';
import { INPUT_FORMAT, blankDocument, forEngine, fieldId, set } from './doc.js';
import { start, assess, assessJson, importPatentsCsv, moduleSha256, patentKey, version } from './engine.js';
import { exampleText } from './example-source.js';
import { Form } from './form.js';
import { showFindings, targetFor } from './errors.js';
import { renderReport, renderLiveBar } from './results.js';
import { setupVerify } from './verify.js';
import { download, readFileText } from './files.js';
import { setupPackPanel, packOptions, decorateReport, draftOpened } from './pack-panel.js';

const DEBOUNCE_MS = 250;
const AUTOSAVE_FLAG = 'patent-intensive.autosave';
const AUTOSAVE_DRAFT = 'patent-intensive.draft';

const $ = (id) => document.getElementById(id);

const store = {
  doc: null,
  report: null,
  revision: 0,
  timer: 0,
  dirty: false,
  changed() {
    this.revision += 1;
    this.dirty = true;
    $('results').dataset.state = 'pending';
    clearTimeout(this.timer);
    this.timer = setTimeout(assessNow, DEBOUNCE_MS);
  },
  importAction(action, button) {
    importAction(action, button);
  },
};

let form;
let lastAnnounced = '';
const started = performance.now();

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
  $('engine-version').textContent = `patent-intensive ${version()}`;
  moduleSha256().catch(() => '').then((hex) => { $('engine-sha256').textContent = hex || '—'; });
  form = new Form($('form'), store);
  wire();
  setupVerify();
  setupPackPanel($('pack-panel'), { store, refresh: () => { form.render(); store.changed(); assessNow(); } });

  let restored = false;
  if (storageGet(AUTOSAVE_FLAG) === '1') {
    $('autosave').checked = true;
    const saved = storageGet(AUTOSAVE_DRAFT);
    if (saved) {
      try {
        store.doc = asDocument(JSON.parse(saved));
        restored = true;
      } catch {
        // An unreadable autosave is dropped rather than blocking the page.
      }
    }
  }
  if (!restored) store.doc = asDocument(JSON.parse(await example));
  form.render();
  assessNow();
  setStatus(restored ? 'status.restored' : 'status.loadedExample');
  document.documentElement.dataset.ready = 'true';
}

function assessNow() {
  clearTimeout(store.timer);
  const revision = store.revision;
  const report = assess(forEngine(store.doc), packOptions(store.doc));
  store.report = report;
  renderReport($('report'), report);
  decorateReport(report);
  renderLiveBar($('live-bar'), report);
  const counts = showFindings($('form'), $('error-summary'), report.findings, (id) => form.reveal(id), removeField);
  usccFeedback(report);
  announce(report, counts);
  // The printed page names, at its top, the rules and the input it was computed from.
  $('print-date').textContent = new Date().toISOString().slice(0, 10);
  $('print-identity').textContent = [
    report.pack ? `${report.pack.id} v${report.pack.version} · pack SHA-256 ${report.pack.sha256}` : '',
    report.input_sha256 ? `input SHA-256 ${report.input_sha256}` : '',
    `${report.engine.name} ${report.engine.version}`,
  ].filter(Boolean).join('\n');
  const results = $('results');
  results.dataset.state = 'ready';
  results.dataset.revision = String(revision);
  if (!document.documentElement.dataset.firstVerdictMs && report.products.length) {
    // Measured from the navigation start, as a user experiences it.
    document.documentElement.dataset.firstVerdictMs = String(Math.round(performance.now()));
  }
  if ($('autosave').checked) storageSet(AUTOSAVE_DRAFT, JSON.stringify(store.doc));
}

function removeField(pointer) {
  set(store.doc, pointer, undefined);
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  form.render();
  store.changed();
  assessNow();
  form.reveal(targetFor(parent) ?? 'form');
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

/** Tells screen-reader users what changed, politely and only when it did. */
function announce(report, counts) {
  const parts = [];
  if (counts.errors || counts.warnings) parts.push(t('errors.count', { n: counts.errors, w: counts.warnings }));
  for (const p of report.products) parts.push(`${p.id}: ${t(`verdict.${p.verdict}`)}`);
  const text = parts.join('；');
  if (text !== lastAnnounced) {
    $('announcer').textContent = text;
    lastAnnounced = text;
  }
}

function asDocument(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

function replaceDocument(doc, ...message) {
  store.doc = doc;
  form.open.clear();
  form.render();
  store.revision += 1;
  store.dirty = false;
  assessNow();
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
    if (lastStatus) setStatus(...lastStatus);
    lastAnnounced = '';
    assessNow();
    $('engine-version').textContent = `patent-intensive ${version()}`;
  });

  $('tool-blank').addEventListener('click', () => {
    if (!confirmReplace()) return;
    replaceDocument(blankDocument(), 'status.blank');
    $(fieldId('/filer/name'))?.focus();
  });
  $('tool-example').addEventListener('click', async () => {
    if (!confirmReplace()) return;
    replaceDocument(asDocument(JSON.parse(await exampleText())), 'status.loadedExample');
  });
  $('tool-save').addEventListener('click', () => {
    const name = `patent-intensive-draft-${stamp()}.json`;
    download(name, `${JSON.stringify(forEngine(store.doc), null, 2)}\n`);
    store.dirty = false;
    setStatus('status.saved', { name });
  });
  $('tool-open').addEventListener('click', () => $('draft-file').click());
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
    replaceDocument(doc, 'status.loadedDraft', { name: file.name });
    draftOpened(doc);
    // As after a GOV.UK form submission: when there are errors, the summary takes focus.
    if (store.report.findings.some((f) => f.severity === 'error')) $('error-summary').focus();
  });
  $('tool-export').addEventListener('click', () => {
    const name = `patent-intensive-report-${stamp()}.json`;
    download(name, assessJson(forEngine(store.doc), packOptions(store.doc)));
    setStatus('status.exported', { name });
  });
  $('tool-print').addEventListener('click', () => window.print());
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

  // Details (informational indicators) print open; the page restores them afterwards.
  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = [...document.querySelectorAll('#report details:not([open])')];
    for (const d of closed) d.open = true;
    $('print-date').textContent = new Date().toISOString().slice(0, 10);
  });
  window.addEventListener('afterprint', () => {
    for (const d of closed) d.open = false;
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

/** Adds the patents read from CSV or pasted rows, skipping numbers already listed. */
function importRows(text) {
  const result = text.trim() ? importPatentsCsv(text) : { patents: [], problems: [] };
  const focusId = document.activeElement?.id;
  if (result === null) {
    form.render(focusId);
    showImportResult(h('p', { class: 'bad' }, t('import.unavailable')));
    return;
  }
  if (!text.trim()) {
    showImportResult(h('p', null, t('import.empty')));
    return;
  }
  store.doc.patents = Array.isArray(store.doc.patents) ? store.doc.patents : [];
  const keys = new Set(store.doc.patents.map((p) => patentKey(p?.number, p?.jurisdiction)));
  let added = 0;
  let skipped = 0;
  for (const patent of result.patents) {
    const key = patentKey(patent?.number, patent?.jurisdiction);
    if (key && keys.has(key)) {
      skipped += 1;
      continue;
    }
    keys.add(key);
    store.doc.patents.push(patent);
    added += 1;
  }
  form.render(focusId === 'paste-run' ? 'paste-rows' : focusId);
  store.changed();
  const problems = result.problems ?? [];
  showImportResult(
    h('p', { dataset: { added, skipped, problems: problems.length } }, t('import.result', { added, skipped, problems: problems.length })),
    problems.length
      ? h(
          'ul',
          { class: 'import-problems' },
          problems.map((p) =>
            h('li', null, t('import.problem', { row: p.row, column: p.column ? t('import.column', { column: p.column }) : '', message: lang() === 'zh' ? p.message?.zh : p.message?.en })),
          ),
        )
      : null,
  );
}

function showImportResult(...nodes) {
  const box = $('import-result');
  clear(box);
  box.append(...nodes.filter(Boolean));
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
