//! The compact JSON of a report, written by hand into one buffer.
//!
//! The report types keep their `Serialize` derives (the indented form, the TypeScript
//! declarations and the streaming writer of the CLI use them), and this writes the same bytes as
//! `serde_json::to_vec` of [`Report`] or [`ReportVerdicts`]: the same field order, the same
//! `skip_serializing_if` rules, the same string escaping. Why by hand: serde's derived code for
//! the report, monomorphised for serde_json's serializer, was the largest single piece of the
//! WebAssembly module (about 16 KB of code for every field's key escaped at run time and every
//! write's error path, although writing into memory cannot fail); this is a few KB. That the
//! bytes are the same is tested on every conformance case, example and detail
//! (tests/report_v2.rs, `hand_written_json_is_serde_json`).
//!
//! Findings are written by their `Serialize` impl through the engine's serializer
//! ([`crate::compact_json`]), which also holds the string escaping and digits used here.

use crate::compact_json::{digits, escape};
use crate::date::Date;
use crate::findings::Finding;
use crate::pack::Basis;
use crate::text::Text;

use super::outlook::{CriticalPatent, EventKind, Outlook, OutlookEvent, OutlookRound};
use super::{
    Catalogue, CatalogueEntry, Citation, CriterionResult, Detail, ExclusionReason, IndicatorResult,
    NamedValue, PatentStanding, ProductResult, ProductVerdict, Report, Verdict,
};

/// The buffer the JSON is written into: text, so the report needs no UTF-8 check at the end.
struct Out(String);

impl Out {
    /// JSON punctuation and keys, as they are.
    fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }

    /// A JSON string, escaped as serde_json escapes it.
    fn string(&mut self, text: &str) {
        escape(&mut self.0, text);
    }

    /// A string or `null`.
    fn opt_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw("null"),
        }
    }

    /// A whole number, as itoa writes it.
    fn int(&mut self, value: i64) {
        digits(&mut self.0, value < 0, value.unsigned_abs());
    }

    /// A whole number or `null`.
    fn opt_int(&mut self, value: Option<i32>) {
        match value {
            Some(value) => self.int(value.into()),
            None => self.raw("null"),
        }
    }

    fn bool(&mut self, value: bool) {
        self.raw(if value { "true" } else { "false" });
    }

    /// A date as its `YYYY-MM-DD` string (its `Serialize` writes its `Display`).
    fn date(&mut self, date: &Date) {
        // Digits and hyphens only: nothing to escape.
        self.0.push('"');
        self.0
            .push_str(std::str::from_utf8(&date.ascii()).unwrap_or_default());
        self.0.push('"');
    }

    fn opt_date(&mut self, date: Option<&Date>) {
        match date {
            Some(date) => self.date(date),
            None => self.raw("null"),
        }
    }

    /// `{"zh":…,"en":…}`.
    #[inline(never)]
    fn text(&mut self, text: &Text) {
        self.raw("{\"zh\":");
        self.string(&text.zh);
        self.raw(",\"en\":");
        self.string(&text.en);
        self.raw("}");
    }

    fn opt_text(&mut self, text: Option<&Text>) {
        match text {
            Some(text) => self.text(text),
            None => self.raw("null"),
        }
    }

    /// An array of strings.
    #[inline(never)]
    fn strings(&mut self, items: &mut dyn Iterator<Item = &str>) {
        self.raw("[");
        for (index, item) in items.enumerate() {
            if index > 0 {
                self.raw(",");
            }
            self.string(item);
        }
        self.raw("]");
    }

    /// An array whose items `write` writes.
    fn array<T>(&mut self, items: &[T], write: fn(&mut Out, &T)) {
        self.raw("[");
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                self.raw(",");
            }
            write(self, item);
        }
        self.raw("]");
    }

    /// An object of `(key, value)` pairs, in their order.
    fn map<K: AsRef<str>, T>(&mut self, entries: &[(K, T)], write: fn(&mut Out, &T)) {
        self.raw("{");
        for (index, (key, value)) in entries.iter().enumerate() {
            if index > 0 {
                self.raw(",");
            }
            self.string(key.as_ref());
            self.raw(":");
            write(self, value);
        }
        self.raw("}");
    }

    /// A finding, by its `Serialize` impl through the engine's serializer (`compact_json.rs`), which the
    /// module keeps for `validate`, `checkPack` and the rest anyway.
    fn finding(&mut self, finding: &Finding) {
        let at = self.0.len();
        if !crate::compact_json::write(finding, &mut self.0) {
            self.0.truncate(at);
            self.raw("null");
        }
    }
}

fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Pass => "\"pass\"",
        Verdict::Fail => "\"fail\"",
        Verdict::Undetermined => "\"undetermined\"",
        Verdict::NotApplicable => "\"not_applicable\"",
    }
}

fn product_verdict(verdict: ProductVerdict) -> &'static str {
    match verdict {
        ProductVerdict::Qualifies => "\"qualifies\"",
        ProductVerdict::DoesNotQualify => "\"does_not_qualify\"",
        ProductVerdict::Undetermined => "\"undetermined\"",
    }
}

fn basis(out: &mut Out, basis: Basis) {
    out.string(basis.as_str());
}

fn detail(out: &mut Out, detail: Detail) {
    out.string(detail.as_str());
}

/// The report's compact JSON in the detail it was made with: the bytes of
/// `serde_json::to_vec(report)` (full) or `serde_json::to_vec(&report.verdicts())`.
pub(crate) fn write(report: &Report, capacity: usize) -> String {
    let mut out = Out(String::with_capacity(capacity));
    let o = &mut out;
    o.raw("{\"format\":");
    o.string(report.format);
    o.raw(",\"detail\":");
    let verdicts = report.detail == Detail::Verdicts;
    detail(o, report.detail);
    o.raw(",\"engine\":{\"name\":");
    o.string(report.engine.name);
    o.raw(",\"version\":");
    o.string(report.engine.version);
    o.raw("},\"pack\":");
    match &report.pack {
        Some(pack) => {
            o.raw("{\"id\":");
            o.string(&pack.id);
            o.raw(",\"version\":");
            o.string(&pack.version);
            o.raw(",\"sha256\":");
            o.string(&pack.sha256);
            o.raw("}");
        }
        None => o.raw("null"),
    }
    o.raw(",\"input_sha256\":");
    o.opt_string(report.input_sha256.as_deref());
    if verdicts {
        o.raw(",\"findings\":");
        o.array(&report.findings, Out::finding);
        o.raw(",\"products\":");
        o.array(&report.products, product_verdicts);
        o.raw("}");
        return out.0;
    }
    o.raw(",\"round_year\":");
    o.opt_int(report.round_year);
    o.raw(",\"data_year\":");
    o.opt_int(report.data_year);
    o.raw(",\"reference_date\":");
    o.opt_date(report.reference_date.as_ref());
    o.raw(",\"notices\":");
    o.array(&report.notices, Out::text);
    o.raw(",\"findings\":");
    o.array(&report.findings, Out::finding);
    o.raw(",\"catalogue\":");
    catalogue(o, &report.catalogue);
    o.raw(",\"patents\":");
    o.map(&report.patents, patent_standing);
    o.raw(",\"products\":");
    o.array(&report.products, product);
    o.raw("}");
    out.0
}

fn catalogue(o: &mut Out, catalogue: &Catalogue) {
    // Written once when the catalogue was made (`Catalogue::new`), copied here.
    o.0.push_str(catalogue.json());
}

/// The compact JSON of a catalogue's entries, for [`Catalogue::new`].
pub(super) fn catalogue_json(entries: &[(&'static str, CatalogueEntry)]) -> String {
    let mut out = Out(String::with_capacity(12 * 1024));
    out.map(entries, catalogue_entry);
    out.0
}

fn catalogue_entry(o: &mut Out, entry: &CatalogueEntry) {
    o.raw("{\"title\":");
    o.text(&entry.title);
    if let Some(c) = &entry.citation {
        o.raw(",\"citation\":");
        citation(o, c);
    }
    if let Some(rule) = &entry.rule {
        o.raw(",\"rule\":");
        o.text(rule);
    }
    if !entry.indicators.is_empty() {
        o.raw(",\"indicators\":");
        o.strings(&mut entry.indicators.iter().copied());
    }
    if let Some(formula) = entry.formula {
        o.raw(",\"formula\":");
        o.string(formula);
    }
    if let Some(unit) = entry.unit {
        o.raw(",\"unit\":");
        o.string(unit);
    }
    if !entry.thresholds.is_empty() {
        o.raw(",\"thresholds\":");
        o.map(&entry.thresholds, citation);
    }
    o.raw("}");
}

fn citation(o: &mut Out, citation: &Citation) {
    o.raw("{\"source\":");
    o.text(&citation.source);
    o.raw(",\"basis\":");
    basis(o, citation.basis);
    o.raw("}");
}

fn patent_standing(o: &mut Out, standing: &PatentStanding) {
    o.raw("{\"type\":");
    o.string(standing.kind);
    o.raw(",\"counts\":");
    o.bool(standing.counts);
    o.raw(",\"right\":");
    o.string(standing.right);
    o.raw(",\"expires_on\":");
    o.opt_date(standing.expires_on.as_ref());
    o.raw(",\"reasons\":");
    o.array(&standing.reasons, exclusion_reason);
    o.raw(",\"high_value\":");
    o.strings(&mut standing.high_value.iter().copied());
    o.raw("}");
}

fn exclusion_reason(o: &mut Out, reason: &ExclusionReason) {
    o.raw("{\"code\":");
    o.string(reason.code);
    o.raw(",\"message\":");
    o.text(&reason.message);
    o.raw("}");
}

fn product(o: &mut Out, p: &ProductResult) {
    o.raw("{\"id\":");
    o.string(&p.id);
    o.raw(",\"name\":");
    o.opt_string(p.name.as_deref());
    o.raw(",\"category\":");
    o.opt_string(p.category.as_deref());
    o.raw(",\"verdict\":");
    o.raw(product_verdict(p.verdict));
    o.raw(",\"standing\":");
    o.text(&p.standing);
    o.raw(",\"benchmark_basis\":");
    basis(o, p.benchmark_basis);
    o.raw(",\"benchmark_category\":");
    o.opt_string(p.benchmark_category.as_deref());
    o.raw(",\"summary\":");
    o.text(&p.summary);
    o.raw(",\"criteria\":");
    o.array(&p.criteria, criterion);
    o.raw(",\"indicators\":");
    o.array(&p.indicators, indicator);
    o.raw(",\"counted_patents\":");
    o.strings(&mut p.counted_patents.iter().map(String::as_str));
    o.raw(",\"excluded_patents\":");
    o.strings(&mut p.excluded_patents.iter().map(String::as_str));
    o.raw(",\"core_patents\":");
    o.strings(&mut p.core_patents.iter().map(String::as_str));
    o.raw(",\"outlook\":");
    outlook(o, &p.outlook);
    o.raw("}");
}

fn criterion(o: &mut Out, c: &CriterionResult) {
    o.raw("{\"id\":");
    o.string(c.id);
    o.raw(",\"verdict\":");
    o.raw(verdict(c.verdict));
    o.raw(",\"values\":");
    o.array(&c.values, named_value);
    if !c.indicators.is_empty() {
        o.raw(",\"indicators\":");
        o.array(&c.indicators, indicator);
    }
    o.raw(",\"explanation\":");
    o.text(&c.explanation);
    o.raw(",\"gap\":");
    o.opt_text(c.gap.as_ref());
    gap_fields(o, &c.gap_fields);
    o.raw("}");
}

fn gap_fields(o: &mut Out, fields: &[String]) {
    if !fields.is_empty() {
        o.raw(",\"gap_fields\":");
        o.strings(&mut fields.iter().map(String::as_str));
    }
}

fn named_value(o: &mut Out, v: &NamedValue) {
    o.raw("{\"name\":");
    o.string(v.name);
    o.raw(",\"value\":");
    o.opt_string(v.value.as_deref());
    o.raw(",\"unit\":");
    o.string(v.unit);
    o.raw("}");
}

fn indicator(o: &mut Out, i: &IndicatorResult) {
    o.raw("{\"id\":");
    o.string(i.id);
    o.raw(",\"value\":");
    o.opt_string(i.value.as_deref());
    o.raw(",\"display\":");
    o.opt_string(i.display.as_deref());
    o.raw(",\"threshold\":");
    match &i.threshold {
        Some(t) => {
            o.raw("{\"comparison\":");
            o.string(t.comparison);
            o.raw(",\"value\":");
            o.string(&t.value);
            o.raw(",\"basis\":");
            basis(o, t.basis);
            o.raw("}");
        }
        None => o.raw("null"),
    }
    o.raw(",\"verdict\":");
    o.raw(verdict(i.verdict));
    if let Some(explanation) = &i.explanation {
        o.raw(",\"explanation\":");
        o.text(explanation);
    }
    o.raw(",\"gap\":");
    o.opt_text(i.gap.as_ref());
    gap_fields(o, &i.gap_fields);
    if !i.patents.is_empty() {
        o.raw(",\"patents\":");
        o.strings(&mut i.patents.iter().map(String::as_str));
    }
    o.raw("}");
}

fn outlook(o: &mut Out, outlook: &Outlook) {
    o.raw("{\"holds_through\":");
    o.opt_int(outlook.holds_through);
    o.raw(",\"first_failing_round\":");
    o.opt_int(outlook.first_failing_round);
    o.raw(",\"rounds\":");
    o.array(&outlook.rounds, outlook_round);
    o.raw(",\"causes\":");
    o.array(&outlook.causes, outlook_event);
    o.raw(",\"critical_patents\":");
    o.array(&outlook.critical_patents, critical_patent);
    o.raw(",\"events\":");
    o.array(&outlook.events, outlook_event);
    o.raw(",\"assumptions\":");
    o.text(&outlook.assumptions);
    o.raw("}");
}

fn outlook_round(o: &mut Out, round: &OutlookRound) {
    o.raw("{\"round_year\":");
    o.int(round.round_year.into());
    o.raw(",\"reference_date\":");
    o.date(&round.reference_date);
    o.raw(",\"patent_verdict\":");
    o.raw(verdict(round.patent_verdict));
    o.raw(",\"failing\":");
    o.strings(&mut round.failing.iter().copied());
    o.raw(",\"counted_patents\":");
    o.int(round.counted_patents.into());
    o.raw(",\"counted_inventions\":");
    o.int(round.counted_inventions.into());
    o.raw(",\"weighted_strength\":");
    o.opt_string(round.weighted_strength.as_deref());
    o.raw("}");
}

fn outlook_event(o: &mut Out, event: &OutlookEvent) {
    o.raw("{\"date\":");
    o.date(&event.date);
    o.raw(",\"patent\":");
    o.string(&event.patent);
    o.raw(",\"event\":");
    o.raw(match event.event {
        EventKind::TermEnds => "\"term_ends\"",
        EventKind::LicenceEnds => "\"licence_ends\"",
    });
    o.raw(",\"message\":");
    o.text(&event.message);
    o.raw("}");
}

fn critical_patent(o: &mut Out, c: &CriticalPatent) {
    o.raw("{\"patent\":");
    o.string(&c.patent);
    o.raw(",\"criteria\":");
    o.strings(&mut c.criteria.iter().copied());
    o.raw(",\"term_ends\":");
    o.opt_date(c.term_ends.as_ref());
    o.raw(",\"annual_fee_due\":");
    o.opt_string(c.annual_fee_due.as_deref());
    o.raw(",\"message\":");
    o.text(&c.message);
    o.raw("}");
}

/// A product in the verdicts detail: [`super::ProductVerdicts`].
fn product_verdicts(o: &mut Out, p: &ProductResult) {
    o.raw("{\"id\":");
    o.string(&p.id);
    o.raw(",\"verdict\":");
    o.raw(product_verdict(p.verdict));
    o.raw(",\"criteria\":");
    o.array(&p.criteria, |o, c| {
        o.raw("{\"id\":");
        o.string(c.id);
        o.raw(",\"verdict\":");
        o.raw(verdict(c.verdict));
        o.raw(",\"gap\":");
        o.opt_text(c.gap.as_ref());
        o.raw("}");
    });
    o.raw(",\"outlook\":{\"holds_through\":");
    o.opt_int(p.outlook.holds_through);
    o.raw(",\"first_failing_round\":");
    o.opt_int(p.outlook.first_failing_round);
    o.raw(",\"critical_patents\":");
    o.strings(&mut p.outlook.critical_patents.iter().map(|c| c.patent.as_str()));
    o.raw("}}");
}
