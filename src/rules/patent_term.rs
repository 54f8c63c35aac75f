//! Patent terms (rules.md §3.1; Patent Law art. 42 as amended 2020): counted from the filing date,
//! invention 20 years, utility model 10 years, design 10 years when filed before 2021-06-01 and
//! 15 years from that day, plus any term compensation.
//!
//! These are statutory values, not benchmark parameters, so they live in code with their citation.

use crate::date::Date;
use crate::input::{Patent, PatentType};

/// The day the 2020 amendment's 15-year design term starts to apply to filings.
fn design_term_change() -> Option<Date> {
    Date::new(2021, 6, 1)
}

/// The statutory term in years for a patent of `kind` filed on `filing_date`.
pub fn term_years(kind: PatentType, filing_date: Date) -> i32 {
    match kind {
        PatentType::Invention => 20,
        PatentType::UtilityModel => 10,
        PatentType::Design if design_term_change().is_some_and(|change| filing_date >= change) => {
            15
        }
        PatentType::Design => 10,
    }
}

/// The first day the patent is out of term: filing date + term (same month and day; 29 February
/// becomes 1 March in a common year) + compensation days. A patent is in term on R when
/// R < this day: filed 1999-09-06, a 10-year term runs to 2009-09-05 inclusive.
pub fn expires_on(patent: &Patent) -> Option<Date> {
    let filing = patent.filing_date?;
    let kind = patent.kind?;
    filing
        .add_years(term_years(kind, filing))?
        .add_days(i64::from(patent.term_extension_days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn design_term_changes_for_filings_from_2021_06_01() {
        assert_eq!(term_years(PatentType::Design, d("2021-05-31")), 10);
        assert_eq!(term_years(PatentType::Design, d("2021-06-01")), 15);
        assert_eq!(term_years(PatentType::Invention, d("2021-06-01")), 20);
        assert_eq!(term_years(PatentType::UtilityModel, d("2021-06-01")), 10);
    }

    fn patent(kind: PatentType, filed: &str, extension: u32) -> Patent {
        Patent {
            index: 0,
            number: crate::input::PatentNumber::Other(String::new()),
            kind: Some(kind),
            jurisdiction: "CN".into(),
            title: None,
            filing_date: Some(d(filed)),
            grant_date: None,
            legal_status: crate::input::LegalStatus::Valid,
            owners: Vec::new(),
            licences: Vec::new(),
            term_extension_days: extension,
            foreign_family_granted: false,
            strategic_emerging_industry: false,
            pledged: false,
            awards: Vec::new(),
        }
    }

    #[test]
    fn rules_md_example_a_ten_year_term_filed_1999_09_06_runs_to_2009_09_05() {
        let expiry = expires_on(&patent(PatentType::UtilityModel, "1999-09-06", 0)).unwrap();
        assert_eq!(expiry, d("2009-09-06"));
        assert!(d("2009-09-05") < expiry, "2009-09-05 is still in term");
    }

    #[test]
    fn leap_day_filing_and_compensation_days() {
        let leap = patent(PatentType::Invention, "2004-02-29", 0);
        assert_eq!(expires_on(&leap), Some(d("2024-02-29")));
        let leap_um = patent(PatentType::UtilityModel, "2012-02-29", 0);
        assert_eq!(expires_on(&leap_um), Some(d("2022-03-01")));
        let compensated = patent(PatentType::Invention, "2010-01-15", 100);
        assert_eq!(expires_on(&compensated), Some(d("2030-04-25")));
    }
}
