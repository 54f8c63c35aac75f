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
