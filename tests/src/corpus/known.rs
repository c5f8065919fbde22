//! The known-differences file (`tests/known-differences.md`): every difference between
//! ours and drbd-utils 9.34 that is deliberate, with its reason and a selector saying which
//! cases and streams it covers. An entry that covers nothing in a full run is stale.
//!
//! Format: an entry starts with `## id`; `- why: ...` gives the reason (required);
//! `- match: key=value; key=value` the selector, where every key must hold:
//! `cmd` (the command words, `*` at the end for a prefix), `form`, `personality` (`9` or
//! `8.4`), `streams` (comma-separated: exit, stdout, calls, stderr; the differing streams
//! must all be among them), `tag` (a grammar part the config uses), `fault`, `dry-run`
//! (`yes`/`no`), `source` (`generated` or `fixture`), `ours` and `reference` (text that
//! the tool's stdout, stderr or calls contain). `- status: open` marks an entry that is
//! not deliberate but a bug not fixed yet: it is listed so the run stays a regression test
//! for everything else, and the summary counts such cases apart from deliberate ones.

use super::compare::Stream;
use super::sandbox::Outcome;

/// One listed difference.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The entry's id.
    pub id: String,
    /// Why it is deliberate (or, for an open bug, what is wrong and what fixing it needs).
    pub why: String,
    /// An open bug rather than a deliberate difference.
    pub open: bool,
    selectors: Vec<(String, String)>,
    streams: Vec<Stream>,
}

/// What a case is, for the selectors.
pub struct CaseView<'a> {
    /// Command words.
    pub cmd: &'a str,
    /// Resource form.
    pub form: &'a str,
    /// `9` or `8.4`.
    pub personality: &'a str,
    /// The config's grammar parts.
    pub tags: &'a [&'a str],
    /// The config's fault.
    pub fault: Option<&'a str>,
    /// `-d` given.
    pub dry_run: bool,
    /// `generated` or `fixture`.
    pub source: &'a str,
    /// Our outcome.
    pub ours: &'a Outcome,
    /// The reference's outcome.
    pub reference: &'a Outcome,
}

/// Parses the file's text.
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if let Some(id) = line.strip_prefix("## ") {
            entries.push(Entry {
                id: id.trim().to_string(),
                why: String::new(),
                open: false,
                selectors: Vec::new(),
                streams: Vec::new(),
            });
            continue;
        }
        let Some(e) = entries.last_mut() else {
            continue;
        };
        if let Some(why) = line.strip_prefix("- why: ") {
            e.why = why.trim().to_string();
        } else if let Some(status) = line.strip_prefix("- status: ") {
            e.open = match status.trim() {
                "open" => true,
                "deliberate" => false,
                other => {
                    return Err(format!(
                        "line {n}: status `{other}` is not open or deliberate"
                    ))
                }
            };
        } else if let Some(m) = line.strip_prefix("- match: ") {
            for part in m.split("; ") {
                let (k, v) = part
                    .split_once('=')
                    .ok_or_else(|| format!("line {n}: `{part}` is not key=value"))?;
                let (k, v) = (k.trim(), v.trim());
                match k {
                    "streams" => {
                        for s in v.split(',') {
                            e.streams.push(
                                Stream::parse(s.trim())
                                    .ok_or_else(|| format!("line {n}: unknown stream `{s}`"))?,
                            );
                        }
                    }
                    "cmd" | "form" | "personality" | "tag" | "fault" | "dry-run" | "source"
                    | "ours" | "reference" => e.selectors.push((k.to_string(), v.to_string())),
                    _ => return Err(format!("line {n}: unknown key `{k}`")),
                }
            }
        } else if line.starts_with("- ") {
            return Err(format!(
                "line {n}: expected `- why:`, `- status:` or `- match:`"
            ));
        }
    }
    for e in &entries {
        if e.why.is_empty() {
            return Err(format!("entry `{}` has no `- why:`", e.id));
        }
        if e.streams.is_empty() {
            return Err(format!("entry `{}` names no streams", e.id));
        }
    }
    Ok(entries)
}

fn contains(o: &Outcome, text: &str) -> bool {
    o.stdout.contains(text) || o.stderr.contains(text) || o.calls.contains(text)
}

impl Entry {
    /// Whether the entry covers the case's differing `streams`.
    pub fn covers(&self, case: &CaseView<'_>, streams: &[Stream]) -> bool {
        if !streams.iter().all(|s| self.streams.contains(s)) {
            return false;
        }
        self.selectors.iter().all(|(k, v)| match k.as_str() {
            "cmd" => match v.strip_suffix('*') {
                Some(prefix) => case.cmd.starts_with(prefix),
                None => case.cmd == v,
            },
            "form" => case.form == v,
            "personality" => case.personality == v,
            "tag" => case.tags.contains(&v.as_str()),
            "fault" => case.fault == Some(v.as_str()),
            "dry-run" => case.dry_run == (v == "yes"),
            "source" => case.source == v,
            "ours" => contains(case.ours, v),
            "reference" => contains(case.reference, v),
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_parse_and_select() {
        let text = "# Known\n\n## x\n- why: because\n- match: cmd=dump*; personality=9; streams=stdout,exit\n";
        let e = parse(text).unwrap();
        assert_eq!(e.len(), 1);
        let o = Outcome::default();
        let view = CaseView {
            cmd: "dump-xml",
            form: "all",
            personality: "9",
            tags: &[],
            fault: None,
            dry_run: false,
            source: "generated",
            ours: &o,
            reference: &o,
        };
        assert!(e[0].covers(&view, &[Stream::Stdout]));
        assert!(!e[0].covers(&view, &[Stream::Calls]));
        assert!(!e[0].open);
        let open = parse("## b\n- why: w\n- status: open\n- match: streams=exit\n").unwrap();
        assert!(open[0].open);
        assert!(parse("## b\n- why: w\n- status: maybe\n- match: streams=exit\n").is_err());
        assert!(parse("## y\n- match: streams=stdout\n").is_err());
        assert!(parse("## y\n- why: w\n- match: colour=red; streams=stdout\n").is_err());
    }
}
