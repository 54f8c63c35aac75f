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
use crate::exact;
use crate::input::{Input, Link, PatentType, Product};
use crate::pack::{Benchmark, RulePack};
use crate::report::outlook::{
    CriticalPatent, EventKind, Outlook, OutlookEvent, OutlookRound, PatentVerdict,
};
use crate::report::Verdict;
use crate::text::{text, Text};

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
        let patents = timelines
            .iter()
            .map(|timeline| {
                let timeline = timeline.as_ref()?;
                let (mut counts, mut no_right) = (0u16, 0u16);
                for (k, round) in rounds.iter().enumerate() {
                    let check = timeline.check(round.data_year_end, round.reference_date);
                    counts |= u16::from(check.counts()) << k;
                    no_right |= u16::from(check.no_right()) << k;
                }
                Some(PatentRounds {
                    timeline,
                    counts,
                    no_right,
                })
            })
            .collect();
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
        let links: Vec<(&Link, &PatentRounds)> = product
            .links
            .iter()
            .filter_map(|link| Some((link, self.patents.get(link.patent)?.as_ref()?)))
            .collect();
        let rounds = self.rounds(&links, row);
        let holds = rounds
            .iter()
            .take_while(|r| r.patent_verdict == PatentVerdict::Pass)
            .count();
        let holds_through = holds.checked_sub(1).and_then(|k| rounds.get(k));
        let first_failing = holds_through.and_then(|_| rounds.get(holds));
        let events = self.events(&links);
        let causes = match (holds_through, first_failing) {
            (Some(_), Some(failing)) => self.causes(&links, holds, failing, &events),
            _ => Vec::new(),
        };
        let critical_patents = rounds
            .first()
            .map(|first| self.critical(&links, row, first))
            .unwrap_or_default();
        Outlook {
            holds_through: holds_through.map(|r| r.round_year),
            first_failing_round: first_failing.map(|r| r.round_year),
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
                    let strength = row.map(|row| {
                        weighted_strength(
                            &row.weights.value,
                            links
                                .iter()
                                .filter(|(_, p)| p.counts & bit != 0)
                                .map(|(_, p)| p.timeline.patent().kind),
                        )
                    });
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
                    PatentVerdict::Pass
                } else {
                    PatentVerdict::Fail
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
        let window = first.reference_date..=last.reference_date;
        let mut events = Vec::new();
        for (_, patent) in links {
            let timeline = patent.timeline;
            let number = timeline.patent().number.as_str();
            let term_ends = timeline.expires_on().and_then(|d| d.add_days(-1));
            if let Some(date) = term_ends.filter(|d| window.contains(d)) {
                let year = self.first_round_after(date);
                events.push(OutlookEvent {
                    date,
                    patent: number.to_string(),
                    event: EventKind::TermEnds,
                    message: text!(
                        "{number} 的保护期于 {date} 届满（最后一天）：自 {year} 年度起不在保护期内",
                        "{number}'s term ends on {date} (its last day): from round {year} it is out of term"
                    ),
                });
            }
            for licence in timeline.rights().licences() {
                let Some(date) = licence.end.filter(|d| window.contains(d)) else {
                    continue;
                };
                let year = self.first_round_after(date);
                events.push(OutlookEvent {
                    date,
                    patent: number.to_string(),
                    event: EventKind::LicenceEnds,
                    message: text!(
                        "备案主体对 {number} 的许可于 {date} 到期：自 {year} 年度起该许可不再覆盖参照日",
                        "the filer's licence to {number} ends on {date}: from round {year} it no longer covers the reference date"
                    ),
                });
            }
        }
        events.sort_by(|a, b| (a.date, &a.patent, a.event).cmp(&(b.date, &b.patent, b.event)));
        events
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
        let consequence = self.consequence(links, failing, now);
        let year = failing.round_year;
        events
            .iter()
            .filter(|e| last_pass.reference_date <= e.date && e.date < fail_round.reference_date)
            .filter(|e| {
                links.iter().any(|(_, p)| {
                    p.timeline.patent().number.as_str() == e.patent
                        && match e.event {
                            EventKind::TermEnds => p.counts & was != 0 && p.counts & now == 0,
                            EventKind::LicenceEnds => {
                                p.no_right & was == 0 && p.no_right & now != 0
                            }
                        }
                })
            })
            .map(|e| {
                let (number, date) = (&e.patent, e.date);
                let what = match e.event {
                    EventKind::TermEnds => text!(
                        "{number} 的保护期于 {date} 届满",
                        "{number}'s term ends on {date}"
                    ),
                    EventKind::LicenceEnds => text!(
                        "备案主体对 {number} 的许可于 {date} 到期",
                        "the filer's licence to {number} ends on {date}"
                    ),
                };
                OutlookEvent {
                    message: Text::new(
                        format!("{}：自 {year} 年度起，{}", what.zh, consequence.zh),
                        format!("{}: from round {year} {}", what.en, consequence.en),
                    ),
                    ..e.clone()
                }
            })
            .collect()
    }

    /// What fails in `round`, with its numbers.
    fn consequence(
        &self,
        links: &[(&Link, &PatentRounds)],
        round: &OutlookRound,
        bit: u16,
    ) -> Text {
        let list = |pick: &dyn Fn(&Link, &PatentRounds) -> bool| -> String {
            links
                .iter()
                .filter(|(l, p)| pick(l, p))
                .map(|(_, p)| p.timeline.patent().number.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let minimum = self.pack.min_counted_patents.value;
        let (counted, inventions) = (round.counted_patents, round.counted_inventions);
        let strength = round.weighted_strength.as_deref().unwrap_or("—");
        let parts: Vec<Text> = round
            .failing
            .iter()
            .map(|id| match *id {
                "G3" => {
                    let list = list(&|_, p| p.no_right & bit != 0);
                    text!(
                        "备案主体对 {list} 没有权利（G3）",
                        "the filer has no right to {list} (G3)"
                    )
                }
                "G4" => text!(
                    "只有 {counted} 件专利计入，至少须 {minimum} 件（G4）",
                    "only {counted} patent(s) count, at least {minimum} needed (G4)"
                ),
                "G6" => {
                    let list = list(&|l, p| p.counts & bit != 0 && lacks_statement(l));
                    text!(
                        "计入的 {list} 缺少实施说明（G6）",
                        "the counted {list} lack a statement of use (G6)"
                    )
                }
                _ => text!(
                    "计入发明专利 {inventions} 件、加权保护强度 {strength}，低于基准（B2）",
                    "{inventions} counted invention patent(s) and weighted strength {strength} fall below the benchmark (B2)"
                ),
            })
            .collect();
        let joined = Text::join(&parts);
        Text::new(
            format!("产品{}", joined.zh),
            format!("the product fails: {}", joined.en),
        )
    }

    /// Patents counted in round Y whose loss alone would make G4 or B2 fail in round Y.
    fn critical(
        &self,
        links: &[(&Link, &PatentRounds)],
        row: Option<&Benchmark>,
        first: &OutlookRound,
    ) -> Vec<CriticalPatent> {
        let minimum = self.pack.min_counted_patents.value;
        let counted = u64::from(first.counted_patents);
        let inventions = u64::from(first.counted_inventions);
        let g4_holds = g4_verdict(counted, minimum) == Verdict::Pass;
        let g4_critical =
            g4_holds && g4_verdict(counted.saturating_sub(1), minimum) == Verdict::Fail;
        let strength = row.map(|row| {
            weighted_strength(
                &row.weights.value,
                links
                    .iter()
                    .filter(|(_, p)| p.counts & 1 != 0)
                    .map(|(_, p)| p.timeline.patent().kind),
            )
        });
        let b2_holds = b2_verdict(row, inventions, strength.as_ref()) == Verdict::Pass;
        // Whether losing one patent of this type fails B2, by type (three answers at most).
        let b2_without = |kind: Option<PatentType>| -> bool {
            let Some(kind) = kind.filter(|_| b2_holds) else {
                return false;
            };
            let less_strength = match (row, &strength) {
                (Some(row), Some(total)) => Some(total - row.weights.value.of(kind)),
                _ => None,
            };
            let less_inventions =
                inventions.saturating_sub(u64::from(kind == PatentType::Invention));
            b2_verdict(row, less_inventions, less_strength.as_ref()) == Verdict::Fail
        };
        let (invention, utility_model, design) = (
            b2_without(Some(PatentType::Invention)),
            b2_without(Some(PatentType::UtilityModel)),
            b2_without(Some(PatentType::Design)),
        );
        let year = self.round_year;
        links
            .iter()
            .filter(|(_, p)| p.counts & 1 != 0)
            .filter_map(|(_, p)| {
                let patent = p.timeline.patent();
                let b2 = match patent.kind {
                    Some(PatentType::Invention) => invention,
                    Some(PatentType::UtilityModel) => utility_model,
                    Some(PatentType::Design) => design,
                    None => false,
                };
                let criteria: Vec<&'static str> = [("G4", g4_critical), ("B2", b2)]
                    .into_iter()
                    .filter_map(|(id, critical)| critical.then_some(id))
                    .collect();
                if criteria.is_empty() {
                    return None;
                }
                let number = patent.number.as_str();
                let filed = patent.filing_date;
                let due = filed.map(|d| format!("{:02}-{:02}", d.month(), d.day()));
                let shown = due.clone().unwrap_or_default();
                let leap = filed.is_some_and(|d| d.month() == 2 && d.day() == 29);
                let (leap_zh, leap_en) = if leap {
                    ("（平年为 03-01）", " (03-01 in common years)")
                } else {
                    ("", "")
                };
                let (list_zh, list_en) = (criteria.join("、"), criteria.join(" and "));
                Some(CriticalPatent {
                    patent: number.to_string(),
                    criteria,
                    term_ends: p.timeline.expires_on().and_then(|d| d.add_days(-1)),
                    annual_fee_due: due,
                    message: text!(
                        "{number} 的年费须在每年 {shown}{leap_zh}（申请日对应日）前缴纳（另有六个月滞纳期，须缴滞纳金）；若因欠费失效，产品在 {year} 年度即不满足 {list_zh}",
                        "{number}'s annual fee is due by {shown}{leap_en} each year (the filing date's anniversary; six months' grace with a surcharge): if it lapses unpaid, the product fails {list_en} in round {year}"
                    ),
                })
            })
            .collect()
    }
}

/// The sentence every outlook carries.
fn assumptions(year: i32) -> Text {
    let last = year + ROUNDS as i32 - 1;
    text!(
        "展望按日历推算 {year}—{last} 年度：专利保护期届满、许可到期、数据年度后授权的专利自相应年度起计入；法律状态、权利人、许可和关联保持录入时的状态，并假定年费按期缴纳；G3、G4、G6、B2 逐年度重算，G1、G2、G5、G7、B1、B3、B4 沿用 {year} 年度的结论（以后年度的数据未知）。",
        "The outlook projects rounds {year}–{last} from the calendar only (terms running out, licences ending, patents granted after the data year counting from the next round); legal status, owners, licences and links stay as entered and annual fees are assumed paid; G3, G4, G6 and B2 are recomputed for each round, while G1, G2, G5, G7, B1, B3 and B4 keep their round-{year} verdicts because later years' figures are unknown."
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
