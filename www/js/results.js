// The report, rendered for people: per product a verdict, then every criterion with what it
// checks, the user's values, the threshold, where the rule comes from and, on a fail, the gap.

import { h, clear, grouped } from './dom.js';
import { t, pick, has, lang } from './i18n.js';
import { renderOutlook, renderOutlookOverview } from './outlook.js';

export function renderReport(root, report) {
  clear(root);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  root.append(banner(report), notices(report));
  if (errors) {
    root.append(h('p', { class: 'blocked', id: 'results-blocked' }, t('results.blocked', { n: errors })));
  } else if (!report.products.length) {
    root.append(h('p', { class: 'empty' }, t('results.noProducts')));
  }
  if (report.products.length) root.append(renderOutlookOverview(report, lang()));
  for (const product of report.products) root.append(productResult(product));
  root.append(meta(report));
}

/** The one-line-per-product strip that stays in view while the form is edited. */
export function renderLiveBar(root, report) {
  clear(root);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const items = [];
  if (errors) {
    items.push(h('li', null, h('a', { href: '#error-summary', class: 'badge badge-error' }, t('results.blockedShort', { n: errors }))));
  }
  for (const product of report.products) {
    items.push(
      h(
        'li',
        null,
        h(
          'a',
          { href: `#result-${cssId(product.id)}`, class: `badge badge-${product.verdict}`, dataset: { product: product.id, verdict: product.verdict } },
          h('span', { class: 'badge-product' }, product.id),
          ' ',
          verdictLabel(product),
        ),
      ),
    );
  }
  root.append(h('span', { class: 'live-title' }, t('results.live')), h('ul', { class: 'live-list' }, items));
}

function banner(report) {
  const reference = report.products.some((p) => p.benchmark_basis !== 'official') || !report.products.length;
  if (!reference) return h('div', { class: 'banner official', role: 'note' }, t('banner.official'));
  return h(
    'div',
    { class: 'banner reference', role: 'note', id: 'reference-banner' },
    h('p', { class: 'banner-title' }, h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '!'), ' ', t('banner.title')),
    h('p', null, t('banner.body')),
  );
}

function notices(report) {
  if (!report.notices?.length) return null;
  return h('ul', { class: 'notices', id: 'report-notices' }, report.notices.map((n) => h('li', null, pick(n))));
}

function verdictLabel(product) {
  // "Qualifies" on reference thresholds may only be called meeting the reference benchmark: the
  // engine's `standing` says which, so it is shown rather than a bare "qualifies".
  if (product.verdict === 'qualifies' && product.standing) return pick(product.standing);
  return t(`verdict.${product.verdict}`);
}

function productResult(product) {
  const id = `result-${cssId(product.id)}`;
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
    h('p', { class: 'summary' }, pick(product.summary)),
    criteriaGroup(t('group.gates'), gates),
    criteriaGroup(t('group.benchmarks'), benchmarks),
    patentsLists(product),
    informational(product),
    renderOutlook(product, lang()),
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
  if (has(`crit.${c.id}`)) body.push(h('p', { class: 'what' }, h('span', { class: 'term' }, `${t('criterion.what')}${t('colon')}`), t(`crit.${c.id}`)));
  if (c.gap) body.push(h('p', { class: 'gap' }, h('strong', null, t('criterion.gap')), pick(c.gap)));
  if (c.values?.length) {
    body.push(
      h(
        'dl',
        { class: 'values' },
        c.values.map((v) => [h('dt', null, valueName(v.name)), h('dd', null, formatValue(v.value, v.unit))]),
      ),
    );
  }
  if (c.indicators?.length) body.push(indicatorTable(c.indicators));
  body.push(
    h(
      'p',
      { class: 'citation' },
      h('span', { class: 'term' }, `${t('criterion.source')}${t('colon')}`),
      c.citation.source,
      ' · ',
      h('span', { class: 'term' }, `${t('criterion.basis')}${t('colon')}`),
      h('span', { class: `basis basis-${c.citation.basis}` }, t(`basis.${c.citation.basis}`)),
    ),
  );
  // What passed stays one line until opened; what failed or could not be decided is open.
  return h(
    'li',
    { class: `criterion cv-${c.verdict}`, id: `criterion-${c.id}`, dataset: { criterion: c.id, verdict: c.verdict } },
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
          h('span', { class: `chip chip-${c.verdict}` }, verdictSymbol(c.verdict), ' ', t(`cv.${c.verdict}`)),
        ),
        h('span', { class: 'explanation' }, pick(c.explanation)),
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
            ind.threshold ? h('span', { class: `basis basis-${ind.threshold.citation.basis}` }, t(`basis.${ind.threshold.citation.basis}`)) : null,
          ),
          h('td', null, h('span', { class: `chip chip-${ind.verdict}` }, verdictSymbol(ind.verdict), ' ', t(`cv.${ind.verdict}`))),
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
              ` · ${t(`enum.type.${p.type}`)} · ${t(`counted.${p.right}`)}`,
              p.expires_on ? ` · ${t('counted.expires', { date: p.expires_on })}` : '',
              p.core ? ` · ${t('counted.core')}` : '',
              p.high_value?.length ? ` · ${t('hv.label')}: ${p.high_value.map((f) => t(`hv.${f}`)).join('、')}` : '',
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
        h('dd', null, pick(ind.explanation) || indicatorValue(ind), ind.patents?.length ? ` — ${ind.patents.join('、')}` : ''),
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

function formatValue(value, unit) {
  if (value === null || value === undefined) return t('value.absent');
  if (unit === 'enum') {
    for (const group of ['org_type', 'filer_role', 'status']) {
      if (has(`enum.${group}.${value}`)) return t(`enum.${group}.${value}`);
    }
    return value;
  }
  if (unit === 'boolean') return t(`value.${value}`);
  if (unit === 'date' || unit === 'year' || unit === 'ratio') return String(value);
  const suffix = has(`un.${unit}`) ? t(`un.${unit}`) : unit;
  const number = unit === 'CNY' ? grouped(value) : String(value);
  return suffix ? `${number} ${suffix}` : number;
}

function cssId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0).toString(16)}`);
}
