//! The header row: which column holds what (header spellings in both languages), the
//! delimiter that makes the most columns recognised, and the table it starts.

use super::records::{is_blank, parse_records, Record, Records, Unclosed};
use super::ImportProblem;
use crate::text::Text;

/// What a recognised column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
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
pub(super) const HEADERS: &[(&str, Column)] = &[
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

pub(super) fn header_key(header: &str) -> String {
    let key: String = crate::fold::fold(header)
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    key.trim_end_matches(':').to_string()
}

pub(super) fn column_of(header: &str) -> Option<Column> {
    let key = header_key(header);
    HEADERS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, column)| *column)
}

/// The header row: each column's meaning (a repeated meaning is read from its first column only)
/// and its name as written.
pub(super) struct Header {
    pub(super) line: usize,
    pub(super) columns: Vec<Option<Column>>,
    pub(super) names: Vec<String>,
    /// Columns whose meaning an earlier column already has: (name, earlier name).
    pub(super) repeated: Vec<(String, String)>,
}

impl Header {
    pub(super) fn new(record: &Record) -> Header {
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

    pub(super) fn index(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|&c| c == Some(column))
    }

    pub(super) fn has(&self, column: Column) -> bool {
        self.index(column).is_some()
    }

    pub(super) fn name(&self, column: Column) -> Option<String> {
        self.index(column).and_then(|i| self.names.get(i)).cloned()
    }

    pub(super) fn recognised(&self) -> usize {
        self.columns.iter().flatten().count()
    }
}

pub(super) struct Table {
    pub(super) records: Vec<Record>,
    pub(super) header: Header,
    pub(super) header_position: usize,
    pub(super) unclosed: Option<Unclosed>,
}

/// Reads the table with whichever delimiter makes the header name more recognised columns (a
/// comma on a tie, which only a one-column table can have).
pub(super) fn read_table(text: &str) -> Option<Table> {
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

pub(super) fn no_header(text: &str) -> ImportProblem {
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
    if text.chars().any(|c| c == '\u{fffd}') {
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

#[cfg(test)]
mod tests {
    use super::*;

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
