//! Whether each linked patent counts (rules.md G3, G4), and every reason when it does not.

use super::patent_right::{FilerIdentity, Right, Rights};
use super::patent_term::expires_on;
use crate::date::Date;
use crate::input::{LegalStatus, Patent};
use crate::report::ExclusionReason;
use crate::text::text;

/// A patent's standing on the reference date.
#[derive(Debug)]
pub struct Standing<'a> {
    /// The filer's right to it.
    pub right: Right<'a>,
    /// First day out of term (CN patents).
    pub expires_on: Option<Date>,
    /// Why it does not count; empty when it counts.
    pub reasons: Vec<ExclusionReason>,
}

impl Standing<'_> {
    /// Whether the patent counts for G4 and the benchmarks.
    pub fn counts(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// Chinese label of a legal status, for messages.
pub fn status_zh(status: LegalStatus) -> &'static str {
    match status {
        LegalStatus::Pending => "审中",
        LegalStatus::Valid => "有效",
        LegalStatus::Expired => "期限届满",
        LegalStatus::Lapsed => "失效",
        LegalStatus::Invalidated => "被宣告无效",
        LegalStatus::Abandoned => "放弃/撤回",
        LegalStatus::Rejected => "驳回",
    }
}

/// Judges one patent on `reference_date` for data year `data_year`.
pub fn standing<'a>(
    patent: &'a Patent,
    filer: &FilerIdentity,
    data_year: i32,
    reference_date: Date,
) -> Standing<'a> {
    Timeline::new(patent, filer).standing(data_year, reference_date)
}

/// What decides whether one patent counts, gathered once (its term, the filer's patentee status
/// and licences); [`Timeline::check`] judges it for any round. Round Y and every round the
/// outlook projects (rules.md §6) go through this one judgement.
#[derive(Clone, Debug)]
pub struct Timeline<'a> {
    patent: &'a Patent,
    expires_on: Option<Date>,
    rights: Rights<'a>,
}

/// Which of the reasons not to count apply in one round (no messages: cheap enough for the
/// outlook's eleven rounds).
#[derive(Clone, Copy, Debug)]
pub struct Check<'a> {
    /// Not a CN patent.
    pub not_cn: bool,
    /// No grant date, or granted after the round's data-year end.
    pub not_granted: bool,
    /// Legal status other than `valid`.
    pub status_not_valid: bool,
    /// The round's reference date is on or after the first day out of term.
    pub expired: bool,
    /// The filer's right on the round's reference date.
    pub right: Right<'a>,
}

impl Check<'_> {
    /// Whether the filer lacks any right on the date (G3).
    pub fn no_right(&self) -> bool {
        matches!(self.right, Right::None)
    }

    /// Whether the patent counts for G4 and the benchmarks.
    pub fn counts(&self) -> bool {
        !(self.not_cn
            || self.not_granted
            || self.status_not_valid
            || self.expired
            || self.no_right())
    }
}

impl<'a> Timeline<'a> {
    /// Gathers the date-independent facts of `patent` for `filer`.
    pub fn new(patent: &'a Patent, filer: &FilerIdentity) -> Timeline<'a> {
        Timeline {
            patent,
            expires_on: if patent.is_cn() {
                expires_on(patent)
            } else {
                None
            },
            rights: Rights::new(filer, patent),
        }
    }

    /// The patent.
    pub fn patent(&self) -> &'a Patent {
        self.patent
    }

    /// First day out of term (CN patents with a filing date and type).
    pub fn expires_on(&self) -> Option<Date> {
        self.expires_on
    }

    /// The filer's patentee status and licences.
    pub fn rights(&self) -> &Rights<'a> {
        &self.rights
    }

    /// The reasons that apply on `reference_date` for a data year ending `data_year_end`.
    pub fn check(&self, data_year_end: Option<Date>, reference_date: Date) -> Check<'a> {
        let patent = self.patent;
        Check {
            not_cn: !patent.is_cn(),
            not_granted: match (patent.grant_date, data_year_end) {
                (None, _) => true,
                (Some(grant), Some(end)) => grant > end,
                (Some(_), None) => false,
            },
            status_not_valid: patent.legal_status != LegalStatus::Valid,
            expired: self
                .expires_on
                .is_some_and(|expires| reference_date >= expires),
            right: self.rights.on(reference_date),
        }
    }

    /// The standing on `reference_date` for data year `data_year`, every reason with its message.
    pub fn standing(&self, data_year: i32, reference_date: Date) -> Standing<'a> {
        let patent = self.patent;
        let number = patent.number.as_str();
        let year_end = Date::end_of_year(data_year);
        let check = self.check(year_end, reference_date);
        let mut reasons = Vec::new();
        if check.not_cn {
            let jurisdiction = &patent.jurisdiction;
            reasons.push(ExclusionReason {
                code: "not_cn",
                message: text!(
                    "{number} 为 {jurisdiction} 专利；只有中国专利计入（港澳台及外国专利不计入）",
                    "{number} is a {jurisdiction} patent; only CN patents count (foreign, Hong Kong, Macao and Taiwan patents do not)"
                ),
            });
        }
        if check.not_granted {
            let message = match (patent.grant_date, year_end) {
                (Some(grant), Some(end)) => text!(
                    "{number} 于 {grant} 授权，晚于数据年度末 {end}",
                    "{number} was granted on {grant}, after the end of data year {data_year} ({end})"
                ),
                _ => text!(
                    "{number} 没有授权日，尚未授权",
                    "{number} has no grant date: it is not granted"
                ),
            };
            reasons.push(ExclusionReason {
                code: "not_granted_by_data_year_end",
                message,
            });
        }
        if check.status_not_valid {
            // The status in words, as the form labels it, never its JSON value.
            let zh = status_zh(patent.legal_status);
            let en = super::labels::legal_status(patent.legal_status).en;
            reasons.push(ExclusionReason {
                code: "status_not_valid",
                message: text!(
                    "{number} 在参照日的法律状态为“{zh}”，不是有效",
                    "{number}'s legal status on the reference date is “{en}”, not valid"
                ),
            });
        }
        if let (true, Some(expires)) = (check.expired, self.expires_on) {
            // `expires_on` is the first day out of term; a term ends on its last day in term
            // (rules.md §3.1, §6), and that is the day the words give.
            let last = expires.add_days(-1).unwrap_or(expires);
            reasons.push(ExclusionReason {
                code: "expired_by_term",
                message: text!(
                    "{number} 的保护期已于 {last} 届满（保护期最后一天；参照日 {reference_date}）",
                    "{number}'s term ended on {last}, its last day in term (reference date {reference_date})"
                ),
            });
        }
        if check.no_right() {
            reasons.push(ExclusionReason {
                code: "no_right",
                message: text!(
                    "参照日 {reference_date}，备案主体既不是 {number} 的专利权人，也没有许可期覆盖该日的许可",
                    "on {reference_date} the filer is neither a patentee of {number} nor holds a licence to it covering that date"
                ),
            });
        }
        Standing {
            right: check.right,
            expires_on: self.expires_on,
            reasons,
        }
    }
}
