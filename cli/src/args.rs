//! Command-line parsing. The global options (`--lang`, `--help`, `--version`) are taken out first,
//! wherever they stand, so that the language of every later message and a request for help are
//! known before a command looks at its own arguments. Each command then reads the rest with
//! [`lexopt`] into one typed options struct of its own: every option a command reads is a field
//! the compiler checks, and a name no command arm matches (`--packk`) is a usage error.

use std::ffi::OsString;

pub use lexopt::Arg;

use crate::lang::{msg, Failure};

/// A command as its parser sees it: its name (for messages) and the options it takes (listed
/// when an unknown one is given).
#[derive(Clone, Copy, Debug)]
pub struct Command {
    /// The command as typed (`assess`, `pack export`).
    pub name: &'static str,
    /// The options the command takes, besides the global ones.
    pub takes: &'static [&'static str],
}

impl Command {
    /// A parser over the command's tokens (those after its name).
    pub fn parser(self, tokens: &[String]) -> lexopt::Parser {
        lexopt::Parser::from_args(tokens.iter().map(OsString::from))
    }

    /// The next argument, or a usage error (a flag given a value: `--pretty=x`).
    pub fn next<'p>(self, parser: &'p mut lexopt::Parser) -> Result<Option<Arg<'p>>, Failure> {
        parser.next().map_err(|error| self.error(error))
    }

    /// Turns a parser error into a usage error naming the option and the command's help.
    pub fn error(self, error: lexopt::Error) -> Failure {
        let command = self.name;
        let message = match error {
            lexopt::Error::UnexpectedOption(option) => {
                let known = self
                    .takes
                    .iter()
                    .chain(["--lang", "--help"].iter())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                msg!(
                    "`{command}` 没有选项 `{option}`（本命令可用：{known}）",
                    "unknown option `{option}` for `{command}` (this command takes: {known})"
                )
            }
            lexopt::Error::MissingValue { option } => {
                let option = option.unwrap_or_default();
                msg!(
                    "选项 `{option}` 缺少取值",
                    "option `{option}` needs a value"
                )
            }
            lexopt::Error::UnexpectedValue { option, .. } => msg!(
                "选项 `{option}` 不带取值",
                "option `{option}` takes no value"
            ),
            lexopt::Error::UnexpectedArgument(value) => {
                let extra = value.to_string_lossy().into_owned();
                msg!(
                    "`{command}` 多余的参数 `{extra}`",
                    "`{command}` takes no argument `{extra}`"
                )
            }
            lexopt::Error::NonUnicodeValue(value) => {
                let shown = value.to_string_lossy().into_owned();
                msg!(
                    "参数 `{shown}` 不是有效的 UTF-8 文本",
                    "argument `{shown}` is not valid UTF-8"
                )
            }
            other => {
                let shown = other.to_string();
                msg!("参数有误：{shown}", "invalid arguments: {shown}")
            }
        };
        Failure::usage(message).help(help_hint(command))
    }

    /// The value of option `option` (just matched), as text.
    pub fn value(self, parser: &mut lexopt::Parser) -> Result<String, Failure> {
        let value = parser.value().map_err(|error| self.error(error))?;
        self.text(value)
    }

    /// A positional argument as text.
    pub fn text(self, value: OsString) -> Result<String, Failure> {
        value
            .into_string()
            .map_err(|value| self.error(lexopt::Error::NonUnicodeValue(value)))
    }

    /// Reads an option's value and stores it in `slot`: a missing value or a second one is a
    /// usage error.
    pub fn value_once(
        self,
        parser: &mut lexopt::Parser,
        slot: &mut Option<String>,
        option: &str,
    ) -> Result<(), Failure> {
        let value = self.value(parser)?;
        self.once(slot, option, value)
    }

    /// Stores the value of an option that may be given once.
    pub fn once<T>(self, slot: &mut Option<T>, option: &str, value: T) -> Result<(), Failure> {
        if slot.is_some() {
            return Err(Failure::usage(msg!(
                "选项 `{option}` 只能给一次",
                "option `{option}` given more than once"
            ))
            .help(help_hint(self.name)));
        }
        *slot = Some(value);
        Ok(())
    }

    /// The one value of an option that must be one of `allowed`, or `default` when not given.
    pub fn choice<T: Copy>(
        self,
        option: &str,
        given: Option<String>,
        allowed: &[(&'static str, T)],
        default: T,
    ) -> Result<T, Failure> {
        let Some(value) = given else {
            return Ok(default);
        };
        match allowed.iter().find(|(name, _)| *name == value) {
            Some((_, choice)) => Ok(*choice),
            None => {
                let allowed = allowed
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(Failure::usage(msg!(
                    "`{option}` 的取值 `{value}` 无效（可选：{allowed}）",
                    "`{option}` must be one of {allowed}, not `{value}`"
                )))
            }
        }
    }

    /// The single positional argument, or a usage error naming what is expected.
    pub fn one(self, positionals: Vec<String>, what: &str) -> Result<String, Failure> {
        let command = self.name;
        let mut positionals = positionals.into_iter();
        match (positionals.next(), positionals.next()) {
            (Some(one), None) => Ok(one),
            (None, _) => Err(Failure::usage(msg!(
                "`{command}` 需要参数 {what}",
                "`{command}` needs {what}"
            ))
            .help(help_hint(command))),
            (Some(_), Some(extra)) => Err(Failure::usage(msg!(
                "`{command}` 多余的参数 `{extra}`",
                "`{command}` takes one {what}; unexpected `{extra}`"
            ))
            .help(help_hint(command))),
        }
    }

    /// For a command that takes one positional argument (`what`) and one flag (`--{flag}`, no
    /// value): the argument and whether the flag was given.
    pub fn one_with_flag(
        self,
        tokens: &[String],
        flag: &str,
        what: &str,
    ) -> Result<(String, bool), Failure> {
        let (mut given, mut positionals) = (false, Vec::new());
        let mut parser = self.parser(tokens);
        while let Some(arg) = self.next(&mut parser)? {
            match arg {
                Arg::Long(name) if name == flag => given = true,
                Arg::Value(value) => positionals.push(self.text(value)?),
                other => return Err(self.error(other.unexpected())),
            }
        }
        Ok((self.one(positionals, what)?, given))
    }

    /// A usage error for a positional argument where the command takes none.
    pub fn no_positional(self, extra: &str) -> Failure {
        let command = self.name;
        Failure::usage(msg!(
            "`{command}` 多余的参数 `{extra}`",
            "`{command}` takes no argument; unexpected `{extra}`"
        ))
        .help(help_hint(command))
    }
}

/// Where to read about a command.
pub fn help_hint(command: &str) -> patent_intensive::text::Text {
    msg!(
        "运行 `patent-intensive {command} --help` 查看用法",
        "run `patent-intensive {command} --help` for usage"
    )
}

/// Options every command accepts, taken out before the command's own parsing.
#[derive(Debug, Default)]
pub struct Global {
    /// `--lang zh|en`, as given.
    pub lang: Option<String>,
    /// `--help` or `-h`.
    pub help: bool,
    /// `--version` or `-V`.
    pub version: bool,
}

/// Separates the global options from the rest. Stops at `--`, after which every token is
/// positional. By hand rather than with lexopt: this pass must hand every other token on
/// untouched, without knowing which command options take values.
pub fn split_global(tokens: Vec<String>) -> Result<(Global, Vec<String>), Failure> {
    let mut global = Global::default();
    let mut rest = Vec::with_capacity(tokens.len());
    let mut tokens = tokens.into_iter();
    while let Some(token) = tokens.next() {
        match token.as_str() {
            "--" => {
                rest.push(token);
                rest.extend(tokens.by_ref());
            }
            "--help" | "-h" => global.help = true,
            "--version" | "-V" => global.version = true,
            "--lang" => match tokens.next() {
                Some(value) => global.lang = Some(value),
                None => {
                    return Err(Failure::usage(msg!(
                        "选项 `--lang` 缺少取值",
                        "option `--lang` needs a value"
                    )))
                }
            },
            _ => match token.strip_prefix("--lang=") {
                Some(value) => global.lang = Some(value.to_string()),
                None => rest.push(token),
            },
        }
    }
    Ok((global, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST: Command = Command {
        name: "test",
        takes: &["--pack FILE", "--pretty"],
    };

    #[derive(Debug, Default)]
    struct Options {
        pack: Option<String>,
        pretty: bool,
        positionals: Vec<String>,
    }

    fn parse(tokens: &[&str]) -> Result<Options, Failure> {
        let tokens: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
        let mut options = Options::default();
        let mut parser = TEST.parser(&tokens);
        while let Some(arg) = TEST.next(&mut parser)? {
            match arg {
                Arg::Long("pack") => {
                    let value = TEST.value(&mut parser)?;
                    TEST.once(&mut options.pack, "--pack", value)?;
                }
                Arg::Long("pretty") => options.pretty = true,
                Arg::Value(value) => options.positionals.push(TEST.text(value)?),
                other => return Err(TEST.error(other.unexpected())),
            }
        }
        Ok(options)
    }

    fn strings(tokens: &[&str]) -> Vec<String> {
        tokens.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn options_flags_and_positionals() {
        let options = parse(&["a.json", "--pack=p.json", "--pretty", "-"]).unwrap();
        assert_eq!(options.positionals, ["a.json", "-"]);
        assert_eq!(options.pack.as_deref(), Some("p.json"));
        assert!(options.pretty);
        let spaced = parse(&["--pack", "-"]).unwrap();
        assert_eq!(spaced.pack.as_deref(), Some("-"));
    }

    #[test]
    fn double_dash_ends_options() {
        let options = parse(&["--", "--pretty"]).unwrap();
        assert_eq!(options.positionals, ["--pretty"]);
        assert!(!options.pretty);
    }

    #[test]
    fn errors_name_the_option_and_the_help() {
        let unknown = parse(&["--prety"]).unwrap_err();
        assert!(unknown.message().en.contains("`--prety`"));
        assert!(unknown.message().zh.contains("`--prety`"));
        let short = parse(&["-x"]).unwrap_err();
        assert!(short.message().en.contains("`-x`"));
        let missing = parse(&["--pack"]).unwrap_err();
        assert!(missing.message().en.contains("`--pack` needs a value"));
        let flag_value = parse(&["--pretty=yes"]).unwrap_err();
        assert!(flag_value.message().en.contains("takes no value"));
        let twice = parse(&["--pack", "a", "--pack=b"]).unwrap_err();
        assert!(twice.message().en.contains("more than once"));
        // No abbreviations: a prefix is not the option.
        assert!(parse(&["--pac", "x"]).is_err());
    }

    #[test]
    fn global_options_anywhere() {
        let (global, rest) =
            split_global(strings(&["assess", "--lang=zh", "x.json", "-h"])).unwrap();
        assert_eq!(global.lang.as_deref(), Some("zh"));
        assert!(global.help);
        assert_eq!(rest, ["assess", "x.json"]);
    }
}
