//! The assessment input (input-format.md): its fields as data, the validated model, and the
//! reader that turns a JSON document into that model or into findings.

pub mod fields;
pub mod labels;
mod model;
mod read;

pub use model::*;
pub(crate) use read::read_with;
pub use read::{normalise_name, patent_key, read, read_value, ReadOutcome};
