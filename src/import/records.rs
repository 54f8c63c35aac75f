//! Separated-values records (RFC 4180, leniently), each with the file line it starts on, and
//! a quoted value never closed (see `import` for why the parser is written here).

/// One record of the table and the file line it starts on.
pub(super) struct Record {
    pub(super) line: usize,
    pub(super) fields: Vec<String>,
}

/// A quoted value that is never closed: the row it starts in and the file's last line.
#[derive(Clone, Copy)]
pub(super) struct Unclosed {
    pub(super) row: usize,
    pub(super) last_line: usize,
}

pub(super) struct Records {
    pub(super) records: Vec<Record>,
    pub(super) unclosed: Option<Unclosed>,
}

/// Splits `text` into records (RFC 4180, leniently: a quote inside an unquoted value is kept as
/// a character, and so is text after a closing quote). `\r\n`, `\n` and a lone `\r` end a line.
pub(super) fn parse_records(text: &str, delimiter: char) -> Records {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut state = State::FieldStart;
    let (mut line, mut record_line) = (1, 1);
    let mut in_record = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_break = c == '\n' || c == '\r';
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
        }
        if state == State::Quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => state = State::AfterQuote,
                _ if line_break => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        in_record = true;
        if c == delimiter {
            fields.push(std::mem::take(&mut field));
            state = State::FieldStart;
        } else if line_break {
            fields.push(std::mem::take(&mut field));
            records.push(Record {
                line: record_line,
                fields: std::mem::take(&mut fields),
            });
            line += 1;
            record_line = line;
            state = State::FieldStart;
            in_record = false;
        } else if c == '"' && state == State::FieldStart {
            state = State::Quoted;
        } else {
            field.push(c);
            if state == State::FieldStart {
                state = State::Unquoted;
            }
        }
    }
    let unclosed = (state == State::Quoted).then(|| Unclosed {
        row: record_line,
        last_line: line
            .saturating_sub(usize::from(text.ends_with(['\n', '\r'])))
            .max(record_line),
    });
    if in_record && state != State::Quoted {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Records { records, unclosed }
}

pub(super) fn is_blank(record: &Record) -> bool {
    record.fields.iter().all(|field| field.trim().is_empty())
}
