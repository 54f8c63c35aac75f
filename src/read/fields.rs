//! A document format's fields as data: the tables the walker checks objects against ([`Field`],
//! [`Kind`]), each enumeration's values with their words ([`Choice`]), and the fields' names in
//! words by JSON pointer ([`FieldLabel`]). The formats' own tables live with their readers: the
//! input's in `input/fields.rs` and `input/labels.rs`, the rule pack's in `pack/parse.rs`.

use crate::text::Text;

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// The JSON member name.
    pub name: &'static str,
    /// What the value must be.
    pub kind: Kind,
    /// Whether the member must be present and not null.
    pub required: bool,
    /// What the field means, for the schema and the documentation.
    pub doc: &'static str,
    /// For an array: the most items it may hold ([`crate::limits`]), stated in the schema as
    /// `maxItems` and checked by the reader.
    pub max_items: Option<usize>,
}

impl Field {
    /// The same field, an array of at most `limit` items.
    pub(crate) const fn at_most(mut self, limit: usize) -> Field {
        self.max_items = Some(limit);
        self
    }
}

/// The kind of value a field holds.
#[derive(Debug)]
pub enum Kind {
    /// A string.
    Text,
    /// A string that must equal this constant.
    Constant(&'static str),
    /// A string from this list, each value with its words.
    Enum(&'static [Choice]),
    /// `true` or `false`.
    Bool,
    /// A calendar year, integer 1985–2100.
    Year,
    /// A non-negative integer.
    Count,
    /// A `YYYY-MM-DD` date string.
    Date,
    /// An exact decimal amount: a decimal string or a JSON number.
    Money,
    /// An object with these fields.
    Object(&'static [Field]),
    /// An array of objects with these fields.
    ObjectArray(&'static [Field]),
    /// An array of strings.
    TextArray,
}

/// One value of an enumeration: its spelling in a document and what a person reads. The words
/// travel with the field table, so a message that lists the choices needs no label module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The spelling in the document, e.g. `utility_model`.
    pub value: &'static str,
    /// The words in Chinese.
    pub zh: &'static str,
    /// The words in English (lower case: they are set into sentences).
    pub en: &'static str,
}

impl Choice {
    /// The value spelt `value`, read as `zh` / `en`.
    pub const fn new(value: &'static str, zh: &'static str, en: &'static str) -> Choice {
        Choice { value, zh, en }
    }

    /// The words, as a bilingual text.
    pub fn label(&self) -> Text {
        Text::new(self.zh, self.en)
    }
}

/// A field's label by JSON pointer pattern, with what it means for the figures a user enters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldLabel {
    /// JSON pointer with `*` for an array index, e.g. `/products/*/economics/*/profit`.
    pub pattern: &'static str,
    /// The label in Chinese.
    pub zh: &'static str,
    /// The label in English (lower case: it is set into sentences; a form capitalises it).
    pub en: &'static str,
    /// What the figure means and what to put in it, in Chinese and English.
    pub definition: Option<(&'static str, &'static str)>,
}

impl FieldLabel {
    /// The field at `pattern`, named `zh` / `en`.
    pub const fn new(pattern: &'static str, zh: &'static str, en: &'static str) -> FieldLabel {
        FieldLabel {
            pattern,
            zh,
            en,
            definition: None,
        }
    }
}

/// Whether the concrete pointer `path` matches `pattern` (`*` stands for one array index).
fn matches(pattern: &str, path: &str) -> bool {
    let mut pattern = pattern.split('/');
    let mut path = path.split('/');
    loop {
        match (pattern.next(), path.next()) {
            (None, None) => return true,
            (Some("*"), Some(segment)) => {
                if segment.is_empty() || !segment.bytes().all(|b| b.is_ascii_digit()) {
                    return false;
                }
            }
            (Some(expected), Some(segment)) if expected == segment => {}
            _ => return false,
        }
    }
}

/// The entry of `labels` for the concrete JSON pointer `path`, if it has one.
pub fn label_entry(labels: &'static [FieldLabel], path: &str) -> Option<&'static FieldLabel> {
    labels.iter().find(|f| matches(f.pattern, path))
}

/// The field at `path` named in words from `labels`; a member without an entry is named as
/// written, in quotes.
pub fn field_label(labels: &'static [FieldLabel], path: &str) -> Text {
    match label_entry(labels, path) {
        Some(entry) => Text::new(entry.zh, entry.en),
        None => {
            // A byte search (not `rsplit`), which keeps `memrchr` out of the module.
            let start = path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1);
            let name = path.get(start..).unwrap_or_default();
            Text::new(format!("“{name}”"), format!("“{name}”"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: &[FieldLabel] = &[
        FieldLabel::new("/filer/name", "名称", "name"),
        FieldLabel {
            pattern: "/products/*/economics/*/profit",
            zh: "利润",
            en: "profit",
            definition: Some(("定义", "meaning")),
        },
    ];

    #[test]
    fn a_pattern_matches_concrete_pointers_only() {
        assert!(matches("/products/*/id", "/products/12/id"));
        assert!(!matches("/products/*/id", "/products//id"));
        assert!(!matches("/products/*/id", "/products/x/id"));
        assert!(!matches("/products/*/id", "/products/1/id/more"));
        assert!(!matches("/products/*/id", "/products/1"));
        assert!(matches("", ""));
    }

    #[test]
    fn a_field_is_named_by_its_entry_or_as_written() {
        let profit = field_label(LABELS, "/products/3/economics/0/profit");
        assert_eq!((profit.zh.as_str(), profit.en.as_str()), ("利润", "profit"));
        assert_eq!(
            label_entry(LABELS, "/products/3/economics/0/profit").and_then(|l| l.definition),
            Some(("定义", "meaning"))
        );
        assert_eq!(field_label(LABELS, "/filer/name").zh, "名称");
        let other = field_label(LABELS, "/rounds/first");
        assert_eq!(
            (other.zh.as_str(), other.en.as_str()),
            ("“first”", "“first”")
        );
        assert_eq!(field_label(LABELS, "").en, "“”");
        assert_eq!(field_label(&[], "plain").en, "“plain”");
    }

    #[test]
    fn a_choice_reads_as_its_words() {
        let choice = Choice::new("utility_model", "实用新型", "utility model");
        assert_eq!(choice.label(), Text::new("实用新型", "utility model"));
    }
}
