//! 8.4's parse-time host checks when the configuration also has an error: upstream's v84
//! parser reports a host section's missing keywords as the section ends, and stops at the
//! first parse error, so the sections that ended before it were already reported.

use conf_parser::diag::Severity;
use conf_parser::model::Config;
use conf_parser::options::Dialect;

/// The host-section messages (`'X' keyword missing`, `you must not mix implicit and
/// explicit volumes`) of sections that end before the first error of `cfg`.
pub fn reported_before_error(cfg: &Config, hostname: &str) -> Vec<String> {
    let Some(first) = cfg
        .diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.span)
        .min_by_key(|s| (s.file, s.start))
    else {
        return Vec::new();
    };
    let stop = (
        first.file.0,
        cfg.sources.file(first.file).line_col(first.start).line,
    );
    let m = crate::expand::Matcher {
        hostname,
        dialect: Dialect::V84,
        have_ip: &crate::hosts::have_ip,
        no_tty: crate::env::no_tty(),
    };
    crate::expand::check(cfg, &m)
        .into_iter()
        .filter(|e| e.ends_with("keyword missing.") || e.ends_with("explicit volumes"))
        .filter(|e| where_of(cfg, e).is_some_and(|at| at < stop))
        .collect()
}

/// `FILE:LINE` of a message as (file index, line), the file named as given.
fn where_of(cfg: &Config, msg: &str) -> Option<(u32, u32)> {
    let mut parts = msg.splitn(3, ':');
    let (file, line) = (parts.next()?, parts.next()?.parse().ok()?);
    (0..cfg.sources.len() as u32)
        .find(|&i| cfg.sources.file(conf_parser::source::FileId(i)).given == file)
        .map(|i| (i, line))
}
