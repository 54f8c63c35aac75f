//! The outlook's report types (rules.md §6): the rounds ahead of one product. Field names are the
//! specification's; the struct order below is the byte order of the JSON. The verdict-level
//! fields (`holds_through`, `first_failing_round`, the critical patents' numbers) come first and
//! [`Outlook::verdicts`] picks them out alone.

use serde::Serialize;

use crate::date::Date;
use crate::report::Verdict;
use crate::text::Text;

/// A product's outlook: round Y and the next ten, projected from the calendar only.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Outlook {
    /// The last round year of the unbroken run from Y in which G3, G4, G6 and B2 all pass;
    /// `null` when one of them fails in Y.
    pub holds_through: Option<i32>,
    /// The first round after `holds_through` in which one of them fails; `null` when they pass
    /// through Y+10, or when `holds_through` is `null`.
    pub first_failing_round: Option<i32>,
    /// Round Y, Y+1, …, Y+10, in order.
    pub rounds: Vec<OutlookRound>,
    /// The calendar events between round `holds_through` and `first_failing_round` that make it
    /// fail (the patents that count in the one and not in the other).
    pub causes: Vec<OutlookEvent>,
    /// Patents counted in round Y whose loss alone would make G4 or B2 fail in round Y.
    pub critical_patents: Vec<CriticalPatent>,
    /// Every term end and licence end of the product's linked patents from R_0 to R_10
    /// (both included), in date order.
    pub events: Vec<OutlookEvent>,
    /// One plain sentence: what is and is not projected.
    pub assumptions: Text,
}

/// The patent criteria G3, G4, G6 and B2 together, in one projected round: only
/// [`Verdict::Pass`] (none fails) or [`Verdict::Fail`] (at least one fails). The criteria's own
/// type, so the report's JSON writer has one verdict spelling to carry.
pub type PatentVerdict = Verdict;

/// One round of the outlook.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutlookRound {
    /// Y + k.
    pub round_year: i32,
    /// R_k: the input's reference date with its year moved by k (29 February → 1 March).
    pub reference_date: Date,
    /// `fail` when any of G3, G4, G6, B2 fails in this round.
    pub patent_verdict: PatentVerdict,
    /// The ids among G3, G4, G6, B2 that fail, in that order.
    #[cfg_attr(feature = "ts", ts(type = "Array<CriterionId>"))]
    pub failing: Vec<&'static str>,
    /// Linked patents that count in this round (G4's set).
    pub counted_patents: u32,
    /// Of those, invention patents.
    pub counted_inventions: u32,
    /// Σ weight(type) over the counted patents, exact; `null` when the pack has no benchmark row
    /// (and so no weights) for the product's category.
    pub weighted_strength: Option<String>,
}

/// What happens on an event's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The patent's term runs out: `date` is its last day in term.
    TermEnds,
    /// A licence the filer holds ends: `date` is its last day.
    LicenceEnds,
}

/// A dated calendar event of one patent.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutlookEvent {
    /// The last day (of the term, or of the licence).
    pub date: Date,
    /// Normalised patent number.
    pub patent: String,
    /// `term_ends` or `licence_ends`.
    pub event: EventKind,
    /// The event and its consequence, with the numbers and dates.
    pub message: Text,
}

/// A patent the product's round-Y result hangs on.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CriticalPatent {
    /// Normalised patent number.
    pub patent: String,
    /// `G4` and/or `B2`: the criteria its loss alone would make fail in round Y.
    #[cfg_attr(feature = "ts", ts(type = "Array<CriterionId>"))]
    pub criteria: Vec<&'static str>,
    /// Its last day in term.
    pub term_ends: Option<Date>,
    /// `MM-DD`: the anniversary of its filing date, by which each year's annual fee is due
    /// (a 29 February filing gives `02-29`: 1 March in common years, by the anniversary rule).
    pub annual_fee_due: Option<String>,
    /// What its lapse would do, with the fee date.
    pub message: Text,
}

/// The outlook's verdict-level fields alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutlookVerdicts<'a> {
    /// See [`Outlook::holds_through`].
    pub holds_through: Option<i32>,
    /// See [`Outlook::first_failing_round`].
    pub first_failing_round: Option<i32>,
    /// The critical patents' numbers.
    pub critical_patents: Vec<&'a str>,
}

impl Outlook {
    /// The verdict-level fields: for summaries that leave out rounds, events and messages.
    pub fn verdicts(&self) -> OutlookVerdicts<'_> {
        OutlookVerdicts {
            holds_through: self.holds_through,
            first_failing_round: self.first_failing_round,
            critical_patents: self
                .critical_patents
                .iter()
                .map(|c| c.patent.as_str())
                .collect(),
        }
    }
}
