//! The checks of rules.md §5 that stand on their own, at their former path: CN patent numbers
//! and unified social credit codes live in [`crate::ids`] and are re-exported here.
//!
//! The findings themselves live in [`crate::findings`] (the bottom layer); they are re-exported
//! here, at the path they had before, so `crate::validate::Finding` still names them.

pub use crate::ids::{patent_number, uscc};

pub use crate::findings::{pointer, Code, Finding, Findings, Severity, MAX_FINDINGS};
