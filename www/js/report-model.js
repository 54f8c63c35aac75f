// The one place that reads the report's shape (patent-intensive/assessment-report@1). The worker
// turns each report into a summary here (`summarize`): what the overview, the tables and the live
// strip need, small enough to cross to the page quickly even for a thousand products; a
// product's full result crosses only when it is shown (`details`). Everything else on the page
// reads the summary through the functions below, so a new report version (a catalogue of
// criterion texts, patent standings at the top) changes this module only.
//
// Summary: { format, engine, pack, input_sha256, round_year, data_year, reference_date, notices,
//   findings, products: [{ id, name, verdict, standing, benchmark_basis, failing, undecided,
//   counted }], standings: [[number, { counted: [ids], excluded: [{ product, reasons }] }]],
//   details: { [index]: the report's product } }.

/** The summary of a report, with the full results of the products at `detailIndexes`. */
export function summarize(report, detailIndexes = []) {
  const summary = {};
  for (const [key, value] of Object.entries(report ?? {})) if (key !== 'products') summary[key] = value;
  const list = report?.products ?? [];
  summary.products = list.map((p) => ({
    id: p.id,
    name: p.name ?? '',
    verdict: p.verdict,
    standing: p.standing ?? null,
    benchmark_basis: p.benchmark_basis ?? null,
    failing: (p.criteria ?? []).filter((c) => c.verdict === 'fail').map((c) => c.id),
    undecided: (p.criteria ?? []).filter((c) => c.verdict === 'undetermined').map((c) => c.id),
    counted: (p.counted_patents ?? []).length,
  }));
  const standings = new Map();
  const entry = (number) => {
    let e = standings.get(number);
    if (!e) {
      e = { counted: [], excluded: [] };
      standings.set(number, e);
    }
    return e;
  };
  for (const p of list) {
    for (const c of p.counted_patents ?? []) entry(c.number).counted.push(p.id);
    for (const x of p.excluded_patents ?? []) entry(x.number).excluded.push({ product: p.id, reasons: x.reasons ?? [] });
  }
  summary.standings = [...standings];
  summary.details = details(report, detailIndexes);
  return summary;
}

/** The full results of some products of a report, by index. */
export function details(report, indexes) {
  const out = {};
  for (const i of indexes ?? []) {
    const product = report?.products?.[i];
    if (product) out[i] = product;
  }
  return out;
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

/** What the printed page names at its top: pack, hashes, engine. */
export function identity(report) {
  return [
    report?.pack ? `${report.pack.id} v${report.pack.version} · pack SHA-256 ${report.pack.sha256}` : '',
    report?.input_sha256 ? `input SHA-256 ${report.input_sha256}` : '',
    report?.engine ? `${report.engine.name} ${report.engine.version}` : '',
  ].filter(Boolean);
}
