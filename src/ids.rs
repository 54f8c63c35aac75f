//! Identifiers that stand on their own, below the input model: CN patent application numbers
//! (rules.md §5: spellings, normalisation, the check character and the type digit) and unified
//! social credit codes. They know findings and the number fold, nothing of the input format.

pub mod patent_number;
pub mod uscc;
