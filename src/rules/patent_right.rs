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
    Rights::new(filer, patent).on(date)
}

/// What decides the filer's right to one patent on any date, matched once: whether the filer is a
/// patentee, and the licences the filer holds. The outlook asks it for eleven rounds without
/// matching names again.
#[derive(Clone, Debug)]
pub struct Rights<'a> {
    patentee: bool,
    licences: Vec<&'a Licence>,
}

impl<'a> Rights<'a> {
    /// Matches the filer against the patent's owners and licensees.
    pub fn new(filer: &FilerIdentity, patent: &'a Patent) -> Rights<'a> {
        let patentee = patent.owners.iter().any(|owner| filer.is(owner));
        let licences = if patentee {
            Vec::new()
        } else {
            patent
                .licences
                .iter()
                .filter(|licence| filer.is(&licence.licensee))
                .collect()
        };
        Rights { patentee, licences }
    }

    /// The filer's right on `date` (see [`right_on`]).
    pub fn on(&self, date: Date) -> Right<'a> {
        if self.patentee {
            return Right::Patentee;
        }
        self.licences
            .iter()
            .filter(|licence| covers(licence, date))
            .min_by_key(|licence| (!licence.recorded, strength_rank(licence.kind)))
            .map_or(Right::None, |licence| Right::Licensee(licence))
    }

    /// The licences the filer holds to the patent (none when the filer is a patentee: the
    /// patent right does not depend on them).
    pub fn licences(&self) -> &[&'a Licence] {
        &self.licences
    }
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
