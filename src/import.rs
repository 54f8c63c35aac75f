//! Importing a patent list from CSV or pasted spreadsheet rows (input-format.md, "Importing a
//! patent list"). Enterprises keep their patent lists as exports of patent search systems, above
//! all the CNIPA patent search and analysis system's bibliographic export; [`import_patents_csv`]
//! turns such a table into `patents[]` objects of the assessment input and reports every row it
//! could not read, with its line number and the reason, so nothing is dropped without a word.
//!
//! Pure: text in, patents and problems out. Decoding the file (UTF-8, or GBK as Excel saves it in
//! Chinese locales) is the caller's job; a replacement character in a table without a header is
//! taken as a sign of a wrong decoding and said so.
//!
//! # Why the separated-values parser is written here
//!
//! The parsing (RFC 4180: quoted values, doubled quotes, line breaks inside quotes, CRLF) is a few
//! dozen lines below rather than `csv-core`. Size does not decide it: measured on a release
//! WebAssembly build, `csv-core` costs about 6 KB (3 KB gzip) more than the parser below, little
//! against the module. What decides it is what the import must report. Row numbers are file
//! lines, and a quoted value may span lines, so the parser must give the line each record starts
//! on; and a quote that is never closed swallows the rest of the file into one value, which must
//! be reported rather than imported as one odd row. `csv-core` is lenient by design and signals
//! neither, and driving its byte-buffer API (growing output buffers, re-validating UTF-8) takes
//! about as many lines as the parser itself.
//!
//! # Decisions where the specification is silent
//!
//! - The delimiter is whichever of comma and tab makes the header line name more recognised
//!   columns; the header is the first row naming an application-number column. Non-blank rows
//!   before it are reported, not read.
//! - Blank rows (every value empty, as spreadsheets leave at the end) carry no data and are
//!   skipped without a problem.
//! - A file without any legal status column, or without a filing date column, still imports: one
//!   problem on the header row says the field is left out and must be filled in before
//!   assessment. A row whose own status or filing date is empty, in a file that has the column,
//!   is reported and skipped.
//! - Numbers starting with a common foreign office code (`US`, `EP`, `JP`, …) are kept as given
//!   with that code as the jurisdiction, since foreign patents are legitimate entries of a patent
//!   list (they never count for G4). Anything else must be a CN application number.
//! - The same application on several rows (the CNIPA export lists an invention's application
//!   publication and its grant publication as two records) imports once; a later row that
//!   carries a grant date the first lacks supplies it. Each such row is reported.
//! - When no 专利权状态 column exists, the status is read from 最新法律状态, else 法律状态: the
//!   latest event that settles one decides, and a history is read from its end
//!   (`公开;实质审查;授权;未缴年费专利权终止` is lapsed). 专利权部分无效 (partial invalidation) leaves
//!   the patent in force; 有效期届满 is an expiry like 期限届满.
//! - Dates may also be written with one-digit month and day (`2020/6/18`, as spreadsheets show
//!   them), as `2020年6月18日`, or followed by a time of day, which is dropped.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::date::Date;
use crate::input::{LegalStatus, PatentType};
use crate::text::{text, Text};
use crate::validate::patent_number::{self, NumberError};
use crate::walk::shorten;

/// The outcome of an import: the patents read and every problem met.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PatentImport {
    /// The patents read, in file order, each an object of the input format's `patents[]`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Patent>"))]
    pub patents: Vec<Value>,
    /// Every row not imported and every gap in the whole table, in file order.
    pub problems: Vec<ImportProblem>,
}

/// A row that could not be imported, or a gap in the whole table, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportProblem {
    /// 1-based line number in the file where the row starts (the header is row 1 unless lines
    /// come before it).
    pub row: usize,
    /// The column's header as written in the file, when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong and what became of the row, in Chinese and English.
    pub message: Text,
}

/// Reads a patent list (comma- or tab-separated, UTF-8 with or without BOM, with a header row)
/// into `patents[]` objects. Rows that cannot be read are reported and skipped; the rest import.
pub fn import_patents_csv(text: &str) -> PatentImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(table) = read_table(text) else {
        return PatentImport {
            patents: Vec::new(),
            problems: vec![no_header(text)],
        };
    };
    let mut importer = Importer {
        header: table.header,
        problems: Vec::new(),
        patents: Vec::new(),
        seen: HashMap::new(),
    };
    importer.header_problems(table.records.iter().take(table.header_position));
    for record in table.records.iter().skip(table.header_position + 1) {
        if !is_blank(record) {
            importer.row(record);
        }
    }
    if let Some(unclosed) = table.unclosed {
        let (row, last) = (unclosed.row, unclosed.last_line);
        importer.problem(
            row,
            None,
            text!(
                "本行中的引号没有闭合，第 {row}–{last} 行均无法读取",
                "a quoted value in this row is never closed, so rows {row}–{last} could not be read"
            ),
        );
    }
    let mut problems = importer.problems;
    problems.sort_by_key(|problem| problem.row);
    PatentImport {
        patents: importer
            .patents
            .into_iter()
            .map(|p| Value::Object(p.value))
            .collect(),
        problems,
    }
}

/// What a recognised column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Number,
    FilingDate,
    PublicationNumber,
    PublicationDate,
    Owners,
    Inventors,
    Classification,
    Title,
    LatestStatus,
    LegalStatus,
    RightStatus,
    Type,
    GrantDate,
}

/// Header spellings, folded as [`header_key`] folds them (NFKC turns full-width brackets into
/// ASCII ones, so one entry serves both).
const HEADERS: &[(&str, Column)] = &[
    ("申请号", Column::Number),
    ("专利号", Column::Number),
    ("申请号/专利号", Column::Number),
    ("applicationnumber", Column::Number),
    ("applicationno", Column::Number),
    ("applicationno.", Column::Number),
    ("申请日", Column::FilingDate),
    ("申请日期", Column::FilingDate),
    ("filingdate", Column::FilingDate),
    ("applicationdate", Column::FilingDate),
    ("公开(公告)号", Column::PublicationNumber),
    ("公开公告号", Column::PublicationNumber),
    ("publicationnumber", Column::PublicationNumber),
    ("publicationno", Column::PublicationNumber),
    ("publicationno.", Column::PublicationNumber),
    ("公开(公告)日", Column::PublicationDate),
    ("公开公告日", Column::PublicationDate),
    ("publicationdate", Column::PublicationDate),
    ("申请(专利权)人", Column::Owners),
    ("申请人", Column::Owners),
    ("专利权人", Column::Owners),
    ("applicant/patentee", Column::Owners),
    ("applicant(patentee)", Column::Owners),
    ("applicant", Column::Owners),
    ("applicants", Column::Owners),
    ("patentee", Column::Owners),
    ("patentees", Column::Owners),
    ("发明(设计)人", Column::Inventors),
    ("发明人", Column::Inventors),
    ("inventor", Column::Inventors),
    ("inventors", Column::Inventors),
    ("分类号", Column::Classification),
    ("主分类号", Column::Classification),
    ("ipc", Column::Classification),
    ("ipc/classification", Column::Classification),
    ("classification", Column::Classification),
    ("名称", Column::Title),
    ("发明名称", Column::Title),
    ("专利名称", Column::Title),
    ("title", Column::Title),
    ("最新法律状态", Column::LatestStatus),
    ("latestlegalstatus", Column::LatestStatus),
    ("法律状态", Column::LegalStatus),
    ("legalstatus", Column::LegalStatus),
    ("专利权状态", Column::RightStatus),
    ("patentrightstatus", Column::RightStatus),
    ("type", Column::Type),
    ("patenttype", Column::Type),
    ("专利类型", Column::Type),
    ("类型", Column::Type),
    ("grantdate", Column::GrantDate),
    ("授权日", Column::GrantDate),
    ("授权公告日", Column::GrantDate),
];

/// Offices whose numbers are kept as given (as non-CN patents) rather than read as malformed CN
/// numbers: the major patent offices and the regional ones a Chinese filer's family reaches.
const FOREIGN_OFFICES: &[&str] = &[
    "US", "EP", "WO", "JP", "KR", "DE", "GB", "FR", "TW", "HK", "MO", "AU", "CA", "RU", "IN", "BR",
    "IT", "ES", "NL", "CH", "SE", "AT", "DK", "FI", "BE", "IL", "SG", "MX", "NZ", "ZA", "EA", "NO",
];

fn header_key(header: &str) -> String {
    let key: String = crate::fold::fold(header)
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    key.trim_end_matches(':').to_string()
}

fn column_of(header: &str) -> Option<Column> {
    let key = header_key(header);
    HEADERS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, column)| *column)
}

/// One record of the table and the file line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// A quoted value that is never closed: the row it starts in and the file's last line.
#[derive(Clone, Copy)]
struct Unclosed {
    row: usize,
    last_line: usize,
}

struct Records {
    records: Vec<Record>,
    unclosed: Option<Unclosed>,
}

/// Splits `text` into records (RFC 4180, leniently: a quote inside an unquoted value is kept as
/// a character, and so is text after a closing quote). `\r\n`, `\n` and a lone `\r` end a line.
fn parse_records(text: &str, delimiter: char) -> Records {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut state = State::FieldStart;
    let (mut line, mut record_line) = (1, 1);
    let mut in_record = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_break = c == '\n' || c == '\r';
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
        }
        if state == State::Quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => state = State::AfterQuote,
                _ if line_break => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        in_record = true;
        if c == delimiter {
            fields.push(std::mem::take(&mut field));
            state = State::FieldStart;
        } else if line_break {
            fields.push(std::mem::take(&mut field));
            records.push(Record {
                line: record_line,
                fields: std::mem::take(&mut fields),
            });
            line += 1;
            record_line = line;
            state = State::FieldStart;
            in_record = false;
        } else if c == '"' && state == State::FieldStart {
            state = State::Quoted;
        } else {
            field.push(c);
            if state == State::FieldStart {
                state = State::Unquoted;
            }
        }
    }
    let unclosed = (state == State::Quoted).then(|| Unclosed {
        row: record_line,
        last_line: line
            .saturating_sub(usize::from(text.ends_with(['\n', '\r'])))
            .max(record_line),
    });
    if in_record && state != State::Quoted {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Records { records, unclosed }
}

fn is_blank(record: &Record) -> bool {
    record.fields.iter().all(|field| field.trim().is_empty())
}

/// The header row: each column's meaning (a repeated meaning is read from its first column only)
/// and its name as written.
struct Header {
    line: usize,
    columns: Vec<Option<Column>>,
    names: Vec<String>,
    /// Columns whose meaning an earlier column already has: (name, earlier name).
    repeated: Vec<(String, String)>,
}

impl Header {
    fn new(record: &Record) -> Header {
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(record.fields.len());
        let mut names = Vec::with_capacity(record.fields.len());
        let mut repeated = Vec::new();
        for field in &record.fields {
            let name = field.trim().trim_start_matches('\u{feff}').to_string();
            let mut column = column_of(&name);
            if let Some(first) = column.and_then(|c| columns.iter().position(|&k| k == Some(c))) {
                let first_name = names.get(first).cloned().unwrap_or_default();
                repeated.push((name.clone(), first_name));
                column = None;
            }
            columns.push(column);
            names.push(name);
        }
        Header {
            line: record.line,
            columns,
            names,
            repeated,
        }
    }

    fn index(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|&c| c == Some(column))
    }

    fn has(&self, column: Column) -> bool {
        self.index(column).is_some()
    }

    fn name(&self, column: Column) -> Option<String> {
        self.index(column).and_then(|i| self.names.get(i)).cloned()
    }

    fn recognised(&self) -> usize {
        self.columns.iter().flatten().count()
    }
}

struct Table {
    records: Vec<Record>,
    header: Header,
    header_position: usize,
    unclosed: Option<Unclosed>,
}

/// Reads the table with whichever delimiter makes the header name more recognised columns (a
/// comma on a tie, which only a one-column table can have).
fn read_table(text: &str) -> Option<Table> {
    let mut best: Option<Table> = None;
    for delimiter in [',', '\t'] {
        let Records { records, unclosed } = parse_records(text, delimiter);
        let found = records.iter().enumerate().find_map(|(position, record)| {
            let header = Header::new(record);
            header.has(Column::Number).then_some((position, header))
        });
        let Some((header_position, header)) = found else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|b| header.recognised() > b.header.recognised())
        {
            best = Some(Table {
                records,
                header,
                header_position,
                unclosed,
            });
        }
    }
    best
}

fn no_header(text: &str) -> ImportProblem {
    // Numbered as the rows of a table are, so that a lone `\r` ends a line here too.
    let row = parse_records(text, ',')
        .records
        .iter()
        .find(|record| !is_blank(record))
        .map_or(1, |record| record.line);
    let mut message = Text::new(
        "未找到表头行：须有一列“申请号”（application number）；可识别的列名如 申请号、申请日、名称、申请（专利权）人、专利权状态",
        "no header row found: one column must be 申请号 (application number); recognised columns include 申请号, 申请日, 名称, 申请（专利权）人, 专利权状态",
    );
    if text.contains('\u{fffd}') {
        message.zh.push_str(
            "。文件可能不是 UTF-8 编码（例如 Excel 保存的 GBK），请另存为“CSV UTF-8”后再导入",
        );
        message.en.push_str(
            ". The file may not be UTF-8 (e.g. GBK, as Excel saves it); save it as \"CSV UTF-8\" and import again",
        );
    }
    ImportProblem {
        row,
        column: None,
        message,
    }
}

/// A patent read from a row, with what duplicate rows need to be merged into it.
struct Imported {
    row: usize,
    value: Map<String, Value>,
}

struct Importer {
    header: Header,
    problems: Vec<ImportProblem>,
    patents: Vec<Imported>,
    /// Number → position in `patents`.
    seen: HashMap<String, usize>,
}

/// The row-level outcome: "not imported" is said once in every message, so each problem can be
/// shown on its own.
const NOT_IMPORTED_ZH: &str = "；该行未导入";
const NOT_IMPORTED_EN: &str = "; row not imported";

impl Importer {
    fn problem(&mut self, row: usize, column: Option<String>, message: Text) {
        self.problems.push(ImportProblem {
            row,
            column,
            message,
        });
    }

    /// Problems of the table as a whole, reported on the header row, and rows before it.
    fn header_problems<'r>(&mut self, before: impl Iterator<Item = &'r Record>) {
        let line = self.header.line;
        for record in before.filter(|r| !is_blank(r)) {
            self.problem(
                record.line,
                None,
                text!(
                    "位于表头（第 {line} 行）之前，未读取",
                    "comes before the header row (row {line}); not read"
                ),
            );
        }
        for (name, first) in std::mem::take(&mut self.header.repeated) {
            self.problem(
                line,
                Some(name.clone()),
                text!(
                    "列“{name}”与列“{first}”含义相同，只读取“{first}”",
                    "column “{name}” means the same as column “{first}”; only “{first}” is read"
                ),
            );
        }
        let status_columns = [
            Column::RightStatus,
            Column::LatestStatus,
            Column::LegalStatus,
        ];
        if !status_columns.iter().any(|&c| self.header.has(c)) {
            self.problem(
                line,
                None,
                Text::new(
                    "没有法律状态列（专利权状态、最新法律状态或法律状态）：导入的专利不含法律状态，评估前须逐件填写",
                    "no legal status column (专利权状态, 最新法律状态 or 法律状态): the imported patents have no legal status, which must be filled in before assessment",
                ),
            );
        }
        if !self.header.has(Column::FilingDate) {
            self.problem(
                line,
                None,
                Text::new(
                    "没有申请日列：导入的中国专利不含申请日，评估前须逐件填写",
                    "no filing date column (申请日): the imported Chinese patents have no filing date, which must be filled in before assessment",
                ),
            );
        }
    }

    fn row(&mut self, record: &Record) {
        let mut reader = RowReader {
            header: &self.header,
            record,
            problems: Vec::new(),
        };
        let patent = reader.read();
        let problems = reader.problems;
        if !problems.is_empty() {
            self.problems.extend(problems);
            return;
        }
        let Some((key, value)) = patent else {
            return;
        };
        let Some(&position) = self.seen.get(&key) else {
            self.seen.insert(key, self.patents.len());
            self.patents.push(Imported {
                row: record.line,
                value,
            });
            return;
        };
        let Some(first) = self.patents.get_mut(position) else {
            return;
        };
        let first_row = first.row;
        let grant = value
            .get("grant_date")
            .filter(|_| !first.value.contains_key("grant_date"));
        let message = if let Some(grant) = grant {
            first.value.insert("grant_date".to_string(), grant.clone());
            let date = grant.as_str().unwrap_or_default();
            text!(
                "与第 {first_row} 行是同一申请（{key}）：已取本行的授权日 {date} 补入，本行不另行导入",
                "same application ({key}) as row {first_row}: its grant date {date} was taken from this row, which is not imported again"
            )
        } else {
            text!(
                "与第 {first_row} 行是同一申请（{key}），本行未重复导入",
                "same application ({key}) as row {first_row}; row not imported again"
            )
        };
        self.problem(record.line, None, message);
    }
}

/// Reads one row, collecting every problem in it rather than stopping at the first.
struct RowReader<'a> {
    header: &'a Header,
    record: &'a Record,
    problems: Vec<ImportProblem>,
}

/// The number a row names.
enum Number {
    Cn(patent_number::CnPatentNumber),
    Foreign { number: String, office: String },
}

impl<'a> RowReader<'a> {
    /// The trimmed, non-empty value of a column. A spreadsheet's text-forcing `="…"` wrapper is
    /// removed, since some exports write numbers that way to keep them from becoming numbers.
    fn cell(&self, column: Column) -> Option<&'a str> {
        let record: &'a Record = self.record;
        let value = record.fields.get(self.header.index(column)?)?.trim();
        let value = value
            .strip_prefix("=\"")
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value)
            .trim();
        (!value.is_empty()).then_some(value)
    }

    fn problem(&mut self, column: Option<Column>, zh: String, en: String) {
        self.problems.push(ImportProblem {
            row: self.record.line,
            column: column.and_then(|c| self.header.name(c)),
            message: Text::new(zh + NOT_IMPORTED_ZH, en + NOT_IMPORTED_EN),
        });
    }

    /// The match key and the `patents[]` object, or `None` with the problems recorded.
    fn read(&mut self) -> Option<(String, Map<String, Value>)> {
        let width = self.header.columns.len();
        let count = self.record.fields.len();
        if self
            .record
            .fields
            .iter()
            .skip(width)
            .any(|f| !f.trim().is_empty())
        {
            self.problem(
                None,
                format!("该行有 {count} 个值，表头只有 {width} 列（含逗号的值须加引号）"),
                format!("the row has {count} values but the header names {width} columns (a value containing a comma must be quoted)"),
            );
        }
        let number = self.number();
        let declared = self.declared_type();
        let kind = match &number {
            Some(Number::Cn(parsed)) => {
                let digit = parsed.kind();
                if let Some(declared) = declared.filter(|&d| d != digit) {
                    let (n, d, k) = (parsed.as_str(), type_zh(declared), type_zh(digit));
                    let (de, ke) = (declared.as_str(), digit.as_str());
                    self.problem(
                        Some(Column::Type),
                        format!("申请号 {n} 的类型位表示{k}，但类型列为{d}"),
                        format!("application number {n} has the type digit of {ke}, but the type column says {de}"),
                    );
                }
                Some(digit)
            }
            _ => declared,
        };
        let filing_date = self.date(Column::FilingDate);
        if matches!(number, Some(Number::Cn(_)))
            && self.header.has(Column::FilingDate)
            && self.cell(Column::FilingDate).is_none()
        {
            self.problem(
                Some(Column::FilingDate),
                "缺少申请日".to_string(),
                "no filing date".to_string(),
            );
        }
        let publication_date = self.date(Column::PublicationDate);
        let mut grant_date = self.date(Column::GrantDate);
        let legal_status = self.legal_status();
        let mut grant_column = Column::GrantDate;
        if self.cell(Column::GrantDate).is_none() && legal_status == Some(LegalStatus::Valid) {
            let publication = self.cell(Column::PublicationNumber);
            if publication.is_some_and(|p| is_grant_publication(p, kind)) {
                grant_date = publication_date;
                grant_column = Column::PublicationDate;
            }
        }
        if let (Some(filing), Some(grant)) = (filing_date, grant_date) {
            if grant < filing {
                self.problem(
                    Some(grant_column),
                    format!("授权日 {grant} 早于申请日 {filing}"),
                    format!("grant date {grant} is before filing date {filing}"),
                );
            }
        }
        let number = number?;
        if !self.problems.is_empty() {
            return None;
        }
        let mut patent = Map::new();
        let key = match number {
            Number::Cn(parsed) => {
                let key = parsed.as_str().to_string();
                patent.insert("number".into(), json!(key));
                patent.insert("jurisdiction".into(), json!("CN"));
                key
            }
            Number::Foreign { number, office } => {
                patent.insert("number".into(), json!(number));
                patent.insert("jurisdiction".into(), json!(office));
                number
            }
        };
        if let Some(kind) = kind {
            patent.insert("type".into(), json!(kind.as_str()));
        }
        if let Some(title) = self.cell(Column::Title) {
            patent.insert("title".into(), json!(title));
        }
        if let Some(date) = filing_date {
            patent.insert("filing_date".into(), json!(date.to_string()));
        }
        if let Some(date) = grant_date {
            patent.insert("grant_date".into(), json!(date.to_string()));
        }
        if let Some(status) = legal_status {
            patent.insert("legal_status".into(), json!(status.as_str()));
        }
        let owners: Vec<Value> = self
            .cell(Column::Owners)
            .into_iter()
            .flat_map(|cell| cell.split([';', '；']))
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| json!({ "name": name }))
            .collect();
        if !owners.is_empty() {
            patent.insert("owners".into(), Value::Array(owners));
        }
        Some((key, patent))
    }

    fn number(&mut self) -> Option<Number> {
        let Some(given) = self.cell(Column::Number) else {
            self.problem(
                Some(Column::Number),
                "缺少申请号".to_string(),
                "no application number".to_string(),
            );
            return None;
        };
        if let Some(office) = foreign_office(given) {
            return Some(Number::Foreign {
                number: given.to_string(),
                office,
            });
        }
        let shown = shorten(given);
        match patent_number::normalise(given) {
            Ok(parsed) => Some(Number::Cn(parsed)),
            Err(NumberError::Malformed) => {
                let (hint_zh, hint_en) = if publication_kind(given).is_some() {
                    (
                        "；这看来是公开（公告）号，需要的是申请号",
                        "; this looks like a publication number, the application number is needed",
                    )
                } else {
                    ("", "")
                };
                self.problem(
                    Some(Column::Number),
                    format!("“{shown}”不是中国专利申请号（应为 YYYYTNNNNNNN.C 或 YYTNNNNN.C）{hint_zh}"),
                    format!("“{shown}” is not a CN application number (YYYYTNNNNNNN.C or YYTNNNNN.C){hint_en}"),
                );
                None
            }
            Err(NumberError::WrongCheck {
                normalised,
                expected,
            }) => {
                self.problem(
                    Some(Column::Number),
                    format!("申请号 {normalised} 的校验位有误（按前面的数字应为 {expected}）"),
                    format!("application number {normalised} has a wrong check character (the digits call for {expected})"),
                );
                None
            }
        }
    }

    fn declared_type(&mut self) -> Option<PatentType> {
        let given = self.cell(Column::Type)?;
        let parsed = parse_type(given);
        if parsed.is_none() {
            let shown = shorten(given);
            self.problem(
                Some(Column::Type),
                format!("“{shown}”不是专利类型（发明、实用新型、外观设计）"),
                format!("“{shown}” is not a patent type (invention, utility model, design)"),
            );
        }
        parsed
    }

    fn date(&mut self, column: Column) -> Option<Date> {
        let given = self.cell(column)?;
        let parsed = parse_date(given);
        if parsed.is_none() {
            let shown = shorten(given);
            self.problem(
                Some(column),
                format!("“{shown}”不是有效日期（可写作 YYYY.MM.DD、YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD）"),
                format!("“{shown}” is not a real date (YYYY.MM.DD, YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)"),
            );
        }
        parsed
    }

    /// The legal status: 专利权状态 decides, and for 无权 the latest legal event says why the
    /// right is gone; without 专利权状态 the legal events alone decide. `None` without a problem
    /// when the table has no status column at all (reported once, on the header row).
    fn legal_status(&mut self) -> Option<LegalStatus> {
        let events = [
            (Column::LatestStatus, self.cell(Column::LatestStatus)),
            (Column::LegalStatus, self.cell(Column::LegalStatus)),
        ];
        let texts = events.map(|(_, text)| text);
        if let Some(right) = self.cell(Column::RightStatus) {
            let status = match right_status(right) {
                Some(Right::Is(status)) => Some(status),
                Some(Right::Gone) => Some(why_gone(texts)),
                None => None,
            };
            if status.is_none() {
                let shown = shorten(right);
                self.problem(
                    Some(Column::RightStatus),
                    format!("“{shown}”不是专利权状态（有权、审中、无权）"),
                    format!("“{shown}” is not a patent right status (有权 valid, 审中 pending, 无权 no right)"),
                );
            }
            return status;
        }
        if let Some(status) = status_from_events(texts) {
            return Some(status);
        }
        if let Some((column, Some(text))) = events.into_iter().find(|(_, text)| text.is_some()) {
            let shown = shorten(text);
            self.problem(
                Some(column),
                format!("无法从“{shown}”判断法律状态"),
                format!("cannot tell the legal status from “{shown}”"),
            );
        } else if let Some(column) = [
            Column::RightStatus,
            Column::LatestStatus,
            Column::LegalStatus,
        ]
        .into_iter()
        .find(|&c| self.header.has(c))
        {
            self.problem(
                Some(column),
                "缺少法律状态".to_string(),
                "no legal status".to_string(),
            );
        }
        None
    }
}

fn type_zh(kind: PatentType) -> &'static str {
    match kind {
        PatentType::Invention => "发明",
        PatentType::UtilityModel => "实用新型",
        PatentType::Design => "外观设计",
    }
}

fn fold(text: &str) -> String {
    crate::fold::fold(text)
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn parse_type(text: &str) -> Option<PatentType> {
    let key: String = fold(text).chars().filter(|&c| c != '_').collect();
    match key.as_str() {
        "invention" | "发明" | "发明专利" | "发明申请" | "发明授权" => {
            Some(PatentType::Invention)
        }
        "utilitymodel" | "实用新型" | "实用新型专利" => Some(PatentType::UtilityModel),
        "design" | "外观设计" | "外观设计专利" | "外观" => Some(PatentType::Design),
        _ => None,
    }
}

/// A value of 专利权状态.
enum Right {
    Is(LegalStatus),
    /// 无权: the right is gone, and the legal events say why.
    Gone,
}

fn right_status(text: &str) -> Option<Right> {
    match fold(text).as_str() {
        "有权" | "有效" => Some(Right::Is(LegalStatus::Valid)),
        "审中" | "在审" => Some(Right::Is(LegalStatus::Pending)),
        "无权" | "失效" => Some(Right::Gone),
        other => LegalStatus::parse(other).map(Right::Is),
    }
}

/// What a legal event says of the right.
#[derive(Clone, Copy)]
enum Event {
    Alive,
    Pending,
    Gone,
}

/// Words of CNIPA legal events. 届满 covers both 期限届满 and 有效期届满; 部分无效 (partial
/// invalidation) leaves the patent in force with amended claims.
const EVENTS: &[(&str, Event)] = &[
    ("届满", Event::Gone),
    ("无效", Event::Gone),
    ("驳回", Event::Gone),
    ("撤回", Event::Gone),
    ("放弃", Event::Gone),
    ("终止", Event::Gone),
    ("失效", Event::Gone),
    ("无权", Event::Gone),
    ("部分无效", Event::Alive),
    ("有效", Event::Alive),
    ("有权", Event::Alive),
    ("授权", Event::Alive),
    ("审中", Event::Pending),
    ("实质审查", Event::Pending),
    ("公开", Event::Pending),
    ("公布", Event::Pending),
];

/// Why a right is gone (input-format.md); any other end of a right (e.g. 未缴年费专利权终止, fees
/// unpaid) is a lapse.
const WHY_GONE: &[(&str, LegalStatus)] = &[
    ("届满", LegalStatus::Expired),
    ("无效", LegalStatus::Invalidated),
    ("驳回", LegalStatus::Rejected),
    ("撤回", LegalStatus::Abandoned),
    ("放弃", LegalStatus::Abandoned),
];

/// English status words of other databases' exports, beyond the input format's own names.
const ENGLISH: &[(&str, LegalStatus)] = &[
    ("granted", LegalStatus::Valid),
    ("active", LegalStatus::Valid),
    ("alive", LegalStatus::Valid),
    ("inforce", LegalStatus::Valid),
    ("withdrawn", LegalStatus::Abandoned),
    ("revoked", LegalStatus::Invalidated),
    ("inactive", LegalStatus::Lapsed),
    ("dead", LegalStatus::Lapsed),
];

/// What separates the events of a legal status history.
const EVENT_SEPARATORS: [char; 4] = [';', '；', '|', '\n'];

/// The status one legal event (or status word) gives, if it settles one.
fn event_status(event: &str) -> Option<LegalStatus> {
    let folded = fold(event);
    if let Some(status) = LegalStatus::parse(&folded).or_else(|| {
        ENGLISH
            .iter()
            .find(|(word, _)| *word == folded)
            .map(|&(_, status)| status)
    }) {
        return Some(status);
    }
    Some(match last_event(event, EVENTS)? {
        Event::Alive => LegalStatus::Valid,
        Event::Pending => LegalStatus::Pending,
        Event::Gone => last_event(event, WHY_GONE).unwrap_or(LegalStatus::Lapsed),
    })
}

/// The status the latest event that settles one gives: 最新法律状态 first, then 法律状态, whose
/// history lists events oldest first, so it is read from the end (`公开;实质审查;授权;
/// 未缴年费专利权终止` is lapsed, and an old 驳回 later overturned does not count).
fn status_from_events(texts: [Option<&str>; 2]) -> Option<LegalStatus> {
    texts
        .into_iter()
        .flatten()
        .flat_map(|text| text.rsplit(EVENT_SEPARATORS))
        .find_map(event_status)
}

/// Why a right marked 无权 is gone: the status the latest decisive event gives, when that is an
/// end of the right, else a lapse.
fn why_gone(texts: [Option<&str>; 2]) -> LegalStatus {
    match status_from_events(texts) {
        Some(
            status @ (LegalStatus::Expired
            | LegalStatus::Invalidated
            | LegalStatus::Rejected
            | LegalStatus::Abandoned),
        ) => status,
        _ => LegalStatus::Lapsed,
    }
}

/// The meaning of the last word of `words` that `text` contains, by position: one event's text
/// may name an earlier step before the outcome (发明专利申请公布后的驳回). 无效 inside 部分无效 is
/// not an invalidation.
fn last_event<T: Copy>(text: &str, words: &[(&str, T)]) -> Option<T> {
    words
        .iter()
        .flat_map(|&(word, meaning)| {
            text.match_indices(word)
                .filter(move |&(at, _)| {
                    word != "无效"
                        || !text
                            .get(..at)
                            .is_some_and(|before| before.ends_with("部分"))
                })
                .map(move |(at, _)| (at, meaning))
        })
        .max_by_key(|&(at, _)| at)
        .map(|(_, meaning)| meaning)
}

fn foreign_office(number: &str) -> Option<String> {
    let folded = crate::fold::number_key(number);
    let office = folded.get(..2)?;
    let has_digits = folded.get(2..)?.chars().any(|c| c.is_ascii_digit());
    (FOREIGN_OFFICES.contains(&office) && has_digits).then(|| office.to_string())
}

/// The kind code of a CN publication number (`CN112345678B` → `B`), if `text` is one.
fn publication_kind(text: &str) -> Option<char> {
    let folded = crate::fold::number_key(text);
    let rest = folded.strip_prefix("CN")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    if digits < 7 {
        return None;
    }
    let mut tail = rest.get(digits..)?.chars();
    let kind = tail.next().filter(char::is_ascii_uppercase)?;
    let suffix = tail.as_str();
    (suffix.is_empty() || (suffix.len() == 1 && suffix.bytes().all(|b| b.is_ascii_digit())))
        .then_some(kind)
}

/// Whether a publication is the grant announcement of a patent of `kind`.
///
/// CNIPA exports seldom have a grant date column, but 公开（公告）日 is the date of the
/// publication in 公开（公告）号, and a patent right takes effect on the day its grant is
/// announced (Patent Law arts. 39 and 40), so the announcement date *is* the grant date — when
/// the publication is the grant announcement. Utility models and designs are published only at
/// grant (kind codes U and S); an invention is published twice, first as an application
/// (kind code A, 18 months after filing, years before any grant) and then at grant (kind code B).
/// Taking an A publication's date as the grant date would invent a grant, so only B, U and S
/// publications of the matching type are used.
fn is_grant_publication(publication: &str, kind: Option<PatentType>) -> bool {
    matches!(
        (kind, publication_kind(publication)),
        (Some(PatentType::Invention), Some('B'))
            | (Some(PatentType::UtilityModel), Some('U'))
            | (Some(PatentType::Design), Some('S'))
    )
}

/// Reads `YYYY.MM.DD`, `YYYY-MM-DD`, `YYYY/MM/DD` (month and day with one or two digits),
/// `YYYYMMDD` and `YYYY年M月D日`, in full-width digits too, with an optional time of day after.
fn parse_date(text: &str) -> Option<Date> {
    let folded: String = crate::fold::fold(text).collect();
    let mut parts = folded.split_whitespace();
    let date = parts.next()?;
    if let Some(time) = parts.next() {
        let is_time = time.contains(':')
            && time
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.');
        if !is_time || parts.next().is_some() {
            return None;
        }
    }
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| -> Option<u32> {
        if !lengths.contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        (date.get(..4)?, date.get(4..6)?, date.get(6..)?)
    } else if let Some(rest) = date.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        (year, month, day)
    } else {
        let separator = date.chars().find(|c| !c.is_ascii_digit())?;
        if !matches!(separator, '.' | '-' | '/') {
            return None;
        }
        let mut fields = date.split(separator);
        let parts = (fields.next()?, fields.next()?, fields.next()?);
        if fields.next().is_some() {
            return None;
        }
        parts
    };
    Date::new(
        i32::try_from(number(year, 4..=4)?).ok()?,
        u8::try_from(number(month, 1..=2)?).ok()?,
        u8::try_from(number(day, 1..=2)?).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(import: &PatentImport) -> Vec<usize> {
        import.problems.iter().map(|p| p.row).collect()
    }

    fn numbers(import: &PatentImport) -> Vec<&str> {
        import
            .patents
            .iter()
            .map(|p| p["number"].as_str().unwrap())
            .collect()
    }

    fn statuses(import: &PatentImport) -> Vec<&str> {
        import
            .patents
            .iter()
            .map(|p| p["legal_status"].as_str().unwrap())
            .collect()
    }

    /// A bibliographic export as the CNIPA patent search and analysis system writes it: BOM,
    /// CRLF, full-width brackets, `YYYY.MM.DD`, `CN` prefixes, several applicants split by `；`.
    const CNIPA_EXPORT: &str = "\u{feff}申请号,申请日,公开（公告）号,公开（公告）日,名称,申请（专利权）人,发明（设计）人,分类号,专利权状态,最新法律状态\r\n\
        CN202010566088.9,2020.06.18,CN111723456B,2022.03.01,一种列车转向架状态监测方法,福州示例智能装备有限公司；福建示例轨道研究院,张三;李四,G01M17/08,有权,授权\r\n\
        CN202120345678.9,2021.02.08,CN213456789U,2021.10.15,一种转向架传感器安装支架,福建示例轨道研究院,王五,B61F5/00,有权,专利实施许可合同备案的生效\r\n\
        CN202310123456.6,2023.01.05,CN115987654A,2023.04.11,一种监测数据处理方法,福州示例智能装备有限公司,张三,G06F17/00,审中,实质审查的生效\r\n\
        CN200630161199.2,2006.08.10,CN3612345D,2007.06.20,监测终端外壳,福州示例智能装备有限公司,赵六,14-02,无权,期限届满\r\n\
        CN201510958772.0,2015.12.18,CN105412345A,2016.03.30,一种轨道检测装置,福州示例智能装备有限公司,张三,B61K9/08,有权,授权\r\n";

    #[test]
    fn reads_a_cnipa_export() {
        let import = import_patents_csv(CNIPA_EXPORT);
        assert_eq!(import.problems, vec![]);
        assert_eq!(
            import.patents,
            vec![
                json!({
                    "number": "202010566088.9",
                    "type": "invention",
                    "jurisdiction": "CN",
                    "title": "一种列车转向架状态监测方法",
                    "filing_date": "2020-06-18",
                    "grant_date": "2022-03-01",
                    "legal_status": "valid",
                    "owners": [{ "name": "福州示例智能装备有限公司" }, { "name": "福建示例轨道研究院" }]
                }),
                json!({
                    "number": "202120345678.9",
                    "type": "utility_model",
                    "jurisdiction": "CN",
                    "title": "一种转向架传感器安装支架",
                    "filing_date": "2021-02-08",
                    "grant_date": "2021-10-15",
                    "legal_status": "valid",
                    "owners": [{ "name": "福建示例轨道研究院" }]
                }),
                json!({
                    "number": "202310123456.6",
                    "type": "invention",
                    "jurisdiction": "CN",
                    "title": "一种监测数据处理方法",
                    "filing_date": "2023-01-05",
                    "legal_status": "pending",
                    "owners": [{ "name": "福州示例智能装备有限公司" }]
                }),
                json!({
                    "number": "200630161199.2",
                    "type": "design",
                    "jurisdiction": "CN",
                    "title": "监测终端外壳",
                    "filing_date": "2006-08-10",
                    "legal_status": "expired",
                    "owners": [{ "name": "福州示例智能装备有限公司" }]
                }),
                // Valid, but the publication listed is the application publication (A), whose
                // date is not a grant date: the grant date stays absent.
                json!({
                    "number": "201510958772.0",
                    "type": "invention",
                    "jurisdiction": "CN",
                    "title": "一种轨道检测装置",
                    "filing_date": "2015-12-18",
                    "legal_status": "valid",
                    "owners": [{ "name": "福州示例智能装备有限公司" }]
                }),
            ]
        );
    }

    #[test]
    fn imported_patents_pass_the_input_checks() {
        let import = import_patents_csv(CNIPA_EXPORT);
        let input = json!({
            "format": "patent-intensive/assessment-input@1",
            "round_year": 2025,
            "reference_date": "2025-09-30",
            "filer": { "name": "福州示例智能装备有限公司", "org_type": "enterprise", "independent_legal_person": true },
            "patents": import.patents,
            "products": [{
                "id": "P1",
                "status": "on_market",
                "filer_role": "manufacturer",
                "patents": [{ "number": "ZL 2020 1 0566088.9", "statement": "实现权利要求1" }],
                "economics": [{ "year": 2024, "unit": "wan", "sales_revenue": "3200" }]
            }]
        });
        let report = crate::assess(&input.to_string(), &crate::Options::default());
        let errors: Vec<_> = report.findings.iter().filter(|f| f.is_error()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(report.products.len(), 1);
    }

    #[test]
    fn reads_tab_separated_rows_pasted_from_a_spreadsheet() {
        let pasted = "申请号\t申请日\t公开(公告)号\t公开(公告)日\t名称\t申请(专利权)人\t专利权状态\n\
            201811564288x\t2018/12/24\tCN 109512345 B\t2021/6/8\t一种轴承故障诊断方法, 及装置\t甲公司;乙公司\t有权\n\
            98211883.X\t1998-05-12\tCN2345678Y\t1999-06-30\t一种支架\t甲公司\t无权\n";
        let import = import_patents_csv(pasted);
        assert_eq!(import.problems, vec![]);
        assert_eq!(
            import.patents[0],
            json!({
                "number": "201811564288.X",
                "type": "invention",
                "jurisdiction": "CN",
                "title": "一种轴承故障诊断方法, 及装置",
                "filing_date": "2018-12-24",
                "grant_date": "2021-06-08",
                "legal_status": "valid",
                "owners": [{ "name": "甲公司" }, { "name": "乙公司" }]
            })
        );
        assert_eq!(import.patents[1]["number"], "98211883.X");
        assert_eq!(import.patents[1]["type"], "utility_model");
        assert_eq!(import.patents[1]["legal_status"], "lapsed");
    }

    #[test]
    fn reads_english_headers_in_any_order_and_ignores_unknown_columns() {
        let csv = "Notes,Title,Patent Right Status,Applicant/Patentee,Grant Date,Type,Filing Date,Application Number,IPC\n\
            keep,Bogie monitor,valid,Fuzhou Example Co.,2022-03-01,invention,20200618,ZL202010566088.9,G01M\n\
            ,Sensor bracket,有权,Fujian Example Institute,2021.10.15,实用新型,2021-02-08,２０２１２０３４５６７８．９,B61F\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.problems, vec![]);
        assert_eq!(
            import.patents,
            vec![
                json!({
                    "number": "202010566088.9",
                    "type": "invention",
                    "jurisdiction": "CN",
                    "title": "Bogie monitor",
                    "filing_date": "2020-06-18",
                    "grant_date": "2022-03-01",
                    "legal_status": "valid",
                    "owners": [{ "name": "Fuzhou Example Co." }]
                }),
                json!({
                    "number": "202120345678.9",
                    "type": "utility_model",
                    "jurisdiction": "CN",
                    "title": "Sensor bracket",
                    "filing_date": "2021-02-08",
                    "grant_date": "2021-10-15",
                    "legal_status": "valid",
                    "owners": [{ "name": "Fujian Example Institute" }]
                }),
            ]
        );
    }

    #[test]
    fn maps_patent_right_status_and_legal_events() {
        let csv = "申请号,申请日,专利权状态,最新法律状态,法律状态\n\
            202010566088.9,2020-06-18,有权,,\n\
            202310123456.6,2023-01-05,审中,实质审查的生效,\n\
            200630161199.2,2006-08-10,无权,期限届满,\n\
            201510958772.0,2015-12-18,无权,专利权全部无效,\n\
            202110987654.8,2021-03-01,无权,发明专利申请公布后的驳回,\n\
            201920456789.X,2019-05-06,无权,发明专利申请公布后的视为撤回,\n\
            201710654321.7,2017-08-09,无权,避免重复授权放弃专利权,\n\
            201811564288.X,2018-12-24,无权,未缴年费专利权终止,\n\
            202320567890.9,2023-07-01,无权,,公开;实质审查的生效;驳回;复审;授权;未缴年费专利权终止\n\
            201620111222.5,2016-02-01,无权,,公开;实质审查的生效;视为撤回\n\
            202210333444.1,2022-04-05,无权,,\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.problems, vec![]);
        assert_eq!(
            statuses(&import),
            [
                "valid",
                "pending",
                "expired",
                "invalidated",
                "rejected",
                "abandoned",
                "abandoned",
                "lapsed",
                "lapsed",
                "abandoned",
                "lapsed"
            ]
        );
    }

    #[test]
    fn reads_legal_events_without_a_patent_right_status_column() {
        let csv = "申请号,申请日,最新法律状态,法律状态\n\
            202010566088.9,2020-06-18,授权,\n\
            202310123456.6,2023-01-05,实质审查的生效,\n\
            200630161199.2,2006-08-10,专利权有效期届满,\n\
            201510958772.0,2015-12-18,专利权部分无效,\n\
            202110987654.8,2021-03-01,,公开;实质审查的生效;授权;未缴年费专利权终止\n\
            201920456789.X,2019-05-06,,有效\n\
            201710654321.7,2017-08-09,专利申请权、专利权的转移,公开;实质审查的生效;授权;专利申请权、专利权的转移\n\
            201811564288.X,2018-12-24,,rejected\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.problems, vec![]);
        assert_eq!(
            statuses(&import),
            ["valid", "pending", "expired", "valid", "lapsed", "valid", "valid", "rejected"]
        );
    }

    #[test]
    fn reports_unreadable_rows_by_line_and_imports_the_rest() {
        let csv = "申请号,申请日,名称,类型,专利权状态\n\
            202010566088.9,2020.06.18,好的一行,,有权\n\
            ,2020.06.18,没有申请号,,有权\n\
            CN112345678A,2020.06.18,公开号误作申请号,,有权\n\
            202310123456.7,2023.01.05,校验位错误,,审中\n\
            201811564288.X,2023.02.29,日期不存在,,有权\n\
            201510958772.0,2015.12.18,类型不符,实用新型,有权\n\
            201920456789.X,,缺少申请日,,有权\n\
            202110987654.8,2021.03.01,状态不明,,有点问题\n\
            \n\
            200630161199.2,2006.08.10,也是好的一行,,无权\n";
        let import = import_patents_csv(csv);
        assert_eq!(numbers(&import), ["202010566088.9", "200630161199.2"]);
        assert_eq!(rows(&import), [3, 4, 5, 6, 7, 8, 9]);
        let columns: Vec<_> = import
            .problems
            .iter()
            .map(|p| p.column.as_deref())
            .collect();
        assert_eq!(
            columns,
            [
                Some("申请号"),
                Some("申请号"),
                Some("申请号"),
                Some("申请日"),
                Some("类型"),
                Some("申请日"),
                Some("专利权状态")
            ]
        );
        let messages: Vec<&str> = import
            .problems
            .iter()
            .map(|p| p.message.en.as_str())
            .collect();
        assert_eq!(messages[0], "no application number; row not imported");
        assert!(
            messages[1].contains("looks like a publication number"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains("the digits call for 6"),
            "{}",
            messages[2]
        );
        assert!(
            messages[3].contains("“2023.02.29” is not a real date"),
            "{}",
            messages[3]
        );
        assert!(
            messages[4].contains("type digit of invention"),
            "{}",
            messages[4]
        );
        assert_eq!(messages[5], "no filing date; row not imported");
        assert!(messages[6].contains("“有点问题”"), "{}", messages[6]);
        assert!(import
            .problems
            .iter()
            .all(|p| p.message.zh.ends_with("该行未导入")));
    }

    #[test]
    fn reports_every_problem_of_a_row() {
        let csv =
            "申请号,申请日,公开（公告）日,专利权状态\n202010566088.9,2020-13-01,sometime,也许\n";
        let import = import_patents_csv(csv);
        assert!(import.patents.is_empty());
        let columns: Vec<_> = import
            .problems
            .iter()
            .map(|p| p.column.as_deref())
            .collect();
        assert_eq!(
            columns,
            [Some("申请日"), Some("公开（公告）日"), Some("专利权状态")]
        );
        assert_eq!(rows(&import), [2, 2, 2]);
    }

    #[test]
    fn reads_quoted_values_with_commas_quotes_and_line_breaks() {
        let csv = "申请号,名称,申请日,申请（专利权）人,专利权状态\r\n\
            \"CN202010566088.9\",\"一种\"\"智能\"\"终端, 及其方法\",\"2020.06.18\",\"甲公司；乙公司\",有权\r\n\
            202120345678.9,\"第一行\r\n第二行\",2021.02.08,丙公司,有权\r\n\
            202310123456.7,坏的一行,2023.01.05,丁公司,审中\r\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.patents[0]["title"], "一种\"智能\"终端, 及其方法");
        assert_eq!(
            import.patents[0]["owners"],
            json!([{ "name": "甲公司" }, { "name": "乙公司" }])
        );
        assert_eq!(import.patents[1]["title"], "第一行\n第二行");
        // The value spanning two lines moves the next row to line 5.
        assert_eq!(rows(&import), [5]);
    }

    #[test]
    fn a_quote_never_closed_is_reported_with_the_rows_it_swallowed() {
        let csv = "申请号,名称,申请日,专利权状态\n\
            202010566088.9,好的,2020-06-18,有权\n\
            202120345678.9,\"没有闭合,2021-02-08,有权\n\
            202310123456.6,被吞掉,2023-01-05,审中\n";
        let import = import_patents_csv(csv);
        assert_eq!(numbers(&import), ["202010566088.9"]);
        assert_eq!(rows(&import), [3]);
        assert!(import.problems[0].message.en.contains("rows 3–4"));
    }

    #[test]
    fn the_same_application_imports_once_and_a_grant_publication_supplies_the_grant_date() {
        let csv = "申请号,申请日,公开（公告）号,公开（公告）日,专利权状态\n\
            CN202010566088.9,2020.06.18,CN111723456A,2020.10.02,有权\n\
            CN202010566088.9,2020.06.18,CN111723456B,2022.03.01,有权\n\
            CN202010566088.9,2020.06.18,CN111723456B,2022.03.01,有权\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.patents.len(), 1);
        assert_eq!(import.patents[0]["grant_date"], "2022-03-01");
        assert_eq!(rows(&import), [3, 4]);
        assert!(import.problems[0]
            .message
            .en
            .contains("grant date 2022-03-01 was taken"));
        assert!(import.problems[1].message.en.contains("not imported again"));
    }

    #[test]
    fn grant_dates_come_only_from_a_grant_publication_of_the_same_type() {
        let csv = "申请号,申请日,公开（公告）号,公开（公告）日,专利权状态\n\
            202010566088.9,2020.06.18,CN111723456U,2022.03.01,有权\n\
            202120345678.9,2021.02.08,CN213456789U,2021.10.15,审中\n\
            202230123456.2,2022.05.06,CN307123456S,2022.09.09,有权\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.problems, vec![]);
        assert_eq!(import.patents[0].get("grant_date"), None);
        assert_eq!(import.patents[1].get("grant_date"), None);
        assert_eq!(import.patents[2]["grant_date"], "2022-09-09");
        assert_eq!(import.patents[2]["type"], "design");
    }

    #[test]
    fn a_grant_before_filing_is_reported() {
        let csv =
            "申请号,申请日,授权公告日,专利权状态\n202010566088.9,2020.06.18,2019.01.01,有权\n";
        let import = import_patents_csv(csv);
        assert!(import.patents.is_empty());
        assert_eq!(import.problems[0].column.as_deref(), Some("授权公告日"));
    }

    #[test]
    fn a_table_without_status_or_filing_date_columns_imports_and_says_what_is_missing() {
        let import =
            import_patents_csv("申请号,名称\n202010566088.9,一种方法\n98211883.X,一种支架\n");
        assert_eq!(numbers(&import), ["202010566088.9", "98211883.X"]);
        assert_eq!(import.patents[0].get("legal_status"), None);
        assert_eq!(rows(&import), [1, 1]);
        assert!(import.problems.iter().all(|p| p.column.is_none()));
        assert!(import.problems[0]
            .message
            .en
            .starts_with("no legal status column"));
        assert!(import.problems[1]
            .message
            .en
            .starts_with("no filing date column"));
    }

    #[test]
    fn rows_before_the_header_and_repeated_columns_are_reported() {
        let csv = "专利检索结果导出\n\n申请号,申请日,专利权状态,Application Number\n202010566088.9,2020-06-18,有权,x\n";
        let import = import_patents_csv(csv);
        assert_eq!(numbers(&import), ["202010566088.9"]);
        assert_eq!(rows(&import), [1, 3]);
        assert!(import.problems[0]
            .message
            .en
            .contains("before the header row (row 3)"));
        assert_eq!(
            import.problems[1].column.as_deref(),
            Some("Application Number")
        );
    }

    #[test]
    fn a_table_without_a_number_column_is_one_problem() {
        let import = import_patents_csv("\n名称,申请日\n一种方法,2020-06-18\n");
        assert!(import.patents.is_empty());
        assert_eq!(rows(&import), [2]);
        assert!(!import.problems[0].message.en.contains("UTF-8"));
        assert_eq!(rows(&import_patents_csv("\r\r名称\r一种方法\r")), [3]);
        let garbled = import_patents_csv("\u{fffd}\u{fffd}\u{fffd},\u{fffd}\u{fffd}\n");
        assert!(garbled.problems[0].message.en.contains("may not be UTF-8"));
        assert_eq!(import_patents_csv("").problems.len(), 1);
    }

    #[test]
    fn a_row_with_more_values_than_columns_is_reported() {
        let csv = "申请号,申请日,名称,专利权状态\n\
            202010566088.9,2020-06-18,一种方法,有权,,\n\
            202120345678.9,2021-02-08,一种支架, 及其用途,有权\n";
        let import = import_patents_csv(csv);
        assert_eq!(numbers(&import), ["202010566088.9"]);
        assert_eq!(rows(&import), [3, 3]);
        assert!(import.problems[0]
            .message
            .en
            .contains("5 values but the header names 4"));
    }

    #[test]
    fn foreign_numbers_are_kept_as_given() {
        let csv = "申请号,申请日,名称,专利权状态\nUS 10,123,456 B2,2019-01-02,Bogie sensor,有权\n";
        // An unquoted comma inside the number shifts the columns: that is reported, not guessed.
        assert!(import_patents_csv(csv).patents.is_empty());
        let csv = "申请号,申请日,名称,专利权状态\n\"US 10,123,456 B2\",,Bogie sensor,有权\n";
        let import = import_patents_csv(csv);
        assert_eq!(import.problems, vec![]);
        assert_eq!(
            import.patents[0],
            json!({ "number": "US 10,123,456 B2", "jurisdiction": "US", "title": "Bogie sensor", "legal_status": "valid" })
        );
    }

    #[test]
    fn spreadsheet_text_markers_are_removed() {
        let import =
            import_patents_csv("申请号,申请日,专利权状态\n=\"02216572.X\",=\"2002-03-04\",有权\n");
        assert_eq!(import.problems, vec![]);
        assert_eq!(numbers(&import), ["02216572.X"]);
    }

    #[test]
    fn reads_every_accepted_date_spelling() {
        for text in [
            "2020.06.18",
            "2020-06-18",
            "2020/06/18",
            "20200618",
            "2020/6/18",
            "2020.6.18",
            "2020年6月18日",
            "２０２０．０６．１８",
            " 2020-06-18 ",
            "2020/6/18 0:00",
            "2020-06-18 00:00:00",
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some("2020-06-18"),
                "{text:?}"
            );
        }
        for text in [
            "",
            "2023.02.29",
            "2020-6",
            "2020.06-18",
            "2020-06-18-01",
            "18/06/2020",
            "20-06-18",
            "2020618",
            "202006180",
            "2020-06-18 noon",
            "2020-06-18 0:00 extra",
            "43995",
            "2020-006-18",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn publication_kind_codes() {
        assert_eq!(publication_kind("CN111723456B"), Some('B'));
        assert_eq!(publication_kind("cn 213456789 u"), Some('U'));
        assert_eq!(publication_kind("CN307123456S"), Some('S'));
        assert_eq!(publication_kind("CN1234567C"), Some('C'));
        assert_eq!(publication_kind("CN111723456B1"), Some('B'));
        assert_eq!(publication_kind("CN111723456"), None);
        assert_eq!(publication_kind("US10123456B2"), None);
        assert_eq!(publication_kind("CN12345B"), None);
        assert_eq!(publication_kind("CN111723456BB"), None);
    }

    #[test]
    fn recognises_header_spellings() {
        assert_eq!(column_of("公开（公告）号"), Some(Column::PublicationNumber));
        assert_eq!(column_of("公开(公告)号"), Some(Column::PublicationNumber));
        assert_eq!(column_of(" 申请 ( 专利权 ) 人 "), Some(Column::Owners));
        assert_eq!(column_of("发明（设计）人"), Some(Column::Inventors));
        assert_eq!(column_of("Latest Legal Status"), Some(Column::LatestStatus));
        assert_eq!(column_of("申请号："), Some(Column::Number));
        assert_eq!(column_of("\u{feff}申请号"), Some(Column::Number));
        assert_eq!(column_of("备注"), None);
    }
}
