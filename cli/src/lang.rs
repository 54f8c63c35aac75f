//! The user's language, and the messages and failures the CLI shows in it.

use patent_intensive::text::Text;

pub use patent_intensive::rulebook::Lang;

/// Builds a bilingual message from two format strings sharing the arguments in scope: the core's
/// own `text!`, under the name the CLI's call sites use.
pub(crate) use patent_intensive::text::text as msg;

/// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and
/// not empty decides, as POSIX orders them; Chinese when it starts with `zh`, English otherwise.
pub fn from_env() -> Lang {
    from_vars(|name| std::env::var(name).ok())
}

/// [`from_env`] over any variable source, so tests need not touch the process environment.
pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.is_empty())
        .filter(|value| value.to_ascii_lowercase().starts_with("zh"))
        .map_or(Lang::En, |_| Lang::Zh)
}

/// Exit statuses, the same for every command (docs/cli.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Done; the input was valid, the check held.
    Ok = 0,
    /// Usage error, or a file that could not be read or written: nothing was assessed.
    Usage = 1,
    /// An input (or a rule pack, or a report given to verify) is invalid.
    Invalid = 2,
    /// A check failed: a report that does not reproduce, a stale rule book, a failing case.
    Mismatch = 3,
}

/// Why a command stopped early: a message for stderr and the exit status.
#[derive(Debug)]
pub struct Failure {
    /// The exit status.
    pub exit: Exit,
    /// Boxed: failures travel in every `Result` of the program, and the texts are large.
    text: Box<FailureText>,
}

#[derive(Debug)]
struct FailureText {
    message: Text,
    help: Option<Text>,
    details: Vec<Text>,
}

impl Failure {
    fn with_exit(exit: Exit, message: Text) -> Failure {
        Failure {
            exit,
            text: Box::new(FailureText {
                message,
                help: None,
                details: Vec::new(),
            }),
        }
    }

    /// A usage error.
    pub fn usage(message: Text) -> Failure {
        Failure::with_exit(Exit::Usage, message)
    }

    /// An invalid input.
    pub fn invalid(message: Text) -> Failure {
        Failure::with_exit(Exit::Invalid, message)
    }

    /// A check that failed.
    pub fn mismatch(message: Text) -> Failure {
        Failure::with_exit(Exit::Mismatch, message)
    }

    /// What went wrong.
    #[cfg(test)]
    pub fn message(&self) -> &Text {
        &self.text.message
    }

    /// Adds the help line: what to do about it, shown apart from the message.
    pub fn help(mut self, help: Text) -> Failure {
        self.text.help = Some(help);
        self
    }

    /// Adds detail lines (e.g. each problem of an invalid rule pack).
    pub fn details(mut self, details: Vec<Text>) -> Failure {
        self.text.details = details;
        self
    }

    /// The failure as stderr shows it, ending in a newline.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}{}\n",
            lang.pick("错误：", "error: "),
            lang.of(&self.text.message)
        );
        for detail in &self.text.details {
            out.push_str("  ");
            out.push_str(lang.of(detail));
            out.push('\n');
        }
        if let Some(help) = &self.text.help {
            out.push_str(lang.pick("提示：", "help: "));
            out.push_str(lang.of(help));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn locale_precedence_follows_posix() {
        assert_eq!(from_vars(vars(&[])), Lang::En);
        assert_eq!(from_vars(vars(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            from_vars(vars(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_vars(vars(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "en_US")
            ])),
            Lang::Zh
        );
    }
}
