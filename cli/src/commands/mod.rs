//! One module per command. Each parses its arguments into a typed options struct of its own
//! ([`crate::args`]) and returns an [`crate::Outcome`].

pub mod assess;
pub mod batch;
pub mod outlook;
pub mod packs;
pub mod rules;
pub mod test;
pub mod verify;

use crate::lang::Lang;

/// What every command needs besides its arguments.
pub struct Context {
    /// The user's language, for messages and the rule book.
    pub lang: Lang,
}
