//! Meta-data sizing, from the rules in drbd.conf(5) (`meta-disk`): an indexed external
//! meta-disk `/dev/x[N]` is a 128 MiB slot at offset N x 128 MiB, able to track about 4 TiB
//! of data for one peer; a flexible external meta-disk needs 36 KiB plus size/32K per peer.
//! Device sizes are not read from the machine: they come from `--device-size PATH=SIZE`.

use std::collections::{BTreeMap, BTreeSet};

use super::{data_hosts, host_names, volumes_of, Ctx};
use crate::lint::finding::Finding;
use crate::model::MetaDisk;
use crate::source::Span;

/// One indexed slot: 128 MiB (`MD_RESERVED_SECT_07`).
pub const SLOT: u64 = 128 << 20;
/// Superblock (4 KiB) and activity log (32 KiB) in front of the bitmap.
pub const FIXED: u64 = 36 << 10;
/// One bitmap bit per 4 KiB of data, per peer.
const BYTES_PER_BIT: u64 = 4096;

/// Bytes of data an indexed slot can track for `peers` peers.
pub fn slot_capacity(peers: u64) -> u64 {
    (SLOT - FIXED) * 8 * BYTES_PER_BIT / peers.max(1)
}

/// Bytes a flexible external meta-disk needs for `data` bytes and `peers` peers, rounded up
/// to 4 KiB.
pub fn flexible_needed(data: u64, peers: u64) -> u64 {
    let per_peer = data.div_ceil(8 * BYTES_PER_BIT);
    (FIXED + per_peer * peers.max(1)).div_ceil(4096) * 4096
}

/// `1.5 GiB`-style sizes.
pub fn human(bytes: u64) -> String {
    const UNITS: &[&str] = &["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut unit = 0;
    let mut div = 1u64;
    while unit + 1 < UNITS.len() && bytes / div >= 1024 {
        div *= 1024;
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} bytes");
    }
    let whole = bytes / div;
    let frac = (bytes % div) * 100 / div;
    if frac == 0 {
        format!("{whole} {}", UNITS[unit])
    } else {
        let frac = format!("{frac:02}");
        format!("{whole}.{} {}", frac.trim_end_matches('0'), UNITS[unit])
    }
}

/// All findings of this module.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let sizes = ctx.device_sizes;
    let mut used: BTreeSet<String> = BTreeSet::new();
    // (host, device) -> first indexed use, for the shared-device advice.
    let mut indexed: BTreeMap<(String, String), (Span, String, u32)> = BTreeMap::new();
    // (device, later span) -> (first span, first slot, hosts)
    let mut shared: BTreeMap<(String, Span), (Span, String, BTreeSet<String>)> = BTreeMap::new();
    let mut reported: BTreeSet<(Span, &str)> = BTreeSet::new();
    for res in &ctx.config.resources {
        let peers = (data_hosts(res).count() as u64).saturating_sub(1).max(1);
        for host in data_hosts(res) {
            let names: Vec<String> = host_names(ctx.config, host)
                .into_iter()
                .filter(|n| ctx.in_view(n))
                .collect();
            if names.is_empty() {
                continue;
            }
            for v in volumes_of(res, host) {
                let disk = v.disk.as_ref().and_then(|(d, _)| d.as_deref());
                if let Some(d) = disk {
                    used.insert(d.to_string());
                }
                let Some((meta, mspan)) = &v.meta else {
                    continue;
                };
                let data_size = disk.and_then(|d| sizes.get(d).copied());
                match meta {
                    MetaDisk::Internal => {}
                    MetaDisk::Indexed(dev, idx) => {
                        used.insert(dev.clone());
                        let need = (u64::from(*idx) + 1) * SLOT;
                        if let Some(&have) = sizes.get(dev.as_str()) {
                            if have < need && reported.insert((*mspan, "DRBD301")) {
                                out.push(
                                    Finding::new(
                                        "DRBD301",
                                        ctx.at.loc(*mspan),
                                        format!(
                                            "meta-disk {dev}[{idx}] needs {} (slot {idx} ends at {need} bytes), but {dev} is {}",
                                            human(need),
                                            human(have)
                                        ),
                                    )
                                    .fix(format!(
                                        "use an index below {} or a meta-data device of at least {}",
                                        have / SLOT,
                                        human(need)
                                    )),
                                );
                            }
                        }
                        if let (Some(data), Some(d)) = (data_size, disk) {
                            let cap = slot_capacity(peers);
                            if data > cap && reported.insert((*mspan, "DRBD302")) {
                                out.push(
                                    Finding::new(
                                        "DRBD302",
                                        ctx.at.loc(*mspan),
                                        format!(
                                            "{d} ({}) is larger than an indexed meta-data slot can track for {peers} peer{} (at most {})",
                                            human(data),
                                            if peers == 1 { "" } else { "s" },
                                            human(cap)
                                        ),
                                    )
                                    .fix(format!(
                                        "use `meta-disk internal;` or a flexible `meta-disk {dev};` of at least {}",
                                        human(flexible_needed(data, peers))
                                    )),
                                );
                            }
                        }
                        for n in &names {
                            let key = (n.to_ascii_lowercase(), dev.clone());
                            match indexed.get(&key) {
                                // Another slot of the same device: shared (the same slot
                                // twice is DRBD106's error, not advice).
                                Some((first, what, first_idx))
                                    if *first != *mspan && first_idx != idx =>
                                {
                                    shared
                                        .entry((dev.clone(), *mspan))
                                        .or_insert_with(|| (*first, what.clone(), BTreeSet::new()))
                                        .2
                                        .insert(n.clone());
                                }
                                Some(_) => {}
                                None => {
                                    indexed.insert(key, (*mspan, format!("{dev}[{idx}]"), *idx));
                                }
                            }
                        }
                    }
                    MetaDisk::Flexible(dev) => {
                        used.insert(dev.clone());
                        let (Some(data), Some(&have)) = (data_size, sizes.get(dev.as_str())) else {
                            continue;
                        };
                        let need = flexible_needed(data, peers);
                        if have < need && reported.insert((*mspan, "DRBD303")) {
                            out.push(
                                Finding::new(
                                    "DRBD303",
                                    ctx.at.loc(*mspan),
                                    format!(
                                        "flexible meta-disk {dev} ({}) is too small for {} ({}) with {peers} peer{}: it needs {}",
                                        human(have),
                                        disk.unwrap_or("the disk"),
                                        human(data),
                                        if peers == 1 { "" } else { "s" },
                                        human(need)
                                    ),
                                )
                                .fix(format!("use a meta-data device of at least {}", human(need))),
                            );
                        }
                    }
                }
            }
        }
    }
    for ((dev, span), (first, what, hosts)) in shared {
        let hosts: Vec<&str> = hosts.iter().map(String::as_str).collect();
        out.push(
            Finding::new(
                "DRBD304",
                ctx.at.loc(span),
                format!(
                    "meta-data device {dev} is shared by several volumes on {} {}; upstream recommends not to share meta-data devices",
                    if hosts.len() == 1 { "host" } else { "hosts" },
                    hosts.join(", ")
                ),
            )
            .related(ctx.at.loc(first), format!("{what} also uses it")),
        );
    }
    for path in sizes.keys() {
        if !used.contains(path) && ctx.node.is_none() {
            out.push(
                Finding::new(
                    "DRBD305",
                    ctx.at.file_start(ctx.config.main_file),
                    format!("--device-size names {path}, which no `disk` or `meta-disk` of the configuration uses"),
                )
                .fix("give --device-size the path exactly as the configuration writes it"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_drbd_conf_5() {
        // "which corresponds to a replicated device size of at most 4 TiB with two nodes"
        let cap = slot_capacity(1);
        assert!(cap < 4 << 40 && cap > (4 << 40) - (2 << 30), "{cap}");
        assert_eq!(slot_capacity(2), cap / 2);
        // 36 KiB + 1 TiB / 32 KiB = 36 KiB + 32 MiB, for one peer.
        assert_eq!(flexible_needed(1 << 40, 1), (32 << 20) + (36 << 10));
        assert_eq!(flexible_needed(1 << 40, 2), (64 << 20) + (36 << 10));
        assert_eq!(human(128 << 20), "128 MiB");
        assert_eq!(human(1536 << 20), "1.5 GiB");
        assert_eq!(human(1000), "1000 bytes");
    }
}
