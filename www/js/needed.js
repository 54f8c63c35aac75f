// "Needed for a verdict": what the undetermined criteria lack, apart from errors. The engine
// says, as each undetermined criterion's gap, which figure is missing and what to enter; this
// module lists those gaps at the top of the form, each a link to the field to fill (opening the
// product, as the error summary's links do), and offers the round that the figures entered would
// serve when the engine warns that no row is for the data year (`economics_year_not_data_year`).

import { h, clear } from './dom.js';
import { t, pick, sentence } from './i18n.js';
import { get, join, fieldId } from './doc.js';
import { neededForVerdict } from './report-model.js';
import { fieldLabel } from './figures.js';

const empty = (value) => value === undefined || value === null || value === '';

/** Whether a pointer is a product's whole economics block (the data year's row is missing). */
const ECONOMICS = /^\/products\/(\d+)\/economics$/;

/**
 * The JSON pointer a gap leads to: of the input fields the engine says the criterion needs
 * (its `gap_fields`), the first still empty (an economics block, which stands for a missing
 * row, always is), else the first named; the product itself when the engine names none.
 */
export function neededPointer(doc, index, fields) {
  const named = (fields ?? []).filter((f) => typeof f === 'string');
  const open = named.find((pointer) => ECONOMICS.test(pointer) || empty(get(doc, pointer)));
  return open ?? named[0] ?? join('products', index);
}

/**
 * The id of the control a gap's link focuses: the field's own, or for a missing economics row
 * the product's "add a row" button.
 */
export function neededTarget(pointer) {
  const m = ECONOMICS.exec(pointer);
  return m ? `add-economics-${m[1]}` : fieldId(pointer);
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
  // One line per product and missing figure: criteria that lack the same figure share it (and
  // the fields each names).
  const merged = [];
  for (const n of needed) {
    const same = merged.find((m) => m.index === n.index && JSON.stringify(m.gap) === JSON.stringify(n.gap));
    if (same) {
      same.criteria.push(n.criterion);
      for (const f of n.fields ?? []) if (!same.fields.includes(f)) same.fields.push(f);
    } else merged.push({ ...n, fields: [...(n.fields ?? [])], criteria: [n.criterion] });
  }
  if (merged.length) {
    box.append(h('p', null, t('needed.intro')));
    box.append(
      h(
        'ul',
        { class: 'needed-list' },
        merged.map((n) => {
          const pointer = neededPointer(doc, n.index, n.fields);
          // The engine's gap says what to enter; without one, the fields it names, by its labels.
          const what = pick(n.gap) || n.fields.map((f) => pick(fieldLabel(f))).filter(Boolean).join(t('listSep'));
          return h(
            'li',
            { dataset: { product: n.id, criterion: n.criteria.join(' '), fields: n.fields.join(' ') } },
            h(
              'a',
              { href: `#${neededTarget(pointer)}`, dataset: { path: pointer }, onclick: (e) => { e.preventDefault(); onLink(pointer); } },
              h('span', { class: 'where' }, `${t('needed.where', { id: n.id, criterion: n.criteria.join(t('listSep')) })}${t('colon')}`),
              sentence(what),
            ),
          );
        }),
      ),
    );
  }
}
