//! The checks `drbdadm lint` adds to the parser's: each module looks at the typed model (or,
//! for legacy syntax, at the statement tree) and returns findings.

pub mod files;
pub mod hosts;
pub mod legacy;
pub mod meta;
pub mod policy;
pub mod refs;
pub mod unique;

use std::collections::BTreeMap;

use crate::lint::finding::{Finding, Locator};
use crate::lint::Inventory;
use crate::model::{Config, Host, HostKind, MetaDisk, Resource, Volume};
use crate::options::Dialect;
use crate::source::Span;

/// What every check gets.
pub struct Ctx<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// Span to location.
    pub at: Locator<'a>,
    /// `--node NAME`: only this node's view; `None` for every node.
    pub node: Option<&'a str>,
    /// `--inventory FILE`.
    pub inventory: Option<&'a Inventory>,
    /// `--device-size PATH=BYTES`.
    pub device_sizes: &'a BTreeMap<String, u64>,
    /// Each file's statement tree (for checks of how things are spelled).
    pub trees: &'a [(crate::source::FileId, Vec<crate::syntax::Stmt<'a>>)],
}

impl Ctx<'_> {
    /// The target dialect.
    pub fn dialect(&self) -> Dialect {
        self.config.dialect
    }

    /// True if host names `a` and `b` are the same node for the target (DRBD 9:
    /// case-insensitive, a short name matches an FQDN; 8.4: exact).
    pub fn same_host(&self, a: &str, b: &str) -> bool {
        same_host(self.dialect(), a, b)
    }

    /// True if a host called `name` is in the checked view.
    pub fn in_view(&self, name: &str) -> bool {
        match self.node {
            None => true,
            Some(n) => self.same_host(n, name),
        }
    }
}

/// Upstream's host name comparison for a dialect (`hostnames_equal()` in DRBD 9,
/// `strcmp` in 8.4).
pub fn same_host(dialect: Dialect, a: &str, b: &str) -> bool {
    if dialect == Dialect::V84 {
        return a == b;
    }
    if a.contains('.') && b.contains('.') {
        return a.eq_ignore_ascii_case(b);
    }
    let short = |s: &str| s.split('.').next().unwrap_or("").to_ascii_lowercase();
    short(a) == short(b)
}

/// The node names a host section stands for: its `on` names, the floating address as
/// upstream names it, or (stacked) the names of the lower resource's hosts.
pub fn host_names(config: &Config, host: &Host) -> Vec<String> {
    match &host.kind {
        HostKind::StackedOn(lower) => config
            .resource(lower)
            .map(|l| {
                l.hosts
                    .iter()
                    .filter(|h| matches!(h.kind, HostKind::On(_) | HostKind::Floating(_)))
                    .flat_map(Host::names)
                    .collect()
            })
            .unwrap_or_default(),
        HostKind::ThisHost => Vec::new(),
        _ => host.names(),
    }
}

/// A volume as one host sees it: resource-level statements filled into the host's volume
/// of the same number, as upstream's `inherit_volumes()` does.
#[derive(Clone, Debug)]
pub struct EffVolume {
    /// Volume number.
    pub vnr: u32,
    /// Implicit volume 0.
    pub implicit: bool,
    /// Where the volume is (host's or resource's).
    pub span: Span,
    /// Device minor and the `device` statement.
    pub minor: Option<(u32, Span)>,
    /// Device path and the `device` statement.
    pub device: Option<(String, Span)>,
    /// Backing disk (`None` inside for `disk none`).
    pub disk: Option<(Option<String>, Span)>,
    /// Meta-data location.
    pub meta: Option<(MetaDisk, Span)>,
}

fn eff(v: &Volume) -> EffVolume {
    EffVolume {
        vnr: v.vnr,
        implicit: v.implicit,
        span: v.span,
        minor: v.device.as_ref().and_then(|d| d.minor.map(|m| (m, d.span))),
        device: v
            .device
            .as_ref()
            .and_then(|d| d.path.clone().map(|p| (p, d.span))),
        disk: v.disk.clone(),
        meta: v.meta_disk.clone(),
    }
}

/// The volumes of host section `host` of `res`, with the resource's volumes inherited.
pub fn volumes_of(res: &Resource, host: &Host) -> Vec<EffVolume> {
    let mut out: Vec<EffVolume> = host.volumes.iter().map(eff).collect();
    for rv in &res.volumes {
        let from = eff(rv);
        match out.iter_mut().find(|v| v.vnr == rv.vnr) {
            Some(t) => {
                if t.disk.is_none() {
                    t.disk = from.disk;
                }
                if t.device.is_none() {
                    t.device = from.device;
                }
                if t.minor.is_none() {
                    t.minor = from.minor;
                }
                if t.meta.is_none() {
                    t.meta = from.meta;
                }
            }
            None => out.push(from),
        }
    }
    out.sort_by_key(|v| v.vnr);
    out
}

/// Host sections that hold data: `on` and `floating` (not stacked, not `_this_host`).
pub fn data_hosts(res: &Resource) -> impl Iterator<Item = &Host> {
    res.hosts
        .iter()
        .filter(|h| matches!(h.kind, HostKind::On(_) | HostKind::Floating(_)))
}

/// A short label for a host section (`alpha`, `alpha beta`, `floating 10.0.0.1:7789`).
pub fn host_label(host: &Host) -> String {
    match &host.kind {
        HostKind::On(n) => n.join(" "),
        HostKind::Floating(a) => format!("floating {}:{}", a.addr, a.port),
        HostKind::StackedOn(l) => format!("stacked-on-top-of {l}"),
        HostKind::ThisHost => "_this_host".into(),
    }
}

/// Runs every check.
pub fn run_all(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(unique::check(ctx));
    out.extend(hosts::check(ctx));
    out.extend(refs::check(ctx));
    out.extend(meta::check(ctx));
    out.extend(legacy::check(ctx));
    out.extend(policy::check(ctx));
    out.extend(files::check(ctx));
    out
}
