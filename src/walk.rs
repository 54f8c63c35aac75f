//! A JSON walker that checks types, members and required members against a field table
//! ([`crate::input::fields`]) and collects every finding instead of stopping at the first. The
//! input reader and the rule-pack reader are both built on it.

use serde_json::{Map, Value};

use crate::date::Date;
use crate::exact::{self, Decimal};
use crate::input::fields::Field;
use crate::text::{text, Text};
use crate::validate::{pointer, Code, Finding};

/// An object whose type, members and required members have been checked.
pub(crate) struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: String,
}

impl<'v> Obj<'v> {
    /// The member, treating `null` as absent.
    pub(crate) fn get(&self, name: &str) -> Option<&'v Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    pub(crate) fn at(&self, name: &str) -> String {
        pointer(&self.path, name)
    }
}

#[derive(Default)]
pub(crate) struct Walker {
    pub(crate) findings: Vec<Finding>,
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

pub(crate) fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        text.to_string()
    } else {
        let head: String = text.chars().take(LIMIT).collect();
        format!("{head}…")
    }
}

impl Walker {
    pub(crate) fn error(&mut self, path: impl Into<String>, code: Code, message: Text) {
        self.findings.push(Finding::error(path, code, message));
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
        self.error(
            path,
            Code::WrongType,
            text!(
                "应为{zh_expected}，实际为{zh_got}",
                "expected {en_expected}, found {en_got}"
            ),
        );
    }

    /// Checks that `value` is an object, reports unknown and missing required members.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        fields: &[Field],
    ) -> Option<Obj<'v>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, value, "对象", "an object");
            return None;
        };
        for key in map.keys() {
            if !fields.iter().any(|f| f.name == key) {
                let shown = shorten(key);
                let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
                let known = known.join(", ");
                self.error(
                    pointer(path, key),
                    Code::UnknownField,
                    text!(
                        "未知字段 `{shown}`（可用字段：{known}）",
                        "unknown field `{shown}` (known fields: {known})"
                    ),
                );
            }
        }
        for field in fields.iter().filter(|f| f.required) {
            if map.get(field.name).is_none_or(Value::is_null) {
                self.required(&pointer(path, field.name), field.name);
            }
        }
        Some(Obj {
            map,
            path: path.to_string(),
        })
    }

    pub(crate) fn required(&mut self, path: &str, name: &str) {
        self.error(
            path,
            Code::Required,
            text!("缺少必填字段 `{name}`", "`{name}` is required"),
        );
    }

    pub(crate) fn text(&mut self, obj: &Obj, name: &str) -> Option<String> {
        let value = obj.get(name)?;
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(&obj.at(name), other, "字符串", "a string");
                None
            }
        }
    }

    /// A text that, when present, must not be blank.
    pub(crate) fn non_empty_text(&mut self, obj: &Obj, name: &str) -> Option<String> {
        let value = self.text(obj, name)?;
        if value.trim().is_empty() {
            self.error(
                obj.at(name),
                Code::EmptyText,
                text!("`{name}` 不能为空", "`{name}` must not be empty"),
            );
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
        names: &[&str],
    ) -> Option<T> {
        let value = self.text(obj, name)?;
        let parsed = parse(&value);
        if parsed.is_none() {
            let shown = shorten(&value);
            let allowed = names.join(", ");
            self.error(
                obj.at(name),
                Code::InvalidEnum,
                text!(
                    "`{shown}` 不是允许的值（可选：{allowed}）",
                    "`{shown}` is not one of: {allowed}"
                ),
            );
        }
        parsed
    }

    pub(crate) fn date(&mut self, obj: &Obj, name: &str) -> Option<Date> {
        let value = self.text(obj, name)?;
        let parsed = Date::parse(&value);
        if parsed.is_none() {
            let shown = shorten(&value);
            self.error(
                obj.at(name),
                Code::InvalidDate,
                text!(
                    "`{shown}` 不是有效日期（格式 YYYY-MM-DD）",
                    "`{shown}` is not a real date (YYYY-MM-DD)"
                ),
            );
        }
        parsed
    }

    pub(crate) fn year(&mut self, obj: &Obj, name: &str) -> Option<i32> {
        let value = obj.get(name)?;
        let year = value
            .as_i64()
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (1985..=2100).contains(y));
        if year.is_none() {
            let shown = shorten(&value.to_string());
            self.error(
                obj.at(name),
                Code::InvalidYear,
                text!(
                    "`{shown}` 不是 1985–2100 之间的整数年份",
                    "`{shown}` is not a whole year from 1985 to 2100"
                ),
            );
        }
        year
    }

    pub(crate) fn count(&mut self, obj: &Obj, name: &str) -> Option<u64> {
        let value = obj.get(name)?;
        let count = value.as_u64().filter(|c| *c <= u64::from(u32::MAX));
        if count.is_none() {
            let shown = shorten(&value.to_string());
            self.error(
                obj.at(name),
                Code::InvalidCount,
                text!(
                    "`{shown}` 不是非负整数",
                    "`{shown}` is not a non-negative whole number"
                ),
            );
        }
        count
    }

    /// An exact decimal from a string or a JSON number (kept as written, never through f64).
    pub(crate) fn decimal(&mut self, obj: &Obj, name: &str, max_places: u64) -> Option<Decimal> {
        let value = obj.get(name)?;
        let written = match value {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
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
        let shown = shorten(&written);
        let Some(amount) = exact::parse_decimal(&written) else {
            self.error(
                obj.at(name),
                Code::InvalidMoney,
                text!(
                    "`{shown}` 不是十进制数",
                    "`{shown}` is not a decimal number"
                ),
            );
            return None;
        };
        if exact::decimal_places(&amount) > max_places {
            self.error(
                obj.at(name),
                Code::MoneyOutOfRange,
                text!(
                    "`{shown}` 的小数位超过 {max_places} 位",
                    "`{shown}` has more than {max_places} decimal places"
                ),
            );
            return None;
        }
        Some(amount)
    }

    pub(crate) fn array<'v>(&mut self, obj: &Obj<'v>, name: &str) -> Option<&'v Vec<Value>> {
        match obj.get(name)? {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(&obj.at(name), other, "数组", "an array");
                None
            }
        }
    }

    /// An optional array of objects, each read by `read_item`; absent means empty. `None` when
    /// any item could not be read (its findings are recorded).
    pub(crate) fn list<T>(
        &mut self,
        obj: &Obj,
        name: &str,
        read_item: impl Fn(&mut Walker, &Value, &str, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        if obj.get(name).is_none() {
            return Some(Vec::new());
        }
        let items = self.array(obj, name)?;
        let mut out = Vec::with_capacity(items.len());
        let mut complete = true;
        for (index, item) in items.iter().enumerate() {
            match read_item(self, item, &pointer(&obj.at(name), index), index) {
                Some(read) => out.push(read),
                None => complete = false,
            }
        }
        complete.then_some(out)
    }

    pub(crate) fn text_list(&mut self, obj: &Obj, name: &str) -> Option<Vec<String>> {
        self.list(obj, name, |reader, value, path, _| match value {
            Value::String(s) => Some(s.clone()),
            other => {
                reader.wrong_type(path, other, "字符串", "a string");
                None
            }
        })
    }
}
