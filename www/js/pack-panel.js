// The user's own rule pack: a person who holds official (or their own calibrated) benchmark
// values brings them as a pack file. The pack is checked by the engine like any input (findings
// with JSON pointers), then passed to every assessment as `{ pack }` until removed (the page's
// `onPack` callback hands it to the assessment worker). The module also draws the pack's line in
// the results banner and each product's benchmark row (sections the results add where they draw
// the banner and a product's detail), keeps the pack with the autosaved draft (only when autosave
// is on), records it in saved drafts, shows the pack in use as a printable table (the page's own
// rule book). It keeps its own words, in both languages, so the rest of the page needs only a
// few hooks (see docs/page.md, "Own rule pack").

import { h, clear, grouped } from './dom.js';
import { lang, pick } from './i18n.js';
import { checkPack, packJson, packs } from './engine.js';
import { readFileText } from './files.js';

const AUTOSAVE_FLAG = 'patent-intensive.autosave';
const AUTOSAVE_PACK = 'patent-intensive.pack';
/** How a draft records the pack it was made with, in the input's `pack` member. */
const REFERENCE = /^(.+)@sha256:([0-9a-f]{64})$/;

const S = {
  toggle: ['使用我自己的规则包…', 'Use my own rule pack…'],
  intro: [
    '持有官方基准值（或自行校准的数值）时，可载入规则包文件（JSON，格式 patent-intensive/rule-pack@1，可由 `patent-intensive pack export` 导出后修改）。规则包经引擎校验后用于本页的每次评估，直到移除；它只在本浏览器中使用，不会上传。',
    'If you hold official benchmark values (or your own calibrated ones), load them as a rule pack file (JSON, format patent-intensive/rule-pack@1; start from `patent-intensive pack export`). The engine checks it, then every assessment on this page uses it until you remove it; it stays in this browser and is never uploaded.',
  ],
  file: ['规则包文件（JSON）', 'Rule pack file (JSON)'],
  fileHint: [
    '它取代上方按认定年度或手动选择的内置规则包。开启“自动保存”时，规则包与草稿一起保存在本浏览器中。',
    'It replaces the embedded pack chosen above by round year or by hand. With autosave on, the pack is kept in this browser with the draft.',
  ],
  inUse: ['正在使用您的规则包', 'Your rule pack is in use'],
  none: ['未载入自己的规则包：使用内置规则包。', 'No own rule pack loaded: the embedded pack is used.'],
  remove: ['移除此规则包', 'Remove this rule pack'],
  view: ['查看所用规则包', 'View the rule pack in use'],
  hideView: ['收起规则包', 'Hide the rule pack'],
  print: ['打印规则包', 'Print the rule pack'],
  loaded: ['已载入规则包 {id} {version}（SHA-256 {sha}…），用于之后的每次评估。', 'Loaded rule pack {id} {version} (SHA-256 {sha}…); every assessment now uses it.'],
  removed: ['已移除自己的规则包，恢复使用内置规则包。', 'Your rule pack was removed; the embedded pack is used again.'],
  restored: ['已从本浏览器恢复规则包 {id} {version}。', 'Restored rule pack {id} {version} from this browser.'],
  errorTitle: ['此规则包无法使用', 'This rule pack cannot be used'],
  errorKeep: ['仍在使用：{pack}。请修正下列问题后重新选择文件。', 'Still in use: {pack}. Fix the problems below and choose the file again.'],
  errorFile: ['文件 {name}：', 'File {name}: '],
  notJson: ['不是 JSON：{error}', 'not JSON: {error}'],
  embeddedName: ['内置规则包', 'the embedded pack'],
  needTitle: ['此草稿需要规则包文件', 'This draft needs its rule pack file'],
  need: [
    '草稿是用规则包 {id}（SHA-256 {sha}）计算的，本页手边没有。请在下方选择该规则包文件；未载入前无法评估。',
    'The draft was assessed with rule pack {id} (SHA-256 {sha}), which this page does not have. Choose that pack file below; until then it cannot be assessed.',
  ],
  otherThanDraft: [
    '注意：草稿记录的是规则包 {id}（SHA-256 {want}…），您载入的是 SHA-256 {got}…；草稿已改为记录您载入的规则包。',
    'Note: the draft recorded rule pack {id} (SHA-256 {want}…), you loaded SHA-256 {got}…; the draft now records the pack you loaded.',
  ],
  bannerPack: ['规则包：{id} {version} · SHA-256 {sha}… · {own}', 'Rule pack: {id} {version} · SHA-256 {sha}… · {own}'],
  ownPack: ['您载入的规则包', 'your own pack'],
  embeddedPack: ['内置规则包', 'embedded pack'],
  counts: ['阈值按依据：官方值 {o} 个，参考值 {r} 个', 'Thresholds by basis: {o} official, {r} reference'],
  row: ['所用基准行：{category} — {title}', 'Benchmark row applied: {category} — {title}'],
  rowAll: ['*（全部类别）', '* (all categories)'],
  viewTitle: ['规则包：{title}', 'Rule pack: {title}'],
  viewMeta: ['{id} · 版本 {version} · SHA-256 {sha} · 适用年度 {rounds}', '{id} · version {version} · SHA-256 {sha} · rounds {rounds}'],
  viewIntro: [
    '下表列出此规则包的参数和各产品类别的基准行：每个数值及其依据与出处。产品按其类别代码匹配最长前缀的基准行，否则用 * 行。',
    'The pack’s parameters and its benchmark row for each product category: every value with its basis and source. A product takes the row with the longest category code that prefixes its own, else the * row.',
  ],
  implements: ['实施', 'Implements'],
  sources: ['出处', 'Sources'],
  parameters: ['参数', 'Parameters'],
  colName: ['项目', 'Item'],
  colValue: ['取值', 'Value'],
  colBasis: ['依据', 'Basis'],
  colSource: ['出处', 'Source'],
  rowHead: ['基准行 {category}：{title}', 'Benchmark row {category}: {title}'],
  unknown: ['未知（该指标无法判断）', 'unknown (the indicator is undetermined)'],
  roundsOpen: ['{first} 起', '{first} onwards'],
  'p.allowed_org_types': ['G1 允许备案的主体类型', 'G1 kinds of filer allowed'],
  'p.min_counted_patents': ['G4 最少计入专利件数', 'G4 minimum counted patents'],
  weights: ['B2 专利类型权重', 'B2 patent type weights'],
  weightsValue: ['发明 {i} · 实用新型 {u} · 外观设计 {d}', 'invention {i} · utility model {u} · design {d}'],
  'i.B1.sales_revenue': ['B1 销售收入（元）', 'B1 sales revenue (CNY)'],
  'i.B1.profit_margin': ['B1 利润率', 'B1 profit margin'],
  'i.B2.invention_patents': ['B2 计入的发明专利（件）', 'B2 counted invention patents'],
  'i.B2.weighted_strength': ['B2 加权保护强度', 'B2 weighted protection strength'],
  'i.B3.patent_revenue_share': ['B3 专利贡献收入占比', 'B3 patent revenue share'],
  'i.B3.ip_intensity': ['B3 知识产权投入强度', 'B3 IP investment intensity'],
  'i.B4.core_feature_coverage': ['B4 核心功能覆盖率', 'B4 core feature coverage'],
  'basis.official': ['官方值', 'official'],
  'basis.reference': ['参考值（非官方）', 'reference (not official)'],
  'basis.public-notice': ['公开通知', 'public notice'],
  colBase: ['内置规则包 {id} 中', 'In the embedded pack {id}'],
  baseIntro: [
    '最后一列是将被替换的内置规则包（同 id 的内置规则包，否则为其首个适用年度的内置规则包）中的对应数值；取值或依据不同之处标为“已改动”。命令行 `patent-intensive pack check 文件` 列出同样的比较。',
    'The last column shows the same item in the embedded pack this one replaces (the embedded pack with its id, else the one for its first round year); where the value or basis differs it is marked “changed”. On the command line, `patent-intensive pack check FILE` lists the same comparison.',
  ],
  changed: ['已改动', 'changed'],
  noRow: ['（内置规则包没有此行）', '(no such row in the embedded pack)'],
  removedRows: ['内置规则包中有、此规则包中没有的基准行：{rows}', 'Benchmark rows of the embedded pack that this pack does not have: {rows}'],
};

const INDICATORS = [
  'B1.sales_revenue',
  'B1.profit_margin',
  'B2.invention_patents',
  'B2.weighted_strength',
  'B3.patent_revenue_share',
  'B3.ip_intensity',
  'B4.core_feature_coverage',
];

/** This module's words in the page's language, with {name} placeholders filled in. */
export function tr(key, vars) {
  const entry = S[key];
  let text = entry ? entry[lang() === 'zh' ? 0 : 1] : key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

/** This module's words, for the test that every one exists in both languages. */
export const PACK_PANEL_STRINGS = S;

// The pack in use: its text (as loaded), parsed document and the engine's summary.
let active = null;
// What the last opened draft asked for and did not get.
let wanted = null;
let hooks = null;
let viewOpen = false;
let lastReport = null;

const $ = (id) => document.getElementById(id);
const short = (sha) => String(sha ?? '').slice(0, 12);

/**
 * The options every assessment passes to the engine: the own pack, when one is in use. The
 * document then names that pack by id and SHA-256 (`id@sha256:…` in its `pack` member), so a
 * saved draft records the pack it needs, and the CLI reports `unknown_pack` for it until the pack
 * is given with `--pack FILE`.
 */
export function packOptions(doc) {
  if (!active) return undefined;
  if (doc && typeof doc === 'object') doc.pack = reference(active.info);
  return { pack: active.text };
}

function reference(info) {
  return `${info.id}@sha256:${info.sha256}`;
}

/** The pack in use when the user brought one: `{ info, doc }`, else null. */
export function ownPack() {
  return active ? { info: active.info, doc: active.doc } : null;
}

/**
 * Builds the panel into `root` and restores an autosaved pack. `hooks.store` is the page's
 * store (its `doc` is the input document); `hooks.onPack(text | null)` is called when the pack in
 * use changes (the page then draws the form again and assesses with `{ pack: text }`, or without
 * an own pack). Called once, before the first assessment, which takes its options from
 * `packOptions`.
 */
export function setupPackPanel(root, pageHooks) {
  hooks = pageHooks;
  root.classList.add('pack-panel');
  restore();
  render();
  $('autosave')?.addEventListener('change', saveToStorage);
  // The page's language switch re-renders the page's own words; this panel follows it.
  $('lang-switch')?.addEventListener('click', () => render());
  window.addEventListener('afterprint', () => {
    delete document.body.dataset.print;
  });
}

function root() {
  return $('pack-panel');
}

function render(focusId) {
  const panel = root();
  if (!panel) return;
  const open = Boolean(active || wanted || panel.dataset.open === 'true');
  panel.dataset.open = String(open);
  clear(panel);
  panel.append(
    h(
      'button',
      { type: 'button', class: 'button secondary', id: 'pack-toggle', 'aria-expanded': String(open), 'aria-controls': 'pack-body', onclick: toggle },
      tr('toggle'),
    ),
    h(
      'div',
      { id: 'pack-body', class: 'pack-body', hidden: !open },
      wanted ? needBox() : null,
      h('div', { class: 'error-summary', id: 'pack-error-summary', tabindex: '-1', hidden: true }),
      h('p', { class: 'hint' }, tr('intro')),
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'label', for: 'pack-file' }, tr('file')),
        h('p', { class: 'hint', id: 'pack-file-hint' }, tr('fileHint')),
        h('input', { type: 'file', id: 'pack-file', accept: '.json,application/json', 'aria-describedby': 'pack-file-hint', onchange: onFile }),
      ),
      active ? activeBox() : h('p', { id: 'pack-none' }, tr('none')),
      h('p', { id: 'pack-status', class: 'status', role: 'status' }),
    ),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'button secondary', id: 'pack-view-toggle', 'aria-expanded': String(viewOpen), 'aria-controls': 'pack-view', onclick: toggleView }, viewOpen ? tr('hideView') : tr('view')),
      viewOpen ? h('button', { type: 'button', class: 'button secondary', id: 'pack-print', onclick: printView }, tr('print')) : null,
    ),
    h('section', { id: 'pack-view', class: 'pack-view', hidden: !viewOpen, 'aria-label': tr('view') }, viewOpen ? packView() : null),
  );
  if (focusId) $(focusId)?.focus();
}

function toggle() {
  const panel = root();
  panel.dataset.open = String(panel.dataset.open !== 'true');
  const body = $('pack-body');
  body.hidden = panel.dataset.open !== 'true';
  $('pack-toggle').setAttribute('aria-expanded', panel.dataset.open);
  if (!body.hidden) $('pack-file').focus();
}

function activeBox() {
  const { info } = active;
  return h(
    'div',
    { class: 'pack-active', id: 'pack-active', dataset: { packId: info.id, packSha: info.sha256 } },
    h('p', { class: 'pack-active-title' }, tr('inUse')),
    h('p', null, `${info.id} ${info.version} · ${pick(info.title)}`),
    h('p', { class: 'mono hash' }, `SHA-256 ${info.sha256}`),
    h('p', null, tr('counts', { o: info.official_thresholds, r: info.reference_thresholds })),
    h('button', { type: 'button', class: 'button danger small', id: 'pack-remove', onclick: removePack }, tr('remove')),
  );
}

function needBox() {
  return h(
    'div',
    { class: 'error-summary only-warnings', id: 'pack-needed', role: 'note', dataset: { packId: wanted.id, packSha: wanted.sha } },
    h('h2', { class: 'warning-summary-title' }, tr('needTitle')),
    h('p', null, tr('need', { id: wanted.id, sha: wanted.sha })),
  );
}

function status(text) {
  const box = $('pack-status');
  if (box) box.textContent = text;
}

async function onFile(event) {
  const file = event.target.files?.[0];
  if (!file) return;
  const text = await readFileText(file);
  event.target.value = '';
  let checked;
  try {
    JSON.parse(text);
    checked = checkPack(text);
  } catch (error) {
    checked = { valid: false, findings: [{ severity: 'error', path: '', code: 'invalid_json', message: { zh: tr('notJson', { error: error.message }), en: tr('notJson', { error: error.message }) } }] };
  }
  if (!checked.valid) {
    status('');
    showFindings(file.name, checked.findings);
    return;
  }
  const recorded = wanted;
  use(text, checked.pack);
  saveToStorage();
  render('pack-file');
  status(tr('loaded', { id: checked.pack.id, version: checked.pack.version, sha: short(checked.pack.sha256) }));
  if (recorded && recorded.sha !== checked.pack.sha256) {
    status(`${tr('loaded', { id: checked.pack.id, version: checked.pack.version, sha: short(checked.pack.sha256) })} ${tr('otherThanDraft', { id: recorded.id, want: short(recorded.sha), got: short(checked.pack.sha256) })}`);
  }
  hooks.onPack(active.text);
}

/** Makes a checked pack the one in use and records it in the draft. */
function use(text, info) {
  active = { text, info, doc: JSON.parse(text) };
  wanted = null;
  hooks.store.doc.pack = reference(info);
}

function removePack() {
  const doc = hooks.store.doc;
  if (typeof doc.pack === 'string' && REFERENCE.test(doc.pack)) doc.pack = null;
  active = null;
  saveToStorage();
  render('pack-toggle');
  status(tr('removed'));
  hooks.onPack(null);
}

function showFindings(name, findings) {
  const box = $('pack-error-summary');
  clear(box);
  const inUse = active ? `${active.info.id} ${active.info.version}` : tr('embeddedName');
  box.append(
    h('h2', { class: 'error-summary-title' }, tr('errorTitle')),
    h('p', null, tr('errorFile', { name }), tr('errorKeep', { pack: inUse })),
    h(
      'ul',
      { class: 'error-summary-list' },
      findings.map((f) =>
        h(
          'li',
          { dataset: { path: f.path, code: f.code } },
          h('a', { href: '#pack-file', onclick: (e) => { e.preventDefault(); $('pack-file').focus(); } }, h('span', { class: 'where mono' }, f.path || '/'), `${lang() === 'zh' ? '：' : ': '}${pick(f.message)}`),
        ),
      ),
    ),
  );
  box.hidden = false;
  box.focus();
}

// Storage is touched only while autosave is on, and the pack goes when autosave goes.
function saveToStorage() {
  try {
    if (localStorage.getItem(AUTOSAVE_FLAG) === '1' && $('autosave')?.checked !== false && active) localStorage.setItem(AUTOSAVE_PACK, active.text);
    else localStorage.removeItem(AUTOSAVE_PACK);
  } catch {
    // A browser that refuses storage simply keeps the pack for this visit.
  }
}

function restore() {
  let text = null;
  try {
    if (localStorage.getItem(AUTOSAVE_FLAG) === '1') text = localStorage.getItem(AUTOSAVE_PACK);
  } catch {
    text = null;
  }
  if (!text) return;
  const checked = checkPack(text);
  if (!checked.valid) return;
  active = { text, info: checked.pack, doc: JSON.parse(text) };
  queueMicrotask(() => status(tr('restored', { id: checked.pack.id, version: checked.pack.version })));
}

/**
 * A draft is being opened, before it is assessed (the page then takes its options from
 * `packOptions`): when it records a pack (`id@sha256:…`) that is not the one in use, that pack is
 * no longer used, and the panel opens and asks for the pack file.
 */
export function draftOpened(doc) {
  const m = typeof doc?.pack === 'string' ? REFERENCE.exec(doc.pack) : null;
  if (!m || (active && active.info.sha256 === m[2])) {
    wanted = null;
  } else {
    wanted = { id: m[1], sha: m[2] };
    active = null;
    saveToStorage();
  }
  render(wanted ? 'pack-file' : undefined);
}

// Embedded pack documents by SHA-256: read once, not once per product drawn.
const embeddedDocs = new Map();

/** The pack document a report was made with, when this page has it. */
function documentFor(reportPack) {
  if (!reportPack) return null;
  if (active && active.info.sha256 === reportPack.sha256) return active.doc;
  if (embeddedDocs.has(reportPack.sha256)) return embeddedDocs.get(reportPack.sha256);
  let doc = null;
  try {
    const text = packJson(reportPack.id);
    doc = text ? JSON.parse(text) : null;
  } catch {
    doc = null;
  }
  // Only the embedded pack with this very content is the one the report names.
  if (doc && !packs().some((p) => p.sha256 === reportPack.sha256)) doc = null;
  embeddedDocs.set(reportPack.sha256, doc);
  return doc;
}

function infoFor(reportPack) {
  if (!reportPack) return null;
  if (active && active.info.sha256 === reportPack.sha256) return active.info;
  return packs().find((p) => p.sha256 === reportPack.sha256) ?? null;
}

/**
 * Each new report (the summary of report-model.js), before it is drawn: remembered for the
 * banner, the benchmark rows and the pack view. A document that names an own pack this page does
 * not have (an autosaved draft whose pack was not kept, a draft opened another way) asks for it,
 * as an opened draft does.
 */
export function reportShown(report) {
  lastReport = report;
  const named = typeof hooks?.store?.doc?.pack === 'string' ? REFERENCE.exec(hooks.store.doc.pack) : null;
  if (named && !active && (!wanted || wanted.sha !== named[2])) {
    wanted = { id: named[1], sha: named[2] };
    render();
  }
  if (viewOpen) {
    const view = $('pack-view');
    if (view) {
      clear(view);
      view.append(packView());
    }
  }
}

/**
 * The banner's line naming the pack the report was made with (id, version, SHA-256 shortened,
 * own or embedded) and its thresholds by basis. For results.js `addBannerSection`.
 */
export function packBanner(report) {
  if (!report?.pack) return null;
  const info = infoFor(report.pack);
  const own = Boolean(active && active.info.sha256 === report.pack.sha256);
  return h(
    'p',
    { class: 'banner-pack', id: 'banner-pack', dataset: { packId: report.pack.id, packSha: report.pack.sha256, own: String(own) } },
    tr('bannerPack', { id: report.pack.id, version: report.pack.version, sha: short(report.pack.sha256), own: own ? tr('ownPack') : tr('embeddedPack') }),
    info ? h('span', { class: 'banner-counts' }, ` · ${tr('counts', { o: info.official_thresholds, r: info.reference_thresholds })}`) : null,
  );
}

/**
 * The benchmark row (category) that applied to a product, with its title from the pack the
 * report was made with. For results.js `addDetailSection(…, { place: 'head' })`: drawn under the
 * product's summary line, on screen and in print.
 */
export function benchmarkRow(product) {
  if (!product?.benchmark_category) return null;
  const doc = documentFor(lastReport?.pack);
  const row = doc?.benchmarks?.find((r) => String(r.category).trim() === product.benchmark_category);
  const category = product.benchmark_category === '*' ? tr('rowAll') : product.benchmark_category;
  return h('p', { class: 'benchmark-row', dataset: { benchmarkCategory: product.benchmark_category } }, tr('row', { category, title: row ? pick(row.title) : '' }));
}

function toggleView() {
  viewOpen = !viewOpen;
  render('pack-view-toggle');
}

function printView() {
  document.body.dataset.print = 'pack';
  window.print();
}

function basisText(basis) {
  return basis ? tr(`basis.${basis}`) : '—';
}

function valueText(id, value) {
  if (value === null || value === undefined) return tr('unknown');
  return `≥ ${id === 'B1.sales_revenue' ? grouped(value) : String(value)}`;
}

/**
 * The embedded pack an own pack replaces, as `pack check` chooses it: the one with the same id,
 * else the one whose rounds contain the pack's first round year, else the nearest.
 */
function basePack(doc) {
  const all = packs();
  const year = doc?.rounds?.first;
  const contains = (p) => year >= p.rounds.first && (p.rounds.last == null || year <= p.rounds.last);
  const chosen =
    all.find((p) => p.id === doc?.id) ??
    all.find(contains) ??
    (all.every((p) => year < p.rounds.first) ? [...all].sort((a, b) => a.rounds.first - b.rounds.first)[0] : [...all].sort((a, b) => b.rounds.first - a.rounds.first)[0]);
  if (!chosen) return null;
  try {
    return { info: chosen, doc: JSON.parse(packJson(chosen.id)) };
  } catch {
    return null;
  }
}

/** A decimal string without its insignificant zeros, so `0.30` and `0.3` compare equal (display only). */
function canonicalNumber(value) {
  if (value === null || value === undefined) return null;
  const m = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/.exec(String(value).trim());
  if (!m) return String(value);
  const whole = m[2] || '0';
  const fraction = m[3] ?? '';
  const sign = whole === '0' && !fraction ? '' : m[1];
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** The base pack's cell for one item: its value and basis, marked when the own pack differs. */
function baseCell(base, item) {
  if (!base) return null;
  if (!item) return h('td', null, tr('noRow'));
  const changed = item.changed;
  return h('td', { class: changed ? 'changed' : undefined, dataset: { changed: String(changed) } }, changed ? [h('strong', null, tr('changed')), ' · '] : null, item.text);
}

/** The pack in use as tables: parameters, then each benchmark row with every threshold. */
function packView() {
  const doc = active?.doc ?? documentFor(lastReport?.pack);
  const info = active?.info ?? infoFor(lastReport?.pack);
  if (!doc || !info) return h('p', null, tr('none'));
  const base = active ? basePack(doc) : null;
  const compare = (mine, theirs, format) => {
    if (!theirs) return null;
    const value = (x) => (x?.value === null || x?.value === undefined ? null : Array.isArray(x.value) ? x.value.join(', ') : canonicalNumber(x.value));
    const differs = value(mine) !== value(theirs) || (value(mine) !== null && mine?.basis !== theirs?.basis);
    const basis = basisText(theirs.basis);
    const shown = value(theirs) === null ? tr('unknown') : lang() === 'zh' ? `${format(theirs.value)}（${basis}）` : `${format(theirs.value)} (${basis})`;
    return { changed: differs, text: shown };
  };
  const rounds = doc.rounds?.last == null ? tr('roundsOpen', { first: doc.rounds?.first }) : `${doc.rounds.first}–${doc.rounds.last}`;
  const head = (...keys) =>
    h('thead', null, h('tr', null, keys.map((k) => h('th', { scope: 'col' }, tr(k))), base ? h('th', { scope: 'col' }, tr('colBase', { id: base.info.id })) : null));
  const line = (name, value, basis, source, data, baseItem) =>
    h(
      'tr',
      { dataset: data },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'num' }, value),
      h('td', null, h('span', { class: `basis basis-${basis}` }, basisText(basis))),
      h('td', null, source ?? '—'),
      base ? baseCell(base, baseItem) : null,
    );
  const parameters = doc.parameters ?? {};
  const baseRows = base?.doc?.benchmarks ?? [];
  const removed = baseRows.filter((r) => !(doc.benchmarks ?? []).some((o) => String(o.category).trim() === String(r.category).trim()));
  return [
    h('h2', { id: 'pack-view-title' }, tr('viewTitle', { title: pick(doc.title) })),
    h('p', { class: 'mono hash' }, tr('viewMeta', { id: info.id, version: info.version, sha: info.sha256, rounds })),
    h('p', null, tr('viewIntro')),
    base ? h('p', null, tr('baseIntro')) : null,
    h('p', null, h('strong', null, `${tr('implements')}: `), doc.implements ?? ''),
    doc.sources?.length ? h('details', { class: 'pack-sources' }, h('summary', null, tr('sources')), h('ul', null, doc.sources.map((s) => h('li', null, s)))) : null,
    h(
      'table',
      { class: 'pack-table', id: 'pack-parameters' },
      h('caption', null, tr('parameters')),
      head('colName', 'colValue', 'colBasis', 'colSource'),
      h(
        'tbody',
        null,
        ['allowed_org_types', 'min_counted_patents'].map((name) => {
          const p = parameters[name] ?? {};
          const value = Array.isArray(p.value) ? p.value.join(', ') : String(p.value ?? '—');
          return line(tr(`p.${name}`), value, p.basis, p.source, { parameter: name }, compare(p, base?.doc?.parameters?.[name], (v) => (Array.isArray(v) ? v.join(', ') : String(v))));
        }),
      ),
    ),
    (doc.benchmarks ?? []).map((row) => {
      const w = row.weights ?? {};
      const wv = w.value ?? {};
      const baseRow = baseRows.find((r) => String(r.category).trim() === String(row.category).trim());
      const weightsText = (v) => tr('weightsValue', { i: v?.invention, u: v?.utility_model, d: v?.design });
      const weightsKey = (x) => (x ? { value: ['invention', 'utility_model', 'design'].map((k) => canonicalNumber(x.value?.[k])).join('/'), basis: x.basis } : null);
      const baseWeights = baseRow ? { ...compare(weightsKey(w), weightsKey(baseRow.weights), () => weightsText(baseRow.weights?.value)) } : null;
      return h(
        'table',
        { class: 'pack-table', dataset: { category: String(row.category).trim() } },
        h('caption', null, tr('rowHead', { category: row.category, title: pick(row.title) })),
        head('colName', 'colValue', 'colBasis', 'colSource'),
        h(
          'tbody',
          null,
          line(tr('weights'), weightsText(wv), w.basis, w.source, { item: 'weights' }, baseWeights),
          INDICATORS.map((id) => {
            const t = row.thresholds?.[id];
            const theirs = baseRow ? (baseRow.thresholds?.[id] ?? { value: null }) : null;
            return line(tr(`i.${id}`), valueText(id, t?.value), t?.value == null ? null : t?.basis, t?.value == null ? null : t?.source, { indicator: id }, compare(t ?? { value: null }, theirs, (v) => valueText(id, v)));
          }),
        ),
      );
    }),
    removed.length ? h('p', { id: 'pack-rows-removed' }, tr('removedRows', { rows: removed.map((r) => r.category).join(', ') })) : null,
  ];
}
