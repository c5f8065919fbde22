//! Uniqueness and consistency (upstream's `check_uniq` keys and post-parse checks, with
//! every conflict reported and located): per host, device minors, device paths, backing
//! disks and meta-data slots; across resources, `address:port`; per resource, node ids,
//! host sections, volume sets and the connections DRBD 9 needs.

use std::collections::{BTreeMap, BTreeSet};

use super::{data_hosts, host_label, host_names, volumes_of, Ctx};
use crate::lint::finding::Finding;
use crate::model::{Address, HostKind, MetaDisk, Resource};
use crate::options::Dialect;
use crate::source::Span;

/// All findings of this module.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    per_host(ctx, &mut out);
    addresses(ctx, &mut out);
    for res in &ctx.config.resources {
        node_ids(ctx, res, &mut out);
        duplicate_hosts(ctx, res, &mut out);
        volume_sets(ctx, res, &mut out);
        connections_needed(ctx, res, &mut out);
    }
    out
}

/// What a per-host key is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Minor,
    Device,
    /// A block device used as backing disk or as meta-data device.
    Block,
    /// An external meta-data slot (`dev[N]` or `dev` flexible).
    MetaSlot,
}

/// The first use of a key.
#[derive(Clone)]
struct Use {
    res: String,
    span: Span,
    what: String,
}

/// A conflict: the later use, the first use, and the hosts on which they clash.
struct Clash {
    first: Use,
    hosts: BTreeSet<String>,
    later_what: String,
}

fn per_host(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // (kind, host lowercase, value) -> first use
    let mut first: BTreeMap<(Kind, String, String), Use> = BTreeMap::new();
    // (kind, value, later span) -> clash
    let mut clashes: BTreeMap<(Kind, String, Span), Clash> = BTreeMap::new();
    // Meta-data devices used indexed and flexible: (host, device) -> (indexed?, use)
    let mut meta_mode: BTreeMap<(String, String), (bool, Use)> = BTreeMap::new();
    let mut meta_mix: Vec<(Use, Use, String)> = Vec::new();
    for res in &ctx.config.resources {
        for host in &res.hosts {
            let names: Vec<String> = host_names(ctx.config, host)
                .into_iter()
                .filter(|n| ctx.in_view(n))
                .collect();
            if names.is_empty() {
                continue;
            }
            let stacked = matches!(host.kind, HostKind::StackedOn(_));
            for v in volumes_of(res, host) {
                let mut keys: Vec<(Kind, String, Span, String)> = Vec::new();
                if let Some((m, span)) = v.minor {
                    keys.push((Kind::Minor, m.to_string(), span, format!("minor {m}")));
                }
                if let Some((p, span)) = &v.device {
                    keys.push((Kind::Device, p.clone(), *span, format!("device {p}")));
                }
                if !stacked {
                    if let Some((Some(d), span)) = &v.disk {
                        keys.push((Kind::Block, d.clone(), *span, format!("disk {d}")));
                    }
                }
                if let Some((m, span)) = &v.meta {
                    let (dev, slot) = match m {
                        MetaDisk::Internal => (None, None),
                        MetaDisk::Flexible(d) => (Some(d), Some(format!("{d} (flexible)"))),
                        MetaDisk::Indexed(d, i) => (Some(d), Some(format!("{d}[{i}]"))),
                    };
                    if let (Some(dev), Some(slot)) = (dev, slot) {
                        keys.push((
                            Kind::MetaSlot,
                            slot.clone(),
                            *span,
                            format!("meta-disk {slot}"),
                        ));
                        let indexed = matches!(m, MetaDisk::Indexed(..));
                        for n in &names {
                            let key = (n.to_ascii_lowercase(), dev.clone());
                            let this = Use {
                                res: res.name.clone(),
                                span: *span,
                                what: format!("meta-disk {slot}"),
                            };
                            match meta_mode.get(&key) {
                                Some((was_indexed, prev)) if *was_indexed != indexed => {
                                    meta_mix.push((prev.clone(), this, n.clone()));
                                }
                                Some(_) => {}
                                None => {
                                    meta_mode.insert(key, (indexed, this));
                                }
                            }
                        }
                        // The meta-data device must not be anybody's backing disk.
                        keys.push((Kind::Block, dev.clone(), *span, format!("meta-disk {dev}")));
                    }
                }
                for (kind, value, span, what) in keys {
                    for n in &names {
                        let k = (kind, n.to_ascii_lowercase(), value.clone());
                        match first.get(&k) {
                            None => {
                                first.insert(
                                    k,
                                    Use {
                                        res: res.name.clone(),
                                        span,
                                        what: what.clone(),
                                    },
                                );
                            }
                            Some(prev) if prev.span == span => {}
                            Some(prev) => {
                                // An indexed meta-disk names its device for every slot;
                                // only different slots of one device are not a clash.
                                if kind == Kind::Block
                                    && prev.what.starts_with("meta-disk")
                                    && what.starts_with("meta-disk")
                                {
                                    continue;
                                }
                                clashes
                                    .entry((kind, value.clone(), span))
                                    .or_insert_with(|| Clash {
                                        first: prev.clone(),
                                        hosts: BTreeSet::new(),
                                        later_what: what.clone(),
                                    })
                                    .hosts
                                    .insert(n.clone());
                            }
                        }
                    }
                }
            }
        }
    }
    for ((kind, _, span), c) in clashes {
        let id = match kind {
            Kind::Minor => "DRBD102",
            Kind::Device => "DRBD103",
            Kind::Block => "DRBD104",
            Kind::MetaSlot => "DRBD106",
        };
        let hosts: Vec<&str> = c.hosts.iter().map(String::as_str).collect();
        let on = if hosts.len() == 1 { "host" } else { "hosts" };
        let msg = if c.first.what == c.later_what {
            format!(
                "{} is already used by resource {} on {on} {}",
                c.later_what,
                c.first.res,
                hosts.join(", ")
            )
        } else {
            format!(
                "{} is already used as {} by resource {} on {on} {}",
                c.later_what,
                c.first.what,
                c.first.res,
                hosts.join(", ")
            )
        };
        out.push(Finding::new(id, ctx.at.loc(span), msg).related(
            ctx.at.loc(c.first.span),
            format!("first used here ({})", c.first.what),
        ));
    }
    for (prev, this, host) in meta_mix {
        out.push(
            Finding::new(
                "DRBD106",
                ctx.at.loc(this.span),
                format!(
                    "{} (resource {}) uses a device that {} (resource {}) on host {host} uses the other way: one device cannot hold both indexed and flexible meta-data",
                    this.what, this.res, prev.what, prev.res
                ),
            )
            .related(ctx.at.loc(prev.span), format!("{} here", prev.what)),
        );
    }
}

/// `ipv4:10.0.0.1:7789` with the address normalised (IPv6 spelled canonically).
fn addr_key(a: &Address) -> String {
    let addr = a.addr.split('%').next().unwrap_or(&a.addr);
    let norm = addr
        .parse::<std::net::IpAddr>()
        .map(|ip| ip.to_string())
        .unwrap_or_else(|_| addr.to_string());
    format!("{}:{}:{}", a.af, norm, a.port)
}

fn addresses(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    struct AUse {
        res: String,
        host: String,
        span: Span,
    }
    let mut first: BTreeMap<String, AUse> = BTreeMap::new();
    for res in &ctx.config.resources {
        // Every address of the resource with the host it belongs to.
        let mut uses: Vec<(String, &Address)> = Vec::new();
        for h in &res.hosts {
            let addr = match &h.kind {
                HostKind::Floating(a) => Some(a),
                _ => h.address.as_ref(),
            };
            if let Some(a) = addr {
                uses.push((host_label(h), a));
            }
        }
        for c in &res.connections {
            for p in &c.paths {
                for ha in &p.hosts {
                    if let Some(a) = &ha.address {
                        uses.push((ha.name.clone(), a));
                    }
                }
            }
        }
        let mut in_res: BTreeMap<String, (String, Span)> = BTreeMap::new();
        for (host, a) in uses {
            let key = addr_key(a);
            let shown = format!("{}:{}", a.addr, a.port);
            if !ctx.in_view(&host) && ctx.node.is_some() {
                continue;
            }
            if let Some((other, span)) = in_res.get(&key) {
                if !ctx.same_host(other, &host) && *span != a.span {
                    out.push(
                        Finding::new(
                            "DRBD105",
                            ctx.at.loc(a.span),
                            format!(
                                "address {shown} of host {host} is also the address of host {other} in resource {}: both ends of a connection cannot use one address",
                                res.name
                            ),
                        )
                        .related(ctx.at.loc(*span), format!("{other} uses it here")),
                    );
                }
                continue;
            }
            in_res.insert(key.clone(), (host.clone(), a.span));
            match first.get(&key) {
                Some(prev) if prev.res != res.name => {
                    out.push(
                        Finding::new(
                            "DRBD105",
                            ctx.at.loc(a.span),
                            format!(
                                "address {shown} (host {host}) is already used by resource {} (host {})",
                                prev.res, prev.host
                            ),
                        )
                        .related(ctx.at.loc(prev.span), format!("first used here by resource {}", prev.res)),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(
                        key,
                        AUse {
                            res: res.name.clone(),
                            host,
                            span: a.span,
                        },
                    );
                }
            }
        }
        equal_hashes(ctx, res, out);
    }
}

/// DRBD 9 derives the node ids of a two-host resource without `node-id` from a hash of each
/// host's IP address; equal addresses give equal hashes and `BAD LUCK, equal hashes`.
fn equal_hashes(ctx: &Ctx<'_>, res: &Resource, out: &mut Vec<Finding>) {
    if ctx.dialect() != Dialect::V9 || !res.connections.is_empty() || !res.meshes.is_empty() {
        return;
    }
    let hosts: Vec<_> = data_hosts(res).collect();
    if hosts.len() != 2 || hosts.iter().any(|h| h.node_id.is_some()) {
        return;
    }
    let addr = |h: &crate::model::Host| match &h.kind {
        HostKind::Floating(a) => Some(a.clone()),
        _ => h.address.clone(),
    };
    let (Some(a), Some(b)) = (addr(hosts[0]), addr(hosts[1])) else {
        return;
    };
    if a.addr == b.addr
        && hosts
            .iter()
            .any(|h| host_names(ctx.config, h).iter().any(|n| ctx.in_view(n)))
    {
        out.push(
            Finding::new(
                "DRBD108",
                ctx.at.loc(b.span),
                format!(
                    "hosts {} and {} of resource {} both use IP {} and have no node-id: DRBD 9 cannot derive their node ids",
                    host_label(hosts[0]),
                    host_label(hosts[1]),
                    res.name,
                    a.addr
                ),
            )
            .related(ctx.at.loc(a.span), "the other host's address"),
        );
    }
}

fn node_ids(ctx: &Ctx<'_>, res: &Resource, out: &mut Vec<Finding>) {
    let mut seen: BTreeMap<String, &crate::model::Host> = BTreeMap::new();
    for h in &res.hosts {
        let Some(id) = &h.node_id else { continue };
        if h.node_id_implicit {
            continue;
        }
        let norm = id
            .parse::<u32>()
            .map_or_else(|_| id.clone(), |n| n.to_string());
        match seen.get(&norm) {
            Some(prev) => out.push(
                Finding::new(
                    "DRBD107",
                    ctx.at.loc(h.span),
                    format!(
                        "node-id {id} of host {} is also the node-id of host {} in resource {}",
                        host_label(h),
                        host_label(prev),
                        res.name
                    ),
                )
                .related(
                    ctx.at.loc(prev.span),
                    format!("{} has node-id {id}", host_label(prev)),
                ),
            ),
            None => {
                seen.insert(norm, h);
            }
        }
    }
}

fn duplicate_hosts(ctx: &Ctx<'_>, res: &Resource, out: &mut Vec<Finding>) {
    let mut seen: Vec<(String, Span)> = Vec::new();
    for h in data_hosts(res) {
        for n in host_names(ctx.config, h) {
            if let Some((prev, span)) = seen.iter().find(|(p, _)| ctx.same_host(p, &n)) {
                out.push(
                    Finding::new(
                        "DRBD111",
                        ctx.at.loc(h.span),
                        format!(
                            "host {n} has a second section in resource {}{}",
                            res.name,
                            if *prev == n {
                                String::new()
                            } else {
                                format!(" (as {prev})")
                            }
                        ),
                    )
                    .related(ctx.at.loc(*span), format!("the first section for {prev}")),
                );
            } else {
                seen.push((n, h.span));
            }
        }
    }
}

/// Each volume has `device` and, if it has a meta-disk, a `disk`; all hosts have the same
/// volumes (upstream's `check_volume_complete` and `check_volumes_hosts`).
fn volume_sets(ctx: &Ctx<'_>, res: &Resource, out: &mut Vec<Finding>) {
    let hosts: Vec<_> = data_hosts(res).collect();
    let mut first: Option<(String, Vec<u32>, Span)> = None;
    for h in &hosts {
        let label = host_label(h);
        let vols = volumes_of(res, h);
        if !host_names(ctx.config, h).iter().any(|n| ctx.in_view(n)) {
            continue;
        }
        for v in &vols {
            if v.minor.is_none() && v.device.is_none() {
                out.push(
                    Finding::new(
                        "DRBD109",
                        ctx.at.loc(h.span),
                        format!(
                            "volume {} of resource {} on {label} has no `device`",
                            v.vnr, res.name
                        ),
                    )
                    .fix("add `device minor N;` to the volume or the resource"),
                );
            }
            let diskless = matches!(v.disk, Some((None, _)));
            if v.disk.is_none() && v.meta.is_some() && !diskless {
                out.push(
                    Finding::new(
                        "DRBD109",
                        ctx.at.loc(v.meta.as_ref().map_or(h.span, |m| m.1)),
                        format!(
                            "volume {} of resource {} on {label} has a `meta-disk` but no `disk`",
                            v.vnr, res.name
                        ),
                    )
                    .fix("add `disk /dev/...;` (or `disk none;` for a diskless node)"),
                );
            }
        }
        let nrs: Vec<u32> = vols.iter().map(|v| v.vnr).collect();
        match &first {
            None => first = Some((label, nrs, h.span)),
            Some((flabel, fnrs, fspan)) => {
                if *fnrs != nrs {
                    let fmt =
                        |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                    out.push(
                        Finding::new(
                            "DRBD109",
                            ctx.at.loc(h.span),
                            format!(
                                "resource {}: {label} defines volumes [{}], but {flabel} defines [{}]",
                                res.name,
                                fmt(&nrs),
                                fmt(fnrs)
                            ),
                        )
                        .related(ctx.at.loc(*fspan), format!("{flabel}'s section")),
                    );
                }
            }
        }
    }
}

fn connections_needed(ctx: &Ctx<'_>, res: &Resource, out: &mut Vec<Finding>) {
    if ctx.dialect() != Dialect::V9 || !res.connections.is_empty() || !res.meshes.is_empty() {
        return;
    }
    let n = res
        .hosts
        .iter()
        .filter(|h| !matches!(h.kind, HostKind::ThisHost))
        .count();
    if n > 2 {
        let names: Vec<String> = data_hosts(res).map(host_label).collect();
        out.push(
            Finding::new(
                "DRBD110",
                ctx.at.loc(res.span),
                format!(
                    "resource {} has {n} hosts but no `connection` or `connection-mesh` section",
                    res.name
                ),
            )
            .fix(format!(
                "add `connection-mesh {{ hosts {}; }}`",
                names.join(" ")
            )),
        );
    }
}
