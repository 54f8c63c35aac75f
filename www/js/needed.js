// "Needed for a verdict": what the undetermined criteria lack, apart from errors. The engine
// says, as each undetermined criterion's gap, which figure is missing and what to enter; this
// module lists those gaps at the top of the form, each a link to the field to fill (opening the
// product, as the error summary's links do), and offers the round that the figures entered would
// serve when the engine warns that no row is for the data year (`economics_year_not_data_year`).

import { h, clear } from './dom.js';
import { t, pick, sentence } from './i18n.js';
import { get, join, fieldId } from './doc.js';
import { neededForVerdict } from './report-model.js';

const MONEY = ['sales_revenue', 'export_revenue', 'profit', 'ip_investment', 'patent_attributable_revenue'];

// Which fields an undetermined indicator reads, in the order to ask for them. The engine names
// the missing values of a gate (`values[].name`) and the undetermined indicators of a benchmark
// (`indicators[].id`); this table only says where on the form each lives.
const INDICATOR_FIELDS = {
  'B1.sales_revenue': ['sales_revenue'],
  'B1.profit_margin': ['profit', 'sales_revenue'],
  'B3.patent_revenue_share': ['patent_attributable_revenue', 'sales_revenue'],
  'B3.ip_intensity': ['ip_investment', 'sales_revenue'],
  'B4.core_feature_coverage': ['core_features', 'covered_core_features'],
};

const empty = (value) => value === undefined || value === null || value === '';

/**
 * The JSON pointer of the field a product's missing figure is entered in: the data-year row's
 * field, the economics block when there is no data-year row, or the product's core-feature count.
 */
export function neededPointer(doc, index, missing) {
  const base = join('products', index);
  const product = get(doc, base);
  const dataYear = Number.isInteger(doc?.round_year) ? doc.round_year - 1 : null;
  const rows = Array.isArray(product?.economics) ? product.economics : [];
  const r = rows.findIndex((row) => row?.year === dataYear);
  const candidates = [];
  for (const name of missing ?? []) {
    if (name === 'economics.year') candidates.push('economics');
    else if (INDICATOR_FIELDS[name]) candidates.push(...INDICATOR_FIELDS[name]);
    else candidates.push(name);
  }
  const pointerOf = (field) => {
    if (field === 'economics') return join('products', index, 'economics');
    if (MONEY.includes(field)) return r < 0 ? join('products', index, 'economics') : join('products', index, 'economics', r, field);
    if (field === 'core_features' || field === 'covered_core_features') return join('products', index, field);
    return base;
  };
  // The first field still empty; else (a value the engine could not use) the first named.
  const open = candidates.find((field) => {
    const pointer = pointerOf(field);
    return pointer === join('products', index, 'economics') || empty(get(doc, pointer));
  });
  return pointerOf(open ?? candidates[0] ?? 'economics');
}

/**
 * The rounds the figures of a product would serve (row year + 1), newest first, when the engine
 * warns that no row is for the data year; empty otherwise.
 */
export function servedRounds(summary, doc) {
  const rounds = new Set();
  for (const f of summary?.findings ?? []) {
    if (f.code !== 'economics_year_not_data_year') continue;
    const m = /^\/products\/(\d+)\/economics$/.exec(f.path);
    if (!m) continue;
    for (const row of get(doc, f.path) ?? []) if (Number.isInteger(row?.year)) rounds.add(row.year + 1);
  }
  return [...rounds].sort((a, b) => b - a);
}

/**
 * Draws the "needed for a verdict" box: the gaps of undetermined criteria, linked to their fields
 * (`onLink(pointer)`), and the round the figures entered would serve (`onRound(year)`). Hidden
 * when there is nothing to say, and while errors stop the rules (the error summary comes first).
 */
export function renderNeeded(box, summary, doc, { onLink, onRound }) {
  clear(box);
  const errors = (summary?.findings ?? []).some((f) => f.severity === 'error');
  const needed = errors ? [] : neededForVerdict(summary);
  const rounds = servedRounds(summary, doc);
  box.hidden = !needed.length && !rounds.length;
  if (box.hidden) return;
  box.append(h('h2', { class: 'needed-title', id: 'needed-title' }, t('needed.title')));
  if (rounds.length && Number.isInteger(doc?.round_year)) {
    const round = rounds[0];
    box.append(
      h(
        'p',
        { class: 'data-year-offer', id: 'data-year-offer' },
        t('needed.dataYear', { round: doc.round_year, d: doc.round_year - 1, year: round - 1, served: round }),
        ' ',
        h('button', { type: 'button', class: 'button small', id: 'use-round', dataset: { round }, onclick: () => onRound(round) }, t('needed.useRound', { round })),
      ),
    );
  }
  // One line per product and missing figure: criteria that lack the same figure share it.
  const merged = [];
  for (const n of needed) {
    const same = merged.find((m) => m.index === n.index && JSON.stringify(m.gap) === JSON.stringify(n.gap));
    if (same) same.criteria.push(n.criterion);
    else merged.push({ ...n, criteria: [n.criterion] });
  }
  if (merged.length) {
    box.append(h('p', null, t('needed.intro')));
    box.append(
      h(
        'ul',
        { class: 'needed-list' },
        merged.map((n) => {
          const pointer = neededPointer(doc, n.index, n.missing);
          return h(
            'li',
            { dataset: { product: n.id, criterion: n.criteria.join(' ') } },
            h(
              'a',
              { href: `#${fieldId(pointer)}`, dataset: { path: pointer }, onclick: (e) => { e.preventDefault(); onLink(pointer); } },
              h('span', { class: 'where' }, `${t('needed.where', { id: n.id, criterion: n.criteria.join(t('listSep')) })}${t('colon')}`),
              sentence(pick(n.gap)),
            ),
          );
        }),
      ),
    );
  }
}
