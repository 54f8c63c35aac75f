//! Rows into `patents[]` objects: every problem of a row collected, duplicate rows merged.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::columns::{Column, Header};
use super::records::{is_blank, Record};
use super::values::*;
use super::ImportProblem;
use crate::date::Date;
use crate::findings::shorten;
use crate::ids::patent_number::{self, NumberError};
use crate::input::{LegalStatus, PatentType};
use crate::text::{text, Text};

pub(super) struct Imported {
    pub(super) row: usize,
    pub(super) value: Map<String, Value>,
}

pub(super) struct Importer {
    pub(super) header: Header,
    pub(super) problems: Vec<ImportProblem>,
    pub(super) patents: Vec<Imported>,
    /// Number → position in `patents`.
    pub(super) seen: BTreeMap<String, usize>,
}

/// The row-level outcome: "not imported" is said once in every message, so each problem can be
/// shown on its own.
pub(super) const NOT_IMPORTED_ZH: &str = "；该行未导入";
pub(super) const NOT_IMPORTED_EN: &str = "; row not imported";

impl Importer {
    pub(super) fn problem(&mut self, row: usize, column: Option<String>, message: Text) {
        self.problems.push(ImportProblem {
            row,
            column,
            message,
        });
    }

    /// Problems of the table as a whole, reported on the header row, and rows before it.
    pub(super) fn header_problems<'r>(&mut self, before: impl Iterator<Item = &'r Record>) {
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

    pub(super) fn row(&mut self, record: &Record) {
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
pub(super) struct RowReader<'a> {
    pub(super) header: &'a Header,
    pub(super) record: &'a Record,
    pub(super) problems: Vec<ImportProblem>,
}

/// The number a row names.
pub(super) enum Number {
    Cn(patent_number::CnPatentNumber),
    Foreign { number: String, office: String },
}

impl<'a> RowReader<'a> {
    /// The trimmed, non-empty value of a column. A spreadsheet's text-forcing `="…"` wrapper is
    /// removed, since some exports write numbers that way to keep them from becoming numbers.
    pub(super) fn cell(&self, column: Column) -> Option<&'a str> {
        let record: &'a Record = self.record;
        let value = record.fields.get(self.header.index(column)?)?.trim();
        let value = value
            .strip_prefix("=\"")
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value)
            .trim();
        (!value.is_empty()).then_some(value)
    }

    pub(super) fn problem(&mut self, column: Option<Column>, zh: String, en: String) {
        self.problems.push(ImportProblem {
            row: self.record.line,
            column: column.and_then(|c| self.header.name(c)),
            message: Text::new(zh + NOT_IMPORTED_ZH, en + NOT_IMPORTED_EN),
        });
    }

    /// The match key and the `patents[]` object, or `None` with the problems recorded.
    pub(super) fn read(&mut self) -> Option<(String, Map<String, Value>)> {
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
                let digit = PatentType::from(parsed.kind());
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
                patent.insert("number".into(), Value::String(key.clone()));
                patent.insert("jurisdiction".into(), Value::String("CN".to_string()));
                key
            }
            Number::Foreign { number, office } => {
                patent.insert("number".into(), Value::String(number.clone()));
                patent.insert("jurisdiction".into(), Value::String(office));
                number
            }
        };
        if let Some(kind) = kind {
            patent.insert("type".into(), Value::String(kind.as_str().to_string()));
        }
        if let Some(title) = self.cell(Column::Title) {
            patent.insert("title".into(), Value::String(title.to_string()));
        }
        if let Some(date) = filing_date {
            patent.insert("filing_date".into(), Value::String(date.to_string()));
        }
        if let Some(date) = grant_date {
            patent.insert("grant_date".into(), Value::String(date.to_string()));
        }
        if let Some(status) = legal_status {
            patent.insert(
                "legal_status".into(),
                Value::String(status.as_str().to_string()),
            );
        }
        let mut owners: Vec<Value> = Vec::new();
        for name in self
            .cell(Column::Owners)
            .unwrap_or_default()
            .split([';', '；'])
        {
            let name = name.trim();
            if !name.is_empty() {
                let mut owner = Map::new();
                owner.insert("name".to_string(), Value::String(name.to_string()));
                owners.push(Value::Object(owner));
            }
        }
        if !owners.is_empty() {
            patent.insert("owners".into(), Value::Array(owners));
        }
        Some((key, patent))
    }

    pub(super) fn number(&mut self) -> Option<Number> {
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

    pub(super) fn declared_type(&mut self) -> Option<PatentType> {
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

    pub(super) fn date(&mut self, column: Column) -> Option<Date> {
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
    pub(super) fn legal_status(&mut self) -> Option<LegalStatus> {
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
