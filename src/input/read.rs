//! Reads a JSON document into the validated [`Input`] model, collecting every finding in one
//! pass: a problem in one field never stops the others from being read and checked.

// BTreeMap rather than BTreeMap: no per-process random hash keys, so nothing depends on hidden state.
use std::collections::BTreeMap;

use crate::read::json::Value;

use super::fields;
use super::model::*;
use crate::date::Date;
use crate::exact::{self, Decimal};
use crate::findings::shorten;
use crate::findings::{pointer, Code, Finding, Findings};
use crate::ids::patent_number::{self, NumberError};
use crate::ids::uscc;
use crate::limits::{MAX_ECONOMICS_ROWS, MAX_LINKS, MAX_PATENTS, MAX_PRODUCTS};
use crate::read::walk::{Obj, Path, Walker};
use crate::text::text;

/// Largest amount accepted, in CNY after conversion: far above any product's figures, it keeps
/// hostile inputs from producing numbers with thousands of digits.
const MAX_CNY_DIGITS: u64 = 15;
/// Most decimal places accepted in an amount or rate as written.
const MAX_DECIMAL_PLACES: u64 = 6;
const MAX_RATE_DECIMAL_PLACES: u64 = 10;

/// The outcome of reading: the model when there is no error, and every finding either way.
pub struct ReadOutcome {
    /// The validated input, present only when no finding is an error.
    pub input: Option<Input>,
    /// Every error and warning, in document order.
    pub findings: Vec<Finding>,
}

/// Parses and validates an input document.
pub fn read(json: &str) -> ReadOutcome {
    match crate::read::json::read(json) {
        Ok(document) => {
            let (input, findings) = read_with(&document.value, document.findings);
            ReadOutcome {
                input,
                findings: findings.into_vec(),
            }
        }
        Err(error) => ReadOutcome {
            input: None,
            findings: vec![error.finding()],
        },
    }
}

/// Validates an already-parsed document (numbers read with serde_json's `arbitrary_precision`).
pub fn read_value(value: &serde_json::Value) -> ReadOutcome {
    let value = Value::from_serde(value);
    let (input, findings) = read_with(&value, crate::read::json::check_value(&value));
    ReadOutcome {
        input,
        findings: findings.into_vec(),
    }
}

/// Validates a document, adding to the findings its reading produced; the model only when no
/// finding is an error.
pub(crate) fn read_with(value: &Value, findings: Findings) -> (Option<Input>, Findings) {
    let mut reader = Walker::new(findings, &super::labels::VOCABULARY);
    let input = reader.document(value);
    let has_error = reader.findings.has_error();
    (if has_error { None } else { input }, reader.findings)
}

/// The patents as read (each `None` when it has an error), and each match key with the position
/// of the first patent that has it.
type Patents = (Vec<Option<Patent>>, BTreeMap<String, usize>);

/// Folds a name for comparison (rules.md G3): NFKC (as [`crate::fold`] applies it), white space
/// removed, full-width brackets folded to ASCII (NFKC already maps （） to ()), and 【】〔〕 to []
/// as well.
pub fn normalise_name(name: &str) -> String {
    crate::fold::fold(name)
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '【' | '〔' | '［' => '[',
            '】' | '〕' | '］' => ']',
            other => other,
        })
        .collect()
}

/// The key under which a patent number is matched: its canonical CN form when it parses (even
/// with a wrong check character, so a link spelled the same way still resolves), otherwise the
/// folded text. Public as [`crate::patent_key`], so front ends match links as the engine does.
pub fn patent_key(number: &str) -> String {
    match patent_number::normalise(number) {
        Ok(parsed) => parsed.as_str().to_string(),
        Err(NumberError::WrongCheck { normalised, .. }) => normalised,
        Err(NumberError::Malformed) => crate::fold::number_key(number),
    }
}

impl Walker {
    fn uscc(&mut self, obj: &Obj, name: &str) -> Option<String> {
        let given = self.text_str(obj, name)?;
        if given.trim().is_empty() {
            return None;
        }
        let shown = shorten(given);
        match uscc::check(given) {
            Ok(code) => Some(code),
            Err(uscc::UsccError::Malformed) => {
                self.error(
                    obj.at(name),
                    Code::UsccMalformed,
                    text!(
                        "统一社会信用代码“{shown}”应为 18 位数字或大写字母（不含 I、O、S、V、Z）",
                        "the unified social credit code “{shown}” must be 18 digits or capital letters (no I, O, S, V, Z)"
                    ),
                );
                None
            }
            Err(uscc::UsccError::WrongCheck { expected }) => {
                self.error(
                    obj.at(name),
                    Code::UsccCheck,
                    text!(
                        "统一社会信用代码 {shown} 的校验码有误（按前 17 位应为 {expected}）",
                        "the unified social credit code {shown} has a wrong check character (the first 17 call for {expected})"
                    ),
                );
                None
            }
        }
    }

    fn document(&mut self, value: &Value) -> Option<Input> {
        let doc = self.object_at(value, Path::Root, fields::DOCUMENT)?;
        if let Some(format) = self.text(&doc, "format") {
            if format != INPUT_FORMAT {
                let shown = shorten(&format);
                self.error(
                    doc.at("format"),
                    Code::UnsupportedFormat,
                    text!(
                        "不支持的格式“{shown}”（应为“{INPUT_FORMAT}”）",
                        "the format “{shown}” is not supported (expected “{INPUT_FORMAT}”)"
                    ),
                );
            }
        }
        let round_year = self.year(&doc, "round_year");
        let reference_date = self.date(&doc, "reference_date");
        let pack = self.text(&doc, "pack");
        let filer = doc
            .get("filer")
            .and_then(|v| self.filer(v, doc.member("filer")));
        let patents = self.patents(&doc);
        let products = self.products(&doc, &patents);

        if let (Some(round_year), Some(reference_date)) = (round_year, reference_date) {
            let data_year_end = Date::end_of_year(round_year - 1);
            if data_year_end.is_some_and(|end| reference_date <= end) {
                let data_year = round_year - 1;
                self.warning(
                    doc.at("reference_date"),
                    Code::ReferenceDateBeforeDataYearEnd,
                    text!(
                        "参照日 {reference_date} 不晚于数据年度 {data_year} 年末，专利授权与经济数据可能尚不完整",
                        "the reference date {reference_date} is not after the end of data year {data_year}; grants and figures may be incomplete"
                    ),
                );
            }
        }
        if products.as_ref().is_some_and(Vec::is_empty) {
            self.warning(
                doc.at("products"),
                Code::NoProducts,
                text!("输入中没有产品", "the input lists no product"),
            );
        }
        Some(Input {
            round_year: round_year?,
            reference_date: reference_date?,
            pack,
            filer: filer?,
            patents: patents?.0.into_iter().collect::<Option<_>>()?,
            products: products?,
        })
    }

    fn party(&mut self, value: &Value, path: Path) -> Option<Party> {
        let obj = self.object_at(value, path, fields::PARTY)?;
        let name = self.non_empty_text(&obj, "name");
        let uscc = self.uscc(&obj, "uscc");
        Some(Party { name: name?, uscc })
    }

    fn filer(&mut self, value: &Value, path: Path) -> Option<Filer> {
        let obj = self.object_at(value, path, fields::FILER)?;
        let name = self.non_empty_text(&obj, "name");
        let uscc = self.uscc(&obj, "uscc");
        let org_type = self.enumeration(&obj, "org_type", OrgType::parse, OrgType::CHOICES);
        let independent_legal_person = self.boolean(&obj, "independent_legal_person");
        Some(Filer {
            party: Party { name: name?, uscc },
            org_type,
            independent_legal_person,
        })
    }

    /// Reads `patents`: each patent (when it is free of errors), and the match keys of those with
    /// a number, each to the position of the first patent with it. Keys of faulty patents are
    /// kept so that links to them still resolve.
    fn patents(&mut self, doc: &Obj) -> Option<Patents> {
        let items = self.limited_array(
            doc,
            "patents",
            (MAX_PATENTS, Code::TooManyPatents),
            ("专利清单", "patents"),
        )?;
        let mut patents = Vec::with_capacity(items.len());
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let base = doc.member("patents");
        for (index, item) in items.iter().enumerate() {
            let path = Path::Item(&base, index);
            let (key, patent) = self.patent(item, path.clone(), index);
            if let Some(key) = key {
                if let Some(first) = seen.get(&key).copied() {
                    let shown = shorten(&key);
                    let (first, this) = (first + 1, index + 1);
                    self.error(
                        pointer(&path.render(), "number"),
                        Code::DuplicatePatent,
                        text!(
                            "专利 {shown} 重复：第 {this} 件与第 {first} 件相同",
                            "patent {shown} is listed twice: patent {this} is the same as patent {first}"
                        ),
                    );
                } else {
                    seen.insert(key, index);
                }
            }
            patents.push(patent);
        }
        Some((patents, seen))
    }

    fn patent(
        &mut self,
        value: &Value,
        path: Path,
        index: usize,
    ) -> (Option<String>, Option<Patent>) {
        let Some(obj) = self.object_at(value, path, fields::PATENT) else {
            return (None, None);
        };
        let jurisdiction = self
            .text_str(&obj, "jurisdiction")
            .map(|j| j.trim().to_ascii_uppercase())
            .filter(|j| !j.is_empty())
            .unwrap_or_else(|| "CN".to_string());
        let declared = self.enumeration(&obj, "type", PatentType::parse, PatentType::CHOICES);
        let number_text = self.non_empty_str(&obj, "number");
        let key = number_text.map(patent_key);
        let mut number = None;
        let mut kind = declared;
        if let Some(text) = number_text {
            if jurisdiction == "CN" {
                number = self.cn_number(&obj, text, declared, &mut kind);
            } else {
                number = Some(PatentNumber::Other(text.trim().to_string()));
            }
        }
        let title = self.text(&obj, "title");
        let filing_date = self.date(&obj, "filing_date");
        if jurisdiction == "CN" && obj.get("filing_date").is_none() {
            self.required(&obj.at("filing_date"), "filing_date");
        }
        let grant_date = self.date(&obj, "grant_date");
        if let (Some(filing), Some(grant)) = (filing_date, grant_date) {
            if grant < filing {
                self.error(
                    obj.at("grant_date"),
                    Code::GrantBeforeFiling,
                    text!(
                        "授权日 {grant} 早于申请日 {filing}",
                        "grant date {grant} is before filing date {filing}"
                    ),
                );
            }
        }
        let legal_status = self.enumeration(
            &obj,
            "legal_status",
            LegalStatus::parse,
            LegalStatus::CHOICES,
        );
        let owners = self.list_at(&obj, "owners", |r, v, p, _| r.party(v, p.clone()));
        let licences = self.list_at(&obj, "licences", |r, v, p, i| r.licence(v, p.clone(), i));
        let term_extension_days = self
            .count(&obj, "term_extension_days")
            .and_then(|d| u32::try_from(d).ok());
        let foreign_family_granted = self.boolean(&obj, "foreign_family_granted");
        let strategic_emerging_industry = self.boolean(&obj, "strategic_emerging_industry");
        let pledged = self.boolean(&obj, "pledged");
        let awards = self.text_list(&obj, "awards");
        let patent = (|| {
            Some(Patent {
                index,
                number: number?,
                kind,
                jurisdiction,
                title,
                filing_date,
                grant_date,
                legal_status: legal_status?,
                owners: owners?,
                licences: licences?,
                term_extension_days: term_extension_days.unwrap_or(0),
                foreign_family_granted: foreign_family_granted.unwrap_or(false),
                strategic_emerging_industry: strategic_emerging_industry.unwrap_or(false),
                pledged: pledged.unwrap_or(false),
                awards: awards?,
            })
        })();
        (key, patent)
    }

    fn cn_number(
        &mut self,
        obj: &Obj,
        text: &str,
        declared: Option<PatentType>,
        kind: &mut Option<PatentType>,
    ) -> Option<PatentNumber> {
        match patent_number::normalise(text) {
            Ok(parsed) => {
                if let Some(expected) = parsed.tolerated_check_mismatch {
                    let normalised = parsed.as_str();
                    self.warning(
                        obj.at("number"),
                        Code::PatentNumberCheckLegacy,
                        text!(
                            "申请号 {normalised} 的校验位按规则应为 {expected}；1992 年及以前的申请号仅作提示",
                            "application number {normalised} should end in {expected}; for numbers of 1992 or earlier this is only a warning"
                        ),
                    );
                }
                let digit_kind = PatentType::from(parsed.kind());
                if let Some(declared) = declared {
                    if declared != digit_kind {
                        let (d, k) = (declared.label(), digit_kind.label());
                        let normalised = parsed.as_str();
                        let (dz, de, kz, ke) = (d.zh, d.en, k.zh, k.en);
                        self.error(
                            obj.at("type"),
                            Code::PatentTypeMismatch,
                            text!(
                                "申请号 {normalised} 的类型位表示{kz}，但填写的专利类型为{dz}",
                                "application number {normalised} has the type digit for {ke}, but the patent type given is {de}"
                            ),
                        );
                    }
                }
                *kind = Some(declared.unwrap_or(digit_kind));
                Some(PatentNumber::Cn(parsed.as_str().to_string()))
            }
            Err(error) => {
                self.push(error.finding(obj.at("number"), text));
                None
            }
        }
    }

    fn licence(&mut self, value: &Value, path: Path, index: usize) -> Option<Licence> {
        let obj = self.object_at(value, path, fields::LICENCE)?;
        let licensee = obj
            .get("licensee")
            .and_then(|v| self.party(v, obj.member("licensee")));
        let kind = self.enumeration(&obj, "kind", LicenceKind::parse, LicenceKind::CHOICES);
        let start = self.date(&obj, "start");
        let end = self.date(&obj, "end");
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                self.error(
                    obj.at("end"),
                    Code::LicenceEndBeforeStart,
                    text!(
                        "许可终止日 {end} 早于起始日 {start}",
                        "licence end {end} is before its start {start}"
                    ),
                );
            }
        }
        let recorded = self.boolean(&obj, "recorded");
        Some(Licence {
            index,
            licensee: licensee?,
            kind: kind?,
            start,
            end,
            recorded: recorded.unwrap_or(false),
        })
    }

    fn products(&mut self, doc: &Obj, patents: &Option<Patents>) -> Option<Vec<Product>> {
        let items = self.limited_array(
            doc,
            "products",
            (MAX_PRODUCTS, Code::TooManyProducts),
            ("产品清单", "products"),
        )?;
        let keys = patents.as_ref().map(|(_, keys)| keys);
        let mut products = Vec::with_capacity(items.len());
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut complete = true;
        let base = doc.member("products");
        for (index, item) in items.iter().enumerate() {
            let path = Path::Item(&base, index);
            match self.product(item, path.clone(), index, keys) {
                Some(product) => {
                    if let Some(first) = ids.get(&product.id) {
                        let shown = shorten(&product.id);
                        let (first, this) = (first + 1, index + 1);
                        self.error(
                            pointer(&path.render(), "id"),
                            Code::DuplicateProduct,
                            text!(
                                "产品编号 {shown} 重复：第 {this} 个产品与第 {first} 个相同",
                                "product id {shown} is used twice: product {this} has the same id as product {first}"
                            ),
                        );
                    } else {
                        ids.insert(product.id.clone(), index);
                    }
                    products.push(product);
                }
                None => complete = false,
            }
        }
        complete.then_some(products)
    }

    fn product(
        &mut self,
        value: &Value,
        path: Path,
        index: usize,
        patent_keys: Option<&BTreeMap<String, usize>>,
    ) -> Option<Product> {
        let obj = self.object_at(value, path, fields::PRODUCT)?;
        let id = self.non_empty_text(&obj, "id");
        let name = self.text(&obj, "name");
        let category = self.text(&obj, "category");
        let status = self.enumeration(&obj, "status", ProductStatus::parse, ProductStatus::CHOICES);
        let filer_role = self.enumeration(&obj, "filer_role", FilerRole::parse, FilerRole::CHOICES);
        let links = self.links(&obj, patent_keys);
        let economics = self.economics(&obj);
        let core_features = self.count(&obj, "core_features");
        let covered_core_features = self.count(&obj, "covered_core_features");
        if let (Some(core), Some(covered)) = (core_features, covered_core_features) {
            if covered > core {
                self.error(
                    obj.at("covered_core_features"),
                    Code::CoveredExceedsCore,
                    text!(
                        "专利覆盖的核心功能数 {covered} 大于核心功能总数 {core}",
                        "covered core features ({covered}) exceed core features ({core})"
                    ),
                );
            }
        }
        Some(Product {
            index,
            id: id?,
            name,
            category,
            status,
            filer_role,
            links: links?,
            economics: economics?,
            core_features,
            covered_core_features,
        })
    }

    fn links(
        &mut self,
        obj: &Obj,
        patent_keys: Option<&BTreeMap<String, usize>>,
    ) -> Option<Vec<Link>> {
        let items = self.limited_array(
            obj,
            "patents",
            (MAX_LINKS, Code::TooManyLinks),
            ("关联专利", "linked patents"),
        )?;
        let mut links = Vec::with_capacity(items.len());
        let mut linked: BTreeMap<usize, usize> = BTreeMap::new();
        let mut complete = true;
        let base = obj.member("patents");
        for (index, item) in items.iter().enumerate() {
            let Some(link_obj) = self.object_at(item, Path::Item(&base, index), fields::LINK)
            else {
                complete = false;
                continue;
            };
            let number = self.non_empty_str(&link_obj, "number");
            let statement = self.multiline_text(&link_obj, "statement");
            let core = self.boolean(&link_obj, "core");
            let (Some(number), Some(keys)) = (number, patent_keys) else {
                complete = false;
                continue;
            };
            let key = patent_key(number);
            let Some(&patent) = keys.get(key.as_str()) else {
                let shown = shorten(number);
                self.error(
                    link_obj.at("number"),
                    Code::UnknownPatent,
                    text!(
                        "关联的专利“{shown}”不在专利清单中",
                        "linked patent “{shown}” is not in the patent list"
                    ),
                );
                complete = false;
                continue;
            };
            if let Some(first) = linked.get(&patent) {
                let shown = shorten(&key);
                let first = first + 1;
                self.error(
                    Path::Item(&base, index).render(),
                    Code::DuplicateLink,
                    text!(
                        "专利 {shown} 被重复关联（与第 {first} 项关联相同）",
                        "patent {shown} is linked twice (the same as link {first})"
                    ),
                );
                complete = false;
                continue;
            }
            linked.insert(patent, index);
            links.push(Link {
                index,
                patent,
                statement,
                core: core.unwrap_or(false),
            });
        }
        complete.then_some(links)
    }

    fn economics(&mut self, obj: &Obj) -> Option<Vec<Economics>> {
        let items = self.limited_array(
            obj,
            "economics",
            (MAX_ECONOMICS_ROWS, Code::TooManyEconomicsRows),
            ("经济数据", "economics rows"),
        )?;
        let mut rows = Vec::with_capacity(items.len());
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        let mut complete = true;
        let base = obj.member("economics");
        for (index, item) in items.iter().enumerate() {
            let path = Path::Item(&base, index);
            match self.economics_row(item, path.clone(), index) {
                Some(row) => {
                    if let Some(first) = years.get(&row.year) {
                        let (year, first) = (row.year, first + 1);
                        self.error(
                            pointer(&path.render(), "year"),
                            Code::DuplicateEconomicsYear,
                            text!(
                                "{year} 年的经济数据重复（与第 {first} 行相同）",
                                "the figures for {year} are given twice (the same year as row {first})"
                            ),
                        );
                    } else {
                        years.insert(row.year, index);
                    }
                    rows.push(row);
                }
                None => complete = false,
            }
        }
        complete.then_some(rows)
    }

    fn economics_row(&mut self, value: &Value, path: Path, index: usize) -> Option<Economics> {
        let obj = self.object_at(value, path, fields::ECONOMICS)?;
        let year = self.year(&obj, "year");
        let unit = self.enumeration(&obj, "unit", MoneyUnit::parse, MoneyUnit::CHOICES);
        let currency = self
            .text_str(&obj, "currency")
            .map(|c| c.trim().to_ascii_uppercase())
            .unwrap_or_else(|| "CNY".to_string());
        let rate = self.decimal(&obj, "fx_rate_to_cny", MAX_RATE_DECIMAL_PLACES);
        if let Some(rate) = &rate {
            if !rate.is_positive() {
                let shown = shorten(&exact::plain(rate));
                self.error(
                    obj.at("fx_rate_to_cny"),
                    Code::FxRateNotPositive,
                    text!(
                        "汇率 {shown} 必须大于 0",
                        "exchange rate {shown} must be above 0"
                    ),
                );
            }
        }
        let rate_given = obj.get("fx_rate_to_cny").is_some();
        let factor = if currency == "CNY" {
            Some(Decimal::from(1))
        } else if rate_given {
            rate.filter(|r| r.is_positive())
        } else {
            let currency = shorten(&currency);
            self.error(
                obj.at("fx_rate_to_cny"),
                Code::FxRateRequired,
                text!(
                    "币种为 {currency} 时须填写对人民币汇率",
                    "an exchange rate to CNY is required when the currency is {currency}"
                ),
            );
            None
        };
        let unit_factor = Decimal::from(match unit.unwrap_or(MoneyUnit::Yuan) {
            MoneyUnit::Yuan => 1,
            MoneyUnit::Wan => 10_000,
            MoneyUnit::Yi => 100_000_000,
        });
        let amount = |reader: &mut Walker,
                      name: &str,
                      may_be_negative: bool|
         -> Option<exact::Decimal> {
            let written = reader.decimal(&obj, name, MAX_DECIMAL_PLACES)?;
            if !may_be_negative && written.is_negative() {
                // Plain notation of `-1e9999` has 10,000 digits: quoted at most 60.
                let shown = shorten(&exact::plain(&written));
                let field = super::labels::field_label(&obj.at(name));
                let (zh, en) = (&field.zh, &field.en);
                reader.error(
                    obj.at(name),
                    Code::NegativeMoney,
                    text!(
                        "{zh}不能为负数（填写的是 {shown}）",
                        "the {en} must not be negative ({shown} given)"
                    ),
                );
                return None;
            }
            let cny = written * &unit_factor * factor.as_ref()?;
            let limit = Decimal::new(1, -(MAX_CNY_DIGITS as i64));
            if cny.abs() > limit {
                let shown = shorten(&exact::grouped(&cny));
                reader.error(
                        obj.at(name),
                        Code::MoneyOutOfRange,
                        text!(
                            "金额 {shown} 元超出可接受范围（至多 10^15 元）",
                            "the amount of {shown} CNY is beyond the accepted range (at most 10^15 CNY)"
                        ),
                    );
                return None;
            }
            Some(cny)
        };
        let sales = amount(self, "sales_revenue", false);
        let export = amount(self, "export_revenue", false);
        let profit = amount(self, "profit", true);
        let ip_investment = amount(self, "ip_investment", false);
        let attributable = amount(self, "patent_attributable_revenue", false);
        if let Some(sales) = &sales {
            let pairs = [
                (
                    &export,
                    "export_revenue",
                    Code::ExportExceedsSales,
                    "出口收入",
                    "export revenue",
                ),
                (
                    &attributable,
                    "patent_attributable_revenue",
                    Code::AttributableExceedsSales,
                    "专利贡献收入",
                    "patent-attributable revenue",
                ),
            ];
            for (part, name, code, zh_name, en_name) in pairs {
                if let Some(part) = part {
                    if part > sales {
                        let (part, sales) = (exact::grouped(part), exact::grouped(sales));
                        self.error(
                            obj.at(name),
                            code,
                            text!(
                                "{zh_name} {part} 元大于销售收入 {sales} 元",
                                "the {en_name} ({part} CNY) exceeds the sales revenue ({sales} CNY)"
                            ),
                        );
                    }
                }
            }
        }
        Some(Economics {
            index,
            year: year?,
            sales_revenue: sales?,
            export_revenue: export,
            profit,
            ip_investment,
            patent_attributable_revenue: attributable,
            // The user's own unit, for showing amounts as they were typed; only a CNY row has
            // one (a foreign-currency row is shown in 元 after conversion).
            unit: (currency == "CNY").then(|| unit.unwrap_or(MoneyUnit::Yuan)),
        })
    }
}
