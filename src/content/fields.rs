//! Reading typed fields out of a parsed TOML table, recording a diagnostic for each problem instead of stopping.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde_spanned::Spanned;
use time::{Date, Month};
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, FileId, Sp, Span};
use crate::schedule::parse::Problem;
use crate::suggest;

/// Where diagnostics from one file go, and how TOML offsets map into the file.
pub struct Ctx<'t> {
    pub file: FileId,
    /// Byte offset of the TOML text within the file.
    pub base: usize,
    /// The TOML text as written: to find the file offset of a string the parser borrowed from it, and to place a
    /// problem inside a value that had escapes in it (see `raw`).
    toml: &'t str,
    pub diags: RefCell<Vec<Diagnostic>>,
}

impl<'t> Ctx<'t> {
    pub fn new(file: FileId, base: usize, toml: &'t str) -> Self {
        Ctx {
            file,
            base,
            toml,
            diags: RefCell::new(Vec::new()),
        }
    }

    /// The file offset of a string that is a slice of the TOML text (a string value with no escapes in it).
    pub fn offset_of(&self, s: &str) -> Option<usize> {
        let (addr, toml_addr) = (s.as_ptr() as usize, self.toml.as_ptr() as usize);
        (addr >= toml_addr && addr + s.len() <= toml_addr + self.toml.len()).then(|| self.base + addr - toml_addr)
    }

    /// The text of the file at `span` as written, such as a string value with its quotes and escapes.
    pub fn raw(&self, span: Span) -> Option<&str> {
        let start = (span.start as usize).checked_sub(self.base)?;
        let end = (span.end as usize).checked_sub(self.base)?;
        self.toml.get(start..end)
    }

    pub fn span(&self, r: std::ops::Range<usize>) -> Span {
        Span {
            file: self.file,
            start: (self.base + r.start) as u32,
            end: (self.base + r.end) as u32,
        }
    }

    pub fn push(&self, d: Diagnostic) {
        self.diags.borrow_mut().push(d);
    }

    pub fn error(&self, code: &'static str, span: Span, message: impl Into<String>, help: impl Into<String>) {
        self.push(Diagnostic::error(code, span, message).help(help));
    }

    /// Reports a value problem at a span, under a code.
    pub fn problem(&self, code: &'static str, span: Span, p: Problem) {
        self.error(code, span, p.message, p.help);
    }

    /// The diagnostics so far.
    pub fn take(self) -> Vec<Diagnostic> {
        self.diags.into_inner()
    }
}

/// For a field that exists but may not be set here: the code, message and help to report.
pub type NotHere<'a> = dyn Fn(&str) -> Option<(&'static str, String, String)> + 'a;

/// A TOML value type in plain words.
pub fn type_words(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date or time",
        DeValue::Array(_) => "a list in [ ]",
        DeValue::Table(_) => "a table in { }",
    }
}

/// One TOML table being read: the fields asked for are marked, so the rest can be reported as unknown.
pub struct Table<'c, 't, 'i> {
    pub ctx: &'c Ctx<'c>,
    table: &'t DeTable<'i>,
    /// Where "missing field" problems are reported: line 1 for a whole entry, the table itself when nested.
    pub missing_at: Span,
    /// What the table is, in words, for messages: "a session", "a time slot".
    pub what: &'static str,
    used: RefCell<BTreeSet<&'t str>>,
}

impl<'c, 't, 'i> Table<'c, 't, 'i> {
    pub fn new(ctx: &'c Ctx, table: &'t DeTable<'i>, missing_at: Span, what: &'static str) -> Self {
        Table {
            ctx,
            table,
            missing_at,
            what,
            used: RefCell::new(BTreeSet::new()),
        }
    }

    /// The raw value of a field, marking it as known.
    pub fn get(&self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        let (k, v) = self.table.get_key_value(key)?;
        self.used.borrow_mut().insert(k.get_ref().as_ref());
        Some(v)
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    pub fn span_of(&self, v: &Spanned<DeValue<'_>>) -> Span {
        self.ctx.span(v.span())
    }

    /// The span of a key, for problems about the field as a whole.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.table.get_key_value(key).map(|(k, _)| self.ctx.span(k.span()))
    }

    pub fn wrong_type(&self, key: &str, v: &Spanned<DeValue<'_>>, expected: &str, example: &str) {
        self.ctx.error(
            "wrong-type",
            self.span_of(v),
            format!(
                "`{key}` should be {expected}, but here it is {}",
                type_words(v.get_ref())
            ),
            format!("write it like {key} = {example}"),
        );
    }

    pub fn missing(&self, key: &str, example: &str) {
        self.ctx.error(
            "missing-field",
            self.missing_at,
            format!("{} needs `{key}`, and it is not there", self.what),
            format!("add a line like {key} = {example}"),
        );
    }

    pub fn str(&self, key: &'static str, example: &str) -> Option<Sp<&'t str>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.as_ref(), self.span_of(v))),
            _ => {
                self.wrong_type(key, v, "text in quotes", example);
                None
            }
        }
    }

    pub fn req_str(&self, key: &'static str, example: &str) -> Option<Sp<&'t str>> {
        if !self.has(key) {
            self.missing(key, example);
        }
        self.str(key, example)
    }

    /// A single-line field: runs of white space, line breaks included, become one space.
    pub fn line(&self, key: &'static str, example: &str) -> Option<Sp<String>> {
        self.str(key, example).map(|s| Sp::new(fold_spaces(s.value), s.span))
    }

    pub fn bool(&self, key: &'static str) -> Option<Sp<bool>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Sp::new(*b, self.span_of(v))),
            _ => {
                self.wrong_type(key, v, "true or false", "true");
                None
            }
        }
    }

    pub fn int(&self, key: &'static str, example: &str) -> Option<Sp<i64>> {
        let v = self.get(key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
            _ => None,
        };
        match (parsed, v.get_ref()) {
            (Some(n), _) => return Some(Sp::new(n, self.span_of(v))),
            (None, DeValue::Integer(_)) => self.too_large(key, v, example),
            _ => self.wrong_type(key, v, "a whole number", example),
        }
        None
    }

    pub fn number(&self, key: &'static str, example: &str) -> Option<Sp<f64>> {
        let v = self.get(key)?;
        match (value_number(v.get_ref()), v.get_ref()) {
            (Some(n), _) if n.is_finite() => return Some(Sp::new(n, self.span_of(v))),
            (_, DeValue::Integer(_) | DeValue::Float(_)) => self.too_large(key, v, example),
            _ => self.wrong_type(key, v, "a number", example),
        }
        None
    }

    fn too_large(&self, key: &str, v: &Spanned<DeValue<'_>>, example: &str) {
        self.ctx.error(
            "wrong-type",
            self.span_of(v),
            format!("`{key}` is too large a number"),
            format!("write it like {key} = {example}"),
        );
    }

    /// A date, written `2026-10-01` (or in quotes).
    pub fn date(&self, key: &'static str) -> Option<Sp<Date>> {
        let v = self.get(key)?;
        self.date_value(key, v)
    }

    pub fn date_value(&self, key: &str, v: &Spanned<DeValue<'_>>) -> Option<Sp<Date>> {
        let span = self.span_of(v);
        match value_date(v.get_ref()) {
            Ok(d) => Some(Sp::new(d, span)),
            Err(None) => {
                self.wrong_type(key, v, "a date", "2026-10-01");
                None
            }
            Err(Some(written)) => {
                self.ctx.error(
                    "bad-date",
                    span,
                    format!("{written} is not a real date"),
                    "write a date that exists as year-month-day, like 2026-10-01",
                );
                None
            }
        }
    }

    pub fn array(&self, key: &'static str, example: &str) -> Option<&'t [Spanned<DeValue<'i>>]> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(key, v, "a list in [ ]", example);
                None
            }
        }
    }

    /// A list of texts: each item that is not text is reported.
    pub fn str_list(&self, key: &'static str, example: &str) -> Vec<Sp<&'t str>> {
        let Some(items) = self.array(key, example) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::String(s) => Some(Sp::new(s.as_ref(), self.span_of(item))),
                _ => {
                    self.wrong_type(key, item, "a list of texts in quotes", example);
                    None
                }
            })
            .collect()
    }

    /// A nested table, written inline `{ … }` or as `[key]`.
    pub fn table(&self, key: &'static str, what: &'static str, example: &str) -> Option<Table<'c, 't, 'i>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(self.ctx, t, self.span_of(v), what)),
            _ => {
                self.wrong_type(key, v, "a table in { }", example);
                None
            }
        }
    }

    /// Reports every field that was not read: unknown to this kind of table, or not allowed here.
    /// `not_here` gives the code, message and help for fields that exist but may not be set here.
    pub fn finish(self, not_here: &NotHere<'_>) {
        let hint = self.fields_hint();
        let used = self.used.into_inner();
        for (k, _) in self.table.iter() {
            let name: &str = k.get_ref().as_ref();
            if used.contains(name) {
                continue;
            }
            let span = self.ctx.span(k.span());
            if let Some((code, message, help)) = not_here(name) {
                self.ctx.error(code, span, message, help);
                continue;
            }
            let help = match suggest::nearest(name, hint) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("{} has these fields: {}", self.what, hint.join(", ")),
            };
            self.ctx.error(
                "unknown-field",
                span,
                format!("{} has no field called `{name}`", self.what),
                help,
            );
        }
    }

    fn fields_hint(&self) -> &'static [&'static str] {
        super::schema::fields_of(self.what)
    }
}

/// A number from an integer or a float value.
pub fn value_number(v: &DeValue<'_>) -> Option<f64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A date from a TOML date or a quoted `YYYY-MM-DD`. `Err(None)`: not a date at all; `Err(Some(text))`: a date that does not exist.
pub fn value_date(v: &DeValue<'_>) -> Result<Date, Option<String>> {
    let (y, m, d, written) = match v {
        DeValue::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => (i32::from(d.year), d.month, d.day, dt.to_string()),
            _ => return Err(None),
        },
        DeValue::String(s) => {
            let parts: Vec<&str> = s.split('-').collect();
            match parts.as_slice() {
                [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => match (y.parse(), m.parse(), d.parse()) {
                    (Ok(y), Ok(m), Ok(d)) => (y, m, d, s.to_string()),
                    _ => return Err(None),
                },
                _ => return Err(None),
            }
        }
        _ => return Err(None),
    };
    Month::try_from(m)
        .ok()
        .and_then(|m| Date::from_calendar_date(y, m, d).ok())
        .ok_or(Some(written))
}

/// Folds every run of white space, line breaks included, to one space, and trims the ends.
pub fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
