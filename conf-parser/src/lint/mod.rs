//! `drbdadm lint`: every finding about a configuration in one run, for people and for CI.
//!
//! The parser's own errors and warnings become findings with rule ids ([`classify`]); the
//! [`checks`] add what the parser does not look for (uniqueness per host, host names, the
//! inventory, meta-data sizing, legacy syntax, risky policies, include cycles). Findings are
//! rendered as human text, versioned JSON, SARIF 2.1.0 or GitHub annotations ([`render`]);
//! `--fix` rewrites legacy syntax ([`fix`]). [`run`] is the command line; `RULES.md` next to
//! this file documents every rule and the JSON schema.
//!
//! Nothing here consults the running kernel, the host name or the network.

pub mod checks;
pub mod classify;
pub mod cli;
pub mod finding;
pub mod fix;
pub mod render;
pub mod rules;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use cli::{run, run_env, Env};
pub use finding::{Finding, Loc, Related};
pub use rules::{Rule, RULES};

use crate::diag::Severity;
use crate::model::Config;
use crate::options::Dialect;

/// The JSON output's schema version (`"version"`); RULES.md documents it.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// `--inventory FILE`: the host names that must have sections.
#[derive(Clone, Debug, Default)]
pub struct Inventory {
    /// The file as shown in findings.
    pub file: String,
    /// Its text (for the caret display).
    pub text: String,
    /// One entry per host line.
    pub entries: Vec<InventoryEntry>,
}

/// One line of the inventory: `HOST [RESOURCE...]`.
#[derive(Clone, Debug)]
pub struct InventoryEntry {
    /// The host name.
    pub host: String,
    /// The resources it must have a section in; empty means "at least one".
    pub resources: Vec<String>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the host name.
    pub col: u32,
}

impl Inventory {
    /// Reads an inventory: one host per line, optionally followed by the resources it must
    /// run (`alpha r0 r1`, or `alpha: r0 r1`); `#` starts a comment; blank lines are ignored.
    pub fn parse(file: &str, text: &str) -> Inventory {
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("");
            let mut words = line.split_whitespace();
            let Some(host) = words.next() else { continue };
            let col = raw
                .find(host)
                .map_or(1, |b| raw[..b].chars().count() as u32 + 1);
            let host = host.trim_end_matches(':');
            if host.is_empty() {
                continue;
            }
            entries.push(InventoryEntry {
                host: host.to_string(),
                resources: words.map(str::to_string).collect(),
                line: i as u32 + 1,
                col,
            });
        }
        Inventory {
            file: file.to_string(),
            text: text.to_string(),
            entries,
        }
    }
}

/// What to lint for.
#[derive(Clone, Debug)]
pub struct LintOptions {
    /// `--target`.
    pub dialect: Dialect,
    /// `--node NAME`; `None` for `--all-nodes`.
    pub node: Option<String>,
    /// `--inventory FILE`.
    pub inventory: Option<Inventory>,
    /// `--device-size PATH=SIZE`, in bytes.
    pub device_sizes: BTreeMap<String, u64>,
    /// Paths below this directory are shown relative to it.
    pub cwd: PathBuf,
}

impl LintOptions {
    /// Defaults: DRBD 9, every node, no inventory, no sizes.
    pub fn new(cwd: PathBuf) -> LintOptions {
        LintOptions {
            dialect: Dialect::V9,
            node: None,
            inventory: None,
            device_sizes: BTreeMap::new(),
            cwd,
        }
    }
}

/// Every finding about one parsed configuration, sorted.
pub fn lint_config(config: &Config, opts: &LintOptions) -> Vec<Finding> {
    let at = finding::Locator {
        sources: &config.sources,
        cwd: &opts.cwd,
    };
    let mut out = classify::findings(&config.diagnostics, &at);
    let trees = checks::legacy::trees(&config.sources);
    let ctx = checks::Ctx {
        config,
        at,
        node: opts.node.as_deref(),
        inventory: opts.inventory.as_ref(),
        device_sizes: &opts.device_sizes,
        trees: &trees,
    };
    out.extend(checks::run_all(&ctx));
    finding::sort(&mut out);
    out
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Summary {
    /// Counts `findings`.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
        }
        s
    }
}

/// The result of linting the given files.
#[derive(Debug)]
pub struct Report {
    /// The target.
    pub dialect: Dialect,
    /// The configuration files linted, as shown.
    pub files: Vec<String>,
    /// All findings, sorted.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Counts by severity.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.findings)
    }
}
