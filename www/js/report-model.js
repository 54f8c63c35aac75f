// The one place that reads the report's shape (patent-intensive/assessment-report@1). Everything
// the page shows about a result goes through these functions, so a new report version (a
// catalogue of criterion texts, patent standings at the top) changes this module only.

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
export function productRows(report) {
  return products(report).map((p, index) => ({
    index,
    id: p.id,
    name: p.name ?? '',
    verdict: p.verdict,
    standing: p.standing ?? null,
    failing: (p.criteria ?? []).filter((c) => c.verdict === 'fail').map((c) => c.id),
    undecided: (p.criteria ?? []).filter((c) => c.verdict === 'undetermined').map((c) => c.id),
    counted: (p.counted_patents ?? []).length,
  }));
}

/** The report's product with this id, or null. */
export function productResult(report, id) {
  return products(report).find((p) => p.id === id) ?? null;
}

/**
 * Each linked patent's standing across products, keyed by the report's normalised number:
 * { counted: [product ids], excluded: [{ product, reasons: [{ code, message }] }] }.
 */
export function patentStandings(report) {
  const map = new Map();
  const entry = (number) => {
    let e = map.get(number);
    if (!e) {
      e = { counted: [], excluded: [] };
      map.set(number, e);
    }
    return e;
  };
  for (const p of products(report)) {
    for (const c of p.counted_patents ?? []) entry(c.number).counted.push(p.id);
    for (const x of p.excluded_patents ?? []) entry(x.number).excluded.push({ product: p.id, reasons: x.reasons ?? [] });
  }
  return map;
}

/** The exclusion reasons that occur in the report: code -> message ({ zh, en }). */
export function exclusionReasons(report) {
  const reasons = new Map();
  for (const p of products(report)) {
    for (const x of p.excluded_patents ?? []) for (const r of x.reasons ?? []) if (!reasons.has(r.code)) reasons.set(r.code, r.message);
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
