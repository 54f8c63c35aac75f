//! `patent-intensive`: the command line over the library. Every decision about an input is the
//! library's; this layer reads files, parses arguments, picks the user's language, runs threads
//! for `batch` and turns outcomes into exit statuses (docs/cli.md).

mod args;
mod commands;
mod help;
mod io;
mod lang;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use crate::lang::{msg, Exit, Failure, Lang};

/// mimalloc instead of the system allocator: an assessment makes many small allocations, and
/// with glibc's malloc and free they were about 40 % of its time at 1,000 products × 10,000
/// patents (ARCHITECTURE.md, "Dependencies"). The library leaves the choice to the program using it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let env_lang = lang::from_env();
    let (lang, outcome) = run(std::env::args_os().skip(1).collect(), env_lang);
    let exit = match outcome {
        Ok(exit) => exit,
        Err(failure) => {
            // Nothing more can be done when stderr itself is gone.
            let _ = std::io::stderr().write_all(failure.render(lang).as_bytes());
            failure.exit
        }
    };
    ExitCode::from(exit as u8)
}

/// What a command returns: its exit status, or why it stopped.
pub type Outcome = Result<Exit, Failure>;

/// Runs the program on its arguments; returns the language chosen (for the failure message) and
/// the outcome.
fn run(raw: Vec<OsString>, env_lang: Lang) -> (Lang, Outcome) {
    let mut tokens = Vec::with_capacity(raw.len());
    for token in raw {
        match token.into_string() {
            Ok(token) => tokens.push(token),
            Err(token) => {
                let shown = token.to_string_lossy().into_owned();
                let failure = Failure::usage(msg!(
                    "参数 `{shown}` 不是有效的 UTF-8 文本",
                    "argument `{shown}` is not valid UTF-8"
                ));
                return (env_lang, Err(failure));
            }
        }
    }
    let (global, rest) = match args::split_global(tokens) {
        Ok(split) => split,
        Err(failure) => return (env_lang, Err(failure)),
    };
    let lang = match global.lang.as_deref().map(|l| (l, Lang::parse(l))) {
        None => env_lang,
        Some((_, Some(lang))) => lang,
        Some((given, None)) => {
            let failure = Failure::usage(msg!(
                "不支持的语言 `{given}`（可选：zh、en）",
                "unsupported language `{given}` (zh or en)"
            ));
            return (env_lang, Err(failure));
        }
    };
    (lang, dispatch(&global, rest, lang))
}

fn dispatch(global: &args::Global, rest: Vec<String>, lang: Lang) -> Outcome {
    let mut rest = rest.into_iter();
    let command = rest.next();
    let tokens: Vec<String> = rest.collect();
    if global.version {
        let version = patent_intensive::VERSION;
        io::write_stdout(format!("patent-intensive {version}\n").as_bytes())?;
        return Ok(Exit::Ok);
    }
    let Some(command) = command else {
        if global.help {
            io::write_stdout(help::general(lang).as_bytes())?;
            return Ok(Exit::Ok);
        }
        return Err(unknown_command(None));
    };
    if command == "help" {
        return match tokens.first() {
            None => io::write_stdout(help::general(lang).as_bytes()).map(|()| Exit::Ok),
            Some(name) => match help::command(name, lang) {
                Some(text) => io::write_stdout(text.as_bytes()).map(|()| Exit::Ok),
                None => Err(unknown_command(Some(name))),
            },
        };
    }
    if global.help {
        return match help::command(&command, lang) {
            Some(text) => io::write_stdout(text.as_bytes()).map(|()| Exit::Ok),
            None => Err(unknown_command(Some(&command))),
        };
    }
    let context = commands::Context { lang };
    match command.as_str() {
        "assess" => commands::assess::run(&tokens, &context),
        "outlook" => commands::outlook::run(&tokens, &context),
        "verify" => commands::verify::run(&tokens, &context),
        "rules" => commands::rules::run(&tokens, &context),
        "test" => commands::test::run(&tokens, &context),
        "batch" => commands::batch::run(&tokens, &context),
        "packs" => commands::packs::list(&tokens, &context),
        "pack" => commands::packs::pack(&tokens, &context),
        other => Err(unknown_command(Some(other))),
    }
}

/// A usage error that lists the valid commands.
fn unknown_command(given: Option<&str>) -> Failure {
    let commands = help::COMMANDS.join(", ");
    let message = match given {
        Some(given) => msg!("未知命令 `{given}`", "unknown command `{given}`"),
        None => msg!("缺少命令", "no command given"),
    };
    Failure::usage(message).help(msg!(
        "可用命令：{commands}；运行 `patent-intensive --help` 查看说明",
        "valid commands: {commands}; run `patent-intensive --help` for more"
    ))
}
