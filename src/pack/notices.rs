//! The statements that go with every use of a pack: what the engine cannot judge, and whether the
//! pack's thresholds are official. One function for the report and the rule book, so both carry
//! the same caveats for the same pack.

use crate::pack::{Basis, RulePack};
use crate::text::{text, Text};

/// Who reads the notices: each says the same caveats about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// An assessment report.
    Report,
    /// The rule book generated from the pack (`crate::rulebook`).
    RuleBook,
}

/// The notices for `pack`: always the first stage only; the reference-values caveat when any
/// benchmark row's basis is not official.
pub fn notices(pack: &RulePack, reader: Reader) -> Vec<Text> {
    let first_stage_only = match reader {
        Reader::Report => Text::new(
            "本结果仅预审第一阶段“专利性评价”；第二阶段“产业性评价”由行业专家进行，无法计算，不在本结果之内。",
            "This result pre-screens only the first stage, the patent evaluation; the second stage, the industry evaluation by sector experts, cannot be computed and is not part of it.",
        ),
        Reader::RuleBook => Text::new(
            "本规则手册只涵盖第一阶段“专利性评价”；第二阶段“产业性评价”由行业专家进行，无法计算。",
            "This rule book covers only the first stage, the patent evaluation; the second stage, the industry evaluation by sector experts, cannot be computed.",
        ),
    };
    let mut notices = vec![first_stage_only];
    let reference = pack
        .benchmarks
        .iter()
        .any(|row| row.basis() != Basis::Official);
    if reference {
        let id = &pack.id;
        notices.push(match reader {
            Reader::Report => text!(
                "规则包 {id} 的基准阈值是本项目的参考值，不是官方值：达到即“达到参考基准”，并非认定。",
                "The benchmark thresholds of pack {id} are this project's reference values, not official ones: meeting them means \"meets the reference benchmark\", not certified."
            ),
            Reader::RuleBook => Text::new(
                "本规则包的基准阈值含本项目的参考值（basis 为 reference），不是官方值：达到参考值即“达到参考基准”，并非认定。",
                "This pack's benchmark thresholds include this project's reference values (basis `reference`), not official ones: meeting them means \"meets the reference benchmark\", not certified.",
            ),
        });
    }
    notices
}
