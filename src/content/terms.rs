//! `content/terms.toml`: school terms and the days every session is closed.

use toml::de::{DeTable, DeValue};

use super::fields::{Ctx, Table};
use crate::diagnostics::{Diagnostic, FileId, Span};
use crate::schedule::{Closure, Term, Terms};

pub fn parse(file: FileId, text: &str) -> (Option<Terms>, Vec<Diagnostic>) {
    let ctx = Ctx::new(file, 0, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| super::load::syntax_diagnostic(&ctx, text, e))
            .collect();
        return (None, diags);
    }
    let t = Table::new(&ctx, doc.get_ref(), Span::file_start(file), "terms.toml");
    let mut terms = Terms::default();
    let tables = |key: &'static str, what: &'static str| -> Vec<Table<'_, '_, '_>> {
        let Some(items) = t.array(key, "[[term]]") else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|v| match v.get_ref() {
                DeValue::Table(table) => Some(Table::new(&ctx, table, t.span_of(v), what)),
                _ => {
                    t.wrong_type(key, v, "a table", &format!("[[{key}]]"));
                    None
                }
            })
            .collect()
    };
    for term in tables("term", "a [[term]]") {
        for key in ["from", "to"] {
            if !term.has(key) {
                term.missing(key, "2026-09-03");
            }
        }
        let (from, to) = (term.date("from"), term.date("to"));
        term.finish(&|_| None);
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        if to.value < from.value {
            ctx.error(
                "bad-date",
                to.span,
                format!("this term ends on {} before it starts on {}", to.value, from.value),
                "`from` is the first day of the term and `to` the last",
            );
            continue;
        }
        if let Some(prev) = terms.terms.last()
            && from.value <= prev.to
        {
            ctx.error(
                "bad-date",
                from.span,
                format!("this term starts on {}, before the term above it ends", from.value),
                "list the terms in date order, without overlaps",
            );
        }
        terms.terms.push(Term {
            from: from.value,
            to: to.value,
        });
    }
    for closed in tables("closed", "a [[closed]]") {
        let reason = closed.line("reason", "\"Bank holiday\"").map(|r| r.value);
        if closed.has("date") && (closed.has("from") || closed.has("to")) {
            let _ = (closed.get("from"), closed.get("to"));
            ctx.error(
                "bad-date",
                closed.key_span("date").unwrap_or(closed.missing_at),
                "a closure has either a `date`, or `from` and `to`, not both",
                "for one day write date = 2026-12-25; for a run of days write from = 2026-12-24 and to = 2027-01-01",
            );
        }
        let closure = if closed.has("date") {
            closed.date("date").map(|date| Closure {
                from: date.value,
                to: date.value,
                reason,
            })
        } else {
            match (closed.date("from"), closed.date("to")) {
                (Some(f), Some(t)) if t.value >= f.value => Some(Closure {
                    from: f.value,
                    to: t.value,
                    reason,
                }),
                (Some(f), Some(t)) => {
                    ctx.error(
                        "bad-date",
                        t.span,
                        format!("this closure ends on {} before it starts on {}", t.value, f.value),
                        "`from` is the first closed day and `to` the last",
                    );
                    None
                }
                (None, None) if !closed.has("from") && !closed.has("to") => {
                    closed.missing("date", "2026-12-25");
                    None
                }
                _ => {
                    for key in ["from", "to"] {
                        if !closed.has(key) {
                            closed.missing(key, "2026-12-24");
                        }
                    }
                    None
                }
            }
        };
        closed.finish(&|_| None);
        terms.closed.extend(closure);
    }
    if !t.has("term") {
        ctx.error(
            "missing-field",
            Span::file_start(file),
            "terms.toml has no school terms",
            "add a [[term]] table for each term, with from = 2026-09-03 and to = 2026-10-23 on their own lines",
        );
    }
    t.finish(&|_| None);
    terms.closed.sort();
    (Some(terms), ctx.take())
}
