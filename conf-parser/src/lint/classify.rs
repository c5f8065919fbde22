//! The parser's own diagnostics as findings: each message the parser writes is given the
//! rule it belongs to. The parser's wording is matched here, in one table, so that a new
//! parser message without a rule shows up as `DRBD000` in the snapshot tests.

use crate::diag::{Diagnostic, Severity};
use crate::lint::finding::{Finding, Locator};

/// Message patterns and their rules, tried in order. `*` in a pattern matches any text.
const TABLE: &[(&str, &str)] = &[
    // 4xx first: some legacy messages would otherwise match generic patterns.
    ("`syncer { }` is 8.3 syntax*", "DRBD401"),
    ("`become-primary-on` is ignored by DRBD 9", "DRBD402"),
    ("`*` was removed in DRBD *; ignoring it", "DRBD404"),
    ("explicitly named connections are deprecated*", "DRBD406"),
    ("udev no longer creates arbitrary device names*", "DRBD407"),
    // 2xx: files.
    ("include pattern `*` matches no file", "DRBD205"),
    ("failed to open include file*", "DRBD207"),
    ("bad include pattern*", "DRBD207"),
    // 1xx.
    ("resource `*` is defined twice", "DRBD101"),
    // 0xx.
    ("unknown option `*` in `*", "DRBD003"),
    ("expected an option name, found*", "DRBD003"),
    (
        "*needs DRBD 9; this configuration is read for DRBD 8.4",
        "DRBD005",
    ),
    ("`*` cannot be used as a * without quotes", "DRBD006"),
    ("*'node-id' keyword missing.", "DRBD007"),
    ("connection without a path", "DRBD007"),
    ("proxy section without*", "DRBD007"),
    ("`connection-mesh` without `hosts`", "DRBD007"),
    ("*may appear only once*", "DRBD008"),
    ("*is given twice*", "DRBD008"),
    ("volume * is defined twice", "DRBD008"),
    ("address is missing*", "DRBD009"),
    ("IPv6 addresses need the `ipv6` keyword*", "DRBD009"),
    ("a bracketed address needs the `ipv6` keyword", "DRBD009"),
    ("`*` is not an IP address*", "DRBD009"),
    ("unexpected `*` after the address", "DRBD009"),
    ("put the `global {}` section in front*", "DRBD010"),
    ("this `{` is closed by the end of the file", "DRBD011"),
    ("`*` is not allowed in *", "DRBD002"),
    (
        "`*` is only allowed inside a `resource` or `common` section",
        "DRBD002",
    ),
    ("`*` is not allowed directly in resource*", "DRBD002"),
    ("`*` cannot have a block inside*", "DRBD002"),
    ("host sections are not allowed in `common { }`", "DRBD002"),
    (
        "`address` is not allowed in a `floating` section",
        "DRBD002",
    ),
    ("`*` is not a valid value for `*`", "DRBD004"),
    ("`*` takes `yes` or `no`, not `*`", "DRBD004"),
    ("value `*` for `*` is too *: allowed *", "DRBD004"),
    ("`*` has an unknown unit for `*`", "DRBD004"),
    ("value for `*` is too long*", "DRBD004"),
    ("* is out of range: allowed *", "DRBD004"),
    ("* must be a number, found*", "DRBD004"),
    ("`*`: '*", "DRBD004"),
    (
        "explicit minor * does not match the device name*",
        "DRBD004",
    ),
    (
        "no minor given, and `*` contains no minor number",
        "DRBD004",
    ),
    ("explicit device names should be of the form*", "DRBD004"),
    ("`*` is not a version", "DRBD004"),
    ("unknown comparison `*`", "DRBD004"),
];

/// True if `text` matches `pattern` (`*` matches any run of characters).
fn matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    let Some(mut tail) = text.strip_prefix(first) else {
        return false;
    };
    for (i, part) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        if last {
            return tail.ends_with(part);
        }
        match tail.find(part) {
            Some(at) => tail = &tail[at + part.len()..],
            None => return false,
        }
    }
    tail.is_empty()
}

/// The rule id for one parser diagnostic.
pub fn rule_for(d: &Diagnostic) -> &'static str {
    // An unknown option that moved from `syncer` (`rate`, `after`, `outdate-peer`), or that
    // the other DRBD version has, is a more specific rule than "unknown".
    if d.message.starts_with("unknown option ") {
        if d.hints.iter().any(|h| h.contains("moved from `syncer`")) {
            return "DRBD408";
        }
        if d.hints
            .iter()
            .any(|h| h.contains("this configuration is read for DRBD"))
        {
            return "DRBD005";
        }
    }
    for (pattern, id) in TABLE {
        if matches(pattern, &d.message) {
            return id;
        }
    }
    match d.severity {
        Severity::Error => "DRBD001",
        _ => "DRBD000",
    }
}

/// The parser's diagnostics as findings.
pub fn findings(diags: &crate::diag::Diagnostics, at: &Locator<'_>) -> Vec<Finding> {
    // The parser names files by their full path; findings show them relative to the cwd.
    let prefix = format!("{}/", at.cwd.display());
    let rel = |s: &str| {
        if at.cwd.as_os_str().is_empty() || prefix == "/" {
            s.to_string()
        } else {
            s.replace(&prefix, "")
        }
    };
    diags
        .iter()
        .map(|d| {
            let id = rule_for(d);
            let mut f = Finding::new(id, at.loc(d.span), rel(&d.message));
            if id == "DRBD000" {
                f.severity = d.severity;
            }
            let mut hints: Vec<String> = d
                .hints
                .iter()
                // drbdadm's advice about the loaded module does not apply: lint's target is
                // chosen with --target.
                .filter(|h| !h.contains("loaded kernel module"))
                .map(|h| rel(h))
                .collect();
            // The parser's first hint is its advice; it becomes the finding's fix, unless
            // `--fix` handles the rule (then that is the fix to name).
            if !hints.is_empty() && !f.rule.fixable {
                f.fix = hints.remove(0);
            }
            f.hints = hints;
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn patterns_match_whole_messages() {
        assert!(matches("`*` is not a version", "`9.x` is not a version"));
        assert!(!matches("`*` is not a version", "`9.x` is not a version!"));
        assert!(matches("a*b*c", "abc"));
        assert!(matches("*x", "yyx"));
        assert!(!matches("a*b", "ac"));
    }

    #[test]
    fn messages_get_their_rules() {
        let d = |m: &str| Diagnostic::error(Span::default(), m);
        assert_eq!(rule_for(&d("unmatched `}`")), "DRBD001");
        assert_eq!(
            rule_for(&d("unknown option `bogus` in `net { }`")),
            "DRBD003"
        );
        assert_eq!(
            rule_for(
                &d("unknown option `rate` in `disk { }`")
                    .hint("`rate` moved from `syncer` to `disk` as `resync-rate` in 8.4: write it")
            ),
            "DRBD408"
        );
        assert_eq!(
            rule_for(&d(
                "`10.0.0.1` cannot be used as a host name without quotes"
            )),
            "DRBD006"
        );
        assert_eq!(
            rule_for(&d(
                "value `99999999` for `max-buffers` is too big: allowed 32..131072"
            )),
            "DRBD004"
        );
        assert_eq!(
            rule_for(&Diagnostic::warning(
                Span::default(),
                "`sync-rate` was removed in DRBD 8.0; ignoring it"
            )),
            "DRBD404"
        );
    }
}
