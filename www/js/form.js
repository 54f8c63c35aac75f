// The input form: rendered from the document, and every edit written back into it at the JSON
// pointer the control carries (data-path). Typing never re-renders (so the caret stays put).
// At enterprise scale (thousands of patents, hundreds of products) only what is in view is in
// the DOM: the patent table is paged, filtered and sorted; products are a summary table with one
// product's form open; a product's links are a paged list added to by number. A structural edit
// re-renders the region it changed, never the whole form.

import { h, clear, describedBy, grouped } from './dom.js';
import { t, lang, pick, enumText } from './i18n.js';
import {
  get,
  set,
  join,
  tokens,
  fieldId,
  parseCount,
  parseMoney,
  readMoney,
  blankPatent,
  blankProduct,
  blankEconomics,
  referenceFor,
  today,
} from './doc.js';
import { normalizePatentNumber, numberInfo, packs, patentKey, canonicalNumber, foldedNumber } from './engine.js';
import { productTable, pager } from './results.js';
import { definition } from './figures.js';
import { productRows, patentStandings, exclusionReasons } from './report-model.js';

const ORG_TYPES = ['enterprise', 'university', 'research_institute', 'new_rnd_institution', 'social_organization'];
const PATENT_TYPES = ['invention', 'utility_model', 'design'];
const LEGAL_STATUSES = ['valid', 'pending', 'expired', 'lapsed', 'invalidated', 'abandoned', 'rejected'];
const LICENCE_KINDS = ['exclusive', 'sole', 'ordinary', 'open'];
const STATUSES = ['on_market', 'withdrawn'];
const ROLES = ['manufacturer_and_seller', 'manufacturer', 'seller'];
const UNITS = ['yuan', 'wan', 'yi'];
const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'KRW', 'MOP', 'TWD'];
export const PATENT_PAGE = 25;
export const LINK_PAGE = 20;
const SUGGESTIONS = 8;
// A product's legend and summary row follow its name and id this long after the last key (the
// same pause after which the page asks for a new result).
const ECHO_AFTER_MS = 250;
// Members of a patent that live in its details row rather than in the table row.
const DETAIL_MEMBERS = new Set(['owners', 'licences', 'jurisdiction', 'term_extension_days', 'foreign_family_granted', 'strategic_emerging_industry', 'pledged', 'awards']);

/**
 * The form controller. `store.doc` is the input document; `store.changed(pointer)` is called
 * after every edit (with the pointer of the value that changed, or none after a structural edit
 * that replaced more), `store.productOpened(index)` when another product is opened.
 */
/** A search as typed: `q` for titles (NFKC, trimmed, lower-case) and `qNumber` for numbers (also
 * without white space and a `ZL`/`CN` prefix, upper-case), so "zl 2020 1" finds 202010…. */
function searchQuery(text) {
  const q = String(text ?? '').normalize('NFKC').trim().toLowerCase();
  return { q, qNumber: q.replace(/\s/g, '').toUpperCase().replace(/^(ZL|CN)/, '') };
}

export class Form {
  constructor(root, store) {
    this.root = root;
    this.store = store;
    this.open = new Set(); // patent rows whose details are shown
    this.view = { query: '', type: '', status: '', counted: '', sort: 'index', dir: 1, page: 0 };
    this.selected = new Set(); // patent indexes chosen for a bulk action
    this.productView = { sort: 'index', dir: 1, verdict: '', page: 0 };
    this.openProduct = 0;
    this.linkPages = new Map(); // product index -> page of its links list
    this.report = null;
    this.standings = new Map();
    this.indexCache = null; // patent key -> first index, rebuilt when numbers change
    this.searchTimer = 0;
    this.echoPending = new Set(); // products whose name or id changed since typing last paused
    this.echoTimer = 0;
    root.addEventListener('input', (e) => this.onEdit(e));
    root.addEventListener('change', (e) => this.onEdit(e));
    root.addEventListener('click', (e) => this.onClick(e));
  }

  get doc() {
    return this.store.doc;
  }

  /** A new document: views back to their start. */
  reset() {
    this.open.clear();
    this.selected.clear();
    this.view = { query: '', type: '', status: '', counted: '', sort: 'index', dir: 1, page: 0 };
    this.productView = { sort: 'index', dir: 1, verdict: '', page: 0 };
    this.openProduct = 0;
    this.linkPages.clear();
    this.indexCache = null;
    this.report = null;
    this.standings = new Map();
  }

  /** The latest report: verdicts for the product table, standings for the patent table. */
  setReport(report) {
    // Standings are keyed by the report's normalised numbers, which are the keys patentKey gives.
    if (report.standings !== this.report?.standings) this.standings = patentStandings(report);
    this.report = report;
    this.renderProductTable();
    this.updateStandings();
    this.updateCountedFilter();
  }

  // ---- rendering ----------------------------------------------------------------------------

  render(focusId) {
    const active = focusId ?? document.activeElement?.id;
    clear(this.root);
    this.root.append(this.filerSection(), this.roundSection(), this.patentsSection(), this.productsSection());
    this.renderPatentView();
    this.renderProductTable();
    this.renderProductEditor();
    this.store.importMessage?.();
    this.refocus(active);
  }

  refocus(id) {
    if (!id) return;
    const el = document.getElementById(id);
    if (el && this.root.contains(el) && document.activeElement !== el) el.focus();
  }

  /** Re-renders what shows the patent list (after patents were added, removed or changed). */
  patentsChanged(focusId) {
    const active = focusId ?? document.activeElement?.id;
    this.indexCache = null;
    this.renderPatentView();
    this.renderProductEditor();
    this.refocus(active);
  }

  filerSection() {
    return h(
      'fieldset',
      { class: 'section', id: fieldId('/filer') },
      h('legend', null, h('h2', null, t('filer.legend'))),
      errorSlot('/filer'),
      h(
        'div',
        { class: 'grid grid-2' },
        this.field('/filer/name', 'filer.name', { kind: 'text', autocomplete: 'organization' }),
        this.field('/filer/uscc', 'filer.uscc', { kind: 'text', spellcheck: 'false', maxlength: 40, feedback: true, className: 'mono' }),
        this.field('/filer/org_type', 'filer.org_type', { kind: 'enum', options: enumOptions('org_type', ORG_TYPES) }),
        this.field('/filer/independent_legal_person', 'filer.independent_legal_person', { kind: 'bool3' }),
      ),
    );
  }

  roundSection() {
    const year = this.doc.round_year;
    const hint = Number.isInteger(year) ? t('round.round_year.hint', { d: year - 1 }) : t('round.round_year.hintNone');
    const packOptions = [['', t('round.pack.auto')]];
    for (const pack of packs()) {
      const rounds =
        pack.rounds?.last == null
          ? t('round.pack.roundsOpen', { first: pack.rounds?.first })
          : t('round.pack.rounds', { first: pack.rounds.first, last: pack.rounds.last });
      packOptions.push([pack.id, `${pack.title?.[lang()] ?? pack.id} — ${pack.id} (${rounds})`]);
    }
    const current = this.doc.pack;
    if (typeof current === 'string' && current && !packOptions.some(([v]) => v === current)) {
      packOptions.push([current, current]);
    }
    return h(
      'fieldset',
      { class: 'section', id: fieldId('/round') },
      h('legend', null, h('h2', null, t('round.legend'))),
      h(
        'div',
        { class: 'grid grid-3' },
        this.field('/round_year', 'round.round_year', { kind: 'year', inputmode: 'numeric', hintText: hint, className: 'short' }),
        this.field('/reference_date', 'round.reference_date', { kind: 'date', hintText: this.referenceHint() }),
        this.field('/pack', 'round.pack', { kind: 'enum', options: packOptions, noUnset: true }),
      ),
    );
  }


  /** The reference date's hint: which date it took and why, while it follows the round. */
  referenceHint() {
    if (!this.store.referenceAuto) return t('round.reference_date.hint');
    const year = this.doc.round_year;
    const date = this.doc.reference_date ?? '';
    const why = date === today() ? t('round.reference_date.today') : t('round.reference_date.moved', { year });
    return t('round.reference_date.auto', { date, why });
  }

  patentsSection() {
    const v = this.view;
    const option = (value, label, current) => h('option', { value, selected: value === current }, label);
    const filters = h(
      'div',
      { class: 'table-tools patent-filters', role: 'search', 'aria-label': t('ptab.searchLabel') },
      h(
        'div',
        { class: 'field inline grow' },
        h('label', { for: 'patent-search', class: 'label' }, t('ptab.search')),
        h('input', { type: 'search', id: 'patent-search', value: v.query, autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'patents-results' }),
      ),
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: 'patent-filter-type', class: 'label' }, t('col.type')),
        h('select', { id: 'patent-filter-type' }, option('', t('ptab.any'), v.type), PATENT_TYPES.map((x) => option(x, enumText('patent_type', x), v.type))),
      ),
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: 'patent-filter-status', class: 'label' }, t('col.legal_status')),
        h('select', { id: 'patent-filter-status' }, option('', t('ptab.any'), v.status), LEGAL_STATUSES.map((x) => option(x, enumText('legal_status', x), v.status))),
      ),
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: 'patent-filter-counted', class: 'label' }, t('ptab.counted')),
        h('select', { id: 'patent-filter-counted' }, this.countedOptions()),
      ),
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: 'patent-sort', class: 'label' }, t('ptab.sort')),
        h(
          'select',
          { id: 'patent-sort' },
          ['index', 'number', 'title', 'filing_date', 'grant_date', 'legal_status'].map((x) => option(x, t(`ptab.sort.${x}`), v.sort)),
        ),
      ),
      h('button', { type: 'button', class: 'button small secondary', id: 'patent-sort-dir', 'aria-pressed': String(v.dir === -1) }, t('ptab.descending')),
    );
    filters.querySelector('#patent-sort-dir').addEventListener('click', (e) => {
      this.view = { ...this.view, dir: this.view.dir === -1 ? 1 : -1, page: 0 };
      e.currentTarget.setAttribute('aria-pressed', String(this.view.dir === -1));
      this.renderPatentView();
    });
    const search = filters.querySelector('#patent-search');
    search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        this.view = { ...this.view, query: search.value, page: 0 };
        this.renderPatentView();
      }, 120);
    });
    for (const [id, key] of [['patent-filter-type', 'type'], ['patent-filter-status', 'status'], ['patent-filter-counted', 'counted'], ['patent-sort', 'sort']]) {
      filters.querySelector(`#${id}`).addEventListener('change', (e) => {
        this.view = { ...this.view, [key]: e.target.value, page: 0 };
        this.renderPatentView();
      });
    }
    return h(
      'fieldset',
      { class: 'section', id: fieldId('/patents') },
      h('legend', null, h('h2', null, t('patents.legend'))),
      h('p', { class: 'hint', id: 'patents-hint' }, t('patents.hint')),
      errorSlot('/patents'),
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', class: 'button', id: 'add-patent', dataset: { action: 'add-patent' } }, t('patents.add')),
        h('button', { type: 'button', class: 'button secondary', id: 'import-csv', dataset: { action: 'import-csv' } }, t('patents.import')),
        h('button', { type: 'button', class: 'button secondary', id: 'paste-rows', 'aria-expanded': 'false', 'aria-controls': 'paste-panel', dataset: { action: 'paste-rows' } }, t('patents.paste')),
      ),
      this.pastePanel(),
      h('div', { class: 'import-result', id: 'import-result', role: 'status' }),
      filters,
      h('div', { id: 'patents-results' }),
    );
  }

  countedOptions() {
    const v = this.view.counted;
    const opts = [
      ['', t('ptab.any')],
      ['counted', t('ptab.counted.yes')],
      ['not_counted', t('ptab.counted.no')],
      ['unlinked', t('ptab.counted.unlinked')],
    ];
    for (const [code, message] of exclusionReasons(this.report)) opts.push([`reason:${code}`, t('ptab.counted.reason', { reason: pick(message) })]);
    if (v && !opts.some(([x]) => x === v)) opts.push([v, v]);
    return opts.map(([value, label]) => h('option', { value, selected: value === v }, label));
  }

  updateCountedFilter() {
    const select = document.getElementById('patent-filter-counted');
    if (!select) return;
    const wanted = this.countedOptions();
    const same = wanted.length === select.options.length && wanted.every((o, i) => o.value === select.options[i].value && o.textContent === select.options[i].textContent);
    if (same) return;
    clear(select).append(...wanted);
    select.value = this.view.counted;
    if (this.view.counted) this.renderPatentView();
  }

  /** Standing of one patent across products, from the latest report. */
  standingOf(patent) {
    return this.standings.get(patentKey(patent?.number)) ?? null;
  }

  /** The patent indexes the table shows, after search, filters and sort. */
  visiblePatents() {
    const patents = list(this.doc.patents);
    const v = this.view;
    const { q, qNumber } = searchQuery(v.query);
    const out = [];
    for (let i = 0; i < patents.length; i += 1) {
      const p = patents[i];
      if (v.type && typeOf(p) !== v.type) continue;
      if (v.status && (p?.legal_status ?? '') !== v.status) continue;
      if (v.counted) {
        const s = this.standingOf(p);
        if (v.counted === 'counted' && !s?.counted.length) continue;
        if (v.counted === 'not_counted' && s?.counted.length) continue;
        if (v.counted === 'unlinked' && s) continue;
        if (v.counted.startsWith('reason:')) {
          const code = v.counted.slice(7);
          if (!s?.excluded.some((x) => x.reasons.some((r) => r.code === code))) continue;
        }
      }
      if (q) {
        const raw = String(p?.number ?? '');
        const byNumber = qNumber && (patentKey(raw).includes(qNumber) || foldedNumber(raw).includes(qNumber));
        const byTitle = String(p?.title ?? '').toLowerCase().includes(q);
        if (!byNumber && !byTitle) continue;
      }
      out.push(i);
    }
    if (v.sort !== 'index') {
      const value = (i) => {
        const p = patents[i];
        if (v.sort === 'number') return patentKey(p?.number);
        if (v.sort === 'legal_status') return String(LEGAL_STATUSES.indexOf(p?.legal_status ?? ''));
        return String(p?.[v.sort] ?? '\uffff');
      };
      const keys = new Map(out.map((i) => [i, value(i)]));
      out.sort((a, b) => {
        const x = keys.get(a);
        const y = keys.get(b);
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    }
    if (v.dir === -1) out.reverse();
    return out;
  }

  /** The count, bulk actions, one page of the table and the pager. */
  renderPatentView() {
    const box = document.getElementById('patents-results');
    if (!box) return;
    const active = document.activeElement?.id;
    const patents = list(this.doc.patents);
    const shown = this.visiblePatents();
    this.shown = shown;
    const pages = Math.max(1, Math.ceil(shown.length / PATENT_PAGE));
    this.view.page = Math.min(Math.max(0, this.view.page), pages - 1);
    const start = this.view.page * PATENT_PAGE;
    const slice = shown.slice(start, start + PATENT_PAGE);
    clear(box);
    box.append(
      h(
        'p',
        { class: 'table-count', id: 'patents-count', role: 'status' },
        shown.length
          ? t('ptab.count', { from: start + 1, to: start + slice.length, shown: shown.length, n: patents.length })
          : t('ptab.none', { n: patents.length }),
      ),
      this.bulkBar(shown),
    );
    if (!patents.length) {
      box.append(h('p', { class: 'empty' }, t('patents.empty')));
    } else if (slice.length) {
      const body = h('tbody');
      for (const i of slice) body.append(...this.patentRows(i, patents[i]));
      const allOnPage = slice.every((i) => this.selected.has(i));
      box.append(
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'patents', id: 'patents-table' },
            h('caption', { class: 'visually-hidden' }, t('patents.caption')),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col', class: 'col-select' }, h('input', { type: 'checkbox', id: 'select-page', checked: allOnPage, 'aria-label': t('bulk.selectPage'), dataset: { action: 'select-page' } })),
                h('th', { scope: 'col', class: 'col-n' }, h('span', { class: 'visually-hidden' }, '#')),
                ...['number', 'type', 'title', 'filing_date', 'grant_date', 'legal_status', 'rights', 'actions'].map((c) =>
                  h('th', { scope: 'col', id: `th-${c}`, class: `col-${c}` }, t(`col.${c}`)),
                ),
              ),
            ),
            body,
          ),
        ),
      );
    }
    box.append(
      pager('patents', this.view.page, pages, (p) => {
        this.view.page = p;
        this.renderPatentView();
      }),
    );
    for (const i of slice) this.numberFeedback(i);
    this.store.refreshFindings?.();
    if (active && document.activeElement?.id !== active) this.refocus(active);
  }

  bulkBar(shown) {
    const n = this.selected.size;
    return h(
      'div',
      { class: 'bulk', id: 'bulk-bar', role: 'group', 'aria-label': t('bulk.label') },
      h('span', { class: 'bulk-count', id: 'bulk-count' }, t('bulk.selected', { n })),
      h('button', { type: 'button', class: 'button small secondary', id: 'select-matching', dataset: { action: 'select-matching' }, disabled: !shown.length }, t('bulk.selectMatching', { n: shown.length })),
      h('button', { type: 'button', class: 'button small secondary', id: 'select-none', dataset: { action: 'select-none' }, disabled: !n }, t('bulk.clear')),
      h('button', { type: 'button', class: 'button small danger', id: 'bulk-delete', dataset: { action: 'bulk-delete' }, disabled: !n }, t('bulk.delete', { n })),
      h(
        'span',
        { class: 'bulk-owner' },
        h('label', { for: 'bulk-owner-name', class: 'label small' }, t('bulk.ownerName')),
        h('input', { type: 'text', id: 'bulk-owner-name', value: this.doc.filer?.name ?? '', autocomplete: 'off' }),
        h('label', { for: 'bulk-owner-uscc', class: 'label small' }, t('owner.uscc')),
        h('input', { type: 'text', id: 'bulk-owner-uscc', class: 'mono', value: this.doc.filer?.uscc ?? '', spellcheck: 'false', autocomplete: 'off' }),
        h('button', { type: 'button', class: 'button small secondary', id: 'bulk-owner', dataset: { action: 'bulk-owner' }, disabled: !n }, t('bulk.setOwner', { n })),
      ),
    );
  }

  /** The standing cells of the rows on screen, after a new result. */
  updateStandings() {
    for (const cell of this.root.querySelectorAll('[data-standing-for]')) {
      const i = Number(cell.dataset.standingFor);
      clear(cell).append(this.standingText(this.doc.patents?.[i]));
    }
  }

  standingText(patent) {
    const s = this.standingOf(patent);
    if (!this.report || this.report.findings?.some((f) => f.severity === 'error')) return '—';
    if (!s) return h('span', { class: 'standing none' }, t('standing.unlinked'));
    if (s.counted.length) return h('span', { class: 'standing counted' }, '✓ ', t('standing.counted', { n: s.counted.length }));
    const reason = s.excluded[0]?.reasons?.[0];
    return h('span', { class: 'standing excluded' }, '✗ ', reason ? pick(reason.message) : t('standing.excluded'));
  }

  pastePanel() {
    return h(
      'div',
      { class: 'paste-panel', id: 'paste-panel', hidden: true },
      h('label', { for: 'paste-text', class: 'label' }, t('import.text')),
      h('p', { class: 'hint', id: 'paste-text-hint' }, t('import.text.hint')),
      h('textarea', { id: 'paste-text', rows: 6, spellcheck: 'false', 'aria-describedby': 'paste-text-hint', class: 'mono' }),
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', class: 'button', id: 'paste-run', dataset: { action: 'paste-run' } }, t('import.run')),
        h('button', { type: 'button', class: 'button secondary', dataset: { action: 'paste-cancel' } }, t('import.cancel')),
      ),
    );
  }


  patentRows(i, patent) {
    const base = join('patents', i);
    const rowLabel = `patent-row-${i}`;
    const labelled = (col) => `th-${col} ${rowLabel}`;
    const detailsId = `patent-details-${i}`;
    const isOpen = this.open.has(i);
    const numberPath = `${base}/number`;
    const numberId = fieldId(numberPath);
    const row = h(
      'tr',
      { id: fieldId(base), class: 'patent-row', dataset: { index: i } },
      h('td', { class: 'col-select' }, h('input', { type: 'checkbox', id: `select-patent-${i}`, checked: this.selected.has(i), 'aria-label': t('bulk.selectRow', { n: i + 1 }), dataset: { action: 'select-patent', patent: i } })),
      h('th', { scope: 'row', id: rowLabel, class: 'col-n' }, h('span', { 'aria-hidden': 'true' }, String(i + 1)), h('span', { class: 'visually-hidden' }, t('patents.row', { n: i + 1 }))),
      h(
        'td',
        { class: 'col-number' },
        this.control(numberPath, { kind: 'text', labelledby: labelled('number'), spellcheck: 'false', className: 'mono' }),
        h('div', { class: 'feedback', id: `${numberId}-feedback`, 'aria-live': 'polite' }),
        errorSlot(numberPath),
        errorSlot(base),
      ),
      h('td', { dataset: { label: t('col.type') } }, this.control(`${base}/type`, { kind: 'enum', labelledby: labelled('type'), options: enumOptions('patent_type', PATENT_TYPES), unsetLabel: t('type.auto') }), errorSlot(`${base}/type`)),
      h('td', { dataset: { label: t('col.title') } }, this.control(`${base}/title`, { kind: 'text', labelledby: labelled('title') }), errorSlot(`${base}/title`)),
      h('td', { class: 'pair', dataset: { label: t('col.filing_date') } }, this.control(`${base}/filing_date`, { kind: 'date', labelledby: labelled('filing_date') }), errorSlot(`${base}/filing_date`)),
      h('td', { class: 'pair', dataset: { label: t('col.grant_date') } }, this.control(`${base}/grant_date`, { kind: 'date', labelledby: labelled('grant_date') }), errorSlot(`${base}/grant_date`)),
      h(
        'td',
        { dataset: { label: t('col.legal_status') } },
        this.control(`${base}/legal_status`, { kind: 'enum', labelledby: labelled('legal_status'), options: enumOptions('legal_status', LEGAL_STATUSES) }),
        errorSlot(`${base}/legal_status`),
        // Whether it counts, and if not why, from the latest result.
        h('span', { class: 'standing-slot', dataset: { standingFor: i } }, this.standingText(patent)),
      ),
      h(
        'td',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            id: `patent-toggle-${i}`,
            'aria-expanded': String(isOpen),
            'aria-controls': detailsId,
            'aria-describedby': rowLabel,
            dataset: { action: 'toggle-details', patent: i },
          },
          h('span', { class: 'chevron', 'aria-hidden': 'true' }, isOpen ? '▾' : '▸'),
          ' ',
          t('patent.summary', { owners: list(patent?.owners).length, licences: list(patent?.licences).length }),
        ),
      ),
      h(
        'td',
        null,
        h('button', { type: 'button', class: 'button small danger', id: `remove-patent-${i}`, 'aria-label': t('patent.remove', { n: i + 1 }), dataset: { action: 'remove-patent', patent: i } }, t('patent.removeShort')),
      ),
    );
    const details = h(
      'tr',
      { id: detailsId, class: 'patent-details', hidden: !isOpen },
      h('td', { colspan: 11 }, isOpen ? this.patentDetails(i, patent) : null),
    );
    return [row, details];
  }


  patentDetails(i, patent) {
    const base = join('patents', i);
    const owners = list(patent?.owners);
    const licences = list(patent?.licences);
    return h(
      'div',
      { class: 'details-body', role: 'group', 'aria-label': t('patent.detailsFor', { n: i + 1 }) },
      h(
        'fieldset',
        { class: 'sub', id: fieldId(`${base}/owners`) },
        h('legend', null, t('patent.owners')),
        h('p', { class: 'hint' }, t('patent.owners.hint')),
        errorSlot(`${base}/owners`),
        ...owners.map((_, j) => {
          const p = `${base}/owners/${j}`;
          return h(
            'div',
            { class: 'grid grid-owner', id: fieldId(p) },
            this.field(`${p}/name`, 'owner.name', { kind: 'text' }),
            this.field(`${p}/uscc`, 'owner.uscc', { kind: 'text', className: 'mono', spellcheck: 'false' }),
            h('div', { class: 'row-action' }, h('button', { type: 'button', class: 'button small secondary', id: `remove-owner-${i}-${j}`, dataset: { action: 'remove-owner', patent: i, index: j } }, t('owner.remove'))),
            errorSlot(p),
          );
        }),
        h(
          'div',
          { class: 'toolbar' },
          h('button', { type: 'button', class: 'button small secondary', id: `add-owner-${i}`, dataset: { action: 'add-owner', patent: i } }, t('owner.add')),
          h('button', { type: 'button', class: 'button small secondary', id: `add-filer-owner-${i}`, dataset: { action: 'add-filer-owner', patent: i } }, t('owner.addFiler')),
        ),
      ),
      h(
        'fieldset',
        { class: 'sub', id: fieldId(`${base}/licences`) },
        h('legend', null, t('patent.licences')),
        h('p', { class: 'hint' }, t('patent.licences.hint')),
        errorSlot(`${base}/licences`),
        ...licences.map((_, j) => {
          const p = `${base}/licences/${j}`;
          return h(
            'div',
            { class: 'licence', id: fieldId(p) },
            errorSlot(p),
            h(
              'div',
              { class: 'grid grid-3', id: fieldId(`${p}/licensee`) },
              this.field(`${p}/licensee/name`, 'licence.name', { kind: 'text' }),
              this.field(`${p}/licensee/uscc`, 'licence.uscc', { kind: 'text', className: 'mono', spellcheck: 'false' }),
              this.field(`${p}/kind`, 'licence.kind', { kind: 'enum', options: enumOptions('licence_kind', LICENCE_KINDS) }),
              this.field(`${p}/start`, 'licence.start', { kind: 'date' }),
              this.field(`${p}/end`, 'licence.end', { kind: 'date' }),
              this.field(`${p}/recorded`, 'licence.recorded', { kind: 'checkbox' }),
            ),
            errorSlot(`${p}/licensee`),
            h('button', { type: 'button', class: 'button small secondary', id: `remove-licence-${i}-${j}`, dataset: { action: 'remove-licence', patent: i, index: j } }, t('licence.remove')),
          );
        }),
        h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button small secondary', id: `add-licence-${i}`, dataset: { action: 'add-licence', patent: i } }, t('licence.add'))),
      ),
      h(
        'div',
        { class: 'grid grid-3' },
        this.field(`${base}/jurisdiction`, 'patent.jurisdiction', { kind: 'text', placeholder: 'CN', className: 'short' }),
        this.field(`${base}/term_extension_days`, 'patent.term_extension_days', { kind: 'count', inputmode: 'numeric', className: 'short' }),
      ),
      h(
        'fieldset',
        { class: 'sub' },
        h('legend', null, t('patent.flags')),
        h(
          'div',
          { class: 'checks' },
          this.field(`${base}/foreign_family_granted`, 'patent.foreign_family_granted', { kind: 'checkbox' }),
          this.field(`${base}/strategic_emerging_industry`, 'patent.strategic_emerging_industry', { kind: 'checkbox' }),
          this.field(`${base}/pledged`, 'patent.pledged', { kind: 'checkbox' }),
        ),
        this.field(`${base}/awards`, 'patent.awards', { kind: 'lines' }),
      ),
      this.standingDetails(patent),
    );
  }


  standingDetails(patent) {
    const s = this.standingOf(patent);
    if (!s) return null;
    return h(
      'div',
      { class: 'standing-details' },
      h('h4', null, t('standing.title')),
      h(
        'ul',
        null,
        s.counted.length ? h('li', null, t('standing.countedFor', { ids: s.counted.join(', ') })) : null,
        s.excluded.map((x) => h('li', null, `${x.product}${t('colon')}`, x.reasons.map((r) => pick(r.message)).join(t('clauseSep')))),
      ),
    );
  }

  productsSection() {
    return h(
      'fieldset',
      { class: 'section', id: fieldId('/products') },
      h('legend', null, h('h2', null, t('products.legend'))),
      h('p', { class: 'hint' }, t('products.hint')),
      errorSlot('/products'),
      h('div', { id: 'products-table-box' }),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button', id: 'add-product', dataset: { action: 'add-product' } }, t('products.add'))),
      h('div', { id: 'product-editor', class: 'product-editor' }),
    );
  }

  /** Summary rows for the products of the document, with verdicts from the latest report. */
  productSummaryRows() {
    const products = list(this.doc.products);
    const results = this.report && !this.report.findings?.some((f) => f.severity === 'error') ? productRows(this.report) : [];
    const aligned = results.length === products.length;
    const byId = new Map(results.map((r) => [r.id, r]));
    return products.map((p, index) => {
      const r = aligned ? results[index] : byId.get(p?.id);
      return {
        index,
        id: typeof p?.id === 'string' ? p.id : '',
        name: typeof p?.name === 'string' ? p.name : '',
        verdict: r?.verdict ?? null,
        standing: r?.standing ?? null,
        failing: r ? r.failing : null,
        undecided: r ? r.undecided : null,
        counted: r ? r.counted : null,
      };
    });
  }

  renderProductTable() {
    const box = document.getElementById('products-table-box');
    if (!box) return;
    const active = document.activeElement?.id;
    clear(box);
    if (!list(this.doc.products).length) {
      box.append(h('p', { class: 'empty' }, t('products.none')));
      return;
    }
    box.append(
      productTable({
        prefix: 'products',
        caption: t('products.caption'),
        rows: this.productSummaryRows(),
        state: this.productView,
        open: this.openProduct,
        action: 'products.edit',
        onOpen: (i) => this.openProductAt(i, true),
        onState: (state) => {
          this.productView = state;
          this.renderProductTable();
        },
      }),
    );
    if (active && box.querySelector(`#${CSS.escape(active)}`)) this.refocus(active);
  }

  /** Opens one product's form (and, through the store, its detailed result). */
  openProductAt(i, focus) {
    const products = list(this.doc.products);
    this.openProduct = Math.min(Math.max(0, i), Math.max(0, products.length - 1));
    this.renderProductTable();
    this.renderProductEditor();
    this.store.productOpened?.(this.openProduct);
    if (focus) {
      const name = document.getElementById(fieldId(join('products', this.openProduct, 'id')));
      name?.focus({ preventScroll: true });
      document.getElementById(fieldId(join('products', this.openProduct)))?.scrollIntoView({ block: 'start' });
    }
  }

  renderProductEditor(focusId) {
    const box = document.getElementById('product-editor');
    if (!box) return;
    const active = focusId ?? document.activeElement?.id;
    const products = list(this.doc.products);
    if (this.openProduct >= products.length) this.openProduct = Math.max(0, products.length - 1);
    clear(box);
    if (products.length) box.append(this.productBlock(this.openProduct, products[this.openProduct]));
    this.store.refreshFindings?.();
    if (active && box.querySelector(`#${CSS.escape(active)}`)) this.refocus(active);
  }

  productBlock(i, product) {
    const base = join('products', i);
    const year = this.doc.round_year;
    const dataYear = Number.isInteger(year) ? year - 1 : null;
    return h(
      'fieldset',
      { class: 'product', id: fieldId(base) },
      h('legend', null, h('h3', null, t('product.legend', { n: i + 1 }), product?.name ? ` · ${product.name}` : '')),
      errorSlot(base),
      h(
        'div',
        { class: 'grid grid-3' },
        this.field(`${base}/id`, 'product.id', { kind: 'text', className: 'short' }),
        this.field(`${base}/name`, 'product.name', { kind: 'text' }),
        this.field(`${base}/category`, 'product.category', { kind: 'text', className: 'short' }),
        this.field(`${base}/status`, 'product.status', { kind: 'enum', options: enumOptions('product_status', STATUSES) }),
        this.field(`${base}/filer_role`, 'product.filer_role', { kind: 'enum', options: enumOptions('filer_role', ROLES) }),
      ),
      this.linksBlock(i, product),
      this.economicsBlock(i, product, dataYear),
      h(
        'div',
        { class: 'grid grid-2' },
        this.field(`${base}/core_features`, 'product.core_features', { kind: 'count', inputmode: 'numeric', className: 'short' }),
        this.field(`${base}/covered_core_features`, 'product.covered_core_features', { kind: 'count', inputmode: 'numeric', className: 'short' }),
      ),
      h(
        'div',
        { class: 'toolbar end' },
        h('button', { type: 'button', class: 'button small danger', id: `remove-product-${i}`, dataset: { action: 'remove-product', product: i } }, t('product.remove', { n: i + 1 })),
      ),
    );
  }


  /** Patent key -> index of the first patent with that number. */
  patentIndex() {
    if (this.indexCache) return this.indexCache;
    const map = new Map();
    for (const [i, p] of list(this.doc.patents).entries()) {
      const k = patentKey(p?.number);
      if (k && !map.has(k)) map.set(k, i);
    }
    this.indexCache = map;
    return map;
  }

  linksBlock(p, product) {
    const base = join('products', p, 'patents');
    const links = Array.isArray(product?.patents) ? product.patents : [];
    const index = this.patentIndex();
    const pages = Math.max(1, Math.ceil(links.length / LINK_PAGE));
    const page = Math.min(this.linkPages.get(p) ?? 0, pages - 1);
    const start = page * LINK_PAGE;
    const items = [];
    for (let l = start; l < Math.min(links.length, start + LINK_PAGE); l += 1) items.push(this.linkItem(p, l, links[l], index));
    const addId = `link-add-${p}`;
    const input = h('textarea', {
      id: addId,
      rows: 2,
      class: 'mono',
      spellcheck: 'false',
      autocomplete: 'off',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${addId}-list`,
      'aria-describedby': `${addId}-hint ${addId}-feedback`,
    });
    input.addEventListener('input', () => this.linkInputChanged(p));
    input.addEventListener('keydown', (e) => this.linkInputKey(p, e));
    input.addEventListener('blur', () => setTimeout(() => this.closeSuggestions(p), 150));
    const shownCount = this.shown ? this.shown.length : list(this.doc.patents).length;
    return h(
      'fieldset',
      { class: 'sub', id: fieldId(base) },
      h('legend', null, t('product.links.count', { n: links.length })),
      h('p', { class: 'hint' }, t('product.links.hint')),
      errorSlot(base),
      h(
        'div',
        { class: 'link-add' },
        h('label', { for: addId, class: 'label' }, t('link.add')),
        h('p', { class: 'hint', id: `${addId}-hint` }, t('link.add.hint')),
        h('div', { class: 'combo' }, input, h('ul', { id: `${addId}-list`, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': t('link.suggestions') })),
        h('div', { class: 'feedback', id: `${addId}-feedback`, 'aria-live': 'polite' }),
        h(
          'div',
          { class: 'toolbar' },
          h('button', { type: 'button', class: 'button small', id: `link-add-run-${p}`, dataset: { action: 'link-add', product: p } }, t('link.addRun')),
          h('button', { type: 'button', class: 'button small secondary', id: `link-filtered-${p}`, dataset: { action: 'link-filtered', product: p }, disabled: !shownCount }, t('link.filtered', { n: shownCount })),
        ),
      ),
      items.length ? h('ul', { class: 'links', id: `links-${p}` }, items) : h('p', { class: 'empty' }, list(this.doc.patents).length ? t('product.links.empty') : t('product.links.none')),
      pager(`links-${p}`, page, pages, (next) => {
        this.linkPages.set(p, next);
        this.renderLinks(p, `links-${p}-${next > page ? 'next' : 'prev'}`);
      }),
    );
  }

  linkItem(p, l, link, index) {
    const lp = join('products', p, 'patents', l);
    const key = patentKey(link?.number);
    const j = key ? index.get(key) : undefined;
    const patent = j === undefined ? null : this.doc.patents[j];
    const head = patent
      ? h('span', { class: 'link-label', id: fieldId(`${lp}/number`), tabindex: '-1', dataset: { patentLabel: j } }, patentLabel(patent, j))
      : h('span', { class: 'link-label bad', id: fieldId(`${lp}/number`), tabindex: '-1' }, t('link.unknown', { number: link?.number ?? '' }));
    const item = h(
      'li',
      { class: patent ? 'link' : 'link unknown', id: fieldId(lp) },
      h(
        'div',
        { class: 'link-head' },
        head,
        h('button', { type: 'button', class: 'button small secondary', id: `remove-link-${p}-${l}`, dataset: { action: 'remove-link', product: p, index: l } }, t('link.remove'), h('span', { class: 'visually-hidden' }, ` ${link?.number ?? ''}`)),
      ),
      errorSlot(lp),
      errorSlot(`${lp}/number`),
      patent
        ? h(
            'div',
            { class: 'link-fields' },
            this.field(`${lp}/statement`, 'link.statement', { kind: 'text' }),
            this.field(`${lp}/core`, 'link.core', { kind: 'checkbox' }),
          )
        : null,
    );
    // The statement and core flag say which patent they are for (their labels repeat per row).
    for (const control of item.querySelectorAll('input')) describedBy(control, fieldId(`${lp}/number`), true);
    return item;
  }

  /** Re-renders one product's links (after linking or unlinking), keeping focus where it was. */
  renderLinks(p, focusId) {
    const old = document.getElementById(fieldId(join('products', p, 'patents')));
    if (!old) return;
    const active = focusId ?? document.activeElement?.id;
    const input = document.getElementById(`link-add-${p}`);
    const typed = input?.value ?? '';
    const feedback = document.getElementById(`link-add-${p}-feedback`);
    const said = feedback ? [feedback.textContent, feedback.className] : null;
    const fresh = this.linksBlock(p, this.doc.products[p]);
    old.replaceWith(fresh);
    document.getElementById(`link-add-${p}`).value = typed;
    if (said) {
      const box = document.getElementById(`link-add-${p}-feedback`);
      box.textContent = said[0];
      box.className = said[1];
    }
    this.store.refreshFindings?.();
    this.refocus(document.getElementById(active) ? active : `link-add-${p}`);
  }

  /**
   * The numbers in a typed or pasted text: separated by commas, semicolons or new lines, or by
   * spaces when the spaces are not inside one number ("ZL 2020 1 0566088.9" is one number).
   */
  splitNumbers(text) {
    const out = [];
    for (const chunk of text.split(/[,;，；、\n\r\t]+/)) {
      const trimmed = chunk.trim();
      if (!trimmed) continue;
      if (canonicalNumber(trimmed)) {
        out.push(trimmed);
        continue;
      }
      const words = trimmed.split(/\s+/);
      let i = 0;
      while (i < words.length) {
        let taken = 1;
        for (let j = Math.min(words.length, i + 6); j > i + 1; j -= 1) {
          if (canonicalNumber(words.slice(i, j).join(' '))) {
            taken = j - i;
            break;
          }
        }
        out.push(words.slice(i, i + taken).join(' '));
        i += taken;
      }
    }
    return out;
  }

  /** Links the patents named in the text; what is not in the patent list stays, flagged. */
  linkNumbers(p, text) {
    const product = this.doc.products[p];
    product.patents = Array.isArray(product.patents) ? product.patents : [];
    const index = this.patentIndex();
    const linked = new Set(product.patents.map((l) => patentKey(l?.number)));
    let added = 0;
    let already = 0;
    const unknown = [];
    for (const number of this.splitNumbers(text)) {
      const key = patentKey(number);
      const j = index.get(key);
      if (j === undefined) {
        unknown.push(number);
      } else if (linked.has(key)) {
        already += 1;
      } else {
        linked.add(key);
        product.patents.push({ number: this.doc.patents[j].number, statement: '' });
        added += 1;
      }
    }
    if (added) {
      // The new links are at the end: show the page they are on.
      this.linkPages.set(p, Math.floor((product.patents.length - 1) / LINK_PAGE));
      this.store.changed(join('products', p, 'patents'));
    }
    this.renderLinks(p, `link-add-${p}`);
    const input = document.getElementById(`link-add-${p}`);
    input.value = unknown.join(', ');
    this.sayLinked(p, { added, already, unknown });
  }

  sayLinked(p, { added, already, unknown }) {
    const box = document.getElementById(`link-add-${p}-feedback`);
    if (!box) return;
    const parts = [];
    if (added || !unknown.length) parts.push(t('link.added', { n: added }));
    if (already) parts.push(t('link.already', { n: already }));
    if (unknown.length) parts.push(t('link.notListed', { numbers: unknown.join(', ') }));
    box.textContent = parts.join(' ');
    box.className = unknown.length ? 'feedback bad' : 'feedback ok';
    box.dataset.added = String(added);
    box.dataset.unknown = String(unknown.length);
  }

  /** As the user types: flag finished numbers that are not listed, and suggest patents for the last one. */
  linkInputChanged(p) {
    const input = document.getElementById(`link-add-${p}`);
    const text = input.value;
    const cut = Math.max(...[',', ';', '，', '；', '、', '\n', '\t'].map((c) => text.lastIndexOf(c)));
    const done = cut >= 0 ? text.slice(0, cut) : '';
    const last = text.slice(cut + 1).trim();
    const index = this.patentIndex();
    const unknown = this.splitNumbers(done).filter((n) => !index.has(patentKey(n)));
    // The number being typed is flagged too once it reads as a whole number that is not listed.
    if (last && canonicalNumber(last) && !index.has(patentKey(last))) unknown.push(last);
    const box = document.getElementById(`link-add-${p}-feedback`);
    if (box) {
      box.textContent = unknown.length ? t('link.notListed', { numbers: unknown.join(', ') }) : '';
      box.className = unknown.length ? 'feedback bad' : 'feedback';
    }
    this.suggest(p, last);
  }

  suggest(p, query) {
    const list_ = document.getElementById(`link-add-${p}-list`);
    const input = document.getElementById(`link-add-${p}`);
    if (!list_ || !input) return;
    clear(list_);
    const { q, qNumber } = searchQuery(query);
    const matches = [];
    if (q.length >= 2) {
      const linked = new Set(list(this.doc.products[p]?.patents).map((l) => patentKey(l?.number)));
      for (const [j, patent] of list(this.doc.patents).entries()) {
        const key = patentKey(patent?.number);
        if (linked.has(key)) continue;
        if ((qNumber && key.includes(qNumber)) || String(patent?.title ?? '').toLowerCase().includes(q)) matches.push(j);
        if (matches.length >= SUGGESTIONS) break;
      }
    }
    for (const [k, j] of matches.entries()) {
      const option = h('li', { role: 'option', id: `link-add-${p}-opt-${k}`, 'aria-selected': 'false', dataset: { patent: j } }, patentLabel(this.doc.patents[j], j));
      // mousedown, not click: the field keeps focus, so the list does not close first.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(p, j);
      });
      list_.append(option);
    }
    list_.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
    input.removeAttribute('aria-activedescendant');
  }

  closeSuggestions(p) {
    const list_ = document.getElementById(`link-add-${p}-list`);
    const input = document.getElementById(`link-add-${p}`);
    if (list_) list_.hidden = true;
    input?.setAttribute('aria-expanded', 'false');
    input?.removeAttribute('aria-activedescendant');
  }

  linkInputKey(p, event) {
    const list_ = document.getElementById(`link-add-${p}-list`);
    const input = event.target;
    const options = list_ && !list_.hidden ? [...list_.querySelectorAll('[role="option"]')] : [];
    const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    const move = (to) => {
      for (const o of options) o.setAttribute('aria-selected', 'false');
      const o = options[to];
      o.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', o.id);
      o.scrollIntoView({ block: 'nearest' });
    };
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      move((current + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      move((current - 1 + options.length) % options.length);
    } else if (event.key === 'Escape' && options.length) {
      event.preventDefault();
      this.closeSuggestions(p);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (current >= 0) this.pick(p, Number(options[current].dataset.patent));
      else this.linkNumbers(p, input.value);
    }
  }

  /** Links one patent chosen from the suggestions; what was typed for it is taken away. */
  pick(p, j) {
    const input = document.getElementById(`link-add-${p}`);
    const text = input?.value ?? '';
    const cut = Math.max(...[',', ';', '，', '；', '、', '\n', '\t'].map((c) => text.lastIndexOf(c)));
    const rest = cut >= 0 ? text.slice(0, cut + 1) : '';
    const patent = this.doc.patents[j];
    this.linkNumbers(p, `${rest}\n${patent.number}`);
  }

  /** Links every patent the patent table currently shows (its search and filters). */
  linkFiltered(p) {
    const shown = this.shown ?? this.visiblePatents();
    const product = this.doc.products[p];
    product.patents = Array.isArray(product.patents) ? product.patents : [];
    const linked = new Set(product.patents.map((l) => patentKey(l?.number)));
    let added = 0;
    let already = 0;
    for (const j of shown) {
      const patent = this.doc.patents[j];
      const key = patentKey(patent?.number);
      if (!key) continue;
      if (linked.has(key)) {
        already += 1;
        continue;
      }
      linked.add(key);
      product.patents.push({ number: patent.number, statement: '' });
      added += 1;
    }
    if (added) this.store.changed(join('products', p, 'patents'));
    this.renderLinks(p, `link-filtered-${p}`);
    this.sayLinked(p, { added, already, unknown: [] });
  }

  economicsBlock(p, product, dataYear) {
    const base = join('products', p, 'economics');
    const rows = Array.isArray(product?.economics) ? product.economics : [];
    return h(
      'fieldset',
      { class: 'sub', id: fieldId(base) },
      h('legend', null, t('product.economics')),
      h('p', { class: 'hint', dataset: { dataYearHint: 'economics' } }, economicsHint(dataYear)),
      this.roundOffer(p, rows, dataYear),
      errorSlot(base),
      ...rows.map((row, r) => {
        const rp = `${base}/${r}`;
        const yearText = row?.year ?? '';
        return h(
          'fieldset',
          { class: 'economics', id: fieldId(rp) },
          h('legend', { id: `${fieldId(rp)}-legend` }, yearText === '' ? t('economics.rowNew') : t('economics.row', { year: yearText })),
          errorSlot(rp),
          h(
            'div',
            { class: 'grid grid-4' },
            this.field(`${rp}/year`, 'economics.year', { kind: 'year', inputmode: 'numeric', className: 'short' }),
            this.field(`${rp}/unit`, 'economics.unit', { kind: 'enum', options: UNITS.map((u) => [u, enumText('money_unit', u)]), noUnset: true, absentMeans: 'yuan' }),
            this.field(`${rp}/currency`, 'economics.currency', { kind: 'text', list: 'currencies', className: 'short mono', placeholder: 'CNY' }),
            this.field(`${rp}/fx_rate_to_cny`, 'economics.fx_rate_to_cny', { kind: 'money', inputmode: 'decimal', className: 'short' }),
            this.field(`${rp}/sales_revenue`, 'economics.sales_revenue', { kind: 'money', inputmode: 'decimal', unit: row, feedback: true }),
            this.field(`${rp}/export_revenue`, 'economics.export_revenue', { kind: 'money', inputmode: 'decimal', unit: row, feedback: true }),
            this.field(`${rp}/profit`, 'economics.profit', { kind: 'money', inputmode: 'decimal', unit: row, feedback: true }),
            this.field(`${rp}/ip_investment`, 'economics.ip_investment', { kind: 'money', inputmode: 'decimal', unit: row, feedback: true }),
            this.field(`${rp}/patent_attributable_revenue`, 'economics.patent_attributable_revenue', { kind: 'money', inputmode: 'decimal', unit: row, feedback: true }),
          ),
          h(
            'button',
            { type: 'button', class: 'button small secondary', id: `remove-economics-${p}-${r}`, dataset: { action: 'remove-economics', product: p, index: r } },
            t('economics.remove', { year: yearText === '' ? '?' : yearText }),
          ),
        );
      }),
      h(
        'datalist',
        { id: 'currencies' },
        CURRENCIES.map((c) => h('option', { value: c })),
      ),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button small secondary', id: `add-economics-${p}`, dataset: { action: 'add-economics', product: p } }, t('economics.add'))),
    );
  }

  /**
   * When no row is for the data year but others are (the engine's economics_year_not_data_year):
   * the round those figures would serve, in one click.
   */
  roundOffer(p, rows, dataYear) {
    const years = rows.map((row) => row?.year).filter((y) => Number.isInteger(y));
    if (!dataYear || !years.length || years.includes(dataYear)) return null;
    const round = Math.max(...years) + 1;
    return h(
      'p',
      { class: 'data-year-offer', id: `data-year-offer-${p}` },
      t('needed.dataYear', { round: dataYear + 1, d: dataYear, year: round - 1, served: round }),
      ' ',
      h('button', { type: 'button', class: 'button small secondary', id: `use-round-${p}`, dataset: { action: 'use-round', round } }, t('needed.useRound', { round })),
    );
  }

  /** The round offer of a product drawn on the page, again after its years or the round changed. */
  refreshRoundOffer(p) {
    const offer = document.getElementById(`data-year-offer-${p}`);
    const round = this.doc.round_year;
    const fresh = this.roundOffer(p, list(this.doc.products[p]?.economics), Number.isInteger(round) ? round - 1 : null);
    if (offer && fresh) offer.replaceWith(fresh);
    else if (offer) offer.remove();
    else if (fresh) document.querySelector(`#${fieldId(join('products', p, 'economics'))} > [data-data-year-hint]`)?.after(fresh);
  }

  /** A labelled field: label, hint, error slot, then the control (the GOV.UK order). */
  field(path, key, options) {
    const id = fieldId(path);
    const hintText = options.hintText ?? (hasHint(key) ? t(`${key}.hint`) : null);
    const hintId = hintText ? `${id}-hint` : null;
    if (options.kind === 'checkbox') {
      return h(
        'div',
        { class: 'field check' },
        this.control(path, { ...options, describedby: hintId }),
        h('label', { for: id }, t(key)),
        hintText ? h('p', { class: 'hint', id: hintId }, hintText) : null,
        errorSlot(path),
      );
    }
    const control = this.control(path, { ...options, describedby: hintId });
    const unit = options.unit ? h('span', { class: 'unit', 'aria-hidden': 'true', dataset: { unitFor: join(...path.split('/').slice(1, -1)) } }, unitSuffix(options.unit)) : null;
    // What the figure means, in the engine's words (its catalogue's definition of the field at
    // this pointer), one click away so the form stays short.
    const meaning = definition(path);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id, class: 'label' }, t(key)),
      hintText ? h('p', { class: 'hint', id: hintId }, hintText) : null,
      meaning ? h('details', { class: 'definition', id: `${id}-definition` }, h('summary', null, t('figure.what')), h('p', null, pick(meaning))) : null,
      errorSlot(path),
      unit ? h('div', { class: 'with-unit' }, control, unit) : control,
      options.feedback ? h('div', { class: 'feedback', id: `${id}-feedback`, 'aria-live': 'polite' }) : null,
    );
  }

  control(path, options) {
    const id = fieldId(path);
    const value = get(this.doc, path);
    const common = {
      id,
      name: id,
      dataset: { path, kind: options.kind },
      'aria-labelledby': options.labelledby,
      'aria-describedby': options.describedby ?? undefined,
      class: options.className,
    };
    switch (options.kind) {
      case 'enum': {
        const opts = [];
        if (!options.noUnset) opts.push(h('option', { value: '' }, options.unsetLabel ?? t('choice.unset')));
        // An absent value the engine reads as a default (unit: yuan) shows as that default.
        const shown = value ?? options.absentMeans ?? '';
        const known = value === undefined || value === null || options.options.some(([v]) => v === value);
        for (const [v, label] of options.options) {
          opts.push(h('option', { value: v, selected: v === shown }, label));
        }
        // A value the form does not offer (from a loaded file) stays visible so its error makes sense.
        if (!known) opts.push(h('option', { value: String(value), selected: true }, String(value)));
        return h('select', common, opts);
      }
      case 'bool3':
        return h(
          'select',
          common,
          h('option', { value: '' }, t('choice.unset')),
          h('option', { value: 'true', selected: value === true }, t('choice.yes')),
          h('option', { value: 'false', selected: value === false }, t('choice.no')),
        );
      case 'checkbox':
        return h('input', { ...common, type: 'checkbox', checked: value === true });
      case 'lines':
        return h('textarea', { ...common, rows: 2, value: Array.isArray(value) ? value.join('\n') : value ?? '' });
      case 'date': {
        const text = value === undefined || value === null ? '' : String(value);
        // A date the picker cannot show (a typo in a loaded file) is shown as text, so it can be seen and fixed.
        const type = text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'date' : 'text';
        return h('input', { ...common, type, value: text });
      }
      default:
        return h('input', {
          ...common,
          type: 'text',
          value: value === undefined || value === null ? '' : String(value),
          inputmode: options.inputmode,
          spellcheck: options.spellcheck,
          autocomplete: options.autocomplete ?? 'off',
          maxlength: options.maxlength,
          placeholder: options.placeholder,
          list: options.list,
        });
    }
  }

  // ---- editing --------------------------------------------------------------------------------


  // ---- editing --------------------------------------------------------------------------------

  onEdit(event) {
    const el = event.target;
    const action = el.dataset?.action;
    if (action === 'select-patent' || action === 'select-page') {
      if (event.type !== 'change') return;
      if (action === 'select-patent') {
        const i = Number(el.dataset.patent);
        if (el.checked) this.selected.add(i);
        else this.selected.delete(i);
      } else {
        const start = this.view.page * PATENT_PAGE;
        for (const i of (this.shown ?? []).slice(start, start + PATENT_PAGE)) {
          if (el.checked) this.selected.add(i);
          else this.selected.delete(i);
        }
        for (const box of this.root.querySelectorAll('input[data-action="select-patent"]')) box.checked = el.checked;
      }
      this.updateBulk();
      return;
    }
    const path = el.dataset?.path;
    if (!path) return;
    const kind = el.dataset.kind;
    // Leaving a number field shows what was read: "３,２００万" in a 万元 field becomes "3200".
    if (event.type === 'change' && (kind === 'money' || kind === 'count' || kind === 'year')) {
      this.showNormalised(el, path, kind);
      return;
    }
    // Selects and checkboxes report on 'change'; text reports on 'input' so results stay live.
    if ((kind === 'enum' || kind === 'bool3' || kind === 'checkbox') !== (event.type === 'change')) return;
    const before = get(this.doc, path);
    let value = readControl(el, kind);
    if (kind === 'money') {
      const read = readMoney(el.value, amountUnit(this.doc, path));
      value = read.value;
      this.moneyNote(el, read.wrongUnit);
    }
    set(this.doc, path, value);
    this.store.changed(path);
    this.afterEdit(path, before, value);
  }

  /** The value as read, in place of what was typed, when it reads unambiguously as a number. */
  showNormalised(el, path, kind) {
    const value = get(this.doc, path);
    if (value === undefined || value === null) return;
    const shown = String(value);
    const isNumber = kind === 'money' ? /^-?\d+(\.\d+)?$/.test(shown) : Number.isInteger(value);
    if (isNumber && el.value !== shown) el.value = shown;
  }

  /** "3200万" where amounts are in 元: says what to enter instead, beside the field. */
  moneyNote(el, wrongUnit) {
    const box = document.getElementById(`${el.id}-feedback`);
    if (!box) return;
    if (!wrongUnit) {
      box.textContent = '';
      box.className = 'feedback';
      return;
    }
    const unit = enumText('money_unit', wrongUnit.unit, { inline: true });
    const written = enumText('money_unit', wrongUnit.written, { inline: true });
    box.textContent = wrongUnit.inUnit === null ? t('money.wrongUnitShort', { unit, written }) : t('money.wrongUnit', { unit, written, value: grouped(wrongUnit.inUnit), plain: wrongUnit.inUnit });
    box.className = 'feedback bad';
  }

  updateBulk() {
    const n = this.selected.size;
    const count = document.getElementById('bulk-count');
    if (count) count.textContent = t('bulk.selected', { n });
    for (const [id, key] of [['bulk-delete', 'bulk.delete'], ['bulk-owner', 'bulk.setOwner']]) {
      const b = document.getElementById(id);
      if (b) {
        b.disabled = !n;
        b.textContent = t(key, { n });
      }
    }
    const none = document.getElementById('select-none');
    if (none) none.disabled = !n;
  }

  afterEdit(path, before, value) {
    let m = /^\/patents\/(\d+)\/(number|jurisdiction)$/.exec(path);
    if (m) {
      const i = Number(m[1]);
      const patent = this.doc.patents[i];
      // The engine matches links on the number alone (its patentKey), so only a number edit moves them.
      const oldKey = m[2] === 'number' ? patentKey(before) : '';
      // Links name patents by number: keep them pointing at the patent being edited.
      if (oldKey) {
        for (const [k, product] of list(this.doc.products).entries()) {
          let touched = false;
          for (const link of list(product?.patents)) {
            if (link && patentKey(link.number) === oldKey) {
              link.number = patent.number ?? '';
              touched = true;
            }
          }
          if (touched) this.store.changed(join('products', k, 'patents'));
        }
      }
      this.indexCache = null;
      this.numberFeedback(i);
      for (const label of this.root.querySelectorAll(`[data-patent-label="${i}"]`)) label.textContent = patentLabel(patent, i);
      return;
    }
    m = /^\/patents\/(\d+)\/title$/.exec(path);
    if (m) {
      const i = Number(m[1]);
      for (const label of this.root.querySelectorAll(`[data-patent-label="${i}"]`)) label.textContent = patentLabel(this.doc.patents[i], i);
      return;
    }
    if (path === '/round_year') {
      const hint = document.getElementById(`${fieldId('/round_year')}-hint`);
      if (hint) hint.textContent = Number.isInteger(value) ? t('round.round_year.hint', { d: value - 1 }) : t('round.round_year.hintNone');
      for (const el of this.root.querySelectorAll('[data-data-year-hint]')) el.textContent = economicsHint(Number.isInteger(value) ? value - 1 : null);
      // Until the user sets the reference date by hand, it follows the round.
      if (this.store.referenceAuto && Number.isInteger(value) && value >= 1000 && value <= 9999) {
        const date = referenceFor(value);
        if (date !== this.doc.reference_date) {
          set(this.doc, '/reference_date', date);
          this.store.changed('/reference_date');
          const input = document.getElementById(fieldId('/reference_date'));
          if (input) input.value = date;
        }
      }
      const refHint = document.getElementById(`${fieldId('/reference_date')}-hint`);
      if (refHint) refHint.textContent = this.referenceHint();
      this.refreshRoundOffer(this.openProduct);
      return;
    }
    if (path === '/reference_date') {
      this.store.referenceAuto = false;
      const refHint = document.getElementById(`${fieldId('/reference_date')}-hint`);
      if (refHint) refHint.textContent = this.referenceHint();
      return;
    }
    m = /^\/products\/(\d+)\/economics\/(\d+)\/(year|unit|currency)$/.exec(path);
    if (m) {
      const rp = join('products', m[1], 'economics', m[2]);
      const row = get(this.doc, rp);
      if (m[3] === 'year') {
        this.refreshRoundOffer(Number(m[1]));
        const legend = document.getElementById(`${fieldId(rp)}-legend`);
        if (legend) legend.textContent = row?.year === undefined ? t('economics.rowNew') : t('economics.row', { year: row.year });
        const remove = document.getElementById(`remove-economics-${m[1]}-${m[2]}`);
        if (remove) remove.textContent = t('economics.remove', { year: row?.year ?? '?' });
      } else {
        for (const unit of this.root.querySelectorAll(`[data-unit-for="${rp}"]`)) unit.textContent = unitSuffix(row);
      }
    }
    m = /^\/products\/(\d+)\/(name|id)$/.exec(path);
    if (m) this.echoProductLater(Number(m[1]));
  }

  /**
   * The product's legend and its row in the products table follow its name and id once typing
   * pauses, not on every key: a changed cell makes the browser lay the whole table out again, and
   * the legend its fieldset, which cost more per key than the field itself (docs/page.md, "Typing").
   */
  echoProductLater(i) {
    this.echoPending.add(i);
    clearTimeout(this.echoTimer);
    this.echoTimer = setTimeout(() => this.echoProducts(), ECHO_AFTER_MS);
  }

  /** The legends and summary rows of the products edited since the last pause, in place. */
  echoProducts() {
    clearTimeout(this.echoTimer);
    for (const i of this.echoPending) {
      const product = this.doc.products?.[i];
      const legend = document.querySelector(`#${fieldId(join('products', i))} > legend h3`);
      if (legend) legend.textContent = t('product.legend', { n: i + 1 }) + (product?.name ? ` · ${product.name}` : '');
      // The table is not drawn again: the row's cells are set in place.
      const row = document.querySelector(`#products-table tbody tr[data-index="${i}"]`);
      if (row) {
        const id = product?.id;
        row.dataset.product = typeof id === 'string' ? id : '';
        row.firstElementChild.textContent = typeof id === 'string' && id ? id : `#${i + 1}`;
        row.children[1].textContent = typeof product?.name === 'string' && product.name ? product.name : '—';
      }
    }
    this.echoPending.clear();
  }

  /** Live normalisation and check-character feedback for one patent number. */
  numberFeedback(i) {
    const path = join('patents', i, 'number');
    const box = document.getElementById(`${fieldId(path)}-feedback`);
    const input = document.getElementById(fieldId(path));
    if (!box || !input) return;
    const patent = this.doc.patents?.[i];
    const text = String(patent?.number ?? '').trim();
    box.className = 'feedback';
    box.textContent = '';
    let invalid = false;
    if (text === '') {
      // empty: the engine's "required" finding speaks for it
    } else if (patent?.jurisdiction && String(patent.jurisdiction).trim().toUpperCase() !== 'CN') {
      box.textContent = t('number.foreign');
      box.classList.add('note');
    } else {
      const result = normalizePatentNumber(text);
      if (result.ok) {
        const vars = { number: result.number, type: enumText('patent_type', result.type, { inline: true }), year: result.filing_year };
        if (result.check_warning) {
          box.textContent = `${t('number.warn', vars)} — ${t('number.legacyCheck', { expected: result.check_warning })}`;
          box.classList.add('warn');
        } else {
          box.textContent = t('number.ok', vars);
          box.classList.add('ok');
        }
      } else {
        box.textContent = pickText(result.finding?.message);
        box.classList.add('bad');
        invalid = true;
      }
    }
    input.classList.toggle('invalid', invalid);
    if (invalid) input.setAttribute('aria-invalid', 'true');
    describedBy(input, box.id, box.textContent !== '');
  }

  // ---- structure --------------------------------------------------------------------------------


  // ---- structure --------------------------------------------------------------------------------

  onClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button || !this.root.contains(button)) return;
    const action = button.dataset.action;
    const n = (name) => Number(button.dataset[name]);
    const doc = this.doc;
    if (!Array.isArray(doc.patents)) doc.patents = [];
    if (!Array.isArray(doc.products)) doc.products = [];
    switch (action) {
      case 'add-patent': {
        doc.patents.push(blankPatent(doc.filer));
        // The new row is last in the list's own order: show that, unfiltered.
        this.view = { query: '', type: '', status: '', counted: '', sort: 'index', dir: 1, page: Math.floor((doc.patents.length - 1) / PATENT_PAGE) };
        this.syncFilterControls();
        this.store.changed('/patents');
        this.patentsChanged(fieldId(join('patents', doc.patents.length - 1, 'number')));
        return;
      }
      case 'remove-patent': {
        const i = n('patent');
        const at = Math.max(0, (this.shown ?? []).indexOf(i));
        this.removePatents(new Set([i]));
        this.patentsChanged('add-patent');
        // Focus moves to the row that took the removed one's place, or the one before it.
        const next = this.shown?.[Math.min(at, this.shown.length - 1)];
        if (next !== undefined) this.refocus(`remove-patent-${next}`);
        return;
      }
      case 'bulk-delete': {
        const count = this.selected.size;
        if (!count || !window.confirm(t('bulk.confirmDelete', { n: count }))) return;
        this.removePatents(new Set(this.selected));
        this.selected.clear();
        this.patentsChanged('patents-count');
        return;
      }
      case 'bulk-owner': {
        const name = document.getElementById('bulk-owner-name')?.value.trim() ?? '';
        const uscc = document.getElementById('bulk-owner-uscc')?.value.trim() ?? '';
        if (!this.selected.size || !name) {
          document.getElementById('bulk-owner-name')?.focus();
          return;
        }
        for (const i of this.selected) {
          const owner = { name };
          if (uscc) owner.uscc = uscc;
          if (doc.patents[i]) {
            doc.patents[i].owners = [owner];
            this.store.changed(join('patents', i, 'owners'));
          }
        }
        this.patentsChanged('bulk-owner');
        return;
      }
      case 'select-matching':
        for (const i of this.shown ?? []) this.selected.add(i);
        this.renderPatentView();
        this.refocus('select-matching');
        return;
      case 'select-none':
        this.selected.clear();
        this.renderPatentView();
        this.refocus('select-matching');
        return;
      case 'toggle-details': {
        const i = n('patent');
        this.setDetails(i, !this.open.has(i));
        return;
      }
      case 'add-owner':
      case 'add-filer-owner': {
        const i = n('patent');
        const patent = doc.patents[i];
        patent.owners = Array.isArray(patent.owners) ? patent.owners : [];
        const owner = { name: action === 'add-filer-owner' ? doc.filer?.name ?? '' : '' };
        if (action === 'add-filer-owner' && doc.filer?.uscc) owner.uscc = doc.filer.uscc;
        patent.owners.push(owner);
        this.store.changed(join('patents', i, 'owners'));
        this.renderPatentRow(i, fieldId(join('patents', i, 'owners', patent.owners.length - 1, 'name')));
        return;
      }
      case 'remove-owner': {
        const i = n('patent');
        doc.patents[i].owners.splice(n('index'), 1);
        this.store.changed(join('patents', i, 'owners'));
        this.renderPatentRow(i, `add-owner-${i}`);
        return;
      }
      case 'add-licence': {
        const i = n('patent');
        const patent = doc.patents[i];
        patent.licences = Array.isArray(patent.licences) ? patent.licences : [];
        const licensee = { name: doc.filer?.name ?? '' };
        if (doc.filer?.uscc) licensee.uscc = doc.filer.uscc;
        patent.licences.push({ licensee, kind: 'exclusive', recorded: true });
        this.store.changed(join('patents', i, 'licences'));
        this.renderPatentRow(i, fieldId(join('patents', i, 'licences', patent.licences.length - 1, 'start')));
        return;
      }
      case 'remove-licence': {
        const i = n('patent');
        doc.patents[i].licences.splice(n('index'), 1);
        this.store.changed(join('patents', i, 'licences'));
        this.renderPatentRow(i, `add-licence-${i}`);
        return;
      }
      case 'add-product':
        doc.products.push(blankProduct(doc.products, doc.round_year));
        this.store.changed(join('products', doc.products.length - 1));
        this.productView = { ...this.productView, verdict: '', page: Math.floor((doc.products.length - 1) / 25) };
        this.openProductAt(doc.products.length - 1, false);
        this.refocus(fieldId(join('products', doc.products.length - 1, 'name')));
        return;
      case 'remove-product': {
        const i = n('product');
        doc.products.splice(i, 1);
        this.linkPages.clear();
        this.store.changed('/products');
        this.openProductAt(Math.min(i, doc.products.length - 1), false);
        this.refocus(doc.products.length ? `remove-product-${this.openProduct}` : 'add-product');
        return;
      }
      case 'remove-link': {
        const p = n('product');
        doc.products[p].patents.splice(n('index'), 1);
        this.store.changed(join('products', p, 'patents'));
        const links = doc.products[p].patents.length;
        const l = Math.min(n('index'), links - 1);
        this.renderLinks(p, l >= 0 ? `remove-link-${p}-${l}` : `link-add-${p}`);
        return;
      }
      case 'link-add': {
        const p = n('product');
        this.linkNumbers(p, document.getElementById(`link-add-${p}`)?.value ?? '');
        return;
      }
      case 'link-filtered':
        this.linkFiltered(n('product'));
        return;
      case 'use-round':
        this.store.useRound?.(n('round'));
        return;
      case 'add-economics': {
        const p = n('product');
        const product = doc.products[p];
        product.economics = Array.isArray(product.economics) ? product.economics : [];
        const years = product.economics.map((r) => r?.year).filter(Number.isInteger);
        const row = blankEconomics(doc.round_year);
        // The data year first, then the year before it (for growth), then earlier ones.
        if (years.includes(row.year)) row.year = Math.min(...years) - 1;
        const last = product.economics[product.economics.length - 1];
        if (last?.unit) row.unit = last.unit;
        product.economics.push(row);
        this.store.changed(join('products', p, 'economics'));
        this.renderProductEditor(fieldId(join('products', p, 'economics', product.economics.length - 1, 'sales_revenue')));
        return;
      }
      case 'remove-economics': {
        const p = n('product');
        doc.products[p].economics.splice(n('index'), 1);
        this.store.changed(join('products', p, 'economics'));
        this.renderProductEditor(`add-economics-${p}`);
        return;
      }
      case 'import-csv':
      case 'paste-rows':
      case 'paste-run':
      case 'paste-cancel':
        this.store.importAction(action, button);
        return;
      default:
    }
  }

  /** Removes patents by index; links to a number no longer listed go with them. */
  removePatents(indexes) {
    const doc = this.doc;
    const keys = new Set([...indexes].map((i) => patentKey(doc.patents[i]?.number)).filter(Boolean));
    doc.patents = doc.patents.filter((_, i) => !indexes.has(i));
    for (const p of doc.patents) keys.delete(patentKey(p?.number));
    if (keys.size) {
      for (const product of doc.products) {
        if (Array.isArray(product?.patents)) product.patents = product.patents.filter((l) => !keys.has(patentKey(l?.number)));
      }
    }
    const sorted = [...indexes].sort((a, b) => a - b);
    const shift = (x) => {
      let lo = 0;
      while (lo < sorted.length && sorted[lo] < x) lo += 1;
      return x - lo;
    };
    this.open = new Set([...this.open].filter((x) => !indexes.has(x)).map(shift));
    this.selected = new Set([...this.selected].filter((x) => !indexes.has(x)).map(shift));
    this.store.changed();
  }

  syncFilterControls() {
    const v = this.view;
    const set_ = (id, value) => {
      const el = document.getElementById(id);
      if (el) el.value = value;
    };
    set_('patent-search', v.query);
    set_('patent-filter-type', v.type);
    set_('patent-filter-status', v.status);
    set_('patent-filter-counted', v.counted);
    set_('patent-sort', v.sort);
    document.getElementById('patent-sort-dir')?.setAttribute('aria-pressed', String(v.dir === -1));
  }

  /** Opens or closes a patent row's details; their fields are built only when opened. */
  setDetails(i, open) {
    if (open) this.open.add(i);
    else this.open.delete(i);
    const row = document.getElementById(`patent-details-${i}`);
    const toggle = document.getElementById(`patent-toggle-${i}`);
    if (!row) return;
    const cell = row.firstElementChild;
    clear(cell);
    if (open) cell.append(this.patentDetails(i, this.doc.patents[i]));
    row.hidden = !open;
    toggle?.setAttribute('aria-expanded', String(open));
    const chevron = toggle?.querySelector('.chevron');
    if (chevron) chevron.textContent = open ? '▾' : '▸';
    if (open) this.store.refreshFindings?.();
  }

  /** Re-renders one patent's rows in place (after an owner or licence was added or removed). */
  renderPatentRow(i, focusId) {
    const row = document.getElementById(fieldId(join('patents', i)));
    const details = document.getElementById(`patent-details-${i}`);
    if (!row || !details) {
      this.renderPatentView();
      this.refocus(focusId);
      return;
    }
    const [newRow, newDetails] = this.patentRows(i, this.doc.patents[i]);
    row.replaceWith(newRow);
    details.replaceWith(newDetails);
    this.numberFeedback(i);
    this.store.refreshFindings?.();
    this.refocus(focusId);
  }

  /**
   * Brings the control for a JSON pointer on screen (the page of the patent table it is on, its
   * details opened; the product it belongs to opened, the page of its links) and focuses it, or
   * its nearest ancestor with an element. Returns whether something was focused.
   */
  reveal(pointer) {
    const parts = tokens(pointer);
    if (parts[0] === 'patents' && /^\d+$/.test(parts[1] ?? '')) {
      const i = Number(parts[1]);
      if (i < list(this.doc.patents).length) {
        let at = (this.shown ?? this.visiblePatents()).indexOf(i);
        if (at < 0) {
          // Filtered out: clear the filters so the row can be shown.
          this.view = { ...this.view, query: '', type: '', status: '', counted: '' };
          this.syncFilterControls();
          at = this.visiblePatents().indexOf(i);
        }
        this.view.page = Math.floor(Math.max(0, at) / PATENT_PAGE);
        this.renderPatentView();
        if (DETAIL_MEMBERS.has(parts[2]) && !this.open.has(i)) this.setDetails(i, true);
      }
    } else if (parts[0] === 'products' && /^\d+$/.test(parts[1] ?? '')) {
      const p = Number(parts[1]);
      if (p < list(this.doc.products).length) {
        if (parts[2] === 'patents' && /^\d+$/.test(parts[3] ?? '')) this.linkPages.set(p, Math.floor(Number(parts[3]) / LINK_PAGE));
        if (this.openProduct !== p) this.openProductAt(p, false);
        else this.renderProductEditor();
      }
    }
    let id = null;
    for (let k = parts.length; k >= 1; k -= 1) {
      const candidate = fieldId(join(...parts.slice(0, k)));
      if (document.getElementById(candidate)) {
        id = candidate;
        break;
      }
    }
    if (!id) id = pointer === '' ? null : 'form';
    return id ? this.focusElement(id) : false;
  }

  /** Focuses an element by id, as in the GOV.UK error summary: its label or legend in view too. */
  focusElement(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    const focusable = el.matches('input, select, textarea, button, a, [tabindex]') ? el : el.querySelector('input, select, textarea, button');
    const target = focusable ?? el;
    if (!target.matches('input, select, textarea, button, a, [tabindex]')) target.setAttribute('tabindex', '-1');
    const label = document.querySelector(`label[for="${target.id}"]`) ?? el.closest('fieldset')?.querySelector('legend');
    target.focus({ preventScroll: true });
    (label ?? target).scrollIntoView({ block: 'start' });
    return true;
  }
}

const AMOUNTS = new Set(['sales_revenue', 'export_revenue', 'profit', 'ip_investment', 'patent_attributable_revenue']);

/** The unit of an amount field (its economics row's), or null for a field that is not an amount. */
function amountUnit(doc, path) {
  const m = /^(\/products\/\d+\/economics\/\d+)\/([a-z_]+)$/.exec(path);
  if (!m || !AMOUNTS.has(m[2])) return null;
  return get(doc, m[1])?.unit ?? 'yuan';
}

function readControl(el, kind) {
  switch (kind) {
    case 'enum':
      return el.value === '' ? undefined : el.value;
    case 'bool3':
      return el.value === '' ? undefined : el.value === 'true';
    case 'checkbox':
      return el.checked ? true : undefined;
    case 'lines': {
      const lines = el.value.split('\n').map((s) => s.trim()).filter(Boolean);
      return lines.length ? lines : undefined;
    }
    case 'year':
    case 'count':
      return parseCount(el.value);
    case 'money':
      return parseMoney(el.value);
    case 'date':
      return el.value.trim() === '' ? undefined : el.value.trim();
    default:
      return el.value === '' ? undefined : el.value;
  }
}

/** An array from the document, or none when a loaded file has something else there. */
function list(value) {
  return Array.isArray(value) ? value : [];
}

function economicsHint(dataYear) {
  return dataYear ? t('product.economics.hint', { d: dataYear, round: dataYear + 1 }) : t('product.economics.hintNone');
}

/** A select's options with the engine's labels (catalogue `labels[group]`). */
function enumOptions(group, values) {
  return values.map((v) => [v, enumText(group, v)]);
}

function hasHint(key) {
  return t(`${key}.hint`) !== `${key}.hint`;
}

function errorSlot(path) {
  return h('div', { class: 'field-error', id: `${fieldId(path)}-error`, hidden: true });
}

function unitSuffix(row) {
  const unit = enumText('money_unit', row?.unit ?? 'yuan');
  const currency = String(row?.currency ?? 'CNY').trim().toUpperCase() || 'CNY';
  if (currency === 'CNY') return lang() === 'zh' ? unit : unit.replace(/ \(.*\)$/, '');
  return `${unit.replace(/ \(.*\)$/, '').replace('元', '')} ${currency}`;
}

function patentLabel(patent, j) {
  const number = String(patent?.number ?? '').trim();
  let shown = number;
  if (number) {
    const result = normalizePatentNumber(number);
    if (result.ok) shown = result.number;
  }
  const title = patent?.title ? ` ${patent.title}` : '';
  return `${shown || `#${j + 1}`}${title}`;
}

/** A patent's type as given, or as its number says (the type digit). */
function typeOf(patent) {
  if (patent?.type) return patent.type;
  const info = numberInfo(patent?.number);
  return info.ok ? info.type : '';
}

function pickText(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return lang() === 'zh' ? text.zh : text.en;
}
