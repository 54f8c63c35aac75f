//! Bilingual text: every message and explanation the engine produces exists in Chinese and English.

use serde::Serialize;

/// A sentence in Simplified Chinese and in English, carrying the same facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Pairs a Chinese and an English sentence.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Sentences joined into one, each language with its own separator (`；` and `; `).
    pub fn join<'a>(texts: impl IntoIterator<Item = &'a Text>) -> Text {
        let (zh, en): (Vec<&str>, Vec<&str>) = texts
            .into_iter()
            .map(|t| (t.zh.as_str(), t.en.as_str()))
            .unzip();
        Text::new(zh.join("；"), en.join("; "))
    }

    /// The same text with its English starting with a capital letter, as a sentence does
    /// (a number, a date or a quoted value at the start is left as it is).
    pub fn sentence(mut self) -> Text {
        // In place: an ASCII letter is one byte (anything else is left as it is). This keeps
        // `String::replace_range` and the splicing code it pulls in out of the module, and needs
        // no UTF-8 check of the whole sentence afterwards.
        if let Some(first) = self.en.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        self
    }
}

/// A count with its English noun in the right number: `plural(&1, "patent", "patents")` is
/// "1 patent", any other count takes the plural ("0 patents", "2 patents").
pub fn plural(count: &dyn std::fmt::Display, one: &str, many: &str) -> String {
    // A trait object rather than a generic: one copy in the WebAssembly module for every type
    // of count.
    let mut out = count.to_string();
    let noun = if out == "1" { one } else { many };
    out.reserve(noun.len() + 1);
    out.push(' ');
    out.push_str(noun);
    out
}

/// A whole number in decimal, without the formatting machinery (years and counts in the rules'
/// most frequent sentences).
pub(crate) fn number(value: i64) -> String {
    let mut out = String::with_capacity(8);
    crate::compact_json::digits(&mut out, value < 0, value.unsigned_abs());
    out
}

/// Builds a [`Text`] from two format strings sharing the same arguments in scope. Public as
/// `patent_intensive::text::text!`, so front ends write their own messages the same way.
#[doc(hidden)]
#[macro_export]
macro_rules! __text {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::text::Text::new(::std::format!($zh), ::std::format!($en))
    };
}
/// Builds a [`Text`] from two format strings sharing the same arguments in scope, e.g.
/// `text!("未知的规则包 `{id}`", "unknown rule pack `{id}`")`.
pub use crate::__text as text;
