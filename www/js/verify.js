// The auditor's check: recompute a report from its input with this engine and compare. Byte
// equality is the strong answer; when the bytes differ only in layout the parsed documents are
// compared, and every differing value is named by its JSON pointer.

import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { join } from './doc.js';
import { assessJson, packs } from './engine.js';
import { readFileText } from './files.js';
import { verifyPackNotice } from './pack-panel.js';

const MAX_LISTED = 200;

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
}

function run() {
  const out = document.getElementById('verify-result');
  clear(out);
  const inputText = document.getElementById('verify-input-text').value;
  const reportText = document.getElementById('verify-report-text').value;
  const packText = document.getElementById('verify-pack-text').value.trim();
  if (!inputText.trim() || !reportText.trim()) {
    out.append(h('p', { class: 'verify-error' }, t('verify.missing')));
    out.focus();
    return;
  }
  let given;
  try {
    given = JSON.parse(reportText);
  } catch (error) {
    out.append(h('p', { class: 'verify-error' }, t('verify.badReport', { error: error.message })));
    out.focus();
    return;
  }
  const notice = verifyPackNotice(given, packText);
  if (notice?.stop) {
    out.dataset.result = 'pack';
    out.append(notice.node);
    out.focus();
    return;
  }
  // Report version 2 comes in two details: recompute the one the report names.
  const detail = given?.detail === 'verdicts' ? 'verdicts' : undefined;
  const recomputedText = assessJson(inputText, packText || detail ? { pack: packText || undefined, detail } : undefined);
  const recomputed = JSON.parse(recomputedText);
  const differences = [];
  diff(given, recomputed, '', differences);
  out.dataset.result = differences.length ? 'mismatch' : 'match';
  if (!differences.length) {
    const bytes = new TextEncoder().encode(recomputedText).length;
    const same = reportText === recomputedText || reportText === `${recomputedText}\n`;
    out.append(
      h('p', { class: 'verify-match' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('verify.match')),
      h('p', null, same ? t('verify.matchBytes', { n: bytes }) : t('verify.matchSemantic')),
    );
  } else {
    out.append(h('p', { class: 'verify-mismatch' }, h('span', { 'aria-hidden': 'true' }, '✗ '), t('verify.mismatch', { n: differences.length })));
    if (given?.input_sha256 && given.input_sha256 !== recomputed.input_sha256) out.append(h('p', null, t('verify.inputShaDiffers')));
    if (notice) out.append(notice.node);
    const known = packs().some((p) => p.sha256 === given?.pack?.sha256);
    if (given?.pack?.sha256 && !known && !packText) out.append(h('p', null, t('verify.packUnknown', { id: given.pack.id, sha: given.pack.sha256 })));
    out.append(
      h(
        'table',
        { class: 'differences', id: 'verify-differences' },
        h('thead', null, h('tr', null, ['verify.pointer', 'verify.inReport', 'verify.recomputed'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h(
          'tbody',
          null,
          differences.slice(0, MAX_LISTED).map((d) =>
            h('tr', null, h('th', { scope: 'row', class: 'mono', dataset: { pointer: d.pointer } }, d.pointer || '/'), h('td', { class: 'mono' }, show(d.given)), h('td', { class: 'mono' }, show(d.recomputed))),
          ),
        ),
      ),
    );
    if (differences.length > MAX_LISTED) out.append(h('p', null, t('verify.more', { n: differences.length - MAX_LISTED })));
  }
  out.focus();
}

/** Collects the JSON pointers at which two documents differ (leaves, or where the shapes part). */
export function diff(a, b, pointer, out) {
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(a) !== kind(b)) {
    out.push({ pointer, given: a, recomputed: b });
    return;
  }
  if (kind(a) === 'array') {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i += 1) {
      if (i >= a.length) out.push({ pointer: join(...tokensOf(pointer), i), given: undefined, recomputed: b[i] });
      else if (i >= b.length) out.push({ pointer: join(...tokensOf(pointer), i), given: a[i], recomputed: undefined });
      else diff(a[i], b[i], pointer + join(i), out);
    }
    return;
  }
  if (kind(a) === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const p = pointer + join(key);
      if (!(key in b)) out.push({ pointer: p, given: a[key], recomputed: undefined });
      else if (!(key in a)) out.push({ pointer: p, given: undefined, recomputed: b[key] });
      else diff(a[key], b[key], p, out);
    }
    return;
  }
  if (a !== b) out.push({ pointer, given: a, recomputed: b });
}

function tokensOf(pointer) {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function show(value) {
  if (value === undefined) return t('verify.absent');
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
