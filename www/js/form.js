// The input form: rendered from the document, and every edit written back into it at the JSON
// pointer the control carries (data-path). Typing never re-renders (so the caret stays put);
// adding or removing rows does, and focus is restored by element id.

import { h, clear, describedBy } from './dom.js';
import { t, lang } from './i18n.js';
import {
  get,
  set,
  join,
  fieldId,
  parseCount,
  parseMoney,
  blankPatent,
  blankProduct,
  blankEconomics,
} from './doc.js';
import { normalizePatentNumber, packs, patentKey } from './engine.js';

const ORG_TYPES = ['enterprise', 'university', 'research_institute', 'new_rnd_institution', 'social_organization'];
const PATENT_TYPES = ['invention', 'utility_model', 'design'];
const LEGAL_STATUSES = ['valid', 'pending', 'expired', 'lapsed', 'invalidated', 'abandoned', 'rejected'];
const LICENCE_KINDS = ['exclusive', 'sole', 'ordinary', 'open'];
const STATUSES = ['on_market', 'withdrawn'];
const ROLES = ['manufacturer_and_seller', 'manufacturer', 'seller'];
const UNITS = ['yuan', 'wan', 'yi'];
const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'KRW', 'MOP', 'TWD'];

/**
 * The form controller. `store.doc` is the input document; `store.changed()` is called after
 * every edit, `store.structureChanged()` after rows were added or removed.
 */
export class Form {
  constructor(root, store) {
    this.root = root;
    this.store = store;
    this.open = new Set(); // patent rows whose details are shown
    root.addEventListener('input', (e) => this.onEdit(e));
    root.addEventListener('change', (e) => this.onEdit(e));
    root.addEventListener('click', (e) => this.onClick(e));
  }

  get doc() {
    return this.store.doc;
  }

  // ---- rendering ----------------------------------------------------------------------------

  render(focusId) {
    const active = focusId ?? document.activeElement?.id;
    clear(this.root);
    this.root.append(this.filerSection(), this.roundSection(), this.patentsSection(), this.productsSection());
    for (const [i] of list(this.doc.patents).entries()) this.numberFeedback(i);
    if (active) {
      const el = document.getElementById(active);
      if (el && this.root.contains(el)) el.focus();
    }
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
        this.field('/reference_date', 'round.reference_date', { kind: 'date' }),
        this.field('/pack', 'round.pack', { kind: 'enum', options: packOptions, noUnset: true }),
      ),
    );
  }

  patentsSection() {
    const patents = list(this.doc.patents);
    const body = h('tbody');
    for (const [i, patent] of patents.entries()) body.append(...this.patentRows(i, patent));
    const table = h(
      'table',
      { class: 'patents', id: 'patents-table' },
      h('caption', { class: 'visually-hidden' }, t('patents.caption')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', class: 'col-n' }, h('span', { class: 'visually-hidden' }, '#')),
          ...['number', 'type', 'title', 'filing_date', 'grant_date', 'legal_status', 'rights', 'actions'].map((c) =>
            h('th', { scope: 'col', id: `th-${c}`, class: `col-${c}` }, t(`col.${c}`)),
          ),
        ),
      ),
      body,
    );
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
      patents.length ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'empty' }, t('patents.empty')),
    );
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
      { id: fieldId(base), class: 'patent-row' },
      h('th', { scope: 'row', id: rowLabel, class: 'col-n' }, h('span', { 'aria-hidden': 'true' }, String(i + 1)), h('span', { class: 'visually-hidden' }, t('patents.row', { n: i + 1 }))),
      h(
        'td',
        { class: 'col-number' },
        this.control(numberPath, { kind: 'text', labelledby: labelled('number'), spellcheck: 'false', className: 'mono' }),
        h('div', { class: 'feedback', id: `${numberId}-feedback`, 'aria-live': 'polite' }),
        errorSlot(numberPath),
        errorSlot(base),
      ),
      h('td', null, this.control(`${base}/type`, { kind: 'enum', labelledby: labelled('type'), options: enumOptions('type', PATENT_TYPES), unsetLabel: t('type.auto') }), errorSlot(`${base}/type`)),
      h('td', null, this.control(`${base}/title`, { kind: 'text', labelledby: labelled('title') }), errorSlot(`${base}/title`)),
      h('td', null, this.control(`${base}/filing_date`, { kind: 'date', labelledby: labelled('filing_date') }), errorSlot(`${base}/filing_date`)),
      h('td', null, this.control(`${base}/grant_date`, { kind: 'date', labelledby: labelled('grant_date') }), errorSlot(`${base}/grant_date`)),
      h('td', null, this.control(`${base}/legal_status`, { kind: 'enum', labelledby: labelled('legal_status'), options: enumOptions('legal_status', LEGAL_STATUSES) }), errorSlot(`${base}/legal_status`)),
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
      h('td', { colspan: 9 }, this.patentDetails(i, patent)),
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
              this.field(`${p}/kind`, 'licence.kind', { kind: 'enum', options: enumOptions('kind', LICENCE_KINDS) }),
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
    );
  }

  productsSection() {
    const products = list(this.doc.products);
    return h(
      'fieldset',
      { class: 'section', id: fieldId('/products') },
      h('legend', null, h('h2', null, t('products.legend'))),
      h('p', { class: 'hint' }, t('products.hint')),
      errorSlot('/products'),
      ...products.map((product, i) => this.productBlock(i, product)),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button', id: 'add-product', dataset: { action: 'add-product' } }, t('products.add'))),
    );
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
        this.field(`${base}/status`, 'product.status', { kind: 'enum', options: enumOptions('status', STATUSES) }),
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

  linksBlock(p, product) {
    const base = join('products', p, 'patents');
    const patents = list(this.doc.patents);
    const links = Array.isArray(product?.patents) ? product.patents : [];
    const linkKey = (link) => patentKey(link?.number);
    const patentKeys = patents.map((pt) => patentKey(pt?.number, pt?.jurisdiction));
    const items = [];
    for (const [j, patent] of patents.entries()) {
      const key = patentKeys[j];
      const l = key ? links.findIndex((link) => linkKey(link) === key) : -1;
      const chooseId = `choose-${p}-${j}`;
      const label = h('span', { class: 'patent-label', dataset: { patentLabel: j } }, patentLabel(patent, j));
      const item = h(
        'li',
        { class: l >= 0 ? 'link chosen' : 'link', id: l >= 0 ? fieldId(`${base}/${l}`) : undefined },
        h(
          'div',
          { class: 'check' },
          h('input', { type: 'checkbox', id: chooseId, checked: l >= 0, disabled: !key, dataset: { action: 'toggle-link', product: p, patent: j } }),
          h('label', { for: chooseId }, label),
        ),
      );
      if (l >= 0) {
        const lp = `${base}/${l}`;
        item.append(
          errorSlot(lp),
          errorSlot(`${lp}/number`),
          h(
            'div',
            { class: 'link-fields' },
            this.field(`${lp}/statement`, 'link.statement', { kind: 'text' }),
            this.field(`${lp}/core`, 'link.core', { kind: 'checkbox' }),
          ),
        );
      }
      items.push(item);
    }
    // Links that match no listed patent (from a loaded file): shown so their error has a home.
    for (const [l, link] of links.entries()) {
      const key = linkKey(link);
      if (key && patentKeys.includes(key)) continue;
      const lp = `${base}/${l}`;
      items.push(
        h(
          'li',
          { class: 'link unknown', id: fieldId(lp) },
          h('p', { id: fieldId(`${lp}/number`), tabindex: '-1' }, t('link.unknown', { number: link?.number ?? '' })),
          errorSlot(`${lp}/number`),
          errorSlot(lp),
          h('button', { type: 'button', class: 'button small secondary', id: `remove-link-${p}-${l}`, dataset: { action: 'remove-link', product: p, index: l } }, t('link.remove')),
        ),
      );
    }
    return h(
      'fieldset',
      { class: 'sub', id: fieldId(base) },
      h('legend', null, t('product.links')),
      h('p', { class: 'hint' }, t('product.links.hint')),
      errorSlot(base),
      items.length ? h('ul', { class: 'links' }, items) : h('p', { class: 'empty' }, t('product.links.none')),
    );
  }

  economicsBlock(p, product, dataYear) {
    const base = join('products', p, 'economics');
    const rows = Array.isArray(product?.economics) ? product.economics : [];
    return h(
      'fieldset',
      { class: 'sub', id: fieldId(base) },
      h('legend', null, t('product.economics')),
      h('p', { class: 'hint', dataset: { dataYearHint: 'economics' } }, economicsHint(dataYear)),
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
            this.field(`${rp}/unit`, 'economics.unit', { kind: 'enum', options: UNITS.map((u) => [u, t(`unit.${u}`)]), noUnset: true, absentMeans: 'yuan' }),
            this.field(`${rp}/currency`, 'economics.currency', { kind: 'text', list: 'currencies', className: 'short mono', placeholder: 'CNY' }),
            this.field(`${rp}/fx_rate_to_cny`, 'economics.fx_rate_to_cny', { kind: 'money', inputmode: 'decimal', className: 'short' }),
            this.field(`${rp}/sales_revenue`, 'economics.sales_revenue', { kind: 'money', inputmode: 'decimal', unit: row }),
            this.field(`${rp}/export_revenue`, 'economics.export_revenue', { kind: 'money', inputmode: 'decimal', unit: row }),
            this.field(`${rp}/profit`, 'economics.profit', { kind: 'money', inputmode: 'decimal', unit: row }),
            this.field(`${rp}/ip_investment`, 'economics.ip_investment', { kind: 'money', inputmode: 'decimal', unit: row }),
            this.field(`${rp}/patent_attributable_revenue`, 'economics.patent_attributable_revenue', { kind: 'money', inputmode: 'decimal', unit: row }),
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
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id, class: 'label' }, t(key)),
      hintText ? h('p', { class: 'hint', id: hintId }, hintText) : null,
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

  onEdit(event) {
    const el = event.target;
    if (el.dataset.action === 'toggle-link') {
      if (event.type === 'change') this.toggleLink(Number(el.dataset.product), Number(el.dataset.patent), el.checked);
      return;
    }
    const path = el.dataset?.path;
    if (!path) return;
    const kind = el.dataset.kind;
    // Selects and checkboxes report on 'change'; text reports on 'input' so results stay live.
    if ((kind === 'enum' || kind === 'bool3' || kind === 'checkbox') !== (event.type === 'change')) return;
    const before = get(this.doc, path);
    const value = readControl(el, kind);
    set(this.doc, path, value);
    this.afterEdit(path, before, value);
    this.store.changed();
  }

  afterEdit(path, before, value) {
    let m = /^\/patents\/(\d+)\/(number|jurisdiction)$/.exec(path);
    if (m) {
      const i = Number(m[1]);
      const patent = this.doc.patents[i];
      const oldKey = m[2] === 'number' ? patentKey(before, patent?.jurisdiction) : patentKey(patent?.number, before);
      const newKey = patentKey(patent?.number, patent?.jurisdiction);
      // Links name patents by number: keep them pointing at the patent being edited.
      if (oldKey) {
        for (const product of list(this.doc.products)) {
          for (const link of list(product?.patents)) {
            if (link && patentKey(link.number) === oldKey) link.number = patent.number ?? '';
          }
        }
      }
      this.numberFeedback(i);
      for (const label of this.root.querySelectorAll(`[data-patent-label="${i}"]`)) label.textContent = patentLabel(patent, i);
      for (const box of this.root.querySelectorAll(`input[data-action="toggle-link"][data-patent="${i}"]`)) box.disabled = !newKey;
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
      return;
    }
    m = /^\/products\/(\d+)\/economics\/(\d+)\/(year|unit|currency)$/.exec(path);
    if (m) {
      const rp = join('products', m[1], 'economics', m[2]);
      const row = get(this.doc, rp);
      if (m[3] === 'year') {
        const legend = document.getElementById(`${fieldId(rp)}-legend`);
        if (legend) legend.textContent = row?.year === undefined ? t('economics.rowNew') : t('economics.row', { year: row.year });
        const remove = document.getElementById(`remove-economics-${m[1]}-${m[2]}`);
        if (remove) remove.textContent = t('economics.remove', { year: row?.year ?? '?' });
      } else {
        for (const unit of this.root.querySelectorAll(`[data-unit-for="${rp}"]`)) unit.textContent = unitSuffix(row);
      }
    }
    m = /^\/products\/(\d+)\/name$/.exec(path);
    if (m) {
      const legend = document.querySelector(`#${fieldId(join('products', m[1]))} > legend h3`);
      if (legend) legend.textContent = t('product.legend', { n: Number(m[1]) + 1 }) + (value ? ` · ${value}` : '');
    }
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
        const vars = { number: result.number, type: t(`enum.type.${result.type}`), year: result.filing_year };
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

  onClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button || !this.root.contains(button)) return;
    const action = button.dataset.action;
    const n = (name) => Number(button.dataset[name]);
    const doc = this.doc;
    if (!Array.isArray(doc.patents)) doc.patents = [];
    if (!Array.isArray(doc.products)) doc.products = [];
    let focus;
    switch (action) {
      case 'add-patent':
        doc.patents.push(blankPatent(doc.filer));
        focus = fieldId(join('patents', doc.patents.length - 1, 'number'));
        break;
      case 'remove-patent': {
        const i = n('patent');
        const key = patentKey(doc.patents[i]?.number, doc.patents[i]?.jurisdiction);
        doc.patents.splice(i, 1);
        const stillListed = doc.patents.some((p) => patentKey(p?.number, p?.jurisdiction) === key);
        if (key && !stillListed) {
          for (const product of doc.products) {
            if (Array.isArray(product?.patents)) product.patents = product.patents.filter((l) => patentKey(l?.number) !== key);
          }
        }
        this.open = new Set([...this.open].filter((x) => x !== i).map((x) => (x > i ? x - 1 : x)));
        focus = doc.patents.length ? `remove-patent-${Math.min(i, doc.patents.length - 1)}` : 'add-patent';
        break;
      }
      case 'toggle-details': {
        const i = n('patent');
        const row = document.getElementById(`patent-details-${i}`);
        const open = !this.open.has(i);
        if (open) this.open.add(i);
        else this.open.delete(i);
        row.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        button.querySelector('.chevron').textContent = open ? '▾' : '▸';
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
        focus = fieldId(join('patents', i, 'owners', patent.owners.length - 1, 'name'));
        break;
      }
      case 'remove-owner': {
        const i = n('patent');
        doc.patents[i].owners.splice(n('index'), 1);
        focus = `add-owner-${i}`;
        break;
      }
      case 'add-licence': {
        const i = n('patent');
        const patent = doc.patents[i];
        patent.licences = Array.isArray(patent.licences) ? patent.licences : [];
        const licensee = { name: doc.filer?.name ?? '' };
        if (doc.filer?.uscc) licensee.uscc = doc.filer.uscc;
        patent.licences.push({ licensee, kind: 'exclusive', recorded: true });
        focus = fieldId(join('patents', i, 'licences', patent.licences.length - 1, 'start'));
        break;
      }
      case 'remove-licence': {
        const i = n('patent');
        doc.patents[i].licences.splice(n('index'), 1);
        focus = `add-licence-${i}`;
        break;
      }
      case 'add-product':
        doc.products.push(blankProduct(doc.products, doc.round_year));
        focus = fieldId(join('products', doc.products.length - 1, 'name'));
        break;
      case 'remove-product': {
        const i = n('product');
        doc.products.splice(i, 1);
        focus = doc.products.length ? `remove-product-${Math.min(i, doc.products.length - 1)}` : 'add-product';
        break;
      }
      case 'remove-link': {
        const p = n('product');
        doc.products[p].patents.splice(n('index'), 1);
        focus = fieldId(join('products', p, 'patents'));
        break;
      }
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
        focus = fieldId(join('products', p, 'economics', product.economics.length - 1, 'sales_revenue'));
        break;
      }
      case 'remove-economics': {
        const p = n('product');
        doc.products[p].economics.splice(n('index'), 1);
        focus = `add-economics-${p}`;
        break;
      }
      case 'import-csv':
      case 'paste-rows':
      case 'paste-run':
      case 'paste-cancel':
        this.store.importAction(action, button);
        return;
      default:
        return;
    }
    this.render(focus);
    this.store.changed();
  }

  toggleLink(p, j, on) {
    const product = this.doc.products[p];
    product.patents = Array.isArray(product.patents) ? product.patents : [];
    const patent = this.doc.patents[j];
    const key = patentKey(patent?.number, patent?.jurisdiction);
    if (on) {
      if (!product.patents.some((l) => patentKey(l?.number) === key)) product.patents.push({ number: patent.number, statement: '' });
    } else {
      product.patents = product.patents.filter((l) => patentKey(l?.number) !== key);
    }
    const linkIndex = product.patents.findIndex((l) => patentKey(l?.number) === key);
    this.render(on && linkIndex >= 0 ? `choose-${p}-${j}` : `choose-${p}-${j}`);
    this.store.changed();
  }

  /** Reveals the control for an element id (opening a collapsed patent row) and focuses it. */
  reveal(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    const details = el.closest('tr.patent-details');
    if (details && details.hidden) {
      const i = Number(details.id.replace('patent-details-', ''));
      this.open.add(i);
      details.hidden = false;
      const toggle = document.getElementById(`patent-toggle-${i}`);
      toggle?.setAttribute('aria-expanded', 'true');
      const chevron = toggle?.querySelector('.chevron');
      if (chevron) chevron.textContent = '▾';
    }
    const focusable = el.matches('input, select, textarea, button, a, [tabindex]') ? el : el.querySelector('input, select, textarea, button');
    const target = focusable ?? el;
    if (!target.matches('input, select, textarea, button, a, [tabindex]')) target.setAttribute('tabindex', '-1');
    // As in the GOV.UK error summary: bring the label or legend into view with the control.
    const label = document.querySelector(`label[for="${target.id}"]`) ?? el.closest('fieldset')?.querySelector('legend');
    target.focus({ preventScroll: true });
    (label ?? target).scrollIntoView({ block: 'start' });
    return true;
  }
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
  return dataYear ? t('product.economics.hint', { d: dataYear }) : t('product.economics.hintNone');
}

function enumOptions(name, values) {
  return values.map((v) => [v, t(`enum.${name}.${v}`)]);
}

function hasHint(key) {
  return t(`${key}.hint`) !== `${key}.hint`;
}

function errorSlot(path) {
  return h('div', { class: 'field-error', id: `${fieldId(path)}-error`, hidden: true });
}

function unitSuffix(row) {
  const unit = t(`unit.${row?.unit ?? 'yuan'}`);
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

function pickText(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return lang() === 'zh' ? text.zh : text.en;
}
