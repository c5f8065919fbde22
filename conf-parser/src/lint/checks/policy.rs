//! Risky policies (warnings): split-brain policies that discard data, two primaries without
//! stonith fencing, three or more nodes without quorum or fencing, incoherent quorum
//! settings (the checks drbd-reactor's promoter makes at run time), and secrets in the
//! configuration.

use std::collections::BTreeMap;

use super::{data_hosts, Ctx};
use crate::lint::finding::Finding;
use crate::model::{Opt, Resource};
use crate::options::Dialect;
use crate::source::Span;

/// A `net` option as written, with the option lists that apply where it is written, most
/// specific first (connection, resource, common).
struct Written<'a> {
    opt: &'a Opt,
    chain: Vec<&'a [Opt]>,
}

fn last<'a>(list: &'a [Opt], name: &str) -> Option<&'a Opt> {
    list.iter().rev().find(|o| o.name == name)
}

fn lookup<'a>(chain: &[&'a [Opt]], name: &str) -> Option<&'a Opt> {
    chain.iter().find_map(|l| last(l, name))
}

fn value<'a>(chain: &[&'a [Opt]], name: &str) -> Option<&'a str> {
    lookup(chain, name).and_then(|o| o.value.as_deref())
}

/// The option lists of a resource's level, and common's after it.
fn resource_chain<'a>(ctx: &'a Ctx<'_>, res: Option<&'a Resource>) -> Vec<&'a [Opt]> {
    let mut chain: Vec<&[Opt]> = Vec::new();
    if let Some(r) = res {
        chain.push(&r.opts.net);
        chain.push(&r.opts.disk);
    }
    if let Some(c) = &ctx.config.common {
        chain.push(&c.opts.net);
        chain.push(&c.opts.disk);
    }
    chain
}

fn written<'a>(ctx: &'a Ctx<'_>) -> Vec<Written<'a>> {
    let mut out = Vec::new();
    let mut add = |list: &'a [Opt], chain: Vec<&'a [Opt]>| {
        for opt in list {
            out.push(Written {
                opt,
                chain: chain.clone(),
            });
        }
    };
    if let Some(c) = &ctx.config.common {
        add(&c.opts.net, resource_chain(ctx, None));
        add(&c.opts.disk, resource_chain(ctx, None));
    }
    for r in &ctx.config.resources {
        if !in_view(ctx, r) {
            continue;
        }
        add(&r.opts.net, resource_chain(ctx, Some(r)));
        add(&r.opts.disk, resource_chain(ctx, Some(r)));
        for c in &r.connections {
            let mut chain: Vec<&[Opt]> = vec![&c.net_opts];
            chain.extend(resource_chain(ctx, Some(r)));
            add(&c.net_opts, chain);
        }
        for m in &r.meshes {
            let mut chain: Vec<&[Opt]> = vec![&m.net_opts];
            chain.extend(resource_chain(ctx, Some(r)));
            add(&m.net_opts, chain);
        }
    }
    out
}

fn in_view(ctx: &Ctx<'_>, r: &Resource) -> bool {
    ctx.node.is_none()
        || r.hosts.iter().any(|h| {
            super::host_names(ctx.config, h)
                .iter()
                .any(|n| ctx.in_view(n))
        })
}

/// All findings of this module.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for w in written(ctx) {
        let o = w.opt;
        let v = o.value.as_deref().unwrap_or("");
        let discards = match o.name.as_str() {
            "after-sb-0pri" => matches!(
                v,
                "discard-younger-primary"
                    | "discard-older-primary"
                    | "discard-least-changes"
                    | "discard-local"
                    | "discard-remote"
            ),
            "after-sb-1pri" => matches!(v, "discard-secondary" | "violently-as0p"),
            "after-sb-2pri" => v == "violently-as0p",
            _ => false,
        };
        if discards {
            out.push(
                Finding::new(
                    "DRBD501",
                    ctx.at.loc(o.span),
                    format!(
                        "`{} {v}` automatically throws away one node's changes after a split brain",
                        o.name
                    ),
                )
                .fix(format!(
                    "write `{} disconnect;` and resolve split brain by hand",
                    o.name
                )),
            );
        }
        if o.name == "allow-two-primaries" && v == "yes" {
            let fencing = value(&w.chain, "fencing").unwrap_or("dont-care");
            if fencing != "resource-and-stonith" {
                out.push(
                    Finding::new(
                        "DRBD502",
                        ctx.at.loc(o.span),
                        format!("`allow-two-primaries` with `fencing {fencing}`: without a cluster file system and stonith, two primaries corrupt data"),
                    )
                    .fix("use it only under a cluster file system (GFS2, OCFS2), with `fencing resource-and-stonith;`"),
                );
            }
        }
        if o.name == "shared-secret" {
            out.push(
                Finding::new(
                    "DRBD505",
                    ctx.at.loc(o.span),
                    "`shared-secret` stores a password in plain text in the configuration",
                )
                .hint("`drbdadm dump` prints it, and so does every copy of the file"),
            );
            if lookup(&w.chain, "cram-hmac-alg").is_none() {
                out.push(
                    Finding::new(
                        "DRBD506",
                        ctx.at.loc(o.span),
                        "`shared-secret` without `cram-hmac-alg`: peers are not authenticated and the secret is never used",
                    )
                    .fix("add `cram-hmac-alg sha256;` in the same `net { }` section"),
                );
            }
        }
    }
    if ctx.dialect() == Dialect::V9 {
        quorum(ctx, &mut out);
    }
    out
}

/// The resource options that apply to `r`: its own, then common's.
fn res_option<'a>(ctx: &'a Ctx<'_>, r: &'a Resource, name: &str) -> Option<&'a Opt> {
    last(&r.opts.res, name).or_else(|| {
        ctx.config
            .common
            .as_ref()
            .and_then(|c| last(&c.opts.res, name))
    })
}

fn quorum(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // Findings at a span shared by several resources (options in `common`) are merged.
    let mut merged: BTreeMap<(Span, &str, String), Vec<String>> = BTreeMap::new();
    for r in &ctx.config.resources {
        if !in_view(ctx, r) {
            continue;
        }
        let nodes = data_hosts(r).count();
        let q = res_option(ctx, r, "quorum");
        let qv = q.and_then(|o| o.value.as_deref()).unwrap_or("off");
        if let (Some(q), Ok(n)) = (q, qv.parse::<usize>()) {
            if n > nodes && nodes > 0 {
                merged
                    .entry((
                        q.span,
                        "DRBD504",
                        format!("`quorum {n}` can never be reached: resource has {nodes} nodes"),
                    ))
                    .or_default()
                    .push(r.name.clone());
            }
        }
        if nodes < 3 {
            continue;
        }
        if qv == "off" {
            let mut chain = resource_chain(ctx, Some(r));
            let conn: Vec<&[Opt]> = r
                .connections
                .iter()
                .map(|c| c.net_opts.as_slice())
                .chain(r.meshes.iter().map(|m| m.net_opts.as_slice()))
                .collect();
            chain.extend(conn.iter().copied());
            let fenced = chain
                .iter()
                .flat_map(|l| l.iter())
                .any(|o| o.name == "fencing" && o.value.as_deref() != Some("dont-care"));
            if !fenced {
                out.push(
                    Finding::new(
                        "DRBD503",
                        ctx.at.loc(r.span),
                        format!(
                            "resource {} has {nodes} nodes but neither quorum nor fencing: a partitioned cluster can split brain",
                            r.name
                        ),
                    ),
                );
            }
            continue;
        }
        let onq = res_option(ctx, r, "on-no-quorum");
        let onq_v = onq.and_then(|o| o.value.as_deref()).unwrap_or("suspend-io");
        let onda = res_option(ctx, r, "on-no-data-accessible");
        let onda_v = onda.and_then(|o| o.value.as_deref()).unwrap_or("io-error");
        if onq_v != onda_v {
            let at = q.map_or(r.span, |o| o.span);
            merged
                .entry((
                    at,
                    "DRBD504",
                    format!("with quorum, `on-no-quorum` is `{onq_v}` but `on-no-data-accessible` is `{onda_v}`"),
                ))
                .or_default()
                .push(r.name.clone());
        }
    }
    for ((span, id, msg), resources) in merged {
        let fix = if msg.contains("never be reached") {
            "set `quorum majority;`, or a number no larger than the node count"
        } else {
            "set both to the same policy, e.g. `on-no-quorum io-error; on-no-data-accessible io-error;`"
        };
        out.push(
            Finding::new(
                id,
                ctx.at.loc(span),
                format!("{msg} (resource {})", resources.join(", ")),
            )
            .fix(fix),
        );
    }
}
