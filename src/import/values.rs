//! Cell values: patent types, patent-right statuses and legal events, foreign offices,
//! publication kinds and the date spellings of exports and spreadsheets.

use crate::date::Date;
use crate::input::{LegalStatus, PatentType};

/// Offices whose numbers are kept as given (as non-CN patents) rather than read as malformed CN
/// numbers: the major patent offices and the regional ones a Chinese filer's family reaches.
pub(super) const FOREIGN_OFFICES: &[&str] = &[
    "US", "EP", "WO", "JP", "KR", "DE", "GB", "FR", "TW", "HK", "MO", "AU", "CA", "RU", "IN", "BR",
    "IT", "ES", "NL", "CH", "SE", "AT", "DK", "FI", "BE", "IL", "SG", "MX", "NZ", "ZA", "EA", "NO",
];

pub(super) fn type_zh(kind: PatentType) -> &'static str {
    match kind {
        PatentType::Invention => "发明",
        PatentType::UtilityModel => "实用新型",
        PatentType::Design => "外观设计",
    }
}

pub(super) fn fold(text: &str) -> String {
    crate::fold::fold(text)
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub(super) fn parse_type(text: &str) -> Option<PatentType> {
    let key: String = fold(text).chars().filter(|&c| c != '_').collect();
    match key.as_str() {
        "invention" | "发明" | "发明专利" | "发明申请" | "发明授权" => {
            Some(PatentType::Invention)
        }
        "utilitymodel" | "实用新型" | "实用新型专利" => Some(PatentType::UtilityModel),
        "design" | "外观设计" | "外观设计专利" | "外观" => Some(PatentType::Design),
        _ => None,
    }
}

/// A value of 专利权状态.
pub(super) enum Right {
    Is(LegalStatus),
    /// 无权: the right is gone, and the legal events say why.
    Gone,
}

pub(super) fn right_status(text: &str) -> Option<Right> {
    match fold(text).as_str() {
        "有权" | "有效" => Some(Right::Is(LegalStatus::Valid)),
        "审中" | "在审" => Some(Right::Is(LegalStatus::Pending)),
        "无权" | "失效" => Some(Right::Gone),
        other => LegalStatus::parse(other).map(Right::Is),
    }
}

/// What a legal event says of the right.
#[derive(Clone, Copy)]
pub(super) enum Event {
    Alive,
    Pending,
    Gone,
}

/// Words of CNIPA legal events. 届满 covers both 期限届满 and 有效期届满; 部分无效 (partial
/// invalidation) leaves the patent in force with amended claims.
pub(super) const EVENTS: &[(&str, Event)] = &[
    ("届满", Event::Gone),
    ("无效", Event::Gone),
    ("驳回", Event::Gone),
    ("撤回", Event::Gone),
    ("放弃", Event::Gone),
    ("终止", Event::Gone),
    ("失效", Event::Gone),
    ("无权", Event::Gone),
    ("部分无效", Event::Alive),
    ("有效", Event::Alive),
    ("有权", Event::Alive),
    ("授权", Event::Alive),
    ("审中", Event::Pending),
    ("实质审查", Event::Pending),
    ("公开", Event::Pending),
    ("公布", Event::Pending),
];

/// Why a right is gone (input-format.md); any other end of a right (e.g. 未缴年费专利权终止, fees
/// unpaid) is a lapse.
pub(super) const WHY_GONE: &[(&str, LegalStatus)] = &[
    ("届满", LegalStatus::Expired),
    ("无效", LegalStatus::Invalidated),
    ("驳回", LegalStatus::Rejected),
    ("撤回", LegalStatus::Abandoned),
    ("放弃", LegalStatus::Abandoned),
];

/// English status words of other databases' exports, beyond the input format's own names.
pub(super) const ENGLISH: &[(&str, LegalStatus)] = &[
    ("granted", LegalStatus::Valid),
    ("active", LegalStatus::Valid),
    ("alive", LegalStatus::Valid),
    ("inforce", LegalStatus::Valid),
    ("withdrawn", LegalStatus::Abandoned),
    ("revoked", LegalStatus::Invalidated),
    ("inactive", LegalStatus::Lapsed),
    ("dead", LegalStatus::Lapsed),
];

/// What separates the events of a legal status history.
pub(super) const EVENT_SEPARATORS: [char; 4] = [';', '；', '|', '\n'];

/// The status one legal event (or status word) gives, if it settles one.
pub(super) fn event_status(event: &str) -> Option<LegalStatus> {
    let folded = fold(event);
    if let Some(status) = LegalStatus::parse(&folded).or_else(|| {
        ENGLISH
            .iter()
            .find(|(word, _)| *word == folded)
            .map(|&(_, status)| status)
    }) {
        return Some(status);
    }
    Some(match last_event(event, EVENTS)? {
        Event::Alive => LegalStatus::Valid,
        Event::Pending => LegalStatus::Pending,
        Event::Gone => last_event(event, WHY_GONE).unwrap_or(LegalStatus::Lapsed),
    })
}

/// The status the latest event that settles one gives: 最新法律状态 first, then 法律状态, whose
/// history lists events oldest first, so it is read from the end (`公开;实质审查;授权;
/// 未缴年费专利权终止` is lapsed, and an old 驳回 later overturned does not count).
pub(super) fn status_from_events(texts: [Option<&str>; 2]) -> Option<LegalStatus> {
    // Plain loops rather than `flatten().flat_map(..).find_map(..)`: the same order, without
    // the flattening adapters' code in the WebAssembly module (docs/wasm.md).
    for text in texts.into_iter().flatten() {
        for event in text.rsplit(EVENT_SEPARATORS) {
            if let Some(status) = event_status(event) {
                return Some(status);
            }
        }
    }
    None
}

/// Why a right marked 无权 is gone: the status the latest decisive event gives, when that is an
/// end of the right, else a lapse.
pub(super) fn why_gone(texts: [Option<&str>; 2]) -> LegalStatus {
    match status_from_events(texts) {
        Some(
            status @ (LegalStatus::Expired
            | LegalStatus::Invalidated
            | LegalStatus::Rejected
            | LegalStatus::Abandoned),
        ) => status,
        _ => LegalStatus::Lapsed,
    }
}

/// The meaning of the last word of `words` that `text` contains, by position: one event's text
/// may name an earlier step before the outcome (发明专利申请公布后的驳回). 无效 inside 部分无效 is
/// not an invalidation.
pub(super) fn last_event<T: Copy>(text: &str, words: &[(&str, T)]) -> Option<T> {
    // A plain scan rather than `str::match_indices`: the same matches (left to right, not
    // overlapping, the later word winning a tie as `max_by_key` would), without the two-way
    // substring searcher, which nothing else in the WebAssembly module uses (docs/wasm.md).
    let mut last: Option<(usize, T)> = None;
    for &(word, meaning) in words {
        let mut at = 0;
        while let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
            if word.is_empty() || !rest.starts_with(word) {
                at += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let partial = word == "无效"
                && text
                    .get(..at)
                    .is_some_and(|before| before.ends_with("部分"));
            if !partial && last.is_none_or(|(best, _)| at >= best) {
                last = Some((at, meaning));
            }
            at += word.len();
        }
    }
    last.map(|(_, meaning)| meaning)
}

pub(super) fn foreign_office(number: &str) -> Option<String> {
    let folded = crate::fold::number_key(number);
    let office = folded.get(..2)?;
    let has_digits = folded.get(2..)?.chars().any(|c| c.is_ascii_digit());
    (FOREIGN_OFFICES.contains(&office) && has_digits).then(|| office.to_string())
}

/// The kind code of a CN publication number (`CN112345678B` → `B`), if `text` is one.
pub(super) fn publication_kind(text: &str) -> Option<char> {
    let folded = crate::fold::number_key(text);
    let rest = folded.strip_prefix("CN")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    if digits < 7 {
        return None;
    }
    let mut tail = rest.get(digits..)?.chars();
    let kind = tail.next().filter(char::is_ascii_uppercase)?;
    let suffix = tail.as_str();
    (suffix.is_empty() || (suffix.len() == 1 && suffix.bytes().all(|b| b.is_ascii_digit())))
        .then_some(kind)
}

/// Whether a publication is the grant announcement of a patent of `kind`.
///
/// CNIPA exports seldom have a grant date column, but 公开（公告）日 is the date of the
/// publication in 公开（公告）号, and a patent right takes effect on the day its grant is
/// announced (Patent Law arts. 39 and 40), so the announcement date *is* the grant date — when
/// the publication is the grant announcement. Utility models and designs are published only at
/// grant (kind codes U and S); an invention is published twice, first as an application
/// (kind code A, 18 months after filing, years before any grant) and then at grant (kind code B).
/// Taking an A publication's date as the grant date would invent a grant, so only B, U and S
/// publications of the matching type are used.
pub(super) fn is_grant_publication(publication: &str, kind: Option<PatentType>) -> bool {
    matches!(
        (kind, publication_kind(publication)),
        (Some(PatentType::Invention), Some('B'))
            | (Some(PatentType::UtilityModel), Some('U'))
            | (Some(PatentType::Design), Some('S'))
    )
}

/// Reads `YYYY.MM.DD`, `YYYY-MM-DD`, `YYYY/MM/DD` (month and day with one or two digits),
/// `YYYYMMDD` and `YYYY年M月D日`, in full-width digits too, with an optional time of day after.
pub(super) fn parse_date(text: &str) -> Option<Date> {
    let folded: String = crate::fold::fold(text).collect();
    let mut parts = folded.split_whitespace();
    let date = parts.next()?;
    if let Some(time) = parts.next() {
        let is_time = time.as_bytes().contains(&b':')
            && time
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.');
        if !is_time || parts.next().is_some() {
            return None;
        }
    }
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| -> Option<u32> {
        if !lengths.contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        (date.get(..4)?, date.get(4..6)?, date.get(6..)?)
    } else if let Some(rest) = date.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        (year, month, day)
    } else {
        let separator = date.chars().find(|c| !c.is_ascii_digit())?;
        if !matches!(separator, '.' | '-' | '/') {
            return None;
        }
        let mut fields = date.split(separator);
        let parts = (fields.next()?, fields.next()?, fields.next()?);
        if fields.next().is_some() {
            return None;
        }
        parts
    };
    Date::new(
        i32::try_from(number(year, 4..=4)?).ok()?,
        u8::try_from(number(month, 1..=2)?).ok()?,
        u8::try_from(number(day, 1..=2)?).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_event_is_the_last_match_not_overlapping() {
        // As `str::match_indices` finds them: left to right, a match not overlapping the one
        // before it; the later word wins a tie at the same position.
        assert_eq!(last_event("aaa", &[("aa", 1), ("aaa", 2)]), Some(2));
        assert_eq!(last_event("xaax", &[("a", 1), ("aa", 2)]), Some(1));
        assert_eq!(last_event("aa", &[("a", 1), ("aa", 2)]), Some(1));
        assert_eq!(last_event("aab", &[("aa", 1), ("a", 2)]), Some(2));
        assert_eq!(last_event("ab", &[("a", 1), ("ab", 2)]), Some(2));
        assert_eq!(last_event("部分无效", WHY_GONE), None);
        assert_eq!(
            last_event("无效宣告后部分无效", WHY_GONE),
            Some(LegalStatus::Invalidated)
        );
        assert_eq!(
            last_event("驳回后复审，期限届满", WHY_GONE),
            Some(LegalStatus::Expired)
        );
        assert_eq!(last_event("", WHY_GONE), None);
    }

    #[test]
    fn reads_every_accepted_date_spelling() {
        for text in [
            "2020.06.18",
            "2020-06-18",
            "2020/06/18",
            "20200618",
            "2020/6/18",
            "2020.6.18",
            "2020年6月18日",
            "２０２０．０６．１８",
            " 2020-06-18 ",
            "2020/6/18 0:00",
            "2020-06-18 00:00:00",
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some("2020-06-18"),
                "{text:?}"
            );
        }
        for text in [
            "",
            "2023.02.29",
            "2020-6",
            "2020.06-18",
            "2020-06-18-01",
            "18/06/2020",
            "20-06-18",
            "2020618",
            "202006180",
            "2020-06-18 noon",
            "2020-06-18 0:00 extra",
            "43995",
            "2020-006-18",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn publication_kind_codes() {
        assert_eq!(publication_kind("CN111723456B"), Some('B'));
        assert_eq!(publication_kind("cn 213456789 u"), Some('U'));
        assert_eq!(publication_kind("CN307123456S"), Some('S'));
        assert_eq!(publication_kind("CN1234567C"), Some('C'));
        assert_eq!(publication_kind("CN111723456B1"), Some('B'));
        assert_eq!(publication_kind("CN111723456"), None);
        assert_eq!(publication_kind("US10123456B2"), None);
        assert_eq!(publication_kind("CN12345B"), None);
        assert_eq!(publication_kind("CN111723456BB"), None);
    }
}
