//! A strict JSON (RFC 8259) reader into the crate's own borrowed tree ([`Value`]), keeping every
//! number's text exactly as written.
//!
//! Why not `serde_json::from_str` into `serde_json::Value`: its generic deserializer, together
//! with the float formatting its error messages link in, is about 17 KB gzip of the WebAssembly
//! module, an eighth of the size budget; and its tree costs an allocation per string and per map
//! node. Here a string without escapes and every number borrow the document's text, and an
//! object keeps its members in one vector in document order, so reading a large portfolio costs
//! a few allocations per object instead of several per member. The tests check that both readers
//! accept and reject the same documents and build equal values ([`Value::to_serde`]).

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::findings::shorten;
use crate::findings::{pointer, Code, Finding, Findings};
use crate::limits::{self, MAX_DOCUMENT_BYTES, MAX_NESTING, MAX_NUMBER_CHARS, MAX_STRING_CHARS};
use crate::text::text;

/// A JSON value borrowing from the text it was read from.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number<'a>),
    /// A string: borrowed from the text unless it held an escape.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// A JSON number exactly as written (never through a binary float), but for its exponent,
/// spelt as serde_json's `arbitrary_precision` spells it: `e` and a sign (`1E5` is `1e+5`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number<'a>(Cow<'a, str>);

impl<'a> Number<'a> {
    /// The number's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number written as `text` (valid JSON number syntax), its exponent respelt.
    fn new(text: &'a str) -> Number<'a> {
        match text.find(['e', 'E']) {
            Some(at) => {
                let (mantissa, exponent) = text.split_at(at);
                let exponent = exponent.get(1..).unwrap_or_default();
                if text.get(at..=at) == Some("e") && exponent.starts_with(['+', '-']) {
                    return Number(Cow::Borrowed(text));
                }
                let sign = if exponent.starts_with(['+', '-']) {
                    ""
                } else {
                    "+"
                };
                Number(Cow::Owned(format!("{mantissa}e{sign}{exponent}")))
            }
            None => Number(Cow::Borrowed(text)),
        }
    }
}

/// Objects with more members than this get a sorted index of their names, so that finding a
/// duplicate while reading and looking a member up stay O(log n) on a hostile object of a
/// million members; smaller ones (every object of a real input) are scanned, which costs no
/// allocation.
pub(crate) const SMALL_OBJECT: usize = 16;

/// A JSON object: its members in document order (of duplicate names, one member at the first
/// one's place holding the last one's value), and for a large object their positions in the byte
/// order of their names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<'a> {
    members: Vec<Member<'a>>,
    /// Empty for an object of at most [`SMALL_OBJECT`] members.
    sorted: Vec<usize>,
}

impl<'a> Object<'a> {
    /// The member named `name`.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.find_from(name, 0).map(|(_, value)| value)
    }

    /// The member named `name` and its position, a small object scanned from position `from`
    /// on and then from the start: a reader asking for members in about the order a document
    /// lists them finds each in a step or two.
    pub fn find_from(&self, name: &str, from: usize) -> Option<(usize, &Value<'a>)> {
        if !self.sorted.is_empty() {
            let at = self
                .sorted
                .binary_search_by(|&i| self.name(i).cmp(name))
                .ok()?;
            let index = *self.sorted.get(at)?;
            return self.members.get(index).map(|(_, value)| (index, value));
        }
        let found = position_from(&self.members, from, |(key, _)| key == name)?;
        self.members.get(found).map(|(_, value)| (found, value))
    }

    fn name(&self, index: usize) -> &str {
        self.members.get(index).map_or("", |(name, _)| name)
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.members
            .iter()
            .map(|(name, value)| (name.as_ref(), value))
    }

    /// The members' names in document order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(name, _)| name.as_ref())
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the object has no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members in the byte order of their names (the order of a `BTreeMap<String, _>`, in
    /// which findings about members and quoted objects have always been listed).
    pub fn iter_sorted(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        let order = if self.sorted.is_empty() {
            let mut order: Vec<usize> = (0..self.members.len()).collect();
            // An insertion sort: at most SMALL_OBJECT members.
            for end in 1..order.len() {
                let mut at = end;
                while at > 0 && before(self, &order, at, at - 1) {
                    order.swap(at, at - 1);
                    at -= 1;
                }
            }
            order
        } else {
            self.sorted.clone()
        };
        order
            .into_iter()
            .filter_map(|i| self.members.get(i))
            .map(|(name, value)| (name.as_ref(), value))
    }
}

/// The position of the first item that `matches`, searched from `from` to the end and then from
/// the start: a reader asking for names in about the order a list holds them finds each in a
/// step or two.
pub(crate) fn position_from<T>(
    items: &[T],
    from: usize,
    matches: impl Fn(&T) -> bool,
) -> Option<usize> {
    let (before, after) = items.split_at(from.min(items.len()));
    after
        .iter()
        .position(&matches)
        .map(|i| i + before.len())
        .or_else(|| before.iter().position(&matches))
}

/// Whether the member at `order[a]` sorts before the one at `order[b]` by name.
fn before(object: &Object, order: &[usize], a: usize, b: usize) -> bool {
    match (order.get(a), order.get(b)) {
        (Some(&a), Some(&b)) => object.name(a) < object.name(b),
        _ => false,
    }
}

/// A member of an object: its name and value.
type Member<'a> = (Cow<'a, str>, Value<'a>);

/// An object being built on a scratch stack shared by every object being read (its members are
/// `scratch[base..]`), so that each object costs one allocation of its exact size, made when it
/// ends; a duplicate name replaces the value at the first one's place.
struct ObjectBuilder<'a> {
    base: usize,
    /// Positions by name, kept once the object outgrows [`SMALL_OBJECT`].
    index: Option<BTreeMap<Cow<'a, str>, usize>>,
}

impl<'a> ObjectBuilder<'a> {
    fn new(scratch: &[Member<'a>]) -> ObjectBuilder<'a> {
        ObjectBuilder {
            base: scratch.len(),
            index: None,
        }
    }

    /// Adds a member; a name already there is given back, its value replaced.
    fn insert(
        &mut self,
        scratch: &mut Vec<Member<'a>>,
        name: Cow<'a, str>,
        value: Value<'a>,
    ) -> Option<Cow<'a, str>> {
        let members = scratch.get_mut(self.base..).unwrap_or_default();
        let existing = match &self.index {
            None => members.iter().position(|(key, _)| *key == name),
            Some(index) => index.get(&name).copied(),
        };
        if let Some(slot) = existing.and_then(|at| members.get_mut(at)) {
            slot.1 = value;
            return Some(name);
        }
        let len = members.len();
        if let Some(index) = &mut self.index {
            index.insert(name.clone(), len);
        }
        scratch.push((name, value));
        if self.index.is_none() && len + 1 > SMALL_OBJECT {
            // Inserted one by one: collecting into a map would link in the standard library's
            // stable sort (about 4 KB of the WebAssembly module).
            let mut index = BTreeMap::new();
            let members = scratch.get(self.base..).unwrap_or_default();
            for (at, (key, _)) in members.iter().enumerate() {
                index.insert(key.clone(), at);
            }
            self.index = Some(index);
        }
        None
    }

    fn finish(self, scratch: &mut Vec<Member<'a>>) -> Object<'a> {
        let base = self.base.min(scratch.len());
        Object {
            members: scratch.drain(base..).collect(),
            sorted: self
                .index
                .map(|index| index.into_values().collect())
                .unwrap_or_default(),
        }
    }
}

impl<'a> Value<'a> {
    /// The member `name` of an object; `None` for anything else.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(object) => object.get(name),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A number written as an integer that fits an `i64` (as serde_json's arbitrary-precision
    /// numbers read it: `2025`, not `2025.0` or `2.025e3`).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(number) => number.as_str().parse().ok(),
            _ => None,
        }
    }

    /// A number written as an integer that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(number) => number.as_str().parse().ok(),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(&self) -> Option<&Vec<Value<'a>>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The same value as serde_json's tree (members in name order, numbers as written).
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as Serde;
        match self {
            Value::Null => Serde::Null,
            Value::Bool(b) => Serde::Bool(*b),
            Value::Number(number) => Serde::Number(serde_json::Number::from_string_unchecked(
                number.as_str().to_string(),
            )),
            Value::String(text) => Serde::String(text.to_string()),
            Value::Array(items) => Serde::Array(items.iter().map(Value::to_serde).collect()),
            Value::Object(object) => {
                // Inserted one by one, not collected (see `ObjectBuilder::insert`).
                let mut map = serde_json::Map::new();
                for (name, value) in object.iter() {
                    map.insert(name.to_string(), value.to_serde());
                }
                Serde::Object(map)
            }
        }
    }

    /// A value of serde_json's tree, borrowed (numbers must have been read with serde_json's
    /// `arbitrary_precision`, as this crate enables, to be kept exactly).
    pub fn from_serde(value: &'a serde_json::Value) -> Value<'a> {
        use serde_json::Value as Serde;
        match value {
            Serde::Null => Value::Null,
            Serde::Bool(b) => Value::Bool(*b),
            Serde::Number(number) => Value::Number(Number(Cow::Borrowed(number.as_str()))),
            Serde::String(text) => Value::String(Cow::Borrowed(text)),
            Serde::Array(items) => Value::Array(items.iter().map(Value::from_serde).collect()),
            Serde::Object(map) => {
                let mut scratch = Vec::with_capacity(map.len());
                let mut object = ObjectBuilder::new(&scratch);
                for (name, member) in map {
                    object.insert(&mut scratch, Cow::Borrowed(name), Value::from_serde(member));
                }
                Value::Object(object.finish(&mut scratch))
            }
        }
    }

    /// Compact JSON of the value as serde_json writes its tree (members in the byte order of
    /// their names): how a finding quotes a value it refuses.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write_compact(&mut out);
        out
    }

    fn write_compact(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(number) => out.push_str(number.as_str()),
            Value::String(text) => crate::compact_json::escape(out, text),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_compact(out);
                }
                out.push(']');
            }
            Value::Object(object) => {
                out.push('{');
                for (i, (name, member)) in object.iter_sorted().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    crate::compact_json::escape(out, name);
                    out.push(':');
                    member.write_compact(out);
                }
                out.push('}');
            }
        }
    }
}

/// Where a document stops being JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    line: usize,
    column: usize,
}

impl ParseError {
    /// One-based line of the offending character.
    pub fn line(&self) -> usize {
        self.line
    }

    /// One-based column (in bytes) of the offending character.
    pub fn column(&self) -> usize {
        self.column
    }
}

/// A document read as I-JSON (RFC 7493, input-format.md "Interoperability and limits"): its
/// value, and every interoperability and limit problem found on the way, each with its path.
#[derive(Debug)]
pub struct Document<'a> {
    /// The value. Where a problem was found it holds a stand-in: the last of duplicate members,
    /// U+FFFD for a lone surrogate, `null` for a value nested too deep.
    pub value: Value<'a>,
    /// Problems found while reading (capped as [`Findings`] caps them).
    pub findings: Findings,
}

/// Why a document could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Over [`MAX_DOCUMENT_BYTES`]: not read.
    TooLarge(u64),
    /// Not JSON.
    Syntax(ParseError),
}

impl ReadError {
    /// The finding that reports this error, at the document's path (`""`).
    pub fn finding(&self) -> Finding {
        match self {
            ReadError::TooLarge(_) => limits::document_too_large(""),
            ReadError::Syntax(error) => {
                let (line, column) = (error.line, error.column);
                Finding::error(
                    "",
                    Code::InvalidJson,
                    text!(
                        "输入不是有效的 JSON（第 {line} 行第 {column} 列）",
                        "the input is not valid JSON (line {line}, column {column})"
                    ),
                )
            }
        }
    }
}

/// Reads a document as the input format requires: a leading byte-order mark ignored, at most
/// [`MAX_DOCUMENT_BYTES`], strict RFC 8259 syntax, and the I-JSON checks (duplicate member names,
/// numbers that are not exactly a double, lone surrogates, string, number and nesting limits)
/// reported as findings with their paths. Time is linear in the length of `text`.
pub fn read(text: &str) -> Result<Document<'_>, ReadError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ReadError::TooLarge(
            u64::try_from(text.len()).unwrap_or(u64::MAX),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::new(text);
    let value = reader
        .document()
        .map_err(|()| ReadError::Syntax(reader.error()))?;
    Ok(Document {
        value,
        findings: reader.findings,
    })
}

/// Parses a whole JSON document (white space around it allowed, nothing else), strictly: any
/// problem [`read`] would report (a duplicate member name, a number that is not exactly a double,
/// a lone surrogate, a limit exceeded) is an error at the place it was found. No byte-order mark.
pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    let mut reader = Reader::new(text);
    match reader.document() {
        Ok(value) => match reader.first_problem {
            None => Ok(value),
            Some(at) => {
                reader.at = at;
                Err(reader.error())
            }
        },
        Err(()) => Err(reader.error()),
    }
}

/// The checks of [`read`] that a value already parsed by someone else can still fail (a string,
/// number or nesting limit, a number that is not exactly a double), for callers that hand over a
/// [`Value`] instead of text. Duplicate member names and lone surrogates cannot be told apart
/// once parsed; they are the parser's to refuse.
pub fn check_value(value: &Value) -> Findings {
    let mut findings = Findings::default();
    check(value, "", 1, &mut findings);
    findings
}

fn check(value: &Value, path: &str, level: usize, findings: &mut Findings) {
    let long_string =
        |text: &str| text.len() > MAX_STRING_CHARS && text.chars().count() > MAX_STRING_CHARS;
    match value {
        Value::Number(number) => {
            let text = number.as_str();
            if text.len() > MAX_NUMBER_CHARS {
                findings.push(limits::number_too_long(path.to_string(), text.len()));
            } else if !crate::es_number::is_exact(text) {
                findings.push(not_exact(path.to_string(), text));
            }
        }
        Value::String(text) if long_string(text) => {
            findings.push(limits::string_too_long(
                path.to_string(),
                text.chars().count(),
            ));
        }
        Value::Array(_) | Value::Object(_) if level > MAX_NESTING => {
            findings.push(Finding::error(
                path,
                Code::NestingTooDeep,
                text!(
                    "数组与对象嵌套超过 {MAX_NESTING} 层",
                    "arrays and objects are nested more than {MAX_NESTING} levels deep"
                ),
            ));
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                check(item, &pointer(path, index), level + 1, findings);
            }
        }
        Value::Object(map) => {
            for (key, member) in map.iter() {
                let at = pointer(path, key);
                if long_string(key) {
                    findings.push(limits::string_too_long(at.clone(), key.chars().count()));
                }
                check(member, &at, level + 1, findings);
            }
        }
        _ => {}
    }
}

/// One step of the path from the document to the value being read.
enum Token<'t> {
    Index(usize),
    Key(Cow<'t, str>),
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    /// The path to the value being read, for findings: built only when one is reported.
    path: Vec<Token<'t>>,
    findings: Findings,
    /// Where the first I-JSON problem was found (for [`parse`], which rejects it).
    first_problem: Option<usize>,
    /// The members of the objects being read, innermost last.
    members: Vec<Member<'t>>,
    /// The items of the arrays being read, innermost last.
    items: Vec<Value<'t>>,
}

type Step<T> = Result<T, ()>;

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            path: Vec::new(),
            findings: Findings::default(),
            first_problem: None,
            members: Vec::new(),
            items: Vec::new(),
        }
    }

    fn document(&mut self) -> Step<Value<'t>> {
        let value = self.value(0)?;
        self.skip_space();
        if self.at == self.bytes.len() {
            Ok(value)
        } else {
            Err(())
        }
    }

    fn error(&self) -> ParseError {
        let at = self.at.min(self.bytes.len());
        let before = self.bytes.get(..at).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = if at == self.bytes.len() {
            at - line_start
        } else {
            at - line_start + 1
        };
        ParseError { line, column }
    }

    /// The JSON pointer of the value being read.
    fn pointer(&self) -> String {
        let mut out = String::new();
        for token in &self.path {
            out = match token {
                Token::Index(index) => pointer(&out, index),
                Token::Key(key) => pointer(&out, key),
            };
        }
        out
    }

    /// Records a problem found at byte `at`; the message is composed only when it will be
    /// listed.
    fn problem(&mut self, at: usize, finding: impl FnOnce(&Self) -> Finding) {
        self.first_problem.get_or_insert(at);
        if self.findings.is_full() {
            self.findings.count_more(crate::findings::Severity::Error);
        } else {
            let finding = finding(self);
            self.findings.push(finding);
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        self.at += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
    }

    fn expect(&mut self, byte: u8) -> Step<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(())
        }
    }

    fn literal(&mut self, word: &str, value: Value<'t>) -> Step<Value<'t>> {
        for &byte in word.as_bytes() {
            self.expect(byte)?;
        }
        Ok(value)
    }

    fn value(&mut self, depth: usize) -> Step<Value<'t>> {
        self.skip_space();
        match self.peek().ok_or(())? {
            b'{' | b'[' if depth >= MAX_NESTING => self.too_deep(),
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string_value().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(()),
        }
    }

    /// An array or object one level deeper than [`MAX_NESTING`]: reported, then passed over
    /// without recursion (strings and brackets are still checked, so what does not end is
    /// still invalid JSON), and read as `null`.
    fn too_deep(&mut self) -> Step<Value<'t>> {
        self.problem(self.at, |reader| {
            Finding::error(
                reader.pointer(),
                Code::NestingTooDeep,
                text!(
                    "数组与对象嵌套超过 {MAX_NESTING} 层",
                    "arrays and objects are nested more than {MAX_NESTING} levels deep"
                ),
            )
        });
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek().ok_or(())? {
                b'{' => open.push(b'}'),
                b'[' => open.push(b']'),
                close @ (b'}' | b']') => {
                    if open.pop() != Some(close) {
                        return Err(());
                    }
                    if open.is_empty() {
                        self.at += 1;
                        return Ok(Value::Null);
                    }
                }
                b'"' => {
                    self.string()?;
                    continue;
                }
                _ => {}
            }
            self.at += 1;
        }
    }

    /// An array, its items gathered on the scratch stack and moved into one allocation of their
    /// exact number at the end.
    fn array(&mut self, depth: usize) -> Step<Value<'t>> {
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let base = self.items.len();
        loop {
            self.path.push(Token::Index(self.items.len() - base));
            let item = self.value(depth);
            self.path.pop();
            self.items.push(item?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    let items = self.items.drain(base.min(self.items.len())..).collect();
                    return Ok(Value::Array(items));
                }
                _ => return Err(()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Step<Value<'t>> {
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Object::default()));
        }
        let mut object = ObjectBuilder::new(&self.members);
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(());
            }
            let key_at = self.at;
            let key = self.string_value()?;
            self.skip_space();
            self.expect(b':')?;
            self.path.push(Token::Key(key));
            let value = self.value(depth);
            let key = match self.path.pop() {
                Some(Token::Key(key)) => key,
                _ => Cow::Borrowed(""),
            };
            let value = value?;
            // One lookup: the insertion says whether the name was there.
            if let Some(key) = object.insert(&mut self.members, key, value) {
                // A reader that keeps the first and one that keeps the last would see different
                // documents: an error at the object, naming the member. The last is kept.
                self.problem(key_at, |reader| {
                    let shown = shorten(&key);
                    Finding::error(
                        reader.pointer(),
                        Code::DuplicateKey,
                        text!(
                            "成员名“{shown}”在同一对象中出现多次",
                            "the member name “{shown}” appears more than once in this object"
                        ),
                    )
                });
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(object.finish(&mut self.members)));
                }
                _ => return Err(()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Step<Value<'t>> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(()),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(());
            }
        }
        let text = self.text.get(start..self.at).ok_or(())?;
        // Checked before any arithmetic, so a number of a million digits costs one scan.
        if text.len() > MAX_NUMBER_CHARS {
            let chars = text.len();
            self.problem(start, |reader| {
                limits::number_too_long(reader.pointer(), chars)
            });
        } else if !crate::es_number::is_exact(text) {
            self.problem(start, |reader| not_exact(reader.pointer(), text));
        }
        Ok(Value::Number(Number::new(text)))
    }

    /// Passes over a run of bytes that stand for themselves in a string: one scan, no call per
    /// byte (this loop reads most of the document).
    #[inline]
    fn plain_run(&mut self) {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        self.at += rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(());
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| ())
    }

    /// A string, with the length limit checked.
    fn string_value(&mut self) -> Step<Cow<'t, str>> {
        let start = self.at;
        let out = self.string()?;
        // Characters never outnumber bytes: count them only for a long string.
        if out.len() > MAX_STRING_CHARS {
            let chars = out.chars().count();
            if chars > MAX_STRING_CHARS {
                self.problem(start, |reader| {
                    limits::string_too_long(reader.pointer(), chars)
                });
            }
        }
        Ok(out)
    }

    /// A string: borrowed from the text when it holds no escape (most do), else built.
    fn string(&mut self) -> Step<Cow<'t, str>> {
        self.at += 1;
        let start = self.at;
        self.plain_run();
        if self.peek() == Some(b'"') {
            let text = self.text.get(start..self.at).ok_or(())?;
            self.at += 1;
            return Ok(Cow::Borrowed(text));
        }
        self.at = start;
        let mut out = String::new();
        loop {
            let start = self.at;
            self.plain_run();
            // The input is a &str and the run stops only at ASCII bytes, so it is whole UTF-8.
            out.push_str(self.text.get(start..self.at).ok_or(())?);
            match self.peek().ok_or(())? {
                b'"' => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.peek().ok_or(())?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(());
                        }
                    };
                    out.push(c);
                }
                // A control character must be escaped.
                _ => return Err(()),
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` read), joining a surrogate pair. A lone
    /// surrogate (which `JSON.parse` keeps and UTF-8 cannot hold) is reported and read as U+FFFD.
    fn unicode_escape(&mut self) -> Step<char> {
        let escape_at = self.at.saturating_sub(2);
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF if self.bytes.get(self.at..self.at + 2) == Some(b"\\u") => {
                let resume = self.at;
                self.at += 2;
                let second = self.hex4()?;
                if (0xDC00..=0xDFFF).contains(&second) {
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    // The next escape is read on its own.
                    self.at = resume;
                    self.lone_surrogate(escape_at, first);
                    0xFFFD
                }
            }
            0xD800..=0xDFFF => {
                self.lone_surrogate(escape_at, first);
                0xFFFD
            }
            other => other,
        };
        char::from_u32(code).ok_or(())
    }

    fn lone_surrogate(&mut self, at: usize, code: u32) {
        self.problem(at, |reader| {
            Finding::error(
                reader.pointer(),
                Code::LoneSurrogate,
                text!(
                    "字符串含有不成对的代理项转义“\\u{code:04X}”",
                    "the string holds an escaped lone surrogate “\\u{code:04X}”"
                ),
            )
        });
    }
}

/// `number_not_exact`: the message gives the same amount written as a string, which is read
/// exactly. (It does not spell the double a reader would see: that would cost the WebAssembly
/// module a second message for numbers beyond the double range, and its size budget is spent.)
fn not_exact(path: String, written: &str) -> Finding {
    let shown = shorten(written);
    Finding::error(
        path,
        Code::NumberNotExact,
        text!(
            "数字 {shown} 不能被双精度浮点数精确表示，其他 JSON 读取器会读成另一个数；请写成字符串 \"{shown}\"",
            "the number {shown} is not exactly a double, so other JSON readers would read another amount; write it as a string: \"{shown}\""
        ),
    )
}

// Native only: the references compared with (and proptest) are native dev-dependencies.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Syntax and values agree with serde_json wherever serde_json reads the document the way
    /// I-JSON asks (no BOM, nesting within both limits, no lone surrogate).
    fn same_as_serde_json(text: &str) {
        let ours = read(text).ok().map(|document| document.value.to_serde());
        let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
        assert_eq!(ours, theirs, "{text:?}");
    }

    fn codes(text: &str) -> Vec<(String, &'static str)> {
        read(text)
            .unwrap()
            .findings
            .into_vec()
            .into_iter()
            .map(|f| (f.path, f.code.as_str()))
            .collect()
    }

    #[test]
    fn agrees_with_serde_json_on_valid_and_invalid_documents() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "-0.0e-0",
            "12.50",
            "1E400",
            "123456789012345678901234567890.123456789",
            r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#,
            r#"{"a":1,"a":2}"#,
            r#"{"b":[1,{"c":null}],"a":"x"}"#,
            "[]",
            "{}",
            "[1,2,]",
            "{,}",
            r#"{"a":1,}"#,
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "NaN",
            "Infinity",
            "\"\u{1}\"",
            r#""\x""#,
            "[1] 2",
            "",
            "   ",
            "tru",
            "nul",
            "{\"a\" 1}",
            "\"unterminated",
        ] {
            same_as_serde_json(text);
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored_by_read_not_by_parse() {
        assert_eq!(
            read("\u{feff}{}").unwrap().value.to_serde(),
            serde_json::json!({})
        );
        assert!(read("\u{feff}\u{feff}{}").is_err());
        assert!(parse("\u{feff}{}").is_err());
    }

    #[test]
    fn nesting_is_bounded_with_a_finding_at_the_path() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(codes(&deep(64)).is_empty());
        let path = "/0".repeat(64);
        assert_eq!(codes(&deep(65)), vec![(path.clone(), "nesting_too_deep")]);
        assert_eq!(codes(&deep(100_000)), vec![(path, "nesting_too_deep")]);
        // What is passed over must still end, with its brackets matched.
        assert!(read(&"[".repeat(100_000)).is_err());
        assert!(read(&format!("{}}}", "[".repeat(70))).is_err());
        assert!(parse(&deep(64)).is_ok());
        assert!(parse(&deep(65)).is_err());
        let object = format!("{{\"a\":{}1{}}}", "{\"b\":".repeat(64), "}".repeat(64));
        assert_eq!(
            codes(&object),
            vec![(format!("/a{}", "/b".repeat(63)), "nesting_too_deep")]
        );
    }

    #[test]
    fn duplicate_members_are_an_error_at_the_object_naming_the_member() {
        let document = read(r#"{"products":[],"x":{"a":1,"a":2},"products":[1]}"#).unwrap();
        let findings = document.findings.into_vec();
        assert_eq!(findings.len(), 2);
        assert_eq!(
            (findings[0].path.as_str(), findings[0].code),
            ("/x", Code::DuplicateKey)
        );
        assert!(findings[0].message.en.contains("“a”"));
        assert_eq!(
            (findings[1].path.as_str(), findings[1].code),
            ("", Code::DuplicateKey)
        );
        assert!(findings[1].message.en.contains("“products”"));
        assert!(parse(r#"{"a":1,"a":2}"#).is_err());
    }

    #[test]
    fn large_objects_find_duplicates_and_members_through_their_index() {
        // 40 members (over SMALL_OBJECT), names out of order, two of them repeated.
        let mut text = String::from("{");
        for i in (0..40).rev() {
            text.push_str(&format!(r#""m{i}":{i},"#));
        }
        text.push_str(r#""m7":"last","m30":[1],"\u006d5":"escaped"}"#);
        let document = read(&text).unwrap();
        let findings = document.findings.into_vec();
        let shown: Vec<(&str, Code, bool)> = findings
            .iter()
            .map(|f| (f.path.as_str(), f.code, f.message.en.contains("“m7”")))
            .collect();
        assert_eq!(
            shown,
            [
                ("", Code::DuplicateKey, true),
                ("", Code::DuplicateKey, false),
                ("", Code::DuplicateKey, false)
            ]
        );
        let object = document.value.as_object().unwrap();
        assert_eq!(object.len(), 40);
        // The last of duplicates is kept, at the first one's place.
        assert_eq!(object.get("m7").and_then(Value::as_str), Some("last"));
        assert_eq!(object.get("m5").and_then(Value::as_str), Some("escaped"));
        assert_eq!(object.keys().next(), Some("m39"));
        assert!(object.get("m40").is_none());
        let sorted: Vec<&str> = object.iter_sorted().map(|(name, _)| name).collect();
        let mut expected: Vec<&str> = object.keys().collect();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
        // The same value serde_json reads (it keeps the last of duplicates too).
        same_as_serde_json(&text);
    }

    #[test]
    fn a_hostile_object_of_many_members_and_duplicates_is_read_in_n_log_n() {
        let mut text = String::from("{");
        for i in 0..200_000 {
            text.push_str(&format!(r#""k{}":0,"#, i % 100_000));
        }
        text.push_str(r#""end":0}"#);
        // Quadratic would take minutes here; this test finishing is the bound.
        let document = read(&text).unwrap();
        assert_eq!(document.value.as_object().unwrap().len(), 100_001);
        assert_eq!(codes(&text).len(), 1001);
    }

    #[test]
    fn exponents_are_spelt_as_serde_json_spells_them() {
        for (written, kept) in [
            ("1E5", "1e+5"),
            ("1e5", "1e+5"),
            ("-2.5E-3", "-2.5e-3"),
            ("1e+5", "1e+5"),
            ("12.50", "12.50"),
        ] {
            let value = read(written).unwrap().value;
            assert_eq!(value, Value::Number(Number(Cow::Borrowed(kept))));
        }
    }

    #[test]
    fn strings_without_escapes_borrow_the_text() {
        let value = read(r#"{"a":"plain","b\n":"esc\"aped"}"#).unwrap().value;
        let object = value.as_object().unwrap();
        assert!(matches!(
            object.get("a"),
            Some(Value::String(Cow::Borrowed("plain")))
        ));
        assert!(
            matches!(object.get("b\n"), Some(Value::String(Cow::Owned(s))) if s == "esc\"aped")
        );
    }

    #[test]
    fn numbers_must_be_exactly_a_double_and_short() {
        assert!(codes("[0.1, 2750.5, 1234567.891, 2025, -0, 1e21]").is_empty());
        let findings = read(r#"{"a":37037036703.703703}"#)
            .unwrap()
            .findings
            .into_vec();
        assert_eq!(
            (findings[0].path.as_str(), findings[0].code),
            ("/a", Code::NumberNotExact)
        );
        assert!(findings[0].message.en.contains(r#""37037036703.703703""#));
        assert_eq!(codes("[1e400]"), vec![("/0".into(), "number_not_exact")]);
        let forty = format!("[1{}1]", "0".repeat(38));
        assert_eq!(codes(&forty), vec![("/0".into(), "number_not_exact")]);
        let long = format!("[1, 1{}]", "0".repeat(40));
        assert_eq!(codes(&long), vec![("/1".into(), "number_too_long")]);
    }

    #[test]
    fn strings_over_the_limit_and_lone_surrogates_are_reported() {
        let ok = format!(r#"["{}"]"#, "专".repeat(10_000));
        assert!(codes(&ok).is_empty());
        let long = format!(r#"{{"k":"{}"}}"#, "专".repeat(10_001));
        assert_eq!(codes(&long), vec![("/k".into(), "string_too_long")]);
        let key = format!(r#"{{"{}":1}}"#, "k".repeat(10_001));
        assert_eq!(codes(&key)[0].1, "string_too_long");
        assert_eq!(
            codes(r#"{"a":["\ud800"]}"#),
            vec![("/a/0".into(), "lone_surrogate")]
        );
        assert_eq!(
            codes(r#"["\udc00x"]"#),
            vec![("/0".into(), "lone_surrogate")]
        );
        assert_eq!(
            codes(r#"["\ud800\u0041"]"#),
            vec![("/0".into(), "lone_surrogate")]
        );
        assert_eq!(
            read(r#""\ud800\u0041""#).unwrap().value,
            Value::String("\u{fffd}A".into())
        );
        assert!(parse(r#""\ud800""#).is_err());
    }

    #[test]
    fn documents_over_the_limit_are_not_read() {
        let big = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(
            read(&big).unwrap_err(),
            ReadError::TooLarge(u64::try_from(MAX_DOCUMENT_BYTES + 1).unwrap())
        );
    }

    #[test]
    fn findings_are_capped_with_a_count_of_the_rest() {
        let items: Vec<&str> = std::iter::repeat_n("1e400", 1500).collect();
        let findings = read(&format!("[{}]", items.join(",")))
            .unwrap()
            .findings
            .into_vec();
        assert_eq!(findings.len(), 1001);
        assert_eq!(findings[1000].code, Code::MoreFindings);
        assert!(findings[1000].message.en.starts_with("500 more"));
    }

    #[test]
    fn reports_line_and_column_of_the_offending_character() {
        let error = parse("{\n  \"a\": 1,\n  \"b\": ?\n}").unwrap_err();
        assert_eq!((error.line(), error.column()), (3, 8));
        let error = parse("[1,").unwrap_err();
        assert_eq!((error.line(), error.column()), (1, 3));
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // the test reads the committed files; the reader does not
    fn every_example_and_case_file_reads_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["examples", "tests/cases", "packs"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    same_as_serde_json(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn agrees_with_serde_json_on_random_text(text in r#"[\[\]{}",:0-9eE.+\-a-z\\ ]{0,24}"#) {
            let ours = read(&text).ok().map(|d| d.value.to_serde());
            let theirs = serde_json::from_str::<serde_json::Value>(&text).ok();
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }

        #[test]
        fn agrees_with_serde_json_on_random_values(value in arbitrary_json()) {
            let text = serde_json::to_string_pretty(&value).unwrap();
            prop_assert_eq!(read(&text).ok().map(|d| d.value.to_serde()), Some(value));
        }
    }

    fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,3})?"
                .prop_map(|n| Value::Number(n.parse().unwrap())),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
