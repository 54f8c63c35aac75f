//! One module per command. Each parses its own arguments and returns an [`crate::Outcome`].

pub mod assess;
pub mod batch;
pub mod outlook;
pub mod packs;
pub mod rules;
pub mod test;
pub mod verify;

use crate::args::Args;
use crate::lang::{msg, Failure, Lang};

/// What every command needs besides its arguments.
pub struct Context {
    /// The user's language, for messages and the rule book.
    pub lang: Lang,
}

/// The single positional argument of a command, or a usage error naming what is expected.
fn one_positional<'a>(args: &'a Args, what: &str, command: &str) -> Result<&'a str, Failure> {
    match args.positionals.as_slice() {
        [one] => Ok(one.as_str()),
        [] => Err(Failure::usage(msg!(
            "`{command}` 需要参数 {what}",
            "`{command}` needs {what}"
        ))
        .help(help_hint(command))),
        [_, extra, ..] => Err(Failure::usage(msg!(
            "`{command}` 多余的参数 `{extra}`",
            "`{command}` takes one {what}; unexpected `{extra}`"
        ))
        .help(help_hint(command))),
    }
}

/// No positional argument allowed.
fn no_positional(args: &Args, command: &str) -> Result<(), Failure> {
    match args.positionals.first() {
        None => Ok(()),
        Some(extra) => Err(Failure::usage(msg!(
            "`{command}` 多余的参数 `{extra}`",
            "`{command}` takes no argument; unexpected `{extra}`"
        ))
        .help(help_hint(command))),
    }
}

fn help_hint(command: &str) -> patent_intensive::text::Text {
    msg!(
        "运行 `patent-intensive {command} --help` 查看用法",
        "run `patent-intensive {command} --help` for usage"
    )
}

/// Reads an option that must be one of `allowed`.
fn choice<'a>(
    args: &'a Args,
    option: &str,
    allowed: &[&'static str],
    default: &'static str,
) -> Result<&'a str, Failure> {
    match args.value(option) {
        None => Ok(default),
        Some(value) if allowed.contains(&value) => Ok(value),
        Some(value) => {
            let allowed = allowed.join(", ");
            Err(Failure::usage(msg!(
                "`{option}` 的取值 `{value}` 无效（可选：{allowed}）",
                "`{option}` must be one of {allowed}, not `{value}`"
            )))
        }
    }
}
