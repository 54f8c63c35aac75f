// The auditor's check: the engine's `verify` (src/verify.rs) recomputes a report from its input and
// compares, bytes first, then field by field. This tab only shows that answer: the engine's own
// sentence (bilingual), the checks it made, and each differing field named by its product and
// criterion. The answer is kept and drawn again when the language changes.

import { h, clear } from './dom.js';
import { lang, pick } from './i18n.js';
import { verify } from './engine.js';
import { readFileText } from './files.js';
import { titleIn } from './report-model.js';

const MAX_LISTED = 200;

const S = {
  missing: ['请提供评估输入和报告。', 'Provide both the input and the report.'],
  swap: ['交换输入与报告，再核对', 'Swap the input and the report, and compare again'],
  loadPack: ['请在上方“规则包”处载入该规则包文件，再核对。', 'Load that pack file under “Rule pack” above, and compare again.'],
  remake: ['用本页的“评估”重新生成报告：载入同一份输入，导出报告。', 'Make the report again on this page: open the same input under “Assess” and export the report.'],
  digestMatches: ['输入摘要一致：报告的 input_sha256 正是这份输入的摘要。', 'Input digest: the report’s input_sha256 is this input’s.'],
  digestDiffers: ['输入摘要不符：报告的 input_sha256 不是这份输入的摘要，报告出自另一份输入，或输入已被修改。', 'Input digest does not match: the report’s input_sha256 is not this input’s, so the report was made from another input, or the input was changed.'],
  packUsed: ['规则包：{id} {version}（{source}），与报告所用的相同。', 'Rule pack: {id} {version} ({source}), the one the report names.'],
  embedded: ['内置', 'embedded'],
  given: ['上方给出的规则包', 'the pack given above'],
  packOther: ['给出的规则包是 {gid} {gversion}（SHA-256 {gsha}），而报告所用的是 {id} {version}（SHA-256 {sha}）；下列差异来自不同的规则包。', 'The pack given is {gid} {gversion} (SHA-256 {gsha}), but the report needs {id} {version} (SHA-256 {sha}); the differences below come from the other pack.'],
  inputErrors: ['注意：输入有错误，报告只列出问题，没有产品结论。', 'Note: the input has errors, so the report lists findings and no product verdict.'],
  where: ['所属', 'Where'],
  pointer: ['字段（JSON 指针）', 'Field (JSON pointer)'],
  inReport: ['报告中的值', 'In the report'],
  recomputed: ['重新计算的值', 'Recomputed'],
  absent: ['（无）', '(absent)'],
  product: ['产品 {id}', 'Product {id}'],
  criterion: ['准则 {id}', 'criterion {id}'],
  reportLevel: ['报告本身', 'The report itself'],
  more: ['另有 {n} 处不同未列出。', '{n} more differences not listed.'],
  moreOne: ['另有 1 处不同未列出。', '1 more difference not listed.'],
};

/** This tab's words in the page's language, with {name} placeholders filled in. */
function tr(key, vars) {
  const entry = S[key];
  let text = entry ? entry[lang() === 'zh' ? 0 : 1] : key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

/** This tab's words, for the test that every one exists in both languages. */
export const VERIFY_STRINGS = S;

// The last answer and what it was about, drawn again on a language switch.
let last = null;

export function setupVerify() {
  for (const name of ['input', 'report', 'pack']) {
    const file = document.getElementById(`verify-${name}-file`);
    const text = document.getElementById(`verify-${name}-text`);
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (chosen) text.value = await readFileText(chosen);
    });
  }
  document.getElementById('verify-run').addEventListener('click', run);
  // The language switch sets <html lang>; the answer is bilingual, so it is drawn again.
  new MutationObserver(() => {
    if (last) render(last, false);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

function run() {
  const inputText = document.getElementById('verify-input-text').value;
  const reportText = document.getElementById('verify-report-text').value;
  const packText = document.getElementById('verify-pack-text').value.trim();
  if (!inputText.trim() || !reportText.trim()) {
    last = { missing: true };
  } else {
    const answer = verify(inputText, reportText, packText ? { pack: packText } : undefined);
    last = { answer, reportText };
  }
  render(last, true);
}

function swapAndRun() {
  const input = document.getElementById('verify-input-text');
  const report = document.getElementById('verify-report-text');
  [input.value, report.value] = [report.value, input.value];
  run();
}

const RESULT = { verified: 'match', mismatch: 'mismatch', pack_needed: 'pack' };

function render(state, focus) {
  const out = document.getElementById('verify-result');
  clear(out);
  if (state.missing) {
    out.dataset.result = 'missing';
    delete out.dataset.status;
    out.append(h('p', { class: 'verify-error' }, tr('missing')));
    if (focus) out.focus();
    return;
  }
  const { answer } = state;
  out.dataset.result = RESULT[answer.status] ?? answer.status;
  out.dataset.status = answer.status;
  const mark = (symbol) => h('span', { 'aria-hidden': 'true' }, `${symbol} `);
  const headline = answer.verified
    ? h('p', { class: 'verify-match', id: 'verify-message' }, mark('✓'), pick(answer.message))
    : h('p', { class: answer.status === 'mismatch' ? 'verify-mismatch' : 'verify-error', id: 'verify-message' }, mark('✗'), pick(answer.message));
  out.append(headline);

  switch (answer.status) {
    case 'swapped':
      out.append(h('p', null, h('button', { type: 'button', class: 'button', id: 'verify-swap', onclick: swapAndRun }, tr('swap'))));
      break;
    case 'pack_needed': {
      const named = answer.pack?.report;
      headline.id = 'verify-pack-needed';
      if (named) Object.assign(headline.dataset, { packId: named.id, packSha: named.sha256 });
      out.append(h('p', null, tr('loadPack')));
      break;
    }
    case 'pack_invalid':
      out.append(
        h(
          'ul',
          { class: 'verify-error', id: 'verify-pack-invalid' },
          answer.pack_findings.map((f) => h('li', null, h('span', { class: 'mono' }, f.path || '/'), ` ${pick(f.message)}`)),
        ),
      );
      break;
    case 'other_format':
      out.append(h('p', null, tr('remake')));
      break;
    default:
      break;
  }
  if (answer.status === 'verified' || answer.status === 'mismatch') showChecks(out, answer, state.reportText);
  if (focus) out.focus();
}

/** The input digest and pack checks, then the differences with their product and criterion. */
function showChecks(out, answer, reportText) {
  const digest = answer.input_sha256;
  if (digest) out.append(h('p', { id: 'verify-digest', dataset: { matches: String(digest.matches) } }, tr(digest.matches ? 'digestMatches' : 'digestDiffers')));
  const pack = answer.pack;
  if (pack?.matches && pack.used) {
    out.append(h('p', { id: 'verify-pack-used' }, tr('packUsed', { id: pack.used.id, version: pack.used.version, source: tr(pack.used.source === 'given' ? 'given' : 'embedded') })));
  } else if (pack?.report && pack.used) {
    const g = pack.used;
    const r = pack.report;
    out.append(h('p', { id: 'verify-pack-other' }, tr('packOther', { gid: g.id, gversion: g.version, gsha: g.sha256, id: r.id, version: r.version, sha: r.sha256 })));
  }
  if (answer.verified && answer.input_errors) out.append(h('p', null, tr('inputErrors')));
  const differences = answer.differences;
  if (!differences.length) return;
  const report = parsed(reportText);
  out.append(
    h(
      'table',
      { class: 'differences', id: 'verify-differences' },
      h('thead', null, h('tr', null, ['where', 'pointer', 'inReport', 'recomputed'].map((k) => h('th', { scope: 'col' }, tr(k))))),
      h(
        'tbody',
        null,
        differences.slice(0, MAX_LISTED).map((d) =>
          h(
            'tr',
            { dataset: { product: d.product ?? '', criterion: d.criterion ?? '' } },
            h('th', { scope: 'row', class: 'where' }, where(d, report)),
            h('td', { class: 'mono', dataset: { pointer: d.path } }, d.path || '/'),
            h('td', { class: 'mono' }, show(d, 'report')),
            h('td', { class: 'mono' }, show(d, 'recomputed')),
          ),
        ),
      ),
    ),
  );
  const more = differences.length - MAX_LISTED;
  if (more > 0) out.append(h('p', null, more === 1 ? tr('moreOne') : tr('more', { n: more })));
}

function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The product and criterion a difference belongs to, by id, with the product's name and the
 * criterion's title when the report carries them. */
function where(d, report) {
  if (!d.product) return tr('reportLevel');
  const product = Array.isArray(report?.products) ? report.products.find((p) => p?.id === d.product) : undefined;
  const zh = lang() === 'zh';
  const name = typeof product?.name === 'string' ? (zh ? `（${product.name}）` : ` (${product.name})`) : '';
  const parts = [tr('product', { id: d.product }) + name];
  if (d.criterion) {
    const title = pick(titleIn(report, d.criterion));
    parts.push(tr('criterion', { id: d.criterion }) + (title ? ` ${title}` : ''));
  }
  return parts.join(zh ? '，' : ', ');
}

function show(d, side) {
  if (!(side in d)) return tr('absent');
  const text = JSON.stringify(d[side]);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
