//! Which pack an assessment applies (ARCHITECTURE.md "Pack choice"): the caller's, else the one
//! the input names, else the one whose rounds contain the round year.

use std::borrow::Cow;

use crate::findings::{Code, Finding};
use crate::pack::{self, RulePack};
use crate::text::text;

/// Where the embedded packs come from: parsed beforehand by an [`crate::Assessor`], or parsed
/// when chosen.
#[derive(Clone, Copy)]
pub(crate) enum Embedded<'a> {
    /// The packs an `Assessor` parsed once.
    Parsed(&'a [RulePack]),
    /// Only the chosen pack, parsed when chosen.
    OnDemand,
}

impl<'a> Embedded<'a> {
    pub(crate) fn by_id(self, id: &str) -> Option<Cow<'a, RulePack>> {
        match self {
            Embedded::Parsed(packs) => packs.iter().find(|p| p.id == id).map(Cow::Borrowed),
            Embedded::OnDemand => pack::embedded_by_id(id).map(Cow::Owned),
        }
    }

    pub(crate) fn for_round(self, year: i32) -> Option<Cow<'a, RulePack>> {
        match self {
            Embedded::Parsed(packs) => {
                let rounds: Vec<pack::Rounds> = packs.iter().map(|p| p.rounds).collect();
                packs
                    .get(pack::index_for_round(&rounds, year)?)
                    .map(Cow::Borrowed)
            }
            Embedded::OnDemand => pack::embedded_for_round(year).map(Cow::Owned),
        }
    }

    pub(crate) fn ids(self) -> Vec<String> {
        match self {
            Embedded::Parsed(packs) => packs.iter().map(|p| p.id.clone()).collect(),
            Embedded::OnDemand => pack::embedded_ids(),
        }
    }
}

/// The pack for an assessment: the caller's, else the one the input names, else the one for
/// the round year. Records `unknown_pack` and `pack_outside_rounds` findings.
pub(crate) fn choose_pack<'a>(
    caller: Option<&'a RulePack>,
    embedded: Embedded<'a>,
    named: Option<&str>,
    round_year: Option<i32>,
    findings: &mut Vec<Finding>,
) -> Option<Cow<'a, RulePack>> {
    let pack = if let Some(pack) = caller {
        Some(Cow::Borrowed(pack))
    } else if let Some(id) = named {
        let found = embedded.by_id(id);
        if found.is_none() {
            let ids = embedded.ids();
            // Joined as `&str`s, as every other list is: one `join` in the WebAssembly module
            // rather than a second copy for `String`s (about 1 KB; docs/wasm.md).
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let (known_zh, known_en) = (ids.join("、"), ids.join(", "));
            let id = crate::findings::shorten(id);
            findings.push(Finding::error(
                "/pack",
                Code::UnknownPack,
                text!(
                    "未知的规则包“{id}”（内置：{known_zh}）",
                    "unknown rule pack “{id}” (embedded: {known_en})"
                ),
            ));
        }
        found
    } else {
        round_year.and_then(|year| embedded.for_round(year))
    };
    if let (Some(pack), Some(year)) = (&pack, round_year) {
        if !pack.rounds.contains(year) {
            let id = &pack.id;
            let first = pack.rounds.first;
            let last = pack
                .rounds
                .last
                .map_or_else(|| "…".to_string(), |l| l.to_string());
            findings.push(Finding::warning(
                "/round_year",
                Code::PackOutsideRounds,
                text!(
                    "规则包 {id} 适用于 {first}—{last} 年度，不含 {year} 年度",
                    "rule pack {id} applies to rounds {first}–{last}, not {year}"
                ),
            ));
        }
    }
    pack
}
