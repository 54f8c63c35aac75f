// Findings in two places, as the GOV.UK Design System error summary pattern asks: beside the
// field they belong to, and in a summary at the top whose links move focus to that field.
// A finding's JSON pointer becomes the element id of its control; a pointer with no control of
// its own (a whole row, an unknown link) falls back to its nearest ancestor that has one.

import { h, clear, describedBy } from './dom.js';
import { t, pick, sentence } from './i18n.js';
import { tokens, join, fieldId } from './doc.js';
import { fieldLabel } from './figures.js';

// Rows that are only on the page while in view (a page of the patent table, the open product, a
// page of its links): a finding under one that is not shown has no place beside a field, only in
// the summary, rather than falling back to the whole table's or product's slot.
const WINDOWED = [/^\/patents\/\d+$/, /^\/products\/\d+$/, /^\/products\/\d+\/patents\/\d+$/];

/** The id of the element a finding belongs to, or null when nothing on the page shows it. */
export function targetFor(pointer) {
  const parts = tokens(pointer);
  for (let n = 1; n <= parts.length; n += 1) {
    const prefix = join(...parts.slice(0, n));
    if (WINDOWED.some((re) => re.test(prefix)) && !document.getElementById(fieldId(prefix))) return null;
  }
  for (let n = parts.length; n >= 1; n -= 1) {
    const id = fieldId(join(...parts.slice(0, n)));
    if (document.getElementById(id)) return id;
  }
  return null;
}

// The summary lists this many errors and warnings each; the rest are counted.
const SUMMARY_LIMIT = 100;

// Patent-number format problems are already shown, as typed, by the live feedback line.
const SHOWN_LIVE = new Set(['patent_number_malformed', 'patent_number_check', 'patent_number_check_legacy']);

/**
 * Findings beside the fields on screen (error slots, aria-invalid, the flags on collapsed rows);
 * called after each result and after a region of the form was drawn again.
 */
export function showFieldFindings(root, findings, onRemoveField) {
  for (const slot of root.querySelectorAll('.field-error')) {
    if (!slot.hidden) {
      slot.hidden = true;
      clear(slot);
    }
  }
  for (const el of root.querySelectorAll('[aria-invalid="true"]:not(.invalid)')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('.has-error, .has-warning')) el.classList.remove('has-error', 'has-warning');
  for (const el of root.querySelectorAll('[data-error-described]')) {
    describedBy(el, el.dataset.errorDescribed, false);
    delete el.dataset.errorDescribed;
  }

  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors += 1;
    else warnings += 1;
    const id = targetFor(finding.path);
    if (!id) continue;
    const isNumber = /^\/patents\/\d+\/number$/.test(finding.path) && SHOWN_LIVE.has(finding.code);
    if (isNumber) continue;
    const slot = document.getElementById(`${id}-error`);
    const control = document.getElementById(id);
    if (slot) {
      slot.hidden = false;
      slot.append(
        h(
          'p',
          { class: finding.severity === 'error' ? 'error-message' : 'warning-message', dataset: { code: finding.code } },
          h('span', { class: 'visually-hidden' }, finding.severity === 'error' ? t('errors.prefix') : t('errors.warningPrefix')),
          sentence(pick(finding.message)),
        ),
      );
      // The form has no control for a member it does not know, so it offers to drop it.
      if (finding.code === 'unknown_field' && onRemoveField) {
        const name = tokens(finding.path).pop();
        slot.append(
          h('button', { type: 'button', class: 'button small secondary', dataset: { removeField: finding.path }, onclick: () => onRemoveField(finding.path) }, t('errors.removeField', { name })),
        );
      }
    }
    if (control) {
      const group = control.closest('.field, td, .link, .economics, .product, .section');
      group?.classList.add(finding.severity === 'error' ? 'has-error' : 'has-warning');
      if (finding.severity === 'error' && control.matches('input, select, textarea')) control.setAttribute('aria-invalid', 'true');
      if (slot && control.matches('input, select, textarea') && !control.dataset.errorDescribed) {
        describedBy(control, slot.id, true);
        control.dataset.errorDescribed = slot.id;
      }
    }
    // A problem inside a patent row's details is flagged on the row's toggle too.
    const m = /^\/patents\/(\d+)\/(owners|licences|jurisdiction|term_extension_days|foreign_family_granted|strategic_emerging_industry|pledged|awards)/.exec(finding.path);
    if (m) document.getElementById(`patent-toggle-${m[1]}`)?.classList.add(finding.severity === 'error' ? 'has-error' : 'has-warning');
  }
  return { errors, warnings };
}

/**
 * The summary at the top: every error, then every warning (up to a limit, the rest counted),
 * each a link that brings its field on screen and focuses it (`onLink(pointer)`).
 */
export function showSummary(summary, findings, onLink) {
  const errors = [];
  const warnings = [];
  for (const finding of findings) {
    const list = finding.severity === 'error' ? errors : warnings;
    if (list.length <= SUMMARY_LIMIT) list.push({ finding, id: targetFor(finding.path) });
  }
  const total = (severity) => findings.filter((f) => (f.severity === 'error') === (severity === 'error')).length;

  clear(summary);
  summary.hidden = errors.length === 0 && warnings.length === 0;
  summary.classList.toggle('only-warnings', errors.length === 0);
  const item = ({ finding, id }) => {
    const where = contextFor(finding.path, id);
    const text = [where ? h('span', { class: 'where' }, `${where}${t('colon')}`) : null, sentence(pick(finding.message))];
    // Every finding with a pointer links, even to a row not drawn now: following it draws it.
    const target = id ?? (finding.path ? fieldId(finding.path) : null);
    return h(
      'li',
      null,
      target
        ? h('a', { href: `#${target}`, dataset: { target, path: finding.path, code: finding.code }, onclick: (e) => { e.preventDefault(); onLink(finding.path); } }, text)
        : h('span', { dataset: { path: finding.path, code: finding.code } }, text),
    );
  };
  const more = (list, severity) => {
    const n = total(severity) - Math.min(list.length, SUMMARY_LIMIT);
    return n > 0 ? h('li', { class: 'more' }, t('errors.more', { n })) : null;
  };
  if (errors.length) {
    summary.append(
      h('h2', { class: 'error-summary-title', id: 'error-summary-title' }, t('errors.title')),
      h('p', null, t('errors.intro')),
      h('ul', { class: 'error-summary-list' }, errors.slice(0, SUMMARY_LIMIT).map(item), more(errors, 'error')),
    );
  }
  if (warnings.length) {
    summary.append(
      h('h2', { class: 'warning-summary-title', id: 'warning-summary-title' }, t('errors.warnings')),
      h('ul', { class: 'warning-summary-list' }, warnings.slice(0, SUMMARY_LIMIT).map(item), more(warnings, 'warning')),
    );
  }
  return { errors: total('error'), warnings: total('warning') };
}

/**
 * Where a finding is, in the user's words ("Patent 2 › Patentee 1 › Patentee's name"): engine
 * messages name the field, but two fields may share a name. The field itself is named by the
 * engine's label (catalogue `fields`), the words its messages use; the form's own label only
 * for a control the catalogue does not name.
 */
export function contextFor(pointer, id) {
  const p = tokens(pointer);
  const n = (i) => Number(p[i]) + 1;
  const parts = [];
  if (p[0] === 'filer') parts.push(t('ctx.filer'));
  else if (['round_year', 'reference_date', 'pack'].includes(p[0])) parts.push(t('ctx.round'));
  else if (p[0] === 'patents') {
    parts.push(p[1] === undefined ? t('ctx.patents') : t('ctx.patent', { n: n(1) }));
    if (p[2] === 'owners') parts.push(p[3] === undefined ? t('patent.owners') : t('ctx.owner', { n: n(3) }));
    if (p[2] === 'licences') parts.push(p[3] === undefined ? t('ctx.licences') : t('ctx.licence', { n: n(3) }));
  } else if (p[0] === 'products') {
    parts.push(p[1] === undefined ? t('ctx.products') : t('ctx.product', { n: n(1) }));
    if (p[2] === 'patents') parts.push(p[3] === undefined ? t('product.links') : t('ctx.link', { n: n(3) }));
    if (p[2] === 'economics') parts.push(p[3] === undefined ? t('product.economics') : t('ctx.economics', { n: n(3) }));
  }
  if (id) {
    const el = document.getElementById(id);
    const label = document.querySelector(`label[for="${id}"]`) ?? document.getElementById(el?.getAttribute('aria-labelledby')?.split(' ')[0] ?? '');
    const text = sentence(pick(fieldLabel(el?.dataset.path))) || label?.textContent?.trim();
    if (text && el?.matches('input, select, textarea')) parts.push(text);
  }
  return parts.join(' › ');
}
