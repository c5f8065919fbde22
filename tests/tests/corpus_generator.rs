//! The corpus generator itself: deterministic, and it covers the grammar parts and every
//! kind of mistake the differential run promises.

use std::collections::BTreeSet;

use drbd_tests::corpus::compose::Composer;
use drbd_tests::corpus::fault::Fault;
use drbd_tests::corpus::rng::Rng;

fn configs(n: usize) -> Vec<drbd_tests::corpus::compose::Config> {
    let base = Rng::new(42);
    (0..n)
        .map(|i| {
            let fault = (i % 3 == 2).then(|| Fault::ALL[(i / 3) % Fault::ALL.len()]);
            Composer::new(base.fork(i as u64), fault).compose()
        })
        .collect()
}

#[test]
fn same_seed_same_configs() {
    let a: Vec<_> = configs(50).into_iter().map(|c| c.files).collect();
    let b: Vec<_> = configs(50).into_iter().map(|c| c.files).collect();
    assert_eq!(a, b);
}

#[test]
fn the_default_budget_covers_every_part_and_mistake() {
    let cfgs = configs(400);
    let tags: BTreeSet<&str> = cfgs.iter().flat_map(|c| c.tags.iter().copied()).collect();
    for want in [
        "global",
        "common",
        "common-options",
        "syncer",
        "two-host",
        "multi-host",
        "volumes",
        "floating",
        "stacked",
        "this-host",
        "proxy",
        "proxy-on",
        "connection",
        "path",
        "connection-mesh",
        "implicit-connection",
        "ipv4",
        "ipv6",
        "ipv6-scope",
        "ipv6-mapped",
        "ssocks",
        "sdp",
        "meta-flexible",
        "meta-indexed",
        "flexible-meta-disk",
        "handlers",
        "include-relative",
        "include-absolute",
        "include-nested",
        "include-no-match",
        "single-res-file",
        "diskless",
        "device-minor",
        "node-id",
    ] {
        assert!(tags.contains(want), "no generated config uses `{want}`");
    }
    let faults: BTreeSet<Fault> = cfgs.iter().filter_map(|c| c.fault).collect();
    for f in Fault::ALL {
        assert!(faults.contains(f), "no config has the mistake {}", f.name());
    }
    for c in &cfgs {
        assert!(!c.resources.is_empty());
        assert!(c.files.iter().any(|(_, t)| t.contains("resource ")));
        assert_eq!(c.nodes.last().map(String::as_str), Some("nosuchhost"));
    }
}
