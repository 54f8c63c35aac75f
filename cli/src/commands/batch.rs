//! `batch [FILE|-]`: NDJSON in, one compact report per line out, in input order, on all cores.
//!
//! Output line N is always the report of input line N, byte-identical to what `assess` prints for
//! that line (so `verify` can check any of them): a malformed line gets its report with findings,
//! and so does a blank line, rather than being skipped and shifting every later line. A line over
//! the document limit (64 MiB) gets the `document_too_large` report and is passed over to its
//! newline without being held in memory: line count in equals line count out.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use patent_intensive::limits::{document_too_large, MAX_DOCUMENT_BYTES};
use patent_intensive::{Assessor, Detail, Options};

use super::Context;
use crate::args::{Arg, Command};
use crate::io;
use crate::lang::{msg, Exit, Failure, Lang};
use crate::Outcome;

const COMMAND: Command = Command {
    name: "batch",
    takes: &["--jobs", "--pack", "--detail"],
};

/// What `batch` is given.
struct Args {
    /// The NDJSON file, `-` (the default) for standard input.
    path: String,
    /// `--jobs N`: worker threads; all cores when absent.
    jobs: Option<usize>,
    /// `--pack ID|FILE`.
    pack: Option<String>,
    /// `--detail full|verdicts`: how much each report says.
    detail: Detail,
}

fn parse(tokens: &[String]) -> Result<Args, Failure> {
    let (mut jobs, mut pack, mut detail, mut positionals) = (None, None, None, Vec::new());
    let mut parser = COMMAND.parser(tokens);
    while let Some(arg) = COMMAND.next(&mut parser)? {
        match arg {
            Arg::Long("jobs") => {
                let text = COMMAND.value(&mut parser)?;
                let n = match text.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => {
                        return Err(Failure::usage(msg!(
                            "`--jobs` 应为正整数，而不是 `{text}`",
                            "`--jobs` must be a positive whole number, not `{text}`"
                        )))
                    }
                };
                COMMAND.once(&mut jobs, "--jobs", n)?;
            }
            Arg::Long("pack") => COMMAND.value_once(&mut parser, &mut pack, "--pack")?,
            Arg::Long("detail") => COMMAND.value_once(&mut parser, &mut detail, "--detail")?,
            Arg::Value(value) => positionals.push(COMMAND.text(value)?),
            other => return Err(COMMAND.error(other.unexpected())),
        }
    }
    let detail = COMMAND.choice("--detail", detail, super::assess::DETAILS, Detail::Full)?;
    let mut positionals = positionals.into_iter();
    let path = match (positionals.next(), positionals.next()) {
        (None, _) => "-".to_string(),
        (Some(one), None) => one,
        (Some(_), Some(extra)) => {
            return Err(Failure::usage(msg!(
                "`batch` 多余的参数 `{extra}`",
                "`batch` takes one FILE; unexpected `{extra}`"
            )))
        }
    };
    Ok(Args {
        path,
        jobs,
        pack,
        detail,
    })
}

/// Lines handed to the workers per round, per worker: large enough that the pause while a round's
/// reports are written is small against the work, small enough to keep memory flat and output
/// flowing.
const LINES_PER_WORKER: usize = 128;

/// Runs `batch`.
pub fn run(tokens: &[String], context: &Context) -> Outcome {
    let args = parse(tokens)?;
    let path = args.path.as_str();
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut options = Options {
        detail: args.detail,
        ..Options::default()
    };
    if let Some(arg) = args.pack.as_deref() {
        options.pack = Some(io::require_pack(arg)?.0);
    }
    let (mut reader, total_bytes): (Box<dyn BufRead>, Option<u64>) = if path == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = std::fs::File::open(path).map_err(|e| io::cannot_read(path, &e))?;
        let size = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        (Box::new(BufReader::new(file)), size)
    };
    io::check_stdout()?;
    let mut progress = Progress::new(std::io::stderr().is_terminal(), total_bytes, context.lang);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut lines, mut with_errors, mut bytes_read) = (0usize, 0usize, 0u64);
    let round = jobs.saturating_mul(LINES_PER_WORKER);
    loop {
        let mut chunk: Vec<Line> = Vec::with_capacity(round);
        let mut chunk_bytes = 0usize;
        // A round also ends at 64 MiB of text, so a few huge lines never add up to more memory
        // than one document may take.
        while chunk.len() < round && chunk_bytes < MAX_DOCUMENT_BYTES {
            let Some(line) = read_line(&mut reader, &mut bytes_read, path, lines + chunk.len())?
            else {
                break;
            };
            if let Line::Text(text) = &line {
                chunk_bytes += text.len();
            }
            chunk.push(line);
        }
        if chunk.is_empty() {
            break;
        }
        if lines == 0 {
            if let Some(Line::Text(first)) = chunk.first_mut() {
                if first.starts_with(b"\xEF\xBB\xBF") {
                    first.drain(..3);
                }
            }
        }
        for (json, has_errors) in assess_all(&chunk, jobs, &options)? {
            out.write_all(json.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| io::cannot_write(&e))?;
            with_errors += usize::from(has_errors);
        }
        out.flush().map_err(|e| io::cannot_write(&e))?;
        lines += chunk.len();
        progress.update(lines, bytes_read);
    }
    progress.finish(lines, with_errors);
    Ok(if with_errors > 0 {
        Exit::Invalid
    } else {
        Exit::Ok
    })
}

/// One input line: its text (line ending removed), or the fact that it was over the document
/// limit (its bytes were passed over, never held).
enum Line {
    Text(Vec<u8>),
    TooLong,
}

/// Reads the next line, holding at most the document limit (and a `\r`) of it: a longer line is
/// read on to its newline without being kept, and comes back as [`Line::TooLong`]. `None` at
/// the end. Memory for a line is reserved fallibly, so running out of it is a message and exit 1,
/// not an abort.
fn read_line(
    reader: &mut dyn BufRead,
    bytes_read: &mut u64,
    path: &str,
    index: usize,
) -> Result<Option<Line>, Failure> {
    let mut line = Vec::new();
    let (mut too_long, mut any) = (false, false);
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(io::cannot_read(path, &error)),
        };
        if buffer.is_empty() {
            break;
        }
        any = true;
        let newline = buffer.iter().position(|&b| b == b'\n');
        let taken = newline.map_or(buffer.len(), |at| at + 1);
        if !too_long {
            let part = buffer.get(..taken).unwrap_or_default();
            // The limit, a `\r` and the `\n` may be held; anything more is over the limit.
            if line.len() + part.len() > MAX_DOCUMENT_BYTES + 2 {
                too_long = true;
                line = Vec::new();
            } else {
                line.try_reserve(part.len())
                    .map_err(|_| out_of_memory(index + 1))?;
                line.extend_from_slice(part);
            }
        }
        reader.consume(taken);
        *bytes_read += taken as u64;
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    trim_line_end(&mut line);
    Ok(Some(if too_long || line.len() > MAX_DOCUMENT_BYTES {
        Line::TooLong
    } else {
        Line::Text(line)
    }))
}

/// Removes the line's `\n` and a `\r` before it (files written on Windows).
fn trim_line_end(line: &mut Vec<u8>) {
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
}

/// The failure when memory for a line cannot be had.
fn out_of_memory(line: usize) -> Failure {
    Failure::usage(msg!(
        "内存不足，无法读取第 {line} 行",
        "out of memory reading line {line}"
    ))
}

/// Assesses every line on `jobs` threads; each idle worker takes the next line, so one slow line
/// does not hold up the others. Returns the compact reports in line order.
fn assess_all(
    lines: &[Line],
    jobs: usize,
    options: &Options,
) -> Result<Vec<(String, bool)>, Failure> {
    // One prepared engine for the whole batch: the packs are parsed once, not once per line.
    let assessor = Assessor::new();
    let next = AtomicUsize::new(0);
    let workers = jobs.min(lines.len()).max(1);
    let joined: Vec<Option<Vec<(usize, String, bool)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(line) = lines.get(index) else {
                            break;
                        };
                        let report = match line {
                            Line::Text(text) => io::assess_bytes(&assessor, text, options),
                            Line::TooLong => {
                                let mut report = patent_intensive::report_for_findings(vec![
                                    document_too_large(""),
                                ]);
                                report.detail = options.detail;
                                report
                            }
                        };
                        done.push((index, report.to_json(), report.has_errors()));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok()).collect()
    });
    let mut reports = Vec::with_capacity(lines.len());
    for done in joined {
        // The library never panics; should a worker die all the same, say so rather than
        // write a batch with lines missing.
        let done = done.ok_or_else(|| {
            Failure::usage(msg!(
                "工作线程意外终止",
                "a worker thread stopped unexpectedly"
            ))
        })?;
        reports.extend(done);
    }
    reports.sort_unstable_by_key(|(index, _, _)| *index);
    Ok(reports
        .into_iter()
        .map(|(_, json, has_errors)| (json, has_errors))
        .collect())
}

/// The progress bar on stderr, drawn only when stderr is a terminal.
struct Progress {
    enabled: bool,
    total_bytes: Option<u64>,
    started: Instant,
    drawn: Option<Instant>,
    lang: Lang,
}

impl Progress {
    fn new(enabled: bool, total_bytes: Option<u64>, lang: Lang) -> Progress {
        Progress {
            enabled,
            total_bytes,
            started: Instant::now(),
            drawn: None,
            lang,
        }
    }

    fn rate(&self, lines: usize) -> u64 {
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        // Display only; a rounding error in a progress figure decides nothing.
        (lines as f64 / seconds).round() as u64
    }

    fn update(&mut self, lines: usize, bytes: u64) {
        if !self.enabled
            || self
                .drawn
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.drawn = Some(Instant::now());
        let rate = self.rate(lines);
        let unit = self.lang.pick("行", "lines");
        let text = match self.total_bytes.filter(|t| *t > 0) {
            Some(total) => {
                let percent = (bytes.saturating_mul(100) / total).min(100);
                let filled = usize::try_from(percent * 30 / 100).unwrap_or(30);
                format!(
                    "\r[{}{}] {percent:>3}%  {lines} {unit}  {rate} {unit}/s",
                    "#".repeat(filled),
                    ".".repeat(30 - filled)
                )
            }
            None => format!("\r{lines} {unit}  {rate} {unit}/s"),
        };
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    fn finish(&mut self, lines: usize, with_errors: usize) {
        if !self.enabled {
            return;
        }
        let seconds = self.started.elapsed().as_secs_f64();
        let rate = self.rate(lines);
        let summary = match self.lang {
            Lang::Zh => format!(
                "\r\x1b[2K{lines} 份报告（{with_errors} 份输入有错误），用时 {seconds:.1} 秒，每秒 {rate} 行\n"
            ),
            Lang::En => format!(
                "\r\x1b[2K{lines} reports ({with_errors} with input errors) in {seconds:.1} s, {rate} lines/s\n"
            ),
        };
        let _ = std::io::stderr().write_all(summary.as_bytes());
    }
}
