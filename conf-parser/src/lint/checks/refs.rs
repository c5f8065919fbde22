//! References between sections: `resync-after RES[/VNR]`, `stacked-on-top-of RES`, and the
//! host names of `connection-mesh` and `connection` sections (upstream's post-parse checks,
//! each located).

use super::{data_hosts, host_names, volumes_of, Ctx};
use crate::diag::suggest;
use crate::lint::finding::Finding;
use crate::model::{HostKind, Opt, Resource};

/// All findings of this module.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let names: Vec<&str> = ctx
        .config
        .resources
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    for res in &ctx.config.resources {
        let mut opts: Vec<&Opt> = Vec::new();
        opts.extend(res.opts.disk.iter().chain(&res.opts.pd));
        for v in res
            .volumes
            .iter()
            .chain(res.hosts.iter().flat_map(|h| &h.volumes))
        {
            opts.extend(v.disk_opts.iter().chain(&v.pd_opts));
        }
        for c in &res.connections {
            opts.extend(&c.pd_opts);
            for pd in &c.peer_devices {
                opts.extend(&pd.pd_opts);
            }
        }
        for o in opts.into_iter().filter(|o| o.name == "resync-after") {
            resync_after(ctx, res, o, &names, &mut out);
        }
        for h in &res.hosts {
            if let HostKind::StackedOn(lower) = &h.kind {
                if ctx.config.resource(lower).is_none() {
                    let mut f = Finding::new(
                        "DRBD112",
                        ctx.at.loc(h.span),
                        format!(
                            "resource {} is stacked on `{lower}`, which is not defined",
                            res.name
                        ),
                    );
                    if let Some(s) = suggest(lower, names.iter().copied()) {
                        f = f.hint(format!("did you mean `{s}`?"));
                    }
                    out.push(f);
                }
            }
        }
        hosts_named(ctx, res, &mut out);
    }
    out
}

fn resync_after(ctx: &Ctx<'_>, res: &Resource, o: &Opt, names: &[&str], out: &mut Vec<Finding>) {
    let Some(value) = &o.value else { return };
    let (target, vnr) = match value.split_once('/') {
        Some((r, v)) => (r, Some(v)),
        None => (value.as_str(), None),
    };
    let Some(t) = ctx.config.resource(target) else {
        let mut f = Finding::new(
            "DRBD112",
            ctx.at.loc(o.span),
            format!("resource `{target}` named in `resync-after` is not defined"),
        );
        if let Some(s) = suggest(target, names.iter().copied()) {
            f = f.hint(format!("did you mean `{s}`?"));
        }
        out.push(f);
        return;
    };
    let mut vnrs: Vec<u32> = data_hosts(t)
        .flat_map(|h| volumes_of(t, h).into_iter().map(|v| v.vnr))
        .chain(t.volumes.iter().map(|v| v.vnr))
        .collect();
    vnrs.sort_unstable();
    vnrs.dedup();
    match vnr {
        None if vnrs.len() > 1 => out.push(
            Finding::new(
                "DRBD112",
                ctx.at.loc(o.span),
                format!(
                    "`resync-after {value}` in resource {} is ambiguous: {target} has {} volumes",
                    res.name,
                    vnrs.len()
                ),
            )
            .fix(format!(
                "name the volume: `resync-after {target}/{};`",
                vnrs[0]
            )),
        ),
        Some(v) if !vnrs.iter().any(|n| n.to_string() == v) => out.push(Finding::new(
            "DRBD112",
            ctx.at.loc(o.span),
            format!("resource {target} has no volume {v} (named in `resync-after {value}`)"),
        )),
        _ => {}
    }
}

fn hosts_named(ctx: &Ctx<'_>, res: &Resource, out: &mut Vec<Finding>) {
    let known: Vec<String> = data_hosts(res)
        .chain(
            res.hosts
                .iter()
                .filter(|h| matches!(h.kind, HostKind::StackedOn(_))),
        )
        .flat_map(|h| {
            let mut n = host_names(ctx.config, h);
            n.extend(h.names());
            n
        })
        .collect();
    let mut check = |name: &str, span| {
        if !known.iter().any(|k| ctx.same_host(k, name)) {
            let mut f = Finding::new(
                "DRBD112",
                ctx.at.loc(span),
                format!("host `{name}` has no `on` section in resource {}", res.name),
            );
            if let Some(s) = suggest(name, known.iter().map(String::as_str)) {
                f = f.hint(format!("did you mean `{s}`?"));
            }
            out.push(f);
        }
    };
    for m in &res.meshes {
        for h in &m.hosts {
            check(h, m.span);
        }
    }
    for c in &res.connections {
        for p in &c.paths {
            for ha in &p.hosts {
                if !ha.by_address && !ha.name.starts_with('_') {
                    check(&ha.name, ha.span);
                }
            }
        }
    }
}
