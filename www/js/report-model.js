// The one place that reads the report's shape (patent-intensive/assessment-report@2). The worker
// turns each report into a summary here (`summarize`): what the overview, the tables and the live
// strip need, small enough to cross to the page quickly even for a thousand products; a
// product's full result crosses only when it is shown (`details`). Everything else on the page
// reads the summary and the details through the functions below, so the report's version
// changes this module only.
//
// Report version 2 says each thing once: the criteria's and indicators' fixed texts in
// `catalogue` (by id), each linked patent's standing in `patents` (by normalised number), and per
// product only its own results, with the numbers of its counted, excluded and core patents.
// `details` joins them back into one self-contained product for the views: criteria and
// indicators with their `title`, `citation` and `unit`, thresholds with their `citation`,
// `counted_patents` as { number, type, right, expires_on, core, high_value } and
// `excluded_patents` as { number, reasons }.
//
// Summary: { format, detail, engine, pack, input_sha256, round_year, data_year, reference_date,
//   notices, findings, products: [{ id, name, verdict, standing, benchmark_basis, failing,
//   undecided, needed, counted, outlook_soon }], outlook_years, standings: [[number, { counted: [ids],
//   excluded: [{ product, reasons }] }]], details: { [index]: the product, joined as above } }.
// outlook_soon is null unless the product's patent criteria fail in round Y or one of the three
// after it (rules.md §6), then { holds_through, first_failing_round, failing }: what the overview
// lists; outlook_years is [Y, Y+3] as the outlook counts them, or null without an outlook. The
// full outlook (figure, table, calendar) comes with a product's full result.

/** Members of the report that the summary leaves out: products (summarised), and the catalogue
 * and patent standings, which only the details need. */
const NOT_SUMMARISED = new Set(['products', 'catalogue', 'patents']);

/** The summary of a report, with the full results of the products at `detailIndexes`. */
export function summarize(report, detailIndexes = []) {
  const summary = {};
  for (const [key, value] of Object.entries(report ?? {})) if (!NOT_SUMMARISED.has(key)) summary[key] = value;
  const list = report?.products ?? [];
  summary.products = list.map((p) => ({
    id: p.id,
    name: p.name ?? '',
    verdict: p.verdict,
    standing: p.standing ?? null,
    benchmark_basis: p.benchmark_basis ?? null,
    failing: (p.criteria ?? []).filter((c) => c.verdict === 'fail').map((c) => c.id),
    undecided: (p.criteria ?? []).filter((c) => c.verdict === 'undetermined').map((c) => c.id),
    needed: neededOf(p),
    counted: (p.counted_patents ?? []).length,
    outlook_soon: soonOf(p.outlook),
  }));
  const rounds = list.find((p) => p.outlook?.rounds?.length)?.outlook.rounds;
  summary.outlook_years = rounds ? [rounds[0].round_year, rounds[3]?.round_year ?? rounds[0].round_year + 3] : null;
  const standings = new Map();
  const entry = (number) => {
    let e = standings.get(number);
    if (!e) {
      e = { counted: [], excluded: [] };
      standings.set(number, e);
    }
    return e;
  };
  const patents = report?.patents ?? {};
  for (const p of list) {
    for (const number of p.counted_patents ?? []) entry(number).counted.push(p.id);
    for (const number of p.excluded_patents ?? []) entry(number).excluded.push({ product: p.id, reasons: patents[number]?.reasons ?? [] });
  }
  summary.standings = [...standings];
  summary.details = details(report, detailIndexes);
  return summary;
}

/**
 * What each undetermined criterion of a product lacks: [{ criterion, gap, fields }], `gap` the
 * engine's words of what to enter, `fields` the JSON pointers of the input fields to fill (the
 * criterion's `gap_fields`, then those of its undetermined indicators not already named; an
 * economics array when the data year's row is missing), so the page can lead to them.
 */
function neededOf(product) {
  const out = [];
  for (const c of product.criteria ?? []) {
    if (c.verdict !== 'undetermined') continue;
    const fields = [...(c.gap_fields ?? [])];
    for (const i of c.indicators ?? []) for (const f of i.gap_fields ?? []) if (!fields.includes(f)) fields.push(f);
    out.push({ criterion: c.id, gap: c.gap ?? c.explanation ?? null, fields });
  }
  return out;
}

/** The next three rounds' failure of a product's outlook, or null when they all pass. */
function soonOf(outlook) {
  const soon = outlook?.rounds?.slice(0, 4) ?? [];
  if (!soon.some((r) => r.patent_verdict === 'fail')) return null;
  // holds_through null: the patent criteria already fail in round Y.
  const first = outlook.holds_through === null ? soon[0] : soon.find((r) => r.round_year === outlook.first_failing_round) ?? soon.find((r) => r.patent_verdict === 'fail');
  return { holds_through: outlook.holds_through ?? null, first_failing_round: first.round_year, failing: first.failing ?? [] };
}

/** The full results of some products of a report, by index, each joined with the catalogue's
 * texts and its patents' standings (see the top of this module). */
export function details(report, indexes) {
  const out = {};
  for (const i of indexes ?? []) {
    const product = report?.products?.[i];
    if (product) out[i] = joined(report, product);
  }
  return out;
}

/** One product of a version-2 report with what the report says once put back in place. */
function joined(report, product) {
  const catalogue = report?.catalogue ?? {};
  const patents = report?.patents ?? {};
  const row = product.benchmark_category ?? '*';
  const fixed = (id) => catalogue[id] ?? {};
  const indicator = (ind) => {
    const entry = fixed(ind.id);
    const source = entry.thresholds?.[row]?.source ?? '';
    return {
      ...ind,
      title: entry.title ?? { zh: ind.id, en: ind.id },
      unit: entry.unit ?? '',
      threshold: ind.threshold ? { ...ind.threshold, citation: { source, basis: ind.threshold.basis } } : null,
    };
  };
  const criterion = (c) => {
    const entry = fixed(c.id);
    const indicators = (c.indicators ?? []).map(indicator);
    const citation = { source: entry.citation?.source ?? '', basis: entry.citation?.basis ?? 'reference' };
    // A benchmark dimension's basis is its thresholds': official only when every one is.
    if (indicators.length) citation.basis = indicators.every((i) => i.threshold?.basis === 'official') ? 'official' : 'reference';
    return { ...c, title: entry.title ?? { zh: c.id, en: c.id }, citation, indicators };
  };
  const core = new Set(product.core_patents ?? []);
  return {
    ...product,
    criteria: (product.criteria ?? []).map(criterion),
    indicators: (product.indicators ?? []).map(indicator),
    counted_patents: (product.counted_patents ?? []).map((number) => {
      const p = patents[number] ?? {};
      return { number, type: p.type, right: p.right, expires_on: p.expires_on ?? null, core: core.has(number), high_value: p.high_value ?? [] };
    }),
    excluded_patents: (product.excluded_patents ?? []).map((number) => ({ number, reasons: patents[number]?.reasons ?? [] })),
  };
}

/** A criterion's or indicator's title ({ zh, en }) as a report states it (version 2: in its
 * catalogue, by id), or null; for a report read as it was given (the verify tab). */
export function titleIn(report, id) {
  const entry = report?.catalogue && typeof report.catalogue === 'object' ? report.catalogue[id] : undefined;
  return entry?.title && typeof entry.title === 'object' ? entry.title : null;
}

export const VERDICTS = ['qualifies', 'does_not_qualify', 'undetermined'];

export function errorCount(report) {
  return (report?.findings ?? []).filter((f) => f.severity === 'error').length;
}

export function findings(report) {
  return report?.findings ?? [];
}

export function products(report) {
  return report?.products ?? [];
}

/** How many products have each verdict. */
export function verdictCounts(report) {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const p of products(report)) counts[p.verdict] = (counts[p.verdict] ?? 0) + 1;
  return counts;
}

/**
 * One summary row per product of the report: id, name, verdict, the criteria that failed and
 * those not decided, and how many patents count. `index` is the product's place in the input
 * (the report keeps the input's order).
 */
export function productRows(summary) {
  return products(summary).map((p, index) => ({ index, ...p }));
}

/**
 * Each linked patent's standing across products, keyed by the report's normalised number:
 * { counted: [product ids], excluded: [{ product, reasons: [{ code, message }] }] }.
 */
export function patentStandings(summary) {
  return new Map(summary?.standings ?? []);
}

/** The exclusion reasons that occur in the report: code -> message ({ zh, en }). */
export function exclusionReasons(summary) {
  const reasons = new Map();
  for (const [, s] of summary?.standings ?? []) {
    for (const x of s.excluded) for (const r of x.reasons) if (!reasons.has(r.code)) reasons.set(r.code, r.message);
  }
  return reasons;
}

/**
 * What the undetermined criteria of every product lack, in product order: [{ index, id,
 * criterion, gap, fields }] (see `neededOf`).
 */
export function neededForVerdict(summary) {
  const out = [];
  for (const [index, p] of products(summary).entries()) for (const n of p.needed ?? []) out.push({ index, id: p.id, ...n });
  return out;
}

/**
 * The products whose patent criteria fail within the next three rounds, with their index:
 * [{ index, id, holds_through, first_failing_round, failing }], and the rounds [Y, Y+3].
 */
export function outlookFailingSoon(summary) {
  const failing = [];
  for (const [index, p] of products(summary).entries()) if (p.outlook_soon) failing.push({ index, id: p.id, ...p.outlook_soon });
  return { years: summary?.outlook_years ?? null, products: failing };
}

/** What the printed page names at its top: pack, hashes, engine. */
export function identity(report) {
  return [
    report?.pack ? `${report.pack.id} v${report.pack.version} · pack SHA-256 ${report.pack.sha256}` : '',
    report?.input_sha256 ? `input SHA-256 ${report.input_sha256}` : '',
    report?.engine ? `${report.engine.name} ${report.engine.version}` : '',
  ].filter(Boolean);
}
