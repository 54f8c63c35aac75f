// The outlook (rules.md §6) for people: per product a figure drawn here as SVG (rounds across,
// the patent criteria's pass or fail per round, term and licence ends as dated marks, critical
// patents with their annual-fee dates), a table with the same content for screen readers and
// print, an overview of the products whose patent criteria fail within the next three rounds,
// and an iCalendar file (RFC 5545) of every event and annual-fee date.
//
// Self-contained on purpose: no import, its own words in both languages, every element built
// with createElement / createElementNS and text nodes (no innerHTML, no style attributes, so the
// page's strict CSP holds). Colours are SVG presentation attributes, which CSP does not govern.
// Everything it shows about the user's data is what the engine wrote in `products[].outlook`.
//
//   renderOutlook(product, lang, { prefix })          -> Element  (one product's outlook)
//   renderOutlookOverview(soon, report, lang, hooks)  -> Element  (products failing soon + the .ics download)
//   outlookIcs(report, lang)                          -> string   (the iCalendar text)
//
// The page keeps only a summary of each report (report-model.js): a product's full result,
// outlook included, is fetched when it is shown. So the overview takes the summary's list of the
// products failing soon, and the calendar asks the page for every product's full result.

const WORDS = {
  title: ['展望：以后各年度的专利条件', 'Outlook: the patent criteria in the rounds ahead'],
  holds: ['专利条件（G3、G4、G6、B2）维持到 {h} 年度，{f} 年度起不满足。', 'The patent criteria (G3, G4, G6, B2) hold through {h}; they fail from round {f}.'],
  holdsAll: ['专利条件（G3、G4、G6、B2）在 {y0}—{h} 各年度均满足。', 'The patent criteria (G3, G4, G6, B2) hold in every round {y0}–{h}.'],
  failsNow: ['专利条件在 {y0} 年度即不满足。', 'The patent criteria already fail in round {y0}.'],
  figure: ['{id} 各年度专利条件、日历事件与关键专利', '{id}: patent criteria per round, calendar events and critical patents'],
  round: ['年度', 'Round'],
  reference: ['参照日', 'Reference date'],
  verdict: ['专利条件', 'Patent criteria'],
  failing: ['未满足', 'Failing'],
  counted: ['计入专利', 'Counted patents'],
  inventions: ['其中发明', 'Of which inventions'],
  strength: ['加权保护强度', 'Weighted strength'],
  countedRow: ['计入专利 / 加权保护强度', 'Counted / strength'],
  eventsCol: ['至下一年度参照日前的事件', 'Events before the next round'],
  pass: ['满足', 'pass'],
  fail: ['不满足', 'fail'],
  causes: ['不满足的原因', 'What makes it fail'],
  critical: ['关键专利（单独失效即令本年度不满足）', 'Critical patents (their loss alone fails this round)'],
  patent: ['专利', 'Patent'],
  criteria: ['条件', 'Criteria'],
  termEnds: ['保护期最后一天', 'Last day in term'],
  feeDue: ['年费缴纳截止（每年）', 'Annual fee due (each year)'],
  events: ['日历事件', 'Calendar events'],
  date: ['日期', 'Date'],
  event: ['事件', 'Event'],
  term_ends: ['保护期届满', 'term ends'],
  licence_ends: ['许可到期', 'licence ends'],
  fee: ['年费', 'fee'],
  none: ['无', 'none'],
  tableCaption: ['{id} 各年度的专利条件（与上图内容相同）', '{id}: the patent criteria per round (the figure’s content)'],
  overviewTitle: ['今后三个年度内专利条件不满足的产品', 'Products whose patent criteria fail within the next three rounds'],
  overviewNone: ['没有产品的专利条件在 {y0}—{y3} 年度内不满足。', 'No product’s patent criteria fail in rounds {y0}–{y3}.'],
  overviewNow: ['{id}：{y0} 年度即不满足（{failing}）', '{id}: already fails in {y0} ({failing})'],
  overviewAll: ['显示全部 {n} 个产品', 'Show all {n} products'],
  overviewFrom: ['{id}：维持到 {h} 年度，{f} 年度起不满足（{failing}）', '{id}: holds through {h}, fails from {f} ({failing})'],
  ics: ['下载日历文件（.ics）：保护期届满、许可到期和关键专利年费日期', 'Download calendar (.ics): term ends, licence ends and critical patents’ annual-fee dates'],
  icsFee: ['{patent} 年费缴纳截止（{ids} 的关键专利）', 'Annual fee due: {patent} (critical patent of {ids})'],
  icsFeeBody: ['{message}', '{message}'],
  icsName: ['专利展望', 'Patent outlook'],
  legendPass: ['满足', 'pass'],
  legendFail: ['不满足', 'fail'],
  legendCritical: ['关键专利（至保护期届满）', 'critical patent (until its term ends)'],
};

function w(lang, key, vars) {
  const entry = WORDS[key];
  let text = entry ? entry[lang === 'en' ? 1 : 0] : key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

function pickText(text, lang) {
  if (!text) return '';
  return lang === 'en' ? text.en ?? text.zh ?? '' : text.zh ?? text.en ?? '';
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The SVG namespace is a name, not an address: written in two parts so that no URL appears in
// the page's text (the offline single file is checked to contain none).
const SVG = ['http', '//www.w3.org/2000/svg'].join(':');
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Dates are exact `YYYY-MM-DD` strings from the engine; day numbers here only place marks.
function dayNumber(date) {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function nextDay(date) {
  const next = new Date((dayNumber(date) + 1) * 86400000);
  return next.toISOString().slice(0, 10);
}

function isLeap(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The annual-fee date `MM-DD` in `year`, by the anniversary rule (29 February → 1 March). */
function feeDate(year, mmdd) {
  const date = mmdd === '02-29' && !isLeap(year) ? '03-01' : mmdd;
  return `${String(year).padStart(4, '0')}-${date}`;
}

/** Annual-fee dates of one critical patent from R_0 to R_10 while it is in term. */
function feeDates(outlook, critical) {
  const rounds = outlook.rounds;
  if (!critical.annual_fee_due || !rounds.length) return [];
  const first = rounds[0].reference_date;
  const last = rounds[rounds.length - 1].reference_date;
  const dates = [];
  const startYear = Number(first.slice(0, 4));
  const endYear = Number(last.slice(0, 4));
  for (let year = startYear; year <= endYear; year += 1) {
    const date = feeDate(year, critical.annual_fee_due);
    if (date < first || date > last) continue;
    if (critical.term_ends && date > critical.term_ends) continue;
    dates.push(date);
  }
  return dates;
}

function verdictSentence(outlook, lang) {
  const y0 = outlook.rounds[0]?.round_year;
  if (outlook.holds_through === null) return w(lang, 'failsNow', { y0 });
  if (outlook.first_failing_round === null) return w(lang, 'holdsAll', { y0, h: outlook.holds_through });
  return w(lang, 'holds', { h: outlook.holds_through, f: outlook.first_failing_round });
}

/** The events dated from round k's reference date to the day before round k+1's. */
function eventsOfRound(outlook, k) {
  const from = outlook.rounds[k]?.reference_date;
  const to = outlook.rounds[k + 1]?.reference_date;
  return outlook.events.filter((e) => e.date >= from && (to === undefined ? e.date <= from : e.date < to));
}

// ---- the figure ---------------------------------------------------------------------------

const COLOURS = {
  pass: '#1b7f3b',
  passFill: '#e3f4e8',
  fail: '#b3261e',
  failFill: '#fbe4e2',
  ink: '#1f2933',
  muted: '#5c6b77',
  line: '#c9d2da',
  critical: '#8a4b00',
  criticalFill: '#fff1d6',
};

function figure(product, lang, prefix) {
  const outlook = product.outlook;
  const rounds = outlook.rounds;
  const left = 150;
  const col = 66;
  const width = left + col * rounds.length + 12;
  const criticals = outlook.critical_patents;
  const verdictY = 34;
  const timelineY = 112;
  const laneTop = 150;
  const laneHeight = 30;
  const height = laneTop + Math.max(criticals.length, 0) * laneHeight + 34;
  const titleId = `${prefix}outlook-svg-${cssId(product.id)}`;
  const x = (k) => left + col * k;
  // A date's horizontal place: between the reference dates of the rounds around it.
  const placeDate = (date) => {
    const n = dayNumber(date);
    for (let k = 0; k < rounds.length - 1; k += 1) {
      const a = dayNumber(rounds[k].reference_date);
      const b = dayNumber(rounds[k + 1].reference_date);
      if (n >= a && n < b) return x(k) + col / 2 + ((n - a) / (b - a)) * col;
    }
    return x(rounds.length - 1) + col / 2;
  };
  const parts = [];
  parts.push(svg('title', { id: titleId }, w(lang, 'figure', { id: product.id }), ' — ', verdictSentence(outlook, lang)));
  // Round years across the top.
  rounds.forEach((round, k) => {
    parts.push(svg('text', { x: x(k) + col / 2, y: 16, 'text-anchor': 'middle', 'font-size': 12, fill: COLOURS.ink, 'font-weight': 600 }, round.round_year));
  });
  // Row: the patent criteria per round.
  parts.push(svg('text', { x: 8, y: verdictY + 22, 'font-size': 12, fill: COLOURS.ink }, w(lang, 'verdict')));
  rounds.forEach((round, k) => {
    const pass = round.patent_verdict === 'pass';
    parts.push(
      svg(
        'g',
        { class: `outlook-round outlook-${round.patent_verdict}`, 'data-round': round.round_year, 'data-verdict': round.patent_verdict },
        svg('rect', { x: x(k) + 3, y: verdictY, width: col - 6, height: 36, rx: 4, fill: pass ? COLOURS.passFill : COLOURS.failFill, stroke: pass ? COLOURS.pass : COLOURS.fail }),
        svg('text', { x: x(k) + col / 2, y: verdictY + 15, 'text-anchor': 'middle', 'font-size': 13, fill: pass ? COLOURS.pass : COLOURS.fail, 'font-weight': 700 }, pass ? '✓' : '✗'),
        svg('text', { x: x(k) + col / 2, y: verdictY + 30, 'text-anchor': 'middle', 'font-size': 9, fill: pass ? COLOURS.pass : COLOURS.fail }, pass ? w(lang, 'pass') : round.failing.join(' ')),
      ),
    );
  });
  // Row: counted patents and weighted strength, small.
  parts.push(svg('text', { x: 8, y: verdictY + 56, 'font-size': 11, fill: COLOURS.muted }, w(lang, 'countedRow')));
  rounds.forEach((round, k) => {
    parts.push(svg('text', { x: x(k) + col / 2, y: verdictY + 56, 'text-anchor': 'middle', 'font-size': 10, fill: COLOURS.muted }, `${round.counted_patents} / ${round.weighted_strength ?? '—'}`));
  });
  // The time line with the events as marks and their dates.
  parts.push(svg('text', { x: 8, y: timelineY + 4, 'font-size': 12, fill: COLOURS.ink }, w(lang, 'events')));
  parts.push(svg('line', { x1: x(0) + col / 2, y1: timelineY, x2: x(rounds.length - 1) + col / 2, y2: timelineY, stroke: COLOURS.line, 'stroke-width': 2 }));
  rounds.forEach((_, k) => {
    parts.push(svg('line', { x1: x(k) + col / 2, y1: timelineY - 4, x2: x(k) + col / 2, y2: timelineY + 4, stroke: COLOURS.line }));
  });
  const criticalNumbers = new Set(criticals.map((c) => c.patent));
  outlook.events.forEach((event, i) => {
    const cx = placeDate(event.date);
    const critical = criticalNumbers.has(event.patent);
    const colour = critical ? COLOURS.critical : COLOURS.ink;
    const label = `${event.date} ${w(lang, event.event)} ${event.patent}`;
    const mark =
      event.event === 'term_ends'
        ? svg('path', { d: `M ${cx} ${timelineY - 7} l 6 10 h -12 z`, fill: colour })
        : svg('circle', { cx, cy: timelineY, r: 5, fill: '#ffffff', stroke: colour, 'stroke-width': 2 });
    parts.push(
      svg(
        'g',
        { class: 'outlook-event', 'data-date': event.date, 'data-patent': event.patent, 'data-event': event.event },
        svg('title', null, `${label} — ${pickText(event.message, lang)}`),
        mark,
        svg('text', { x: cx, y: i % 2 ? timelineY + 20 : timelineY - 12, 'text-anchor': 'middle', 'font-size': 9, fill: colour }, event.date),
      ),
    );
  });
  // One lane per critical patent: highlighted while in term, fee dates as ticks.
  criticals.forEach((critical, i) => {
    const y = laneTop + i * laneHeight;
    const end = critical.term_ends && critical.term_ends < rounds[rounds.length - 1].reference_date ? placeDate(critical.term_ends) : x(rounds.length - 1) + col / 2;
    parts.push(
      svg(
        'g',
        { class: 'outlook-critical', 'data-patent': critical.patent },
        svg('text', { x: 8, y: y + 11, 'font-size': 11, fill: COLOURS.critical, 'font-weight': 700 }, critical.patent),
        svg('text', { x: 8, y: y + 23, 'font-size': 9, fill: COLOURS.critical }, `${critical.criteria.join(' ')} · ${w(lang, 'fee')} ${critical.annual_fee_due ?? '—'}`),
        svg('rect', { x: x(0) + col / 2, y: y + 4, width: Math.max(end - (x(0) + col / 2), 2), height: 12, rx: 3, fill: COLOURS.criticalFill, stroke: COLOURS.critical }),
        feeDates(outlook, critical).map((date) =>
          svg('line', { class: 'outlook-fee', 'data-date': date, x1: placeDate(date), y1: y + 2, x2: placeDate(date), y2: y + 18, stroke: COLOURS.critical, 'stroke-width': 2 }, svg('title', null, `${w(lang, 'fee')} ${date}`)),
        ),
      ),
    );
  });
  // Legend.
  const ly = height - 12;
  parts.push(
    svg('rect', { x: 8, y: ly - 9, width: 10, height: 10, fill: COLOURS.passFill, stroke: COLOURS.pass }),
    svg('text', { x: 22, y: ly, 'font-size': 10, fill: COLOURS.ink }, w(lang, 'legendPass')),
    svg('rect', { x: 80, y: ly - 9, width: 10, height: 10, fill: COLOURS.failFill, stroke: COLOURS.fail }),
    svg('text', { x: 94, y: ly, 'font-size': 10, fill: COLOURS.ink }, w(lang, 'legendFail')),
    svg('path', { d: `M 160 ${ly - 9} l 5 9 h -10 z`, fill: COLOURS.ink }),
    svg('text', { x: 170, y: ly, 'font-size': 10, fill: COLOURS.ink }, w(lang, 'term_ends')),
    svg('circle', { cx: 250, cy: ly - 4, r: 4, fill: '#ffffff', stroke: COLOURS.ink, 'stroke-width': 2 }),
    svg('text', { x: 258, y: ly, 'font-size': 10, fill: COLOURS.ink }, w(lang, 'licence_ends')),
    svg('rect', { x: 340, y: ly - 9, width: 18, height: 10, rx: 3, fill: COLOURS.criticalFill, stroke: COLOURS.critical }),
    svg('text', { x: 362, y: ly, 'font-size': 10, fill: COLOURS.critical }, w(lang, 'legendCritical')),
  );
  return svg(
    'svg',
    {
      class: 'outlook-svg',
      viewBox: `0 0 ${width} ${height}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': titleId,
      'font-family': 'system-ui, sans-serif',
    },
    parts,
  );
}

// ---- the table ----------------------------------------------------------------------------

function table(product, lang) {
  const outlook = product.outlook;
  const head = ['round', 'reference', 'verdict', 'failing', 'counted', 'inventions', 'strength', 'eventsCol'];
  return el(
    'table',
    { class: 'indicators outlook-table' },
    el('caption', null, w(lang, 'tableCaption', { id: product.id })),
    el('thead', null, el('tr', null, head.map((key) => el('th', { scope: 'col' }, w(lang, key))))),
    el(
      'tbody',
      null,
      outlook.rounds.map((round, k) =>
        el(
          'tr',
          { class: `outlook-row cv-${round.patent_verdict}`, 'data-round': round.round_year, 'data-verdict': round.patent_verdict },
          el('th', { scope: 'row' }, round.round_year),
          el('td', null, round.reference_date),
          el('td', null, el('span', { class: `chip chip-${round.patent_verdict}` }, round.patent_verdict === 'pass' ? '✓ ' : '✗ ', w(lang, round.patent_verdict))),
          el('td', null, round.failing.join(', ') || '—'),
          el('td', { class: 'num' }, round.counted_patents),
          el('td', { class: 'num' }, round.counted_inventions),
          el('td', { class: 'num' }, round.weighted_strength ?? '—'),
          el('td', null, eventsOfRound(outlook, k).map((e) => el('div', null, `${e.date} ${w(lang, e.event)} ${e.patent}`))),
        ),
      ),
    ),
  );
}

/**
 * A wide table in its own box that scrolls sideways when the page is narrower than the table (a
 * phone; eight columns in English). The box can take focus, so the keyboard can scroll it too.
 */
function scrolling(tableEl, label) {
  return el('div', { class: 'indicators-wrap', tabindex: '0', role: 'region', 'aria-label': label }, tableEl);
}

function criticalTable(outlook, lang) {
  if (!outlook.critical_patents.length) return null;
  const rows = outlook.critical_patents.map((c) =>
    el(
      'tr',
      { 'data-patent': c.patent },
      el('th', { scope: 'row', class: 'mono' }, c.patent),
      el('td', null, c.criteria.join(', ')),
      el('td', null, c.term_ends ?? '—'),
      el('td', null, c.annual_fee_due ?? '—'),
    ),
  );
  return el(
    'div',
    { class: 'outlook-critical-list' },
    el('h5', null, w(lang, 'critical')),
    scrolling(
      el(
        'table',
        { class: 'indicators outlook-critical-table' },
        el('thead', null, el('tr', null, ['patent', 'criteria', 'termEnds', 'feeDue'].map((key) => el('th', { scope: 'col' }, w(lang, key))))),
        el('tbody', null, rows),
      ),
      w(lang, 'critical'),
    ),
    el('ul', null, outlook.critical_patents.map((c) => el('li', null, pickText(c.message, lang)))),
  );
}

function list(title, items, lang, className) {
  if (!items.length) return null;
  return el('div', { class: className }, el('h5', null, w(lang, title)), el('ul', null, items.map((e) => el('li', { 'data-date': e.date, 'data-patent': e.patent }, pickText(e.message, lang)))));
}

/**
 * One product's outlook: sentence, figure, table, causes, critical patents, events, assumptions.
 * `prefix` keeps the ids of a second copy (the printed one) apart from those on screen.
 */
export function renderOutlook(product, lang, { prefix = '' } = {}) {
  const outlook = product?.outlook;
  const id = `${prefix}outlook-${cssId(product?.id ?? '')}`;
  if (!outlook?.rounds?.length) return el('section', { class: 'outlook', id, hidden: true });
  return el(
    'section',
    { class: 'outlook', id, 'aria-labelledby': `${id}-title`, 'data-product': product.id },
    el('h4', { id: `${id}-title` }, w(lang, 'title')),
    el('p', { class: 'outlook-verdict' }, verdictSentence(outlook, lang)),
    el('figure', { class: 'outlook-figure' }, figure(product, lang, prefix)),
    scrolling(table(product, lang), w(lang, 'tableCaption', { id: product.id })),
    list('causes', outlook.causes, lang, 'outlook-causes'),
    criticalTable(outlook, lang),
    list('events', outlook.events, lang, 'outlook-events'),
    el('p', { class: 'outlook-assumptions hint' }, pickText(outlook.assumptions, lang)),
  );
}

// ---- overview and calendar ----------------------------------------------------------------

// The overview lists this many products until asked for all of them: at a thousand products it
// would otherwise add thousands of elements to every answer's redraw.
const OVERVIEW_LIMIT = 20;
let overviewAll = false;

/**
 * The overview: the products whose patent criteria fail in round Y or one of the three after it,
 * and the .ics download. `soon` = { years: [Y, Y+3], products: [{ index, id, holds_through,
 * first_failing_round, failing }] } (report-model.js `outlookFailingSoon`); `report` is the
 * summary (its input_sha256 names the file); `hooks.open(index)` shows that product's outlook;
 * `hooks.calendar()` resolves to the report with every product's full result, for the .ics;
 * `hooks.failed(error)` is told when that fails. Null when the report has no outlook.
 */
export function renderOutlookOverview(soon, report, lang, hooks = {}) {
  if (!soon?.years) return null;
  const [y0, y3] = soon.years;
  const shown = overviewAll ? soon.products : soon.products.slice(0, OVERVIEW_LIMIT);
  const items = shown.map((p) => {
    const failing = p.failing.join(', ');
    const text = p.holds_through === null ? w(lang, 'overviewNow', { id: p.id, y0, failing }) : w(lang, 'overviewFrom', { id: p.id, h: p.holds_through, f: p.first_failing_round, failing });
    const open = (event) => {
      if (!hooks.open) return;
      event.preventDefault();
      hooks.open(p.index);
    };
    return el('li', { 'data-product': p.id }, el('a', { href: `#outlook-${cssId(p.id)}`, onclick: open }, text));
  });
  const button = el(
    'button',
    {
      type: 'button',
      class: 'button secondary outlook-ics',
      onclick: async () => {
        try {
          const full = hooks.calendar ? await hooks.calendar() : report;
          const blob = new Blob([outlookIcs(full, lang)], { type: 'text/calendar;charset=utf-8' });
          const url = URL.createObjectURL(blob);
          const a = el('a', { href: url, download: icsFileName(report) });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 1000);
        } catch (error) {
          hooks.failed?.(error);
        }
      },
    },
    w(lang, 'ics'),
  );
  return el(
    'section',
    { class: 'outlook-overview', id: 'outlook-overview', 'aria-labelledby': 'outlook-overview-title' },
    el('h3', { id: 'outlook-overview-title' }, w(lang, 'overviewTitle')),
    items.length ? el('ul', null, items) : el('p', null, w(lang, 'overviewNone', { y0, y3 })),
    soon.products.length > shown.length
      ? el(
          'p',
          { class: 'outlook-more' },
          el(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              id: 'outlook-overview-all',
              onclick: (event) => {
                overviewAll = true;
                const box = event.currentTarget.closest('.outlook-overview');
                const next = renderOutlookOverview(soon, report, lang, hooks);
                box.replaceWith(next);
                next.querySelectorAll('li a')[shown.length]?.focus();
              },
            },
            w(lang, 'overviewAll', { n: soon.products.length }),
          ),
        )
      : null,
    button,
  );
}

function icsFileName(report) {
  const digest = (report?.input_sha256 ?? '').slice(0, 8);
  return `patent-outlook${digest ? `-${digest}` : ''}.ics`;
}

/** RFC 5545 §3.3.11 TEXT escaping. */
function icsEscape(text) {
  return String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF and one space, never inside a UTF-8 character. */
function icsFold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length ? 74 : 75; // a continuation line's leading space is one of its 75
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Every date of the report's outlook events and critical patents' fee dates, grouped by date. */
function calendarItems(report, lang) {
  const byDate = new Map();
  const add = (date, summary, description) => {
    if (!byDate.has(date)) byDate.set(date, []);
    const items = byDate.get(date);
    if (!items.some((i) => i.summary === summary)) items.push({ summary, description });
  };
  for (const product of report?.products ?? []) {
    const outlook = product.outlook;
    if (!outlook) continue;
    for (const event of outlook.events) {
      add(event.date, `${w(lang, event.event)}: ${event.patent}`, `${product.id}: ${pickText(event.message, lang)}`);
    }
    for (const critical of outlook.critical_patents) {
      for (const date of feeDates(outlook, critical)) {
        add(date, w(lang, 'icsFee', { patent: critical.patent, ids: product.id }), `${product.id}: ${pickText(critical.message, lang)}`);
      }
    }
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The iCalendar text: one all-day VEVENT per date (DTSTART;VALUE=DATE), UID and DTSTAMP derived
 * from the report (input digest, date, reference date), so the same report gives the same file.
 */
export function outlookIcs(report, lang) {
  const digest = (report?.input_sha256 ?? 'no-digest').slice(0, 16);
  const stamp = `${(report?.reference_date ?? '1970-01-01').replace(/-/g, '')}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//patent-intensive//outlook//${lang === 'en' ? 'EN' : 'ZH'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(w(lang, 'icsName'))}`,
  ];
  for (const [date, items] of calendarItems(report, lang)) {
    const compact = date.replace(/-/g, '');
    const summary = items.map((i) => i.summary).join('; ');
    const description = items.map((i) => i.description).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${compact}-${digest}@patent-intensive`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact}`,
      `DTEND;VALUE=DATE:${nextDay(date).replace(/-/g, '')}`,
      `SUMMARY;LANGUAGE=${lang === 'en' ? 'en' : 'zh-CN'}:${icsEscape(summary)}`,
      `DESCRIPTION;LANGUAGE=${lang === 'en' ? 'en' : 'zh-CN'}:${icsEscape(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

function cssId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0).toString(16)}`);
}
