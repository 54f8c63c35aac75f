//! The outlook (rules.md §6): round Y and the next ten, projected from the calendar only.
//!
//! Each projected round judges every linked patent with the same [`Timeline::check`] as round Y
//! (term, grant by the data-year end, status, the filer's right on the round's reference date),
//! and decides G3, G4, G6 and B2 with the same verdict functions the criteria use, on the same
//! pack and benchmark row. What the calendar cannot change (legal status, owners, licences, links)
//! stays as entered; the economic and declared criteria are not projected.
//!
//! It is cheap by construction: a patent's standing in all eleven rounds is a pair of bit masks
//! computed once per patent (however many products link it), a product's round is a pass over
//! its links' bits, and the exact weighted strength is only recomputed when the counted types
//! change from one round to the next.

use super::benchmarks::{b2_verdict, weighted_strength};
use super::gates::{g3_verdict, g4_verdict, g6_verdict, lacks_statement};
use super::standing::Timeline;

use crate::date::Date;
use crate::exact::{self, Decimal};
use crate::input::{Input, Link, PatentType, Product};
use crate::pack::{Benchmark, RulePack};
use crate::report::outlook::{CriticalPatent, EventKind, Outlook, OutlookEvent, OutlookRound};
use crate::report::Verdict;
use crate::text::{number, text, Text};

/// Rounds in an outlook: Y and the ten after it.
pub const ROUNDS: usize = 11;

/// One round's dates.
#[derive(Clone, Copy, Debug)]
struct Round {
    year: i32,
    /// R_k.
    reference_date: Date,
    /// 31 December of the round's data year.
    data_year_end: Option<Date>,
}

/// The counted (inventions, utility models, designs) of a round, with the weighted strength as
/// shown and B2's verdict: reused while the counted types do not change.
type B2Round = ((u32, u32, u32), Option<String>, Verdict);

/// One patent over the rounds: bit k is round Y+k.
#[derive(Clone, Copy, Debug)]
struct PatentRounds<'t, 'a> {
    timeline: &'t Timeline<'a>,
    counts: u16,
    no_right: u16,
}

/// The rounds of one assessment and every linked patent's standing in each, computed once and
/// shared by all products.
pub struct Projection<'t, 'a> {
    pack: &'a RulePack,
    round_year: i32,
    rounds: Vec<Round>,
    patents: Vec<Option<PatentRounds<'t, 'a>>>,
    assumptions: Text,
}

impl<'t, 'a> Projection<'t, 'a> {
    /// Projects every patent that has a timeline (the linked ones) over rounds Y … Y+10.
    pub fn new(
        input: &'a Input,
        pack: &'a RulePack,
        timelines: &'t [Option<Timeline<'a>>],
    ) -> Projection<'t, 'a> {
        let round_year = input.round_year;
        let mut rounds = Vec::with_capacity(ROUNDS);
        for k in 0..ROUNDS {
            let offset = k as i32;
            let Some(reference_date) = input.reference_date.add_years(offset) else {
                break;
            };
            let year = round_year + offset;
            rounds.push(Round {
                year,
                reference_date,
                data_year_end: Date::end_of_year(year - 1),
            });
        }
        let mut patents = Vec::with_capacity(timelines.len());
        for timeline in timelines {
            patents.push(timeline.as_ref().map(|timeline| {
                let (mut counts, mut no_right) = (0u16, 0u16);
                for (k, round) in rounds.iter().enumerate() {
                    let check = timeline.check(round.data_year_end, round.reference_date);
                    counts |= u16::from(check.counts()) << k;
                    no_right |= u16::from(check.no_right()) << k;
                }
                PatentRounds {
                    timeline,
                    counts,
                    no_right,
                }
            }));
        }
        Projection {
            pack,
            round_year,
            rounds,
            patents,
            assumptions: assumptions(round_year),
        }
    }

    /// The outlook of one product, with the pack's benchmark row for its category.
    pub fn outlook(&self, product: &Product, row: Option<&Benchmark>) -> Outlook {
        self.outlook_for(product, row, true)
    }

    /// The outlook of one product; unless `full`, only what the verdicts detail writes (the
    /// verdict-level fields and the critical patents' numbers), the rest left empty.
    pub fn outlook_for(&self, product: &Product, row: Option<&Benchmark>, full: bool) -> Outlook {
        let mut links: Vec<(&Link, &PatentRounds)> = Vec::with_capacity(product.links.len());
        for link in &product.links {
            if let Some(Some(patent)) = self.patents.get(link.patent) {
                links.push((link, patent));
            }
        }
        let rounds = self.rounds(&links, row);
        let holds = rounds
            .iter()
            .take_while(|r| r.patent_verdict == Verdict::Pass)
            .count();
        let holds_through = holds.checked_sub(1).and_then(|k| rounds.get(k));
        let first_failing = holds_through.and_then(|_| rounds.get(holds));
        let critical_patents = rounds
            .first()
            .map(|first| self.critical(&links, row, first, full))
            .unwrap_or_default();
        let holds_through_year = holds_through.map(|r| r.round_year);
        let first_failing_round = first_failing.map(|r| r.round_year);
        if !full {
            return Outlook {
                holds_through: holds_through_year,
                first_failing_round,
                rounds: Vec::new(),
                causes: Vec::new(),
                critical_patents,
                events: Vec::new(),
                assumptions: Text::new(String::new(), String::new()),
            };
        }
        let events = self.events(&links);
        let causes = match (holds_through, first_failing) {
            (Some(_), Some(failing)) => self.causes(&links, holds, failing, &events),
            _ => Vec::new(),
        };
        Outlook {
            holds_through: holds_through_year,
            first_failing_round,
            rounds,
            causes,
            critical_patents,
            events,
            assumptions: self.assumptions.clone(),
        }
    }

    fn rounds(
        &self,
        links: &[(&Link, &PatentRounds)],
        row: Option<&Benchmark>,
    ) -> Vec<OutlookRound> {
        let minimum = self.pack.min_counted_patents.value;
        let mut out: Vec<OutlookRound> = Vec::with_capacity(self.rounds.len());
        // (inventions, utility models, designs) → strength and B2 verdict of the previous round.
        let mut previous: Option<B2Round> = None;
        for (k, round) in self.rounds.iter().enumerate() {
            let bit = 1u16 << k;
            let (mut counted, mut types, mut without_right, mut blank) = (0u32, (0, 0, 0), 0, 0);
            for (link, patent) in links {
                without_right += usize::from(patent.no_right & bit != 0);
                if patent.counts & bit != 0 {
                    counted += 1;
                    blank += usize::from(lacks_statement(link));
                    match patent.timeline.patent().kind {
                        Some(PatentType::Invention) => types.0 += 1,
                        Some(PatentType::UtilityModel) => types.1 += 1,
                        Some(PatentType::Design) => types.2 += 1,
                        None => {}
                    }
                }
            }
            let b2 = match previous.take() {
                Some(same) if same.0 == types => same,
                _ => {
                    let strength = Self::strength(links, row, bit);
                    let shown = strength.as_ref().map(exact::plain);
                    let verdict = b2_verdict(row, u64::from(types.0), strength.as_ref());
                    (types, shown, verdict)
                }
            };
            let mut failing = Vec::new();
            if g3_verdict(links.len(), without_right) == Verdict::Fail {
                failing.push("G3");
            }
            if g4_verdict(u64::from(counted), minimum) == Verdict::Fail {
                failing.push("G4");
            }
            if g6_verdict(counted as usize, blank) == Verdict::Fail {
                failing.push("G6");
            }
            if b2.2 == Verdict::Fail {
                failing.push("B2");
            }
            out.push(OutlookRound {
                round_year: round.year,
                reference_date: round.reference_date,
                patent_verdict: if failing.is_empty() {
                    Verdict::Pass
                } else {
                    Verdict::Fail
                },
                failing,
                counted_patents: counted,
                counted_inventions: types.0,
                weighted_strength: b2.1.clone(),
            });
            previous = Some(b2);
        }
        out
    }

    /// The first round year whose reference date is after `date` (the first round an event on
    /// `date` affects; Y+11 for an event on R_10).
    fn first_round_after(&self, date: Date) -> i32 {
        self.rounds
            .iter()
            .find(|r| r.reference_date > date)
            .map_or(self.round_year + ROUNDS as i32, |r| r.year)
    }

    fn events(&self, links: &[(&Link, &PatentRounds)]) -> Vec<OutlookEvent> {
        let (Some(first), Some(last)) = (self.rounds.first(), self.rounds.last()) else {
            return Vec::new();
        };
        let (from, to) = (first.reference_date, last.reference_date);
        let mut events: Vec<OutlookEvent> = Vec::new();
        for (_, patent) in links {
            let timeline = patent.timeline;
            let number = timeline.patent().number.as_str();
            let mut ends = Vec::new();
            if let Some(date) = timeline.expires_on().and_then(|d| d.add_days(-1)) {
                ends.push((date, EventKind::TermEnds));
            }
            for licence in timeline.rights().licences() {
                if let Some(date) = licence.end {
                    ends.push((date, EventKind::LicenceEnds));
                }
            }
            for (date, event) in ends {
                if date < from || date > to {
                    continue;
                }
                let message = self.event_message(number, date, event);
                // Date order by insertion after the last event not later (ties keep link
                // order): smaller in the WebAssembly module than a sort.
                let at = events
                    .iter()
                    .rposition(|e| e.date <= date)
                    .map_or(0, |p| p + 1);
                events.insert(
                    at,
                    OutlookEvent {
                        date,
                        patent: number.to_string(),
                        event,
                        message,
                    },
                );
            }
        }
        events
    }

    fn event_message(&self, patent: &str, date: Date, event: EventKind) -> Text {
        // One of these for every linked patent of every product: joined without `format!`.
        let year = number(self.first_round_after(date).into());
        let ascii = date.ascii();
        let date = std::str::from_utf8(&ascii).unwrap_or_default();
        let message = match event {
            EventKind::TermEnds => Text::new(
                [
                    patent,
                    " 的保护期最后一天为 ",
                    date,
                    "，自 ",
                    &year,
                    " 年度起不在保护期内",
                ]
                .concat(),
                [
                    patent,
                    "'s term ends on ",
                    date,
                    ": out of term from round ",
                    &year,
                ]
                .concat(),
            ),
            EventKind::LicenceEnds => Text::new(
                [
                    "备案主体对 ",
                    patent,
                    " 的许可于 ",
                    date,
                    " 到期，自 ",
                    &year,
                    " 年度起不再覆盖参照日",
                ]
                .concat(),
                [
                    "the filer's licence to ",
                    patent,
                    " ends on ",
                    date,
                    ": it no longer covers round ",
                    &year,
                ]
                .concat(),
            ),
        };
        message.sentence()
    }

    /// The events between round `holds` − 1 (the last passing) and `failing` that take a patent
    /// out: a term ending on a patent that counted, a licence ending on a patent the filer then
    /// has no right to.
    fn causes(
        &self,
        links: &[(&Link, &PatentRounds)],
        holds: usize,
        failing: &OutlookRound,
        events: &[OutlookEvent],
    ) -> Vec<OutlookEvent> {
        let Some(last) = holds.checked_sub(1) else {
            return Vec::new();
        };
        let (Some(last_pass), Some(fail_round)) = (self.rounds.get(last), self.rounds.get(holds))
        else {
            return Vec::new();
        };
        let (was, now) = (1u16 << last, 1u16 << holds);
        let year = failing.round_year;
        let ids_zh = failing.failing.join("、");
        let ids_en = super::figures::english_list(&failing.failing);
        let (counted, inventions) = (failing.counted_patents, failing.counted_inventions);
        let strength = failing.weighted_strength.as_deref().unwrap_or("—");
        let mut causes = Vec::new();
        for event in events {
            if event.date < last_pass.reference_date || event.date >= fail_round.reference_date {
                continue;
            }
            let Some((_, patent)) = links
                .iter()
                .find(|(_, p)| p.timeline.patent().number.as_str() == event.patent)
            else {
                continue;
            };
            let (number, date) = (&event.patent, event.date);
            let (zh, en) = match event.event {
                EventKind::TermEnds if patent.counts & was != 0 && patent.counts & now == 0 => (
                    format!("{number} 的保护期最后一天为 {date}"),
                    format!("{number}'s term ends on {date}, its last day"),
                ),
                EventKind::LicenceEnds
                    if patent.no_right & was == 0 && patent.no_right & now != 0 =>
                {
                    (
                        format!("备案主体对 {number} 的许可于 {date} 到期"),
                        format!("the filer's licence to {number} ends on {date}"),
                    )
                }
                _ => continue,
            };
            causes.push(OutlookEvent {
                date,
                patent: number.clone(),
                event: event.event,
                message: {
                    let counted_en = crate::text::plural(&counted, "patent counts", "patents count");
                    let inventions_en = crate::text::plural(&inventions, "invention", "inventions");
                    text!(
                        "{zh}：自 {year} 年度起不满足 {ids_zh}（计入 {counted} 件，其中发明 {inventions} 件，加权强度 {strength}）",
                        "{en}: from round {year} the product fails {ids_en} ({counted_en}, {inventions_en} among them, weighted strength {strength})"
                    )
                    .sentence()
                },
            });
        }
        causes
    }

    /// The exact weighted strength of the patents counting in the rounds of `bit`.
    fn strength(
        links: &[(&Link, &PatentRounds)],
        row: Option<&Benchmark>,
        bit: u16,
    ) -> Option<Decimal> {
        let row = row?;
        Some(weighted_strength(
            &row.weights.value,
            &mut links
                .iter()
                .filter(|(_, p)| p.counts & bit != 0)
                .map(|(_, p)| p.timeline.patent().kind),
        ))
    }

    /// Patents counted in round Y whose loss alone would make G4 or B2 fail in round Y.
    fn critical(
        &self,
        links: &[(&Link, &PatentRounds)],
        row: Option<&Benchmark>,
        first: &OutlookRound,
        full: bool,
    ) -> Vec<CriticalPatent> {
        let minimum = self.pack.min_counted_patents.value;
        let counted = u64::from(first.counted_patents);
        let inventions = u64::from(first.counted_inventions);
        let g4_critical = g4_verdict(counted, minimum) == Verdict::Pass
            && g4_verdict(counted.saturating_sub(1), minimum) == Verdict::Fail;
        let strength = Self::strength(links, row, 1);
        let b2_holds = b2_verdict(row, inventions, strength.as_ref()) == Verdict::Pass;
        let year = self.round_year;
        let mut critical = Vec::new();
        for (_, p) in links.iter().filter(|(_, p)| p.counts & 1 != 0) {
            let patent = p.timeline.patent();
            let b2_critical = match (b2_holds, patent.kind, row, &strength) {
                (true, Some(kind), Some(row), Some(total)) => {
                    let less = total - row.weights.value.of(kind);
                    let invention = u64::from(kind == PatentType::Invention);
                    b2_verdict(Some(row), inventions.saturating_sub(invention), Some(&less))
                        == Verdict::Fail
                }
                _ => false,
            };
            let (criteria, list_zh, list_en): (&[&'static str], _, _) =
                match (g4_critical, b2_critical) {
                    (true, true) => (&["G4", "B2"], "G4、B2", "G4 and B2"),
                    (true, false) => (&["G4"], "G4", "G4"),
                    (false, true) => (&["B2"], "B2", "B2"),
                    (false, false) => continue,
                };
            let number = patent.number.as_str();
            if !full {
                // The verdicts detail writes the number alone.
                critical.push(CriticalPatent {
                    patent: number.to_string(),
                    criteria: Vec::new(),
                    term_ends: None,
                    annual_fee_due: None,
                    message: Text::new(String::new(), String::new()),
                });
                continue;
            }
            // `MM-DD` of the filing date: the date's own text, without its year.
            let due = patent.filing_date.and_then(|d| {
                std::str::from_utf8(d.ascii().get(5..)?)
                    .ok()
                    .map(str::to_string)
            });
            let shown = due.as_deref().unwrap_or("—");
            let (leap_zh, leap_en) = if shown == "02-29" {
                ("（平年为 03-01）", " (03-01 in common years)")
            } else {
                ("", "")
            };
            let message = text!(
                "{number} 的年费每年 {shown}{leap_zh} 前缴纳（滞纳期六个月）；若欠费失效，产品在 {year} 年度即不满足 {list_zh}",
                "{number}'s annual fee is due by {shown}{leap_en} each year (six months' grace): if it lapses unpaid, the product fails {list_en} in round {year}"
            )
            .sentence();
            critical.push(CriticalPatent {
                patent: number.to_string(),
                criteria: criteria.to_vec(),
                term_ends: p.timeline.expires_on().and_then(|d| d.add_days(-1)),
                annual_fee_due: due,
                message,
            });
        }
        critical
    }
}

/// The sentence every outlook carries.
fn assumptions(year: i32) -> Text {
    let last = year + ROUNDS as i32 - 1;
    text!(
        "{year}—{last} 年度仅按日历推算（保护期届满、许可到期、数据年度后授权）；法律状态、权利人、许可与关联不变，年费视为按期缴纳；G3、G4、G6、B2 逐年度重算，其他条件沿用 {year} 年度结论（以后年度的数据未知）。",
        "Rounds {year}–{last} are projected from the calendar only (terms ending, licences ending, later grants); legal status, owners, licences and links stay as entered and annual fees are assumed paid; G3, G4, G6 and B2 are recomputed each round, the other criteria keep their round-{year} verdicts (later figures are unknown)."
    )
}

/// Every product's outlook, on its own (the assessment computes it as part of each product's
/// result; this entry lets a benchmark time the outlook alone).
pub fn outlooks(input: &Input, pack: &RulePack) -> Vec<Outlook> {
    let filer = super::patent_right::FilerIdentity::new(&input.filer);
    let mut linked = vec![false; input.patents.len()];
    for link in input.products.iter().flat_map(|p| &p.links) {
        if let Some(flag) = linked.get_mut(link.patent) {
            *flag = true;
        }
    }
    let timelines: Vec<Option<Timeline>> = input
        .patents
        .iter()
        .zip(&linked)
        .map(|(patent, linked)| linked.then(|| Timeline::new(patent, &filer)))
        .collect();
    let projection = Projection::new(input, pack, &timelines);
    input
        .products
        .iter()
        .map(|product| projection.outlook(product, pack.benchmark_for(product.category.as_deref())))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::report::outlook::OutlookVerdicts;

    // The worked example, derived by hand: P1's licence to 202120345678.9 ends 2027-12-31, so
    // round 2028 (2028-09-30) fails G3; its one invention patent is critical to B2. P2 (only the
    // licensed utility model) fails B2 in round Y already.
    #[test]
    fn the_worked_example_verdicts_pick_out_alone() {
        let input = include_str!("../../examples/fuzhou-bogie-monitor.json");
        let report = crate::assess(input, &crate::Options::default());
        let verdicts: Vec<OutlookVerdicts> = report
            .products
            .iter()
            .map(|p| p.outlook.verdicts())
            .collect();
        assert_eq!(
            verdicts,
            vec![
                OutlookVerdicts {
                    holds_through: Some(2027),
                    first_failing_round: Some(2028),
                    critical_patents: vec!["202010566088.9"],
                },
                OutlookVerdicts {
                    holds_through: None,
                    first_failing_round: None,
                    critical_patents: vec!["202120345678.9"],
                },
            ]
        );
    }

    #[test]
    fn outlooks_alone_equal_the_ones_in_the_report() {
        let input = include_str!("../../examples/fuzhou-bogie-monitor.json");
        let report = crate::assess(input, &crate::Options::default());
        let read = crate::input::read(input);
        let (Some(input), Some(pack)) = (read.input, crate::pack::embedded_for_round(2025)) else {
            panic!("the example is valid");
        };
        let alone = serde_json::to_string(&super::outlooks(&input, &pack)).unwrap();
        let within: Vec<_> = report.products.iter().map(|p| &p.outlook).collect();
        assert_eq!(alone, serde_json::to_string(&within).unwrap());
    }
}
