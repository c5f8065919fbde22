//! The human format: `FILE:LINE:COL: error[RULE]: message`, the source line with a caret
//! under the span, hints, related places and the fix, then a summary line. Colour (ANSI)
//! only when asked for, i.e. when stdout is a terminal.

use std::fmt::Write as _;

use crate::diag::Severity;
use crate::lint::finding::{Finding, Loc};
use crate::lint::Report;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn severity(&self, sev: Severity) -> &'static str {
        match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        }
    }
}

/// The source line and a caret line under `loc`'s span (first line only).
fn snippet(loc: &Loc, style: &Style, code: &str) -> String {
    if loc.source_line.trim().is_empty() {
        return String::new();
    }
    let line = loc.source_line.replace('\t', " ");
    let width = loc.line.to_string().len();
    let len = line.chars().count() as u32;
    let start = loc.col.saturating_sub(1).min(len);
    let end = if loc.end_line == loc.line {
        loc.end_col.saturating_sub(1).min(len)
    } else {
        len
    };
    let carets = end.saturating_sub(start).max(1) as usize;
    let pad = " ".repeat(width);
    format!(
        " {pad} |\n {} | {line}\n {pad} | {}{}\n",
        loc.line,
        " ".repeat(start as usize),
        style.paint(code, &"^".repeat(carets))
    )
}

fn finding(f: &Finding, style: &Style) -> String {
    let code = style.severity(f.severity);
    let l = &f.loc;
    let mut out = format!(
        "{}: {}: {}\n",
        style.paint("1", &format!("{}:{}:{}", l.file, l.line, l.col)),
        style.paint(code, &format!("{}[{}]", f.severity.as_str(), f.rule.id)),
        style.paint("1", &f.message)
    );
    out.push_str(&snippet(l, style, code));
    for h in &f.hints {
        let _ = writeln!(out, "    = hint: {h}");
    }
    for r in &f.related {
        let _ = writeln!(
            out,
            "    = note: {}:{}:{}: {}",
            r.loc.file, r.loc.line, r.loc.col, r.message
        );
    }
    let _ = writeln!(out, "    = fix: {}", f.fix);
    out
}

/// The report as text.
pub fn render(report: &Report, color: bool) -> String {
    let style = Style { on: color };
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&finding(f, &style));
        out.push('\n');
    }
    let s = report.summary();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "drbdadm lint: {}, {}, {} in {} (DRBD {})",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note"),
        plural(report.files.len(), "configuration"),
        report.dialect.as_str()
    );
    out
}
