//! SARIF 2.1.0 for code scanning: one run, every rule in `tool.driver.rules` (so rule
//! indices are stable), one result per finding with its region, related locations, and a
//! partial fingerprint that survives line moves (rule, file, message, line text).

use std::fmt::Write as _;

use super::json::{string, strings};
use crate::diag::Severity;
use crate::lint::finding::Loc;
use crate::lint::rules::RULES;
use crate::lint::Report;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A path as a URI reference: relative paths stay relative, absolute ones become `file://`.
fn uri(path: &str) -> String {
    let mut enc = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            enc.push(b as char);
        } else {
            let _ = write!(enc, "%{b:02X}");
        }
    }
    if path.starts_with('/') {
        format!("file://{enc}")
    } else {
        enc
    }
}

fn physical(l: &Loc) -> String {
    let mut region = format!(
        "\"startLine\": {}, \"startColumn\": {}",
        l.line.max(1),
        l.col.max(1)
    );
    if l.end_line > l.line || (l.end_line == l.line && l.end_col > l.col) {
        let _ = write!(
            region,
            ", \"endLine\": {}, \"endColumn\": {}",
            l.end_line, l.end_col
        );
    }
    format!(
        "{{\"artifactLocation\": {{\"uri\": {}}}, \"region\": {{{region}}}}}",
        string(&uri(&l.file))
    )
}

fn category(id: &str) -> &'static str {
    match id.as_bytes().get(4) {
        Some(b'0') => "syntax",
        Some(b'1') => "consistency",
        Some(b'2') => "hosts-and-files",
        Some(b'3') => "meta-data",
        Some(b'4') => "legacy",
        _ => "policy",
    }
}

/// The report as a SARIF 2.1.0 log.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    out.push_str("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n");
    out.push_str("  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n");
    let _ = writeln!(
        out,
        "      \"tool\": {{\"driver\": {{\"name\": \"drbdadm lint\", \"semanticVersion\": {}, \"rules\": [",
        string(env!("CARGO_PKG_VERSION"))
    );
    for (i, r) in RULES.iter().enumerate() {
        let _ = write!(
            out,
            "        {{\"id\": {}, \"name\": {}, \"shortDescription\": {{\"text\": {}}}, \"help\": {{\"text\": {}}}, \"defaultConfiguration\": {{\"level\": {}}}, \"properties\": {{\"tags\": [{}], \"fixable\": {}}}}}",
            string(r.id),
            string(r.name),
            string(r.summary),
            string(r.fix),
            string(level(r.severity)),
            string(category(r.id)),
            r.fixable
        );
        out.push_str(if i + 1 < RULES.len() { ",\n" } else { "\n" });
    }
    out.push_str("      ]}},\n");
    out.push_str("      \"columnKind\": \"unicodeCodePoints\",\n");
    let _ = writeln!(
        out,
        "      \"properties\": {{\"target\": {}, \"files\": {}}},",
        string(report.dialect.as_str()),
        strings(report.files.iter().map(String::as_str))
    );
    out.push_str("      \"results\": [");
    for (i, f) in report.findings.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let index = RULES.iter().position(|r| r.id == f.rule.id).unwrap_or(0);
        let related: Vec<String> = f
            .related
            .iter()
            .enumerate()
            .map(|(n, r)| {
                format!(
                    "{{\"id\": {}, \"physicalLocation\": {}, \"message\": {{\"text\": {}}}}}",
                    n + 1,
                    physical(&r.loc),
                    string(&r.message)
                )
            })
            .collect();
        let key = format!(
            "{}\0{}\0{}\0{}",
            f.rule.id,
            f.loc.file,
            f.message,
            f.loc.source_line.trim()
        );
        let fp = format!(
            "{:08x}{:08x}",
            crate::crc32c::crc32c(0, key.as_bytes()),
            crate::crc32c::crc32c(0x5a5a_5a5a, key.as_bytes())
        );
        let _ = write!(
            out,
            "        {{\"ruleId\": {}, \"ruleIndex\": {index}, \"level\": {}, \"message\": {{\"text\": {}}}, \"locations\": [{{\"physicalLocation\": {}}}], \"relatedLocations\": [{}], \"partialFingerprints\": {{\"drbdLintHash/v1\": {}}}, \"properties\": {{\"fix\": {}, \"hints\": {}}}}}",
            string(f.rule.id),
            string(level(f.severity)),
            string(&f.message),
            physical(&f.loc),
            related.join(", "),
            string(&fp),
            string(&f.fix),
            strings(f.hints.iter().map(String::as_str))
        );
    }
    if !report.findings.is_empty() {
        out.push_str("\n      ");
    }
    out.push_str("]\n    }\n  ]\n}\n");
    out
}
