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
//! dozen lines in `records.rs` rather than `csv-core`. Size does not decide it: measured on a release
//! WebAssembly build, `csv-core` costs about 6 KB (3 KB gzip) more than that parser, little
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

mod columns;
mod records;
mod rows;
mod values;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::text::{text, Text};

use columns::{no_header, read_table};
use records::is_blank;
use rows::Importer;

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
        seen: BTreeMap::new(),
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
    sort_by_row(&mut problems);
    PatentImport {
        patents: importer
            .patents
            .into_iter()
            .map(|p| Value::Object(p.value))
            .collect(),
        problems,
    }
}

/// Orders problems by row, keeping the order of those on the same row (a stable sort). They
/// arrive in file order already (the header's problems, then each row's), so this is one pass;
/// an insertion sort rather than `sort_by_key`, whose general stable sort would add about 4 KB
/// to the WebAssembly module for a list that needs no sorting (docs/wasm.md).
fn sort_by_row(problems: &mut [ImportProblem]) {
    for end in 1..problems.len() {
        let mut at = end;
        while at > 0
            && problems
                .get(at - 1)
                .zip(problems.get(at))
                .is_some_and(|(before, after)| before.row > after.row)
        {
            problems.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn rows(import: &PatentImport) -> Vec<usize> {
        import.problems.iter().map(|p| p.row).collect()
    }

    #[test]
    fn problems_sort_by_row_keeping_the_order_within_a_row() {
        let problem = |row: usize, en: &str| ImportProblem {
            row,
            column: None,
            message: Text::new("", en),
        };
        let mut problems = vec![
            problem(5, "a"),
            problem(2, "b"),
            problem(5, "c"),
            problem(1, "d"),
            problem(2, "e"),
        ];
        sort_by_row(&mut problems);
        let order: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.row, p.message.en.as_str()))
            .collect();
        assert_eq!(order, [(1, "d"), (2, "b"), (2, "e"), (5, "a"), (5, "c")]);
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
}
