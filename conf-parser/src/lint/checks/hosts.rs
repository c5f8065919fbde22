//! Host names: one host spelled differently across sections (case, short name vs FQDN),
//! the inventory (`--inventory FILE`: every listed host has its sections, every section
//! names a listed host) and the node given with `--node`.

use std::collections::BTreeMap;

use super::{data_hosts, host_names, Ctx};
use crate::diag::suggest;
use crate::lint::finding::{text_loc, Finding};
use crate::model::HostKind;
use crate::options::Dialect;
use crate::source::Span;

/// All findings of this module.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    spelling(ctx, &mut out);
    inventory(ctx, &mut out);
    node(ctx, &mut out);
    out
}

/// Every `on` name with the span of its host section, in file order.
fn on_names<'a>(ctx: &'a Ctx<'_>) -> Vec<(&'a str, &'a str, Span)> {
    let mut v = Vec::new();
    for res in &ctx.config.resources {
        for h in &res.hosts {
            if let HostKind::On(names) = &h.kind {
                for n in names {
                    v.push((n.as_str(), res.name.as_str(), h.span));
                }
            }
        }
    }
    v
}

fn spelling(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    // short name, lower case -> first spelling and where
    let mut first: BTreeMap<String, (&str, Span)> = BTreeMap::new();
    let mut reported: Vec<String> = Vec::new();
    for (name, _res, span) in on_names(ctx) {
        if !ctx.in_view(name) {
            continue;
        }
        let short = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
        let Some(&(prev, prev_span)) = first.get(&short) else {
            first.insert(short, (name, span));
            continue;
        };
        if prev == name || reported.iter().any(|r| r == name) {
            continue;
        }
        let both_fqdn = prev.contains('.') && name.contains('.');
        if both_fqdn && !prev.eq_ignore_ascii_case(name) {
            // Two different domains: different hosts for DRBD 9 as well.
            continue;
        }
        reported.push(name.to_string());
        let how = if prev.eq_ignore_ascii_case(name) {
            "differs only in case from"
        } else {
            "is the short name or FQDN of"
        };
        let dialect_note = match ctx.dialect() {
            Dialect::V9 => "DRBD 9 matches them, but DRBD 8.4 compares host names exactly",
            Dialect::V84 => {
                "DRBD 8.4 compares host names exactly, so only one of them can match `uname -n`"
            }
        };
        out.push(
            Finding::new(
                "DRBD201",
                ctx.at.loc(span),
                format!("host name `{name}` {how} `{prev}`"),
            )
            .hint(dialect_note)
            .related(ctx.at.loc(prev_span), format!("`{prev}` is written here")),
        );
    }
}

fn inventory(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(inv) = ctx.inventory else { return };
    let names = on_names(ctx);
    for e in &inv.entries {
        let loc = text_loc(
            &inv.file,
            &inv.text,
            e.line,
            e.col,
            e.host.chars().count() as u32,
        );
        if e.resources.is_empty() {
            if !names.iter().any(|(n, _, _)| ctx.same_host(n, &e.host)) {
                let mut f = Finding::new(
                    "DRBD202",
                    loc,
                    format!("inventory host `{}` has no section in any resource", e.host),
                );
                if let Some(s) = suggest(&e.host, names.iter().map(|(n, _, _)| *n)) {
                    f = f.hint(format!("did you mean `{s}`?"));
                }
                out.push(f);
            }
            continue;
        }
        for r in &e.resources {
            let Some(res) = ctx.config.resource(r) else {
                out.push(Finding::new(
                    "DRBD202",
                    loc.clone(),
                    format!(
                        "inventory host `{}` must run resource `{r}`, which is not defined",
                        e.host
                    ),
                ));
                continue;
            };
            let has = data_hosts(res).any(|h| {
                host_names(ctx.config, h)
                    .iter()
                    .any(|n| ctx.same_host(n, &e.host))
            });
            if !has {
                out.push(
                    Finding::new(
                        "DRBD202",
                        loc.clone(),
                        format!(
                            "inventory host `{}` has no section in resource `{r}`",
                            e.host
                        ),
                    )
                    .related(ctx.at.loc(res.span), format!("resource {r}")),
                );
            }
        }
    }
    for (name, res, span) in names {
        if !inv.entries.iter().any(|e| ctx.same_host(&e.host, name)) {
            let mut f = Finding::new(
                "DRBD203",
                ctx.at.loc(span),
                format!(
                    "host `{name}` of resource {res} is not in the inventory {}",
                    inv.file
                ),
            );
            if let Some(s) = suggest(name, inv.entries.iter().map(|e| e.host.as_str())) {
                f = f.hint(format!("did you mean `{s}`?"));
            }
            out.push(f);
        }
    }
}

fn node(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(node) = ctx.node else { return };
    let any = ctx.config.resources.iter().any(|r| {
        r.hosts.iter().any(|h| {
            host_names(ctx.config, h)
                .iter()
                .any(|n| ctx.same_host(n, node))
        })
    });
    if any || ctx.config.resources.is_empty() {
        return;
    }
    let names = on_names(ctx);
    let mut f = Finding::new(
        "DRBD204",
        ctx.at.file_start(ctx.config.main_file),
        format!("node `{node}` has no section in any resource: drbdadm would say \"not defined in your config (for this host)\""),
    );
    if let Some(s) = suggest(node, names.iter().map(|(n, _, _)| *n)) {
        f = f.hint(format!("did you mean `{s}`?"));
    }
    out.push(f);
}
