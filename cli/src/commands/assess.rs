//! `assess FILE|-`: the report of one input.

use std::io::Write as _;

use patent_intensive::{Assessor, Detail, Options};

use super::Context;
use crate::args::{Arg, Command};
use crate::io::{self, PackProblem};
use crate::lang::{msg, Exit, Failure};
use crate::Outcome;

const COMMAND: Command = Command {
    name: "assess",
    takes: &["--pack", "--detail", "--pretty"],
};

/// What `assess` is given.
struct Args {
    /// The input file, `-` for standard input.
    path: String,
    /// `--pack ID|FILE`.
    pack: Option<String>,
    /// `--detail full|verdicts`: how much the report says.
    detail: Detail,
    /// `--pretty`: the indented report.
    pretty: bool,
}

/// The values of `--detail` (`assess` and `batch`).
pub const DETAILS: &[(&str, Detail)] = &[("full", Detail::Full), ("verdicts", Detail::Verdicts)];

fn parse(tokens: &[String]) -> Result<Args, Failure> {
    let (mut pack, mut detail, mut pretty, mut positionals) = (None, None, false, Vec::new());
    let mut parser = COMMAND.parser(tokens);
    while let Some(arg) = COMMAND.next(&mut parser)? {
        match arg {
            Arg::Long("pack") => COMMAND.value_once(&mut parser, &mut pack, "--pack")?,
            Arg::Long("detail") => COMMAND.value_once(&mut parser, &mut detail, "--detail")?,
            Arg::Long("pretty") => pretty = true,
            Arg::Value(value) => positionals.push(COMMAND.text(value)?),
            other => return Err(COMMAND.error(other.unexpected())),
        }
    }
    Ok(Args {
        path: COMMAND.one(positionals, "FILE|-")?,
        pack,
        detail: COMMAND.choice("--detail", detail, DETAILS, Detail::Full)?,
        pretty,
    })
}

/// Runs `assess`.
pub fn run(tokens: &[String], _context: &Context) -> Outcome {
    let args = parse(tokens)?;
    let (path, pretty) = (args.path.as_str(), args.pretty);
    let mut options = Options {
        detail: args.detail,
        ..Options::default()
    };
    if let Some(arg) = args.pack.as_deref() {
        match io::resolve_pack(arg) {
            Ok((pack, _)) => options.pack = Some(pack),
            Err(PackProblem::Failure(failure)) => return Err(failure),
            Err(PackProblem::Invalid(findings)) => {
                // The report contract holds even here: stdout gets a report carrying the
                // pack's findings, stderr says whose findings they are.
                let failure = io::invalid_pack(arg, &findings);
                let mut report = patent_intensive::report_for_findings(findings);
                report.detail = options.detail;
                print(&report, pretty)?;
                return Err(failure);
            }
        }
    }
    let bytes = io::read_source(path)?;
    let report = io::assess_bytes(&Assessor::new(), &bytes, &options);
    print(&report, pretty)?;
    if report.has_errors() {
        let count = report.findings.iter().filter(|f| f.is_error()).count();
        return Err(Failure::invalid(msg!(
            "输入有 {count} 个错误，未作评估；问题列在报告的 findings 中",
            "the input has {count} errors and was not assessed; they are listed in the report's findings"
        )));
    }
    Ok(Exit::Ok)
}

/// Writes the report straight to standard output, without first building it as one string.
fn print(report: &patent_intensive::Report, pretty: bool) -> Result<(), Failure> {
    io::check_stdout()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if pretty {
        report.write_json_pretty(&mut out)
    } else {
        report.write_json(&mut out)
    };
    written
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|error| io::cannot_write(&error))
}
