//! A JSON walker that checks types, members and required members against a field table
//! ([`super::fields`]) and collects every finding instead of stopping at the first. The input
//! reader and the rule-pack reader are both built on it, each with its own tables and words
//! ([`Vocabulary`]).

use std::cell::Cell;

use super::json::{position_from, Object, Value};

use super::fields::{field_label, Choice, Field, FieldLabel};
use crate::date::Date;
use crate::exact::{self, Decimal};
use crate::findings::{pointer, shorten, Code, Finding, Findings, Severity};
use crate::limits::{self, MAX_NUMBER_CHARS};
use crate::text::{text, Text};

/// What a walker says of a format beyond its field tables: its fields' names in words, and what
/// to tell a user whose amount does not read as a number (the input format knows its money
/// units, so its help names the number to write).
pub(crate) struct Vocabulary {
    /// The fields' labels by JSON pointer pattern; a field without one is named as written.
    pub(crate) labels: &'static [FieldLabel],
    /// The message of `invalid_money` for the figure named `zh` / `en`, written as `written`, in
    /// an object whose `unit` member holds `unit`.
    pub(crate) not_a_number: fn(written: &str, zh: &str, en: &str, unit: Option<&str>) -> Text,
}

/// Where a value stands in the document: a chain of parents, rendered as a JSON pointer only
/// when a finding is made (the walker reads every member of a portfolio, and reports on few).
#[derive(Clone)]
pub(crate) enum Path<'p> {
    /// The document itself (the pointer `""`).
    Root,
    /// A pointer already written out (the rule-pack reader names its paths so).
    Written(String),
    /// The member `name` of the object at the parent path.
    Member(&'p Path<'p>, &'p str),
    /// The item at `index` of the array at the parent path.
    Item(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// The JSON pointer, each step escaped and shortened as [`pointer`] does.
    pub(crate) fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Written(text) => text.clone(),
            Path::Member(parent, name) => pointer(&parent.render(), name),
            Path::Item(parent, index) => pointer(&parent.render(), index),
        }
    }
}

/// An object whose type, members and required members have been checked.
pub(crate) struct Obj<'v, 'p> {
    map: &'v Object<'v>,
    path: Path<'p>,
    /// Where the next member is looked for first: the readers ask for members in their field
    /// table's order, which is the order most documents list them in.
    next: Cell<usize>,
}

impl<'v, 'p> Obj<'v, 'p> {
    /// The member, treating `null` as absent.
    pub(crate) fn get(&self, name: &str) -> Option<&'v Value<'v>> {
        let (at, value) = self.map.find_from(name, self.next.get())?;
        self.next.set(at + 1);
        Some(value).filter(|v| !v.is_null())
    }

    /// The member's JSON pointer, for a finding.
    pub(crate) fn at(&self, name: &str) -> String {
        pointer(&self.path.render(), name)
    }

    /// The member's path, rendered only if a finding is made there.
    pub(crate) fn member<'a>(&'a self, name: &'a str) -> Path<'a> {
        Path::Member(&self.path, name)
    }
}

pub(crate) struct Walker {
    pub(crate) findings: Findings,
    vocabulary: &'static Vocabulary,
}

/// Whether `c` is a control character the input format refuses in ids, names, numbers, titles
/// and codes: U+0000–U+001F and U+007F.
fn is_control(c: char) -> bool {
    c <= '\u{1f}' || c == '\u{7f}'
}

/// The first control character `value` holds (line breaks and tabs allowed when
/// `breaks_allowed`), with its one-based position. Control characters are ASCII, so a byte scan
/// decides the common case (none) without decoding.
fn first_control(value: &str, breaks_allowed: bool) -> Option<(usize, char)> {
    if !value.bytes().any(|b| b <= 0x1f || b == 0x7f) {
        return None;
    }
    value
        .chars()
        .enumerate()
        .find(|&(_, c)| is_control(c) && !(breaks_allowed && matches!(c, '\n' | '\r' | '\t')))
        .map(|(i, c)| (i + 1, c))
}

/// A string over [`limits::MAX_STRING_CHARS`]: reported by the JSON reader (`string_too_long`),
/// and passed over by the walker for the same reasons as a number too long.
fn too_long_string(text: &str) -> bool {
    text.len() > limits::MAX_STRING_CHARS && text.chars().count() > limits::MAX_STRING_CHARS
}

/// A string over the string limit, or a number written with more than [`MAX_NUMBER_CHARS`]
/// characters: the JSON reader has reported it (`string_too_long`, `number_too_long`), so the
/// walker passes over it rather than report it again or spend time on its characters.
fn too_long_number(value: &Value) -> bool {
    if let Value::String(text) = value {
        return too_long_string(text);
    }
    matches!(value, Value::Number(n) if n.as_str().len() > MAX_NUMBER_CHARS)
}

fn json_type_name(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("布尔值", "a boolean"),
        Value::Number(_) => ("数字", "a number"),
        Value::String(_) => ("字符串", "a string"),
        Value::Array(_) => ("数组", "an array"),
        Value::Object(_) => ("对象", "an object"),
    }
}

impl Walker {
    /// A walker for a format that speaks `vocabulary`, continuing from `findings` (the JSON
    /// reader's).
    pub(crate) fn new(findings: Findings, vocabulary: &'static Vocabulary) -> Walker {
        Walker {
            findings,
            vocabulary,
        }
    }

    /// The field at `path`, named in words.
    fn label(&self, path: &str) -> Text {
        field_label(self.vocabulary.labels, path)
    }

    pub(crate) fn error(&mut self, path: impl Into<String>, code: Code, message: Text) {
        self.findings.push(Finding::error(path, code, message));
    }

    /// Records a finding made elsewhere (e.g. by the patent-number check).
    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// `control_character` when `value` holds one (line breaks allowed when `breaks_allowed`).
    /// Returns whether it was clean.
    pub(crate) fn no_controls(&mut self, path: &str, value: &str, breaks_allowed: bool) -> bool {
        let Some((position, c)) = first_control(value, breaks_allowed) else {
            return true;
        };
        let code = u32::from(c);
        self.error(
            path,
            Code::ControlCharacter,
            text!(
                "第 {position} 个字符是控制字符 U+{code:04X}，此处不允许",
                "character {position} is the control character U+{code:04X}, not allowed here"
            ),
        );
        false
    }

    pub(crate) fn warning(&mut self, path: impl Into<String>, code: Code, message: Text) {
        self.findings.push(Finding::warning(path, code, message));
    }

    pub(crate) fn wrong_type(
        &mut self,
        path: &str,
        value: &Value,
        zh_expected: &str,
        en_expected: &str,
    ) {
        let (zh_got, en_got) = json_type_name(value);
        let field = self.label(path);
        let (zh_field, en_field) = (&field.zh, &field.en);
        self.error(
            path,
            Code::WrongType,
            text!(
                "{zh_field}应为{zh_expected}，实际为{zh_got}",
                "{en_field}: expected {en_expected}, found {en_got}"
            ),
        );
    }

    /// Checks that `value` is an object, reports unknown and missing required members.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &str,
        fields: &[Field],
    ) -> Option<Obj<'v, 'static>> {
        self.object_at(value, Path::Written(path.to_string()), fields)
    }

    /// [`Walker::object`] at a path rendered only for a finding.
    pub(crate) fn object_at<'v, 'p>(
        &mut self,
        value: &'v Value<'v>,
        path: Path<'p>,
        fields: &[Field],
    ) -> Option<Obj<'v, 'p>> {
        let Value::Object(map) = value else {
            self.wrong_type(&path.render(), value, "对象", "an object");
            return None;
        };
        // The fields searched from the one after the last found: documents list members in about
        // the table's order, so each is found in a step or two.
        let mut next = 0;
        let mut known = |key: &str| {
            let found = position_from(fields, next, |f| f.name == key);
            if let Some(found) = found {
                next = found + 1;
            }
            found.is_some()
        };
        // Unknown members are listed in the byte order of their names (as a sorted map would
        // list them); the names are sorted only when there is one.
        let sorted = map.keys().any(|key| !known(key)).then(|| map.iter_sorted());
        for (key, _) in sorted.into_iter().flatten() {
            if !known(key) {
                if self.findings.is_full() {
                    // Millions of unknown members must not cost a message each.
                    self.findings.count_more(Severity::Error);
                    continue;
                }
                // The member is quoted as the user wrote it; the fields that do exist here are
                // named in the format's documentation and the JSON Schema, not as a list of
                // JSON names in a message a form user reads.
                let shown = shorten(key);
                self.error(
                    pointer(&path.render(), key),
                    Code::UnknownField,
                    text!(
                        "此处没有名为“{shown}”的字段（拼写有误？请对照输入格式说明）",
                        "there is no field “{shown}” here (misspelt? see the input format)"
                    ),
                );
            }
        }
        let mut from = 0;
        for field in fields.iter().filter(|f| f.required) {
            match map.find_from(field.name, from) {
                Some((at, value)) if !value.is_null() => from = at + 1,
                _ => self.required(&pointer(&path.render(), field.name), field.name),
            }
        }
        Some(Obj {
            map,
            path,
            next: Cell::new(0),
        })
    }

    pub(crate) fn required(&mut self, path: &str, _name: &str) {
        let field = self.label(path);
        let (zh, en) = (&field.zh, &field.en);
        self.error(
            path,
            Code::Required,
            text!("请填写{zh}（必填）", "the {en} is required"),
        );
    }

    pub(crate) fn text(&mut self, obj: &Obj, name: &str) -> Option<String> {
        self.str_allowing(obj, name, false).map(str::to_string)
    }

    /// [`Walker::text`] borrowed from the document, for a text that is checked or converted
    /// before it is kept (so it is not copied twice).
    pub(crate) fn text_str<'v>(&mut self, obj: &Obj<'v, '_>, name: &str) -> Option<&'v str> {
        self.str_allowing(obj, name, false)
    }

    /// A text that may hold line breaks and tabs (a statement: prose, often pasted from a
    /// spreadsheet), but no other control character.
    pub(crate) fn multiline_text(&mut self, obj: &Obj, name: &str) -> Option<String> {
        self.str_allowing(obj, name, true).map(str::to_string)
    }

    fn str_allowing<'v>(
        &mut self,
        obj: &Obj<'v, '_>,
        name: &str,
        breaks_allowed: bool,
    ) -> Option<&'v str> {
        let value = obj.get(name)?;
        match value {
            Value::String(s) if too_long_string(s) => None,
            // The path is built only for a finding.
            Value::String(s) if first_control(s, breaks_allowed).is_none() => Some(s),
            Value::String(s) => {
                self.no_controls(&obj.at(name), s, breaks_allowed);
                None
            }
            other => {
                self.wrong_type(&obj.at(name), other, "字符串", "a string");
                None
            }
        }
    }

    /// A text that, when present, must not be blank.
    pub(crate) fn non_empty_text(&mut self, obj: &Obj, name: &str) -> Option<String> {
        self.non_empty_str(obj, name).map(str::to_string)
    }

    /// [`Walker::non_empty_text`] borrowed from the document.
    pub(crate) fn non_empty_str<'v>(&mut self, obj: &Obj<'v, '_>, name: &str) -> Option<&'v str> {
        let value = self.text_str(obj, name)?;
        if value.trim().is_empty() {
            self.error(obj.at(name), Code::EmptyText, {
                let field = self.label(&obj.at(name));
                let (zh, en) = (&field.zh, &field.en);
                text!("{zh}不能为空", "the {en} must not be empty")
            });
            return None;
        }
        Some(value)
    }

    pub(crate) fn boolean(&mut self, obj: &Obj, name: &str) -> Option<bool> {
        match obj.get(name)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(
                    &obj.at(name),
                    other,
                    "布尔值（true 或 false）",
                    "a boolean (true or false)",
                );
                None
            }
        }
    }

    pub(crate) fn enumeration<T>(
        &mut self,
        obj: &Obj,
        name: &str,
        parse: fn(&str) -> Option<T>,
        choices: &[Choice],
    ) -> Option<T> {
        let value = self.text_str(obj, name)?;
        let parsed = parse(value);
        if parsed.is_none() {
            self.invalid_enum(&obj.at(name), value, choices);
        }
        parsed
    }

    /// `invalid_enum` at `path` for `value`, naming the choices in words. Not generic, so that
    /// one copy serves every enumeration.
    #[inline(never)]
    fn invalid_enum(&mut self, path: &str, value: &str, choices: &[Choice]) {
        let shown = shorten(value);
        let field = self.label(path);
        let (zh_field, en_field) = (&field.zh, &field.en);
        // The choices in words, each with the spelling a JSON document uses (in English only
        // where it is not the words themselves).
        let (mut zh, mut en) = (String::new(), String::new());
        for choice in choices {
            if !zh.is_empty() {
                zh.push('、');
                en.push_str(", ");
            }
            zh.push_str(choice.zh);
            zh.push('（');
            zh.push_str(choice.value);
            zh.push('）');
            en.push_str(choice.en);
            if choice.en != choice.value {
                en.push_str(" (");
                en.push_str(choice.value);
                en.push(')');
            }
        }
        self.error(
            path.to_string(),
            Code::InvalidEnum,
            text!(
                "{zh_field}“{shown}”不是可选值；可选：{zh}",
                "“{shown}” is not a {en_field} the format knows; choose one of: {en}"
            ),
        );
    }

    pub(crate) fn date(&mut self, obj: &Obj, name: &str) -> Option<Date> {
        let value = self.text_str(obj, name)?;
        let parsed = Date::parse(value);
        if parsed.is_none() {
            // The message stands at the field's path; it quotes the value, not the label.
            let shown = shorten(value);
            self.error(
                obj.at(name),
                Code::InvalidDate,
                text!(
                    "“{shown}”不是有效日期（格式为 YYYY-MM-DD，例如 2024-06-30）",
                    "“{shown}” is not a real date (write YYYY-MM-DD, e.g. 2024-06-30)"
                ),
            );
        }
        parsed
    }

    pub(crate) fn year(&mut self, obj: &Obj, name: &str) -> Option<i32> {
        let value = obj.get(name).filter(|v| !too_long_number(v))?;
        let year = value
            .as_i64()
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (1985..=2100).contains(y));
        if year.is_none() {
            let shown = shorten(&value.to_compact());
            self.error(
                obj.at(name),
                Code::InvalidYear,
                text!(
                    "“{shown}”不是 1985 至 2100 年之间的整数年份",
                    "“{shown}” is not a whole year from 1985 to 2100"
                ),
            );
        }
        year
    }

    pub(crate) fn count(&mut self, obj: &Obj, name: &str) -> Option<u64> {
        let value = obj.get(name).filter(|v| !too_long_number(v))?;
        let count = value.as_u64().filter(|c| *c <= u64::from(u32::MAX));
        if count.is_none() {
            let shown = shorten(&value.to_compact());
            self.error(
                obj.at(name),
                Code::InvalidCount,
                text!(
                    "“{shown}”不是 0 或正整数",
                    "“{shown}” is not a whole number of 0 or more"
                ),
            );
        }
        count
    }

    /// An exact decimal from a string or a JSON number (kept as written, never through f64).
    pub(crate) fn decimal(&mut self, obj: &Obj, name: &str, max_places: u64) -> Option<Decimal> {
        let value = obj.get(name).filter(|v| !too_long_number(v))?;
        let written = match value {
            Value::String(s) => {
                let trimmed = s.trim();
                // Checked before any arithmetic: a long decimal string costs one scan.
                let chars = trimmed.chars().count();
                if chars > MAX_NUMBER_CHARS {
                    self.push(limits::number_too_long(obj.at(name), chars));
                    return None;
                }
                trimmed
            }
            Value::Number(n) => n.as_str(),
            other => {
                self.wrong_type(
                    &obj.at(name),
                    other,
                    "数字或数字字符串",
                    "a number or a decimal string",
                );
                return None;
            }
        };
        // The field is named (a pointer built, the label table searched) only for a finding.
        let Some(amount) = exact::parse_decimal(written) else {
            let field = self.label(&obj.at(name));
            let unit = obj.get("unit").and_then(Value::as_str);
            let message = (self.vocabulary.not_a_number)(written, &field.zh, &field.en, unit);
            self.error(obj.at(name), Code::InvalidMoney, message);
            return None;
        };
        if exact::decimal_places(&amount) > max_places {
            let field = self.label(&obj.at(name));
            let (zh, en) = (&field.zh, &field.en);
            let shown = shorten(written);
            self.error(
                obj.at(name),
                Code::MoneyOutOfRange,
                text!(
                    "{zh}“{shown}”的小数超过 {max_places} 位",
                    "the {en} “{shown}” has more than {max_places} decimal places"
                ),
            );
            return None;
        }
        Some(amount)
    }

    pub(crate) fn array<'v>(
        &mut self,
        obj: &Obj<'v, '_>,
        name: &str,
    ) -> Option<&'v Vec<Value<'v>>> {
        match obj.get(name)? {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(&obj.at(name), other, "数组", "an array");
                None
            }
        }
    }

    /// An array with at most `limit` items; over it, the error `code` and `None` (its items are
    /// not read: the limit bounds the work as well as the document).
    pub(crate) fn limited_array<'v>(
        &mut self,
        obj: &Obj<'v, '_>,
        name: &str,
        (limit, code): (usize, Code),
        (zh_what, en_what): (&str, &str),
    ) -> Option<&'v Vec<Value<'v>>> {
        let items = self.array(obj, name)?;
        if items.len() > limit {
            self.push(limits::too_many(
                obj.at(name),
                code,
                items.len(),
                limit,
                zh_what,
                en_what,
            ));
            return None;
        }
        Some(items)
    }

    /// An optional array of objects, each read by `read_item`; absent means empty. `None` when
    /// any item could not be read (its findings are recorded).
    pub(crate) fn list<T>(
        &mut self,
        obj: &Obj,
        name: &str,
        read_item: impl Fn(&mut Walker, &Value, &str, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.list_at(obj, name, |walker, value, path, index| {
            read_item(walker, value, &path.render(), index)
        })
    }

    /// [`Walker::list`] giving each item its path unrendered.
    pub(crate) fn list_at<T>(
        &mut self,
        obj: &Obj,
        name: &str,
        read_item: impl Fn(&mut Walker, &Value, &Path, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        if obj.get(name).is_none() {
            return Some(Vec::new());
        }
        let items = self.array(obj, name)?;
        let mut out = Vec::with_capacity(items.len());
        let mut complete = true;
        let base = obj.member(name);
        for (index, item) in items.iter().enumerate() {
            match read_item(self, item, &Path::Item(&base, index), index) {
                Some(read) => out.push(read),
                None => complete = false,
            }
        }
        complete.then_some(out)
    }

    pub(crate) fn text_list(&mut self, obj: &Obj, name: &str) -> Option<Vec<String>> {
        self.list_at(obj, name, |reader, value, path, _| match value {
            Value::String(s) if first_control(s, false).is_none() => Some(s.to_string()),
            Value::String(s) => {
                reader.no_controls(&path.render(), s, false);
                None
            }
            other => {
                reader.wrong_type(&path.render(), other, "字符串", "a string");
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::fields::Kind;

    /// A format of its own: the walker knows only what the tables and the vocabulary tell it.
    const COLOURS: &[Choice] = &[
        Choice::new("red", "红", "red"),
        Choice::new("dark_blue", "深蓝", "dark blue"),
    ];
    const PAINT: &[Field] = &[
        Field {
            name: "colour",
            kind: Kind::Enum(COLOURS),
            required: true,
            doc: "",
            max_items: None,
        },
        Field {
            name: "litres",
            kind: Kind::Money,
            required: false,
            doc: "",
            max_items: None,
        },
    ];
    fn not_a_number(written: &str, zh: &str, en: &str, unit: Option<&str>) -> Text {
        let unit = unit.unwrap_or("none");
        Text::new(
            format!("{zh}:{written}:{unit}"),
            format!("{en}:{written}:{unit}"),
        )
    }
    static WORDS: Vocabulary = Vocabulary {
        labels: &[FieldLabel::new("/colour", "颜色", "colour")],
        not_a_number,
    };

    fn walk(document: serde_json::Value) -> Vec<Finding> {
        let document = Value::from_serde(&document);
        let mut walker = Walker::new(Findings::default(), &WORDS);
        if let Some(obj) = walker.object(&document, "", PAINT) {
            walker.enumeration(&obj, "colour", |_| None::<()>, COLOURS);
            walker.decimal(&obj, "litres", 2);
        }
        walker.findings.into_vec()
    }

    #[test]
    fn fields_and_choices_are_named_in_the_formats_words() {
        let found = walk(serde_json::json!({ "colour": "green", "litres": "2 l", "unit": "l" }));
        let messages: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|f| {
                (
                    f.path.as_str(),
                    f.message.zh.as_str(),
                    f.message.en.as_str(),
                )
            })
            .collect();
        // A finding starts its English message with a capital.
        assert_eq!(
            messages,
            [
                (
                    "/unit",
                    "此处没有名为“unit”的字段（拼写有误？请对照输入格式说明）",
                    "There is no field “unit” here (misspelt? see the input format)"
                ),
                (
                    "/colour",
                    "颜色“green”不是可选值；可选：红（red）、深蓝（dark_blue）",
                    "“green” is not a colour the format knows; choose one of: red, dark blue (dark_blue)"
                ),
                // A field the vocabulary has no label for is named as written.
                ("/litres", "“litres”:2 l:l", "“litres”:2 l:l"),
            ]
        );
        let missing = walk(serde_json::json!({}));
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].message.en, "The colour is required");
    }
}
