// The report, rendered for people: the overview first (counts by verdict and a table of every
// product), then one product's detail on demand: its verdict, every criterion with what it
// checks, the user's values, the threshold, where the rule comes from and, on a fail, the gap.
// Everything read from the report goes through report-model.js.

import { h, clear, grouped } from './dom.js';
import { t, pick, has, lang, enumText, criterionRule, sentence } from './i18n.js';
import { VERDICTS, errorCount, productRows, verdictCounts } from './report-model.js';
import { contextFor, targetFor } from './errors.js';
import { fieldId } from './doc.js';

// Extra sections other modules add (the outlook, the own rule pack): to each product's detail,
// to the overview and to the banner. A detail section is (product, lang, { prefix }) -> Element |
// null, drawn on screen and in print (`prefix` keeps the printed copy's ids apart); an overview or
// banner section is (summary, lang) -> Element | null and sees only the summary (report-model.js).
const detailSections = [];
const overviewSections = [];
const bannerSections = [];

/**
 * Adds a section to every product's detailed result: after the page's own sections, or with
 * `{ place: 'head' }` right after the product's one-line summary.
 */
export function addDetailSection(render, { place = 'end' } = {}) {
  detailSections.push({ render, place });
}

/** Adds a section to the overview, after the counts and the table. */
export function addOverviewSection(render) {
  overviewSections.push(render);
}

/** Adds a line to the results banner (which rules the report was made with). */
export function addBannerSection(render) {
  bannerSections.push(render);
}

/** A section drawn by another module; one failing add-on must not take the verdicts with it. */
function extra(render, ...args) {
  try {
    return render(...args, lang()) ?? null;
  } catch (error) {
    return h('p', { class: 'bad' }, String(error?.message ?? error));
  }
}

export const PRODUCT_PAGE = 25;

/**
 * The results: banner, notices, the overview (counts by verdict, the product table), the open
 * product's detail and the report's identity. `report` is the summary (report-model.js); `view` =
 * { open: index of the product shown, detail: its full result (null while it is fetched), table:
 * the overview table's state, onOpen(index), onTable(state) }.
 */
export function renderReport(root, report, view) {
  clear(root);
  const errors = errorCount(report);
  root.append(banner(report), notices(report));
  const quiet = view.quiet ?? [];
  if (errors) {
    // Fields not filled in yet are said as what is missing, not as errors (quiet at first).
    const shown = errors - quiet.length;
    root.append(
      h(
        'div',
        { class: quiet.length === errors ? 'blocked to-fill' : 'blocked', id: 'results-blocked', dataset: { quiet: quiet.length, errors: shown } },
        shown ? h('p', null, t('results.blocked', { n: shown })) : null,
        quiet.length ? h('p', null, t(shown ? 'results.toFillToo' : 'results.toFill', { n: quiet.length })) : null,
        quiet.length
          ? h(
              'ul',
              { class: 'to-fill-list' },
              quiet.slice(0, 20).map((f) =>
                h('li', null, h('a', { href: `#${fieldId(f.path)}`, dataset: { path: f.path }, onclick: (e) => { e.preventDefault(); view.onLink?.(f.path); } }, contextFor(f.path, targetFor(f.path)) || pick(f.message))),
              ),
              quiet.length > 20 ? h('li', { class: 'more' }, t('errors.more', { n: quiet.length - 20 })) : null,
            )
          : null,
        quiet.length ? h('button', { type: 'button', class: 'button small secondary', id: 'reveal-all', onclick: () => view.onRevealAll?.() }, t('results.revealAll')) : null,
      ),
    );
  } else if (!report.products.length) {
    root.append(h('p', { class: 'empty' }, t('results.noProducts')));
  }
  if (report.products.length) {
    root.append(overview(report, view));
    const detail = h('div', { id: 'product-detail', class: 'product-detail', 'aria-live': 'polite' });
    root.append(detail);
    renderDetail(detail, view.detail);
  }
  root.append(h('div', { id: 'print-all', class: 'print-all' }), meta(report));
}

/** One product's detailed result into `root` (the one shown on screen), or "loading". */
export function renderDetail(root, product) {
  clear(root);
  root.append(product ? productDetail(product) : h('p', { class: 'loading' }, t('results.loadingDetail')));
}

/** The overview and every product's result, in order, for printing (`details`: index -> result). */
export function renderAllForPrint(root, report, details) {
  clear(root);
  const rows = productRows(report);
  root.append(
    h(
      'table',
      { class: 'products-table print-overview' },
      h('caption', null, t('overview.caption')),
      h('thead', null, h('tr', null, ['ptable.id', 'ptable.name', 'ptable.verdict', 'ptable.failing', 'ptable.counted'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h('tr', null, h('th', { scope: 'row' }, r.id), h('td', null, r.name), h('td', null, verdictText(r.verdict, r.standing)), h('td', null, criteriaCell(r)), h('td', { class: 'num' }, r.counted)),
        ),
      ),
    ),
  );
  for (const [i, row] of report.products.entries()) {
    const product = details.get(i);
    root.append(product ? productDetail(product, 'print-') : h('p', { class: 'print-missing' }, `${row.id}: ${t('print.missing')}`));
  }
}

export function clearPrint(root) {
  if (root) clear(root);
}

/** One product's detailed result; the sections other modules added come last. */
export function productDetail(product, prefix = '') {
  const section = productResult(product, prefix);
  const head = section.querySelector(':scope > .summary');
  let after = head;
  for (const { render, place } of detailSections) {
    let node;
    try {
      node = render(product, lang(), { prefix });
    } catch (error) {
      // One failing add-on must not take the verdicts with it.
      node = h('p', { class: 'bad' }, String(error?.message ?? error));
    }
    if (!node) continue;
    if (place === 'head' && after) {
      after.after(node);
      after = node;
    } else {
      section.append(node);
    }
  }
  return section;
}

function overview(report, view) {
  const counts = verdictCounts(report);
  const box = h(
    'section',
    { class: 'overview', id: 'overview', 'aria-labelledby': 'overview-title' },
    h('h3', { id: 'overview-title' }, t('overview.title', { n: report.products.length })),
    h(
      'ul',
      { class: 'verdict-counts', id: 'verdict-counts' },
      VERDICTS.map((v) =>
        h('li', { dataset: { verdict: v, count: counts[v] } }, h('span', { class: `badge badge-${v}` }, verdictSymbol(v), ' ', enumText('product_verdict', v)), ' ', h('strong', null, String(counts[v]))),
      ),
    ),
    productTable({
      prefix: 'overview',
      caption: t('overview.caption'),
      rows: productRows(report).map((r) => ({ ...r, label: verdictText(r.verdict, r.standing) })),
      state: view.table,
      open: view.open,
      action: 'overview.show',
      onOpen: view.onOpen,
      onState: view.onTable,
    }),
  );
  for (const render of overviewSections) {
    const node = extra(render, report);
    if (node) box.append(node);
  }
  return box;
}

const SORT_KEYS = ['index', 'id', 'name', 'verdict', 'failing', 'counted'];

/** Rows after the verdict filter and the sort, as the table shows them. */
export function tableRows(rows, state) {
  let out = rows;
  if (state.verdict) out = out.filter((r) => (state.verdict === 'none' ? !r.verdict : r.verdict === state.verdict));
  const key = SORT_KEYS.includes(state.sort) ? state.sort : 'index';
  const value = (r) => {
    switch (key) {
      case 'failing':
        return r.failing ? r.failing.length : -1;
      case 'counted':
        return r.counted ?? -1;
      case 'verdict':
        return r.verdict ? VERDICTS.indexOf(r.verdict) : 9;
      case 'id':
      case 'name':
        return String(r[key] ?? '');
      default:
        return r.index;
    }
  };
  const dir = state.dir === -1 ? -1 : 1;
  return [...out].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x < y) return -dir;
    if (x > y) return dir;
    return a.index - b.index;
  });
}

/**
 * A sortable, filterable, paged table of products (id, name, verdict, failing criteria, counted
 * patents), each row with a button that opens that product. Used by the form (to edit) and by
 * the overview (to show the result); `prefix` keeps their ids apart.
 */
export function productTable({ prefix, caption, rows, state, open, action, onOpen, onState }) {
  const shown = tableRows(rows, state);
  const pages = Math.max(1, Math.ceil(shown.length / PRODUCT_PAGE));
  const page = Math.min(Math.max(0, state.page ?? 0), pages - 1);
  const slice = shown.slice(page * PRODUCT_PAGE, (page + 1) * PRODUCT_PAGE);
  const change = (patch) => onState({ ...state, ...patch });
  const header = (key, label) => {
    const sorted = state.sort === key;
    return h(
      'th',
      { scope: 'col', 'aria-sort': sorted ? (state.dir === -1 ? 'descending' : 'ascending') : undefined, class: `col-${key}` },
      h(
        'button',
        { type: 'button', class: 'sort-button', id: `${prefix}-sort-${key}`, onclick: () => change({ sort: key, dir: sorted ? -(state.dir || 1) : 1, page: 0 }) },
        label,
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (state.dir === -1 ? ' ▾' : ' ▴') : ''),
      ),
    );
  };
  const filterId = `${prefix}-filter-verdict`;
  return h(
    'div',
    { class: 'product-summary', id: `${prefix}-summary` },
    h(
      'div',
      { class: 'table-tools' },
      h(
        'div',
        { class: 'field inline' },
        h('label', { for: filterId, class: 'label' }, t('ptable.filter')),
        h(
          'select',
          { id: filterId, onchange: (e) => change({ verdict: e.target.value, page: 0 }) },
          [['', t('ptable.all', { n: rows.length })], ...VERDICTS.map((v) => [v, enumText('product_verdict', v)]), ['none', t('ptable.noResult')]].map(([v, label]) =>
            h('option', { value: v, selected: v === (state.verdict ?? '') }, label),
          ),
        ),
      ),
      h('p', { class: 'table-count', role: 'status' }, t('ptable.count', { shown: shown.length, n: rows.length })),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'products-table', id: `${prefix}-table` },
        h('caption', { class: 'visually-hidden' }, caption),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            header('id', t('ptable.id')),
            header('name', t('ptable.name')),
            header('verdict', t('ptable.verdict')),
            header('failing', t('ptable.failing')),
            header('counted', t('ptable.counted')),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('col.actions'))),
          ),
        ),
        h(
          'tbody',
          null,
          slice.map((r) =>
            h(
              'tr',
              { dataset: { product: r.id ?? '', verdict: r.verdict ?? '', index: r.index }, class: r.index === open ? 'open' : undefined },
              h('th', { scope: 'row', class: 'mono' }, r.id || `#${r.index + 1}`),
              h('td', null, r.name || '—'),
              h('td', null, r.verdict ? h('span', { class: `badge badge-${r.verdict}` }, verdictSymbol(r.verdict), ' ', r.label ?? enumText('product_verdict', r.verdict)) : '—'),
              h('td', { class: 'mono', dataset: { label: t('ptable.failing') } }, criteriaCell(r)),
              h('td', { class: 'num', dataset: { label: t('ptable.counted') } }, r.counted ?? '—'),
              h(
                'td',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: r.index === open ? 'button small' : 'button small secondary',
                    id: `${prefix}-open-${r.index}`,
                    'aria-pressed': String(r.index === open),
                    onclick: () => onOpen(r.index),
                  },
                  t(action),
                  h('span', { class: 'visually-hidden' }, ` ${r.id || `#${r.index + 1}`}`),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    pager(prefix, page, pages, (p) => change({ page: p })),
  );
}

/**
 * Previous / next and "page n of m"; nothing when everything fits on one page. `go(page)` draws
 * the new page; focus then stays on the button used (drawn anew), or moves to the other one when
 * that one is now disabled.
 */
export function pager(prefix, page, pages, go) {
  if (pages <= 1) return null;
  const turn = (to, used) => {
    go(to);
    for (const id of [used, used === `${prefix}-next` ? `${prefix}-prev` : `${prefix}-next`]) {
      const el = document.getElementById(id);
      if (el && !el.disabled) {
        if (document.activeElement !== el) el.focus();
        return;
      }
    }
  };
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('pager.label'), id: `${prefix}-pager` },
    h('button', { type: 'button', class: 'button small secondary', id: `${prefix}-prev`, disabled: page === 0, onclick: () => turn(page - 1, `${prefix}-prev`) }, t('pager.prev')),
    h('span', { class: 'pager-text', 'aria-live': 'polite' }, t('pager.page', { page: page + 1, pages })),
    h('button', { type: 'button', class: 'button small secondary', id: `${prefix}-next`, disabled: page >= pages - 1, onclick: () => turn(page + 1, `${prefix}-next`) }, t('pager.next')),
  );
}

/**
 * The strip that stays in view while the form is edited: one line, the counts by verdict and the
 * product being edited. `editing` is the report's product for it (or null); `busy` says an
 * assessment is running.
 */
export function renderLiveBar(root, report, { editing, editingId, busy, quiet = 0 } = {}) {
  clear(root);
  const errors = errorCount(report);
  const items = [];
  if (errors && quiet === errors) {
    items.push(h('li', null, h('a', { href: '#results-blocked', class: 'badge badge-undetermined' }, t('results.toFillShort', { n: quiet }))));
  } else if (errors) {
    items.push(h('li', null, h('a', { href: '#error-summary', class: 'badge badge-error' }, t('results.blockedShort', { n: errors }))));
  } else {
    const counts = verdictCounts(report);
    for (const v of VERDICTS) {
      if (!counts[v]) continue;
      items.push(h('li', { dataset: { verdict: v } }, h('a', { href: '#overview', class: `badge badge-${v}` }, verdictSymbol(v), ' ', `${counts[v]}`, h('span', { class: 'visually-hidden' }, ` ${enumText('product_verdict', v)}`))));
    }
  }
  if (editing) {
    items.push(
      h(
        'li',
        { class: 'live-editing' },
        h(
          'a',
          { href: '#product-detail', class: `badge badge-${editing.verdict}`, dataset: { product: editing.id, verdict: editing.verdict } },
          h('span', { class: 'badge-product' }, editing.id),
          ' ',
          verdictText(editing.verdict, editing.standing),
        ),
      ),
    );
  } else if (editingId) {
    items.push(h('li', { class: 'live-editing' }, h('span', { class: 'badge-product' }, editingId)));
  }
  items.push(h('li', { class: 'live-busy', id: 'live-busy', hidden: !busy }, t('results.pending')));
  root.append(h('span', { class: 'live-title' }, t('results.live')), h('ul', { class: 'live-list' }, items));
}

/** Shows or hides "assessing…" on the strip without redrawing it. */
export function setBusy(root, busy) {
  const el = root.querySelector('#live-bar .live-busy') ?? document.getElementById('live-busy');
  if (el) el.hidden = !busy;
}

/** The criteria that fail, then those undetermined ("G6 B3 · ? G5"), or a dash. */
function criteriaCell(r) {
  if (!r.failing) return '—';
  const undecided = r.undecided ?? [];
  if (!r.failing.length && !undecided.length) return '—';
  return [
    r.failing.length ? h('span', { class: 'failing', dataset: { failing: r.failing.join(' ') } }, r.failing.join(' ')) : null,
    r.failing.length && undecided.length ? ' · ' : null,
    undecided.length ? h('span', { class: 'undecided', dataset: { undecided: undecided.join(' ') }, title: t('ptable.undecided') }, h('span', { 'aria-hidden': 'true' }, '? '), h('span', { class: 'visually-hidden' }, `${t('ptable.undecided')}${t('colon')}`), undecided.join(' ')) : null,
  ];
}

function verdictText(verdict, standing) {
  // "Qualifies" on reference thresholds may only be called meeting the reference benchmark: the
  // engine's `standing` says which, so it is shown rather than a bare "qualifies".
  if (verdict === 'qualifies' && standing) return pick(standing);
  return enumText('product_verdict', verdict);
}

function banner(report) {
  const reference = report.products.some((p) => p.benchmark_basis !== 'official') || !report.products.length;
  const box = reference
    ? h(
        'div',
        { class: 'banner reference', role: 'note', id: 'reference-banner' },
        h('p', { class: 'banner-title' }, h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '!'), ' ', t('banner.title')),
        h('p', null, t('banner.body')),
      )
    : h('div', { class: 'banner official', role: 'note' }, t('banner.official'));
  for (const render of bannerSections) {
    const node = extra(render, report);
    if (node) box.append(node);
  }
  return box;
}

function notices(report) {
  if (!report.notices?.length) return null;
  return h('ul', { class: 'notices', id: 'report-notices' }, report.notices.map((n) => h('li', null, pick(n))));
}

function verdictLabel(product) {
  return verdictText(product.verdict, product.standing);
}

function productResult(product, prefix = '') {
  const id = `${prefix}result-${cssId(product.id)}`;
  const gates = product.criteria.filter((c) => c.id.startsWith('G'));
  const benchmarks = product.criteria.filter((c) => c.id.startsWith('B'));
  return h(
    'section',
    { class: `product-result verdict-${product.verdict}`, id, 'aria-labelledby': `${id}-title`, dataset: { product: product.id, verdict: product.verdict } },
    h(
      'header',
      { class: 'product-head' },
      h('h3', { id: `${id}-title` }, `${product.id}${product.name ? ` · ${product.name}` : ''}`),
      h('p', { class: `badge badge-large badge-${product.verdict}`, dataset: { role: 'verdict' } }, verdictSymbol(product.verdict), ' ', verdictLabel(product)),
    ),
    h('p', { class: 'summary' }, sentence(pick(product.summary))),
    criteriaGroup(t('group.gates'), gates),
    criteriaGroup(t('group.benchmarks'), benchmarks),
    patentsLists(product),
    informational(product),
  );
}

function verdictSymbol(verdict) {
  return h('span', { 'aria-hidden': 'true', class: 'symbol' }, { qualifies: '✓', does_not_qualify: '✗', undetermined: '?', pass: '✓', fail: '✗', not_applicable: '–' }[verdict] ?? '?');
}

function criteriaGroup(title, criteria) {
  if (!criteria.length) return null;
  return h('div', { class: 'criteria-group' }, h('h4', null, title), h('ol', { class: 'criteria' }, criteria.map(criterion)));
}

function criterion(c) {
  const body = [];
  const rule = criterionRule(c.id);
  if (rule) body.push(h('p', { class: 'what' }, h('span', { class: 'term' }, `${t('criterion.what')}${t('colon')}`), rule));
  if (c.gap) body.push(h('p', { class: 'gap' }, h('strong', null, t('criterion.gap')), sentence(pick(c.gap))));
  if (c.values?.length) {
    body.push(
      h(
        'dl',
        { class: 'values' },
        c.values.map((v) => [h('dt', null, valueName(v.name)), h('dd', null, formatValue(v.value, v.unit))]),
      ),
    );
  }
  if (c.indicators?.length) body.push(h('div', { class: 'indicators-wrap' }, indicatorTable(c.indicators)));
  body.push(
    h(
      'p',
      { class: 'citation' },
      h('span', { class: 'term' }, `${t('criterion.source')}${t('colon')}`),
      pick(c.citation.source),
      ' · ',
      h('span', { class: 'term' }, `${t('criterion.basis')}${t('colon')}`),
      h('span', { class: `basis basis-${c.citation.basis}` }, enumText('basis', c.citation.basis)),
    ),
  );
  // What passed stays one line until opened; what failed or could not be decided is open.
  return h(
    'li',
    { class: `criterion cv-${c.verdict}`, dataset: { criterion: c.id, verdict: c.verdict } },
    h(
      'details',
      { open: c.verdict !== 'pass' && c.verdict !== 'not_applicable' },
      h(
        'summary',
        null,
        h(
          'span',
          { class: 'criterion-head' },
          h('span', { class: 'criterion-id' }, c.id),
          h('span', { class: 'criterion-title' }, pick(c.title)),
          h('span', { class: `chip chip-${c.verdict}` }, verdictSymbol(c.verdict), ' ', enumText('verdict', c.verdict)),
        ),
        h('span', { class: 'explanation' }, sentence(pick(c.explanation))),
      ),
      ...body,
    ),
  );
}

function indicatorTable(indicators) {
  return h(
    'table',
    { class: 'indicators' },
    h(
      'thead',
      null,
      h('tr', null, ['ind.indicator', 'ind.value', 'ind.threshold', 'ind.verdict'].map((k) => h('th', { scope: 'col' }, t(k)))),
    ),
    h(
      'tbody',
      null,
      indicators.map((ind) =>
        h(
          'tr',
          { class: `cv-${ind.verdict}`, dataset: { indicator: ind.id, verdict: ind.verdict } },
          h('th', { scope: 'row' }, pick(ind.title)),
          h('td', { class: 'num' }, indicatorValue(ind)),
          h(
            'td',
            { class: 'num' },
            ind.threshold ? `${ind.threshold.comparison === '>=' ? '≥' : ind.threshold.comparison} ${formatValue(ind.threshold.value, ind.unit)}` : '—',
            ind.threshold ? h('span', { class: `basis basis-${ind.threshold.citation.basis}` }, enumText('basis', ind.threshold.citation.basis)) : null,
          ),
          h('td', null, h('span', { class: `chip chip-${ind.verdict}` }, verdictSymbol(ind.verdict), ' ', enumText('verdict', ind.verdict))),
        ),
      ),
    ),
  );
}

function indicatorValue(ind) {
  if (ind.display === null || ind.display === undefined) return t('value.absent');
  if (ind.unit === 'ratio') {
    // Exact fractions (n/d) are shown as the engine rounded them, with the fraction for checking.
    return ind.value && ind.value.includes('/') ? `${ind.display} (${ind.value.split('/').map(grouped).join(' / ')})` : ind.display;
  }
  return formatValue(ind.display, ind.unit);
}

function patentsLists(product) {
  const counted = h(
    'div',
    { class: 'patent-list counted' },
    h('h4', null, t('counted.title')),
    product.counted_patents.length
      ? h(
          'ul',
          null,
          product.counted_patents.map((p) =>
            h(
              'li',
              null,
              h('span', { class: 'mono' }, p.number),
              ` · ${enumText('patent_type', p.type, { inline: true })} · ${t(`counted.${p.right}`)}`,
              p.expires_on ? ` · ${t('counted.expires', { date: lastDayInTerm(p.expires_on) })}` : '',
              p.core ? ` · ${t('counted.core')}` : '',
              p.high_value?.length ? ` · ${t('hv.label')}${t('colon')}${p.high_value.map((f) => t(`hv.${f}`)).join(t('listSep'))}` : '',
            ),
          ),
        )
      : h('p', null, t('counted.none')),
  );
  const excluded = product.excluded_patents.length
    ? h(
        'div',
        { class: 'patent-list excluded', dataset: { role: 'excluded' } },
        h('h4', null, t('excluded.title')),
        h(
          'ul',
          null,
          product.excluded_patents.map((p) =>
            h(
              'li',
              { dataset: { patent: p.number } },
              h('span', { class: 'mono' }, p.number),
              h('ul', null, p.reasons.map((r) => h('li', { dataset: { reason: r.code } }, pick(r.message)))),
            ),
          ),
        ),
      )
    : null;
  return [counted, excluded];
}

function informational(product) {
  if (!product.indicators?.length) return null;
  return h(
    'details',
    { class: 'info' },
    h('summary', null, t('info.title')),
    h(
      'dl',
      { class: 'values' },
      product.indicators.map((ind) => [
        h('dt', null, pick(ind.title)),
        h('dd', null, pick(ind.explanation) || indicatorValue(ind), ind.patents?.length ? ` — ${ind.patents.join(t('listSep'))}` : ''),
      ]),
    ),
  );
}

function meta(report) {
  const rows = [
    ['meta.pack', report.pack ? `${report.pack.id} v${report.pack.version}` : '—'],
    ['meta.packSha', report.pack?.sha256 ?? '—', true],
    ['meta.inputSha', report.input_sha256 ?? '—', true],
    ['meta.engine', `${report.engine.name} ${report.engine.version}`],
    ['meta.round', `${report.round_year ?? '—'} / ${report.data_year ?? '—'}`],
    ['meta.reference', report.reference_date ?? '—'],
  ];
  return h(
    'section',
    { class: 'report-meta', id: 'report-meta', 'aria-labelledby': 'report-meta-title' },
    h('h3', { id: 'report-meta-title' }, t('meta.title')),
    h(
      'dl',
      null,
      rows.map(([key, value, mono]) => [h('dt', null, t(key)), h('dd', { class: mono ? 'mono hash' : undefined, dataset: { meta: key } }, value)]),
      h('dt', { class: 'print-only' }, t('meta.generated')),
      h('dd', { class: 'print-only' }, new Date().toISOString().slice(0, 10)),
    ),
  );
}

function valueName(name) {
  return has(`vn.${name}`) ? t(`vn.${name}`) : name;
}

const SINGULAR = { patents: 'patent', links: 'link', features: 'feature', days: 'day', 'weighted patents': 'weighted patent' };

function formatValue(value, unit) {
  if (value === null || value === undefined) return t('value.absent');
  if (unit === 'enum') {
    for (const group of ['org_type', 'filer_role', 'product_status']) {
      const text = enumText(group, value, { inline: true });
      if (text !== String(value)) return text;
    }
    return value;
  }
  if (unit === 'boolean') return t(`value.${value}`);
  if (unit === 'date' || unit === 'year' || unit === 'ratio') return String(value);
  let suffix = has(`un.${unit}`) ? t(`un.${unit}`) : unit;
  // "1 patent", "1 day": English units are plural in the table above, singular for one.
  if (lang() === 'en' && String(value) === '1' && SINGULAR[suffix]) suffix = SINGULAR[suffix];
  const number = unit === 'CNY' ? grouped(value) : String(value);
  return suffix ? `${number} ${suffix}` : number;
}

function cssId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0).toString(16)}`);
}

/**
 * The last day a patent is in term. The report's `expires_on` is the first day out of term
 * (rules.md §3.1, §6: a term ends on its last day), so the day shown is the day before it.
 */
export function lastDayInTerm(expiresOn) {
  const [y, m, d] = String(expiresOn).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d - 1));
  if (Number.isNaN(day.getTime())) return expiresOn;
  return day.toISOString().slice(0, 10);
}
