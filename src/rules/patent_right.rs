//! The filer's right to a patent on the reference date (rules.md G3): patentee, or licensee under
//! a licence whose term covers the date.

use crate::date::Date;
use crate::input::{normalise_name, Filer, Licence, LicenceKind, Party, Patent};

/// The filer as the rules match it against owners and licensees.
#[derive(Debug)]
pub struct FilerIdentity {
    name_key: String,
    uscc: Option<String>,
}

impl FilerIdentity {
    /// Prepares the filer's matching keys once for the whole assessment.
    pub fn new(filer: &Filer) -> FilerIdentity {
        FilerIdentity {
            name_key: normalise_name(&filer.party.name),
            uscc: filer.party.uscc.clone(),
        }
    }

    /// Whether `party` is the filer: by USCC when both give one, else by normalised name.
    pub fn is(&self, party: &Party) -> bool {
        match (&self.uscc, &party.uscc) {
            (Some(mine), Some(theirs)) => mine == theirs,
            _ => normalise_name(&party.name) == self.name_key,
        }
    }
}

/// The filer's right to one patent.
#[derive(Clone, Copy, Debug)]
pub enum Right<'a> {
    /// The filer is one of the patentees.
    Patentee,
    /// The filer holds this licence, whose term covers the reference date.
    Licensee(&'a Licence),
    /// Neither.
    None,
}

impl Right<'_> {
    /// `patentee`, `licensee` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Right::Patentee => "patentee",
            Right::Licensee(_) => "licensee",
            Right::None => "none",
        }
    }
}

/// The filer's right to `patent` on `date`. Among several covering licences the strongest is
/// relied on (recorded before unrecorded, exclusive before sole before open before ordinary), so
/// a warning is only raised when no better licence exists.
pub fn right_on<'a>(filer: &FilerIdentity, patent: &'a Patent, date: Date) -> Right<'a> {
    if patent.owners.iter().any(|owner| filer.is(owner)) {
        return Right::Patentee;
    }
    patent
        .licences
        .iter()
        .filter(|licence| filer.is(&licence.licensee) && covers(licence, date))
        .min_by_key(|licence| (!licence.recorded, strength_rank(licence.kind)))
        .map_or(Right::None, Right::Licensee)
}

/// Both ends inclusive; an absent start or end leaves that side open.
fn covers(licence: &Licence, date: Date) -> bool {
    licence.start.is_none_or(|start| start <= date) && licence.end.is_none_or(|end| date <= end)
}

fn strength_rank(kind: LicenceKind) -> u8 {
    match kind {
        LicenceKind::Exclusive => 0,
        LicenceKind::Sole => 1,
        LicenceKind::Open => 2,
        LicenceKind::Ordinary => 3,
    }
}
