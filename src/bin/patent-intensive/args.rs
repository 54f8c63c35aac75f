//! Command-line parsing, by hand: a handful of options per command does not justify a
//! dependency, and this keeps the binary's dependency set equal to the library's.

use crate::lang::{msg, Failure};

/// What a command accepts besides its positional arguments.
pub struct Spec {
    /// Options that take a value (`--pack FILE` or `--pack=FILE`).
    pub options: &'static [&'static str],
    /// Options that take none (`--pretty`).
    pub flags: &'static [&'static str],
}

/// A command's parsed arguments.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments in order (`-` included: it means standard input).
    pub positionals: Vec<String>,
    values: Vec<(&'static str, String)>,
    flags: Vec<&'static str>,
}

impl Args {
    /// The value of option `name`, when given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether flag `name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }
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
/// positional.
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
                None => return Err(missing_value("--lang")),
            },
            _ => match token.strip_prefix("--lang=") {
                Some(value) => global.lang = Some(value.to_string()),
                None => rest.push(token),
            },
        }
    }
    Ok((global, rest))
}

/// Parses a command's tokens (after its name) against its spec.
pub fn parse(tokens: &[String], spec: &Spec) -> Result<Args, Failure> {
    let mut args = Args::default();
    let mut tokens = tokens.iter();
    while let Some(token) = tokens.next() {
        if token == "--" {
            args.positionals.extend(tokens.by_ref().cloned());
            break;
        }
        if token == "-" || !token.starts_with('-') {
            args.positionals.push(token.clone());
            continue;
        }
        let (name, inline) = match token.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (token.as_str(), None),
        };
        if let Some(option) = spec.options.iter().find(|o| **o == name) {
            let value = match inline {
                Some(value) => value,
                None => tokens
                    .next()
                    .cloned()
                    .ok_or_else(|| missing_value(option))?,
            };
            if args.value(option).is_some() {
                return Err(Failure::usage(msg!(
                    "选项 `{option}` 只能给一次",
                    "option `{option}` given more than once"
                )));
            }
            args.values.push((option, value));
        } else if let Some(flag) = spec.flags.iter().find(|f| **f == name) {
            if inline.is_some() {
                return Err(Failure::usage(msg!(
                    "选项 `{flag}` 不带取值",
                    "option `{flag}` takes no value"
                )));
            }
            args.flags.push(flag);
        } else {
            let known = spec
                .options
                .iter()
                .chain(spec.flags)
                .chain(["--lang", "--help"].iter())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Failure::usage(msg!(
                "未知选项 `{token}`（本命令可用：{known}）",
                "unknown option `{token}` (this command takes: {known})"
            )));
        }
    }
    Ok(args)
}

fn missing_value(option: &str) -> Failure {
    Failure::usage(msg!(
        "选项 `{option}` 缺少取值",
        "option `{option}` needs a value"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec = Spec {
        options: &["--pack", "--jobs"],
        flags: &["--pretty"],
    };

    fn strings(tokens: &[&str]) -> Vec<String> {
        tokens.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn options_flags_and_positionals() {
        let args = parse(
            &strings(&["a.json", "--pack=p.json", "--pretty", "-", "--jobs", "4"]),
            &SPEC,
        )
        .unwrap();
        assert_eq!(args.positionals, ["a.json", "-"]);
        assert_eq!(args.value("--pack"), Some("p.json"));
        assert_eq!(args.value("--jobs"), Some("4"));
        assert!(args.flag("--pretty"));
    }

    #[test]
    fn double_dash_ends_options() {
        let args = parse(&strings(&["--", "--pretty"]), &SPEC).unwrap();
        assert_eq!(args.positionals, ["--pretty"]);
        assert!(!args.flag("--pretty"));
    }

    #[test]
    fn errors_name_the_option() {
        let unknown = parse(&strings(&["--prety"]), &SPEC).unwrap_err();
        assert!(unknown.message().en.contains("`--prety`"));
        let missing = parse(&strings(&["--pack"]), &SPEC).unwrap_err();
        assert!(missing.message().en.contains("needs a value"));
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
