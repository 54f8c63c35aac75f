//! `outlook FILE|-`: each product's outlook (rules.md §6) as a readable table. The JSON stays in
//! `assess`; this command only lays out what the report says.

use patent_intensive::report::outlook::{EventKind, Outlook};
use patent_intensive::report::ProductResult;
use patent_intensive::report::Verdict;
use patent_intensive::{Assessor, Options, Report};

use super::Context;
use crate::args::{Arg, Command};
use crate::io::{self, PackProblem};
use crate::lang::{msg, Exit, Failure, Lang};
use crate::Outcome;

const COMMAND: Command = Command {
    name: "outlook",
    takes: &["--pack"],
};

/// What `outlook` is given.
struct Args {
    /// The input file, `-` for standard input.
    path: String,
    /// `--pack ID|FILE`.
    pack: Option<String>,
}

fn parse(tokens: &[String]) -> Result<Args, Failure> {
    let (mut pack, mut positionals) = (None, Vec::new());
    let mut parser = COMMAND.parser(tokens);
    while let Some(arg) = COMMAND.next(&mut parser)? {
        match arg {
            Arg::Long("pack") => COMMAND.value_once(&mut parser, &mut pack, "--pack")?,
            Arg::Value(value) => positionals.push(COMMAND.text(value)?),
            other => return Err(COMMAND.error(other.unexpected())),
        }
    }
    Ok(Args {
        path: COMMAND.one(positionals, "FILE|-")?,
        pack,
    })
}

/// Runs `outlook`.
pub fn run(tokens: &[String], context: &Context) -> Outcome {
    let args = parse(tokens)?;
    let path = args.path.as_str();
    let mut options = Options::default();
    if let Some(arg) = args.pack.as_deref() {
        match io::resolve_pack(arg) {
            Ok((pack, _)) => options.pack = Some(pack),
            Err(PackProblem::Failure(failure)) => return Err(failure),
            Err(PackProblem::Invalid(findings)) => return Err(io::invalid_pack(arg, &findings)),
        }
    }
    let bytes = io::read_source(path)?;
    let report = io::assess_bytes(&Assessor::new(), &bytes, &options);
    let lang = context.lang;
    if report.has_errors() {
        io::write_stdout(findings(&report, lang).as_bytes())?;
        let count = report.findings.iter().filter(|f| f.is_error()).count();
        return Err(Failure::invalid(msg!(
            "输入有 {count} 个错误，未作评估",
            "the input has {count} errors and was not assessed"
        )));
    }
    io::write_stdout(render(&report, lang).as_bytes())?;
    Ok(Exit::Ok)
}

/// The input's errors, one per line: pointer, code, message.
fn findings(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for finding in report.findings.iter().filter(|f| f.is_error()) {
        let path = if finding.path.is_empty() {
            "/"
        } else {
            finding.path.as_str()
        };
        out.push_str(&format!(
            "{path}  {}  {}\n",
            finding.code.as_str(),
            lang.of(&finding.message)
        ));
    }
    out
}

/// Columns as a terminal shows them: CJK characters take two.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
        .sum()
}

fn pad(text: &str, to: usize) -> String {
    let mut out = text.to_string();
    out.push_str(&" ".repeat(to.saturating_sub(width(text))));
    out
}

/// Every product's outlook, one block each.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    if let (Some(year), Some(date)) = (report.round_year, report.reference_date) {
        let last = year + 10;
        out.push_str(&match lang {
            Lang::Zh => format!("展望：{year}—{last} 年度（参照日 {date}，以后各年度顺延）\n"),
            Lang::En => format!(
                "Outlook: rounds {year}–{last} (reference date {date}, moved by a year each round)\n"
            ),
        });
    }
    for product in &report.products {
        out.push('\n');
        product_block(&mut out, product, lang);
    }
    if let Some(first) = report.products.first() {
        out.push('\n');
        out.push_str(lang.of(&first.outlook.assumptions));
        out.push('\n');
    }
    out
}

fn product_block(out: &mut String, product: &ProductResult, lang: Lang) {
    let outlook: &Outlook = &product.outlook;
    let name = product
        .name
        .as_deref()
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    let verdict = match (outlook.holds_through, outlook.first_failing_round, lang) {
        (Some(h), Some(f), Lang::Zh) => format!("专利条件维持到 {h} 年度，{f} 年度起不满足"),
        (Some(h), Some(f), Lang::En) => {
            format!("patent criteria hold through {h}; first failing round {f}")
        }
        (Some(h), None, Lang::Zh) => format!("专利条件维持到 {h} 年度（展望期内全部满足）"),
        (Some(h), None, Lang::En) => format!("patent criteria hold through {h} (every round)"),
        (None, _, Lang::Zh) => "本年度专利条件即不满足".to_string(),
        (None, _, Lang::En) => "patent criteria already fail in this round".to_string(),
    };
    out.push_str(&format!("{}{name} — {verdict}\n", product.id));
    let headings = match lang {
        Lang::Zh => [
            "年度",
            "参照日",
            "专利条件",
            "未满足",
            "计入",
            "发明",
            "加权强度",
        ],
        Lang::En => [
            "round",
            "reference",
            "patents",
            "failing",
            "counted",
            "inventions",
            "weighted",
        ],
    };
    let widths = [6, 12, 10, 14, 9, 11, 8];
    let row = |cells: [String; 7]| -> String {
        let mut line = String::from("  ");
        for (cell, w) in cells.iter().zip(widths) {
            line.push_str(&pad(cell, w));
        }
        line.trim_end().to_string() + "\n"
    };
    out.push_str(&row(headings.map(str::to_string)));
    for round in &outlook.rounds {
        let verdict = match (round.patent_verdict, lang) {
            (Verdict::Fail, Lang::Zh) => "不满足",
            (Verdict::Fail, Lang::En) => "FAIL",
            (_, Lang::Zh) => "满足",
            (_, Lang::En) => "pass",
        };
        out.push_str(&row([
            round.round_year.to_string(),
            round.reference_date.to_string(),
            verdict.to_string(),
            round.failing.join(","),
            round.counted_patents.to_string(),
            round.counted_inventions.to_string(),
            round
                .weighted_strength
                .clone()
                .unwrap_or_else(|| "—".into()),
        ]));
    }
    if !outlook.causes.is_empty() {
        out.push_str(lang.pick("  原因：\n", "  Causes:\n"));
        for cause in &outlook.causes {
            out.push_str(&format!(
                "    {}  {}\n",
                cause.date,
                lang.of(&cause.message)
            ));
        }
    }
    if !outlook.critical_patents.is_empty() {
        out.push_str(lang.pick(
            "  关键专利（一旦失效即不满足）：\n",
            "  Critical patents (their loss alone fails the round):\n",
        ));
        for critical in &outlook.critical_patents {
            let fee = critical.annual_fee_due.as_deref().unwrap_or("—");
            let ends = critical
                .term_ends
                .map_or_else(|| "—".to_string(), |d| d.to_string());
            let criteria = critical.criteria.join(",");
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "    {}  {criteria}  年费每年 {fee} 前缴纳  保护期至 {ends}\n",
                    critical.patent
                ),
                Lang::En => format!(
                    "    {}  {criteria}  annual fee due by {fee}  term ends {ends}\n",
                    critical.patent
                ),
            });
        }
    }
    if !outlook.events.is_empty() {
        out.push_str(lang.pick("  日历事件：\n", "  Events:\n"));
        for event in &outlook.events {
            let kind = match (event.event, lang) {
                (EventKind::TermEnds, Lang::Zh) => "保护期届满",
                (EventKind::TermEnds, Lang::En) => "term ends",
                (EventKind::LicenceEnds, Lang::Zh) => "许可到期",
                (EventKind::LicenceEnds, Lang::En) => "licence ends",
            };
            out.push_str(&format!(
                "    {}  {}  {}\n",
                event.date,
                pad(kind, 12),
                event.patent
            ));
        }
    }
}
