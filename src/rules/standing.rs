//! Whether each linked patent counts (rules.md G3, G4), and every reason when it does not.

use super::patent_right::{right_on, FilerIdentity, Right};
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
    let number = patent.number.as_str();
    let mut reasons = Vec::new();
    if !patent.is_cn() {
        let jurisdiction = &patent.jurisdiction;
        reasons.push(ExclusionReason {
            code: "not_cn",
            message: text!(
                "{number} 为 {jurisdiction} 专利；只有中国专利计入（港澳台及外国专利不计入）",
                "{number} is a {jurisdiction} patent; only CN patents count (foreign, Hong Kong, Macao and Taiwan patents do not)"
            ),
        });
    }
    let year_end = Date::end_of_year(data_year);
    match (patent.grant_date, year_end) {
        (None, _) => reasons.push(ExclusionReason {
            code: "not_granted_by_data_year_end",
            message: text!(
                "{number} 没有授权日，尚未授权",
                "{number} has no grant date: it is not granted"
            ),
        }),
        (Some(grant), Some(end)) if grant > end => reasons.push(ExclusionReason {
            code: "not_granted_by_data_year_end",
            message: text!(
                "{number} 于 {grant} 授权，晚于数据年度末 {end}",
                "{number} was granted on {grant}, after the end of data year {data_year} ({end})"
            ),
        }),
        _ => {}
    }
    if patent.legal_status != LegalStatus::Valid {
        let (zh, en) = (status_zh(patent.legal_status), patent.legal_status.as_str());
        reasons.push(ExclusionReason {
            code: "status_not_valid",
            message: text!(
                "{number} 在参照日的法律状态为“{zh}”，不是有效",
                "{number} has legal status `{en}` on the reference date, not `valid`"
            ),
        });
    }
    let expires = if patent.is_cn() {
        expires_on(patent)
    } else {
        None
    };
    if let Some(expires) = expires {
        if reference_date >= expires {
            reasons.push(ExclusionReason {
                code: "expired_by_term",
                message: text!(
                    "{number} 的保护期已于 {expires} 届满（参照日 {reference_date}）",
                    "{number} expired on {expires} (reference date {reference_date})"
                ),
            });
        }
    }
    let right = right_on(filer, patent, reference_date);
    if matches!(right, Right::None) {
        reasons.push(ExclusionReason {
            code: "no_right",
            message: text!(
                "参照日 {reference_date}，备案主体既不是 {number} 的专利权人，也没有许可期覆盖该日的许可",
                "on {reference_date} the filer is neither a patentee of {number} nor holds a licence to it covering that date"
            ),
        });
    }
    Standing {
        right,
        expires_on: expires,
        reasons,
    }
}
