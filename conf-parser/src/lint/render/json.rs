//! The JSON format (schema version [`crate::lint::JSON_SCHEMA_VERSION`], documented in
//! RULES.md), and the small JSON writer the SARIF renderer shares. Hand-written to keep the
//! parser crate free of serialisation dependencies; keys are written in a fixed order.

use std::fmt::Write as _;

use crate::lint::finding::Loc;
use crate::lint::{Report, JSON_SCHEMA_VERSION};

/// A JSON string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON array of strings.
pub fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let v: Vec<String> = items.into_iter().map(string).collect();
    format!("[{}]", v.join(", "))
}

fn location(l: &Loc) -> String {
    format!(
        "\"file\": {}, \"line\": {}, \"column\": {}, \"end_line\": {}, \"end_column\": {}",
        string(&l.file),
        l.line,
        l.col,
        l.end_line,
        l.end_col
    )
}

/// The report as JSON (one finding per line inside `findings`, newline-terminated).
pub fn render(report: &Report) -> String {
    let s = report.summary();
    let mut out = String::new();
    out.push_str("{\n");
    let _ = writeln!(out, "  \"version\": {JSON_SCHEMA_VERSION},");
    let _ = writeln!(
        out,
        "  \"tool\": {{\"name\": \"drbdadm lint\", \"version\": {}}},",
        string(env!("CARGO_PKG_VERSION"))
    );
    let _ = writeln!(out, "  \"target\": {},", string(report.dialect.as_str()));
    let _ = writeln!(
        out,
        "  \"files\": {},",
        strings(report.files.iter().map(String::as_str))
    );
    let _ = writeln!(
        out,
        "  \"summary\": {{\"errors\": {}, \"warnings\": {}, \"notes\": {}}},",
        s.errors, s.warnings, s.notes
    );
    out.push_str("  \"findings\": [");
    for (i, f) in report.findings.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let related: Vec<String> = f
            .related
            .iter()
            .map(|r| {
                format!(
                    "{{{}, \"message\": {}}}",
                    location(&r.loc),
                    string(&r.message)
                )
            })
            .collect();
        let _ = write!(
            out,
            "    {{\"rule\": {}, \"name\": {}, \"severity\": {}, {}, \"message\": {}, \"hints\": {}, \"fix\": {}, \"fixable\": {}, \"related\": [{}]}}",
            string(f.rule.id),
            string(f.rule.name),
            string(f.severity.as_str()),
            location(&f.loc),
            string(&f.message),
            strings(f.hints.iter().map(String::as_str)),
            string(&f.fix),
            f.rule.fixable,
            related.join(", ")
        );
    }
    if !report.findings.is_empty() {
        out.push_str("\n  ");
    }
    out.push_str("]\n}\n");
    out
}
