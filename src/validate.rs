//! The checks of rules.md §5 that stand on their own: CN patent numbers and unified social credit
//! codes. Cross-field checks run in [`crate::input`] while the document is read, so that every
//! problem is found in one pass.
//!
//! The findings themselves live in [`crate::findings`] (the bottom layer); they are re-exported
//! here, at the path they had before, so `crate::validate::Finding` still names them.

pub mod patent_number;
pub mod uscc;

pub use crate::findings::{pointer, Code, Finding, Findings, Severity, MAX_FINDINGS};
