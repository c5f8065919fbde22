//! Upstream's uniqueness checks: each kind of duplicate is refused with drbd-utils' two
//! lines (`FILE:LINE: conflicting use of WHAT 'KEY' ...`, `FILE:LINE: WHAT 'KEY' first
//! used here.`), as drbd-utils 9.34 prints them for the same file.

use conf_parser::{parse_str, Dialect, ParseOptions};

fn conflict(dialect: Dialect, name: &str, text: &str) -> String {
    let cfg = parse_str(name, text, &ParseOptions::new(dialect));
    cfg.conflict.map(|c| c.render()).unwrap_or_default()
}

fn check(dialect: Dialect, name: &str, text: &str, want: &str) {
    assert_eq!(conflict(dialect, name, text), want, "{name} ({dialect:?})");
}

#[test]
fn v9_common() {
    check(
        Dialect::V9,
        "common.res",
        r#"common { net { protocol C; } }
common { disk { resync-rate 10M; } }
resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"common.res:2: conflicting use of resource section 'common' ...
common.res:1: resource section 'common' first used here.
"#,
    );
}

#[test]
fn v9_disk() {
    check(
        Dialect::V9,
        "disk.res",
        r#"resource r0 {
  volume 0 {
    device /dev/drbd1;
    disk /dev/vg0/a;
    meta-disk /dev/vg0/meta [0];
  }
  on alpha { node-id 0; address 10.0.0.1:7788; }
  on bravo { node-id 1; address 10.0.0.2:7788; }
}
resource r1 {
  volume 0 {
    device /dev/drbd2;
    disk /dev/vg0/a;
    meta-disk /dev/vg0/meta [1];
  }
  on alpha { node-id 0; address 10.0.0.1:7789; }
  on bravo { node-id 1; address 10.0.0.2:7789; }
}
"#,
        r#"disk.res:11: conflicting use of disk 'disk:alpha:/dev/vg0/a' ...
disk.res:2: disk 'disk:alpha:/dev/vg0/a' first used here.
"#,
    );
}

#[test]
fn v9_host() {
    check(
        Dialect::V9,
        "host.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  on alpha {
    node-id 2;
  }
}
"#,
        r#"host.res:4: conflicting use of host section 'r0: on alpha' ...
host.res:2: host section 'r0: on alpha' first used here.
"#,
    );
}

#[test]
fn v9_metadisk() {
    check(
        Dialect::V9,
        "metadisk.res",
        r#"resource r0 {
  volume 0 {
    device /dev/drbd1;
    disk /dev/vg0/a;
    meta-disk /dev/vg0/meta [0];
  }
  on alpha { node-id 0; address 10.0.0.1:7788; }
  on bravo { node-id 1; address 10.0.0.2:7788; }
}
resource r1 {
  volume 0 {
    device /dev/drbd2;
    disk /dev/vg0/b;
    meta-disk /dev/vg0/meta [0];
  }
  on alpha { node-id 0; address 10.0.0.1:7789; }
  on bravo { node-id 1; address 10.0.0.2:7789; }
}
"#,
        r#"metadisk.res:11: conflicting use of meta-disk 'alpha:/dev/vg0/meta[0]' ...
metadisk.res:2: meta-disk 'alpha:/dev/vg0/meta[0]' first used here.
"#,
    );
}

#[test]
fn v9_minor() {
    check(
        Dialect::V9,
        "minor.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r1 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/b; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { node-id 1; device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"minor.res:0: conflicting use of device-minor 'device-minor:alpha:1' ...
minor.res:0: device-minor 'device-minor:alpha:1' first used here.
"#,
    );
}

#[test]
fn v9_nodeid() {
    check(
        Dialect::V9,
        "nodeid.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo {
    node-id 0;
    device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"nodeid.res:4: conflicting use of node-id 'r0:0' ...
nodeid.res:2: node-id 'r0:0' first used here.
"#,
    );
}

#[test]
fn v9_protocol() {
    check(
        Dialect::V9,
        "protocol.res",
        r#"resource r0 {
  protocol C;
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  protocol A;
}
"#,
        r#"protocol.res:5: conflicting use of protocol statement 'r0: protocol' ...
protocol.res:2: protocol statement 'r0: protocol' first used here.
"#,
    );
}

#[test]
fn v9_resdevice() {
    check(
        Dialect::V9,
        "resdevice.res",
        r#"resource r0 {
  device /dev/drbd1;
  device /dev/drbd2;
  on alpha { node-id 0; disk /dev/a; address 10.0.0.1:7788; } on bravo { node-id 1; disk /dev/a; address 10.0.0.2:7788; }
}
"#,
        r#"resdevice.res:3: conflicting use of device statement 'r0:device' ...
resdevice.res:2: device statement 'r0:device' first used here.
"#,
    );
}

#[test]
fn v9_resource() {
    check(
        Dialect::V9,
        "resource.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r0 {
  on alpha { node-id 0; device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { node-id 1; device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"resource.res:5: conflicting use of resource section 'r0' ...
resource.res:1: resource section 'r0' first used here.
"#,
    );
}

#[test]
fn v9_sec_disk() {
    check(
        Dialect::V9,
        "sec-disk.res",
        r#"resource r0 {
  disk { resync-rate 10M; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  disk { resync-rate 10M; }
}
"#,
        r#"sec-disk.res:5: conflicting use of disk section 'r0:disk' ...
sec-disk.res:2: disk section 'r0:disk' first used here.
"#,
    );
}

#[test]
fn v9_sec_handlers() {
    check(
        Dialect::V9,
        "sec-handlers.res",
        r#"resource r0 {
  handlers { split-brain "/bin/true"; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  handlers { split-brain "/bin/true"; }
}
"#,
        r#"sec-handlers.res:5: conflicting use of handlers section 'r0:handlers' ...
sec-handlers.res:2: handlers section 'r0:handlers' first used here.
"#,
    );
}

#[test]
fn v9_sec_net() {
    check(
        Dialect::V9,
        "sec-net.res",
        r#"resource r0 {
  net { protocol C; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  net { protocol C; }
}
"#,
        r#"sec-net.res:5: conflicting use of net section 'r0:net' ...
sec-net.res:2: net section 'r0:net' first used here.
"#,
    );
}

#[test]
fn v9_sec_options() {
    check(
        Dialect::V9,
        "sec-options.res",
        r#"resource r0 {
  options { quorum off; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  options { quorum off; }
}
"#,
        r#"sec-options.res:5: conflicting use of resource options section 'r0:res_options' ...
sec-options.res:2: resource options section 'r0:res_options' first used here.
"#,
    );
}

#[test]
fn v9_sec_proxy() {
    check(
        Dialect::V9,
        "sec-proxy.res",
        r#"resource r0 {
  proxy { memlimit 100M; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  proxy { memlimit 100M; }
}
"#,
        r#"sec-proxy.res:5: conflicting use of proxy section 'r0:proxy' ...
sec-proxy.res:2: proxy section 'r0:proxy' first used here.
"#,
    );
}

#[test]
fn v9_sec_startup() {
    check(
        Dialect::V9,
        "sec-startup.res",
        r#"resource r0 {
  startup { wfc-timeout 5; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  startup { wfc-timeout 5; }
}
"#,
        r#"sec-startup.res:5: conflicting use of startup section 'r0:startup' ...
sec-startup.res:2: startup section 'r0:startup' first used here.
"#,
    );
}

#[test]
fn v9_sec_syncer() {
    check(
        Dialect::V9,
        "sec-syncer.res",
        r#"resource r0 {
  syncer { rate 10M; }
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  syncer { rate 10M; }
}
"#,
        r#"sec-syncer.res:5: conflicting use of syncer section 'r0:syncer' ...
sec-syncer.res:2: syncer section 'r0:syncer' first used here.
"#,
    );
}

#[test]
fn v9_st_address() {
    check(
        Dialect::V9,
        "st-address.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    address 10.0.0.1:7790;
  }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-address.res:3: conflicting use of address statement 'r0:alpha:address' ...
st-address.res:2: address statement 'r0:alpha:address' first used here.
"#,
    );
}

#[test]
fn v9_st_device() {
    check(
        Dialect::V9,
        "st-device.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    device /dev/drbd9;
  }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-device.res:3: conflicting use of device statement 'r0:alpha:device' ...
st-device.res:2: device statement 'r0:alpha:device' first used here.
"#,
    );
}

#[test]
fn v9_st_disk() {
    check(
        Dialect::V9,
        "st-disk.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    disk /dev/x;
  }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-disk.res:3: conflicting use of disk statement 'r0:alpha:disk' ...
st-disk.res:2: disk statement 'r0:alpha:disk' first used here.
"#,
    );
}

#[test]
fn v9_st_flexible_meta_disk() {
    check(
        Dialect::V9,
        "st-flexible-meta-disk.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    flexible-meta-disk /dev/m;
  }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-flexible-meta-disk.res:3: conflicting use of meta-disk statement 'r0:alpha:meta-disk' ...
st-flexible-meta-disk.res:2: meta-disk statement 'r0:alpha:meta-disk' first used here.
"#,
    );
}

#[test]
fn v9_st_meta_disk() {
    check(
        Dialect::V9,
        "st-meta-disk.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    meta-disk /dev/m [1];
  }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-meta-disk.res:3: conflicting use of meta-disk statement 'r0:alpha:meta-disk' ...
st-meta-disk.res:2: meta-disk statement 'r0:alpha:meta-disk' first used here.
"#,
    );
}

#[test]
fn v9_st_node_id() {
    check(
        Dialect::V9,
        "st-node-id.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    node-id 5;
  }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-node-id.res:3: conflicting use of node-id statement 'r0:alpha:node-id' ...
st-node-id.res:2: node-id statement 'r0:alpha:node-id' first used here.
"#,
    );
}

#[test]
fn v84_common() {
    check(
        Dialect::V84,
        "common.res",
        r#"common { net { protocol C; } }
common { disk { resync-rate 10M; } }
resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"common.res:2: conflicting use of resource section 'common' ...
common.res:1: resource section 'common' first used here.
"#,
    );
}

#[test]
fn v84_disk() {
    check(
        Dialect::V84,
        "disk.res",
        r#"resource r0 {
  volume 0 {
    device /dev/drbd1;
    disk /dev/vg0/a;
    meta-disk /dev/vg0/meta [0];
  }
  on alpha { address 10.0.0.1:7788; }
  on bravo { address 10.0.0.2:7788; }
}
resource r1 {
  volume 0 {
    device /dev/drbd2;
    disk /dev/vg0/a;
    meta-disk /dev/vg0/meta [1];
  }
  on alpha { address 10.0.0.1:7789; }
  on bravo { address 10.0.0.2:7789; }
}
"#,
        r#"disk.res:16: conflicting use of disk 'disk:alpha:/dev/vg0/a' ...
disk.res:7: disk 'disk:alpha:/dev/vg0/a' first used here.
"#,
    );
}

#[test]
fn v84_host() {
    check(
        Dialect::V84,
        "host.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  on alpha {
    
  }
}
"#,
        r#"host.res:4: conflicting use of host section 'r0: on alpha' ...
host.res:2: host section 'r0: on alpha' first used here.
"#,
    );
}

#[test]
fn v84_ip() {
    check(
        Dialect::V84,
        "ip.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r1 {
  on alpha { device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"ip.res:6: conflicting use of IP '10.0.0.1:7788' ...
ip.res:2: IP '10.0.0.1:7788' first used here.
"#,
    );
}

#[test]
fn v84_metadisk() {
    check(
        Dialect::V84,
        "metadisk.res",
        r#"resource r0 {
  volume 0 {
    device /dev/drbd1;
    disk /dev/vg0/a;
    meta-disk /dev/vg0/meta [0];
  }
  on alpha { address 10.0.0.1:7788; }
  on bravo { address 10.0.0.2:7788; }
}
resource r1 {
  volume 0 {
    device /dev/drbd2;
    disk /dev/vg0/b;
    meta-disk /dev/vg0/meta [0];
  }
  on alpha { address 10.0.0.1:7789; }
  on bravo { address 10.0.0.2:7789; }
}
"#,
        r#"metadisk.res:16: conflicting use of meta-disk 'alpha:/dev/vg0/meta[0]' ...
metadisk.res:7: meta-disk 'alpha:/dev/vg0/meta[0]' first used here.
"#,
    );
}

#[test]
fn v84_minor() {
    check(
        Dialect::V84,
        "minor.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r1 {
  on alpha { device /dev/drbd1; disk /dev/vg0/b; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"minor.res:6: conflicting use of device-minor 'device-minor:alpha:1' ...
minor.res:2: device-minor 'device-minor:alpha:1' first used here.
"#,
    );
}

#[test]
fn v84_protocol() {
    check(
        Dialect::V84,
        "protocol.res",
        r#"resource r0 {
  protocol C;
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  protocol A;
}
"#,
        r#"protocol.res:5: conflicting use of protocol statement 'r0: protocol' ...
protocol.res:2: protocol statement 'r0: protocol' first used here.
"#,
    );
}

#[test]
fn v84_resdevice() {
    check(
        Dialect::V84,
        "resdevice.res",
        r#"resource r0 {
  device /dev/drbd1;
  device /dev/drbd2;
  on alpha { disk /dev/a; address 10.0.0.1:7788; } on bravo { node-id 1; disk /dev/a; address 10.0.0.2:7788; }
}
"#,
        r#"resdevice.res:3: conflicting use of device statement 'r0:device' ...
resdevice.res:2: device statement 'r0:device' first used here.
"#,
    );
}

#[test]
fn v84_resource() {
    check(
        Dialect::V84,
        "resource.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r0 {
  on alpha { device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { device /dev/drbd2; disk /dev/vg0/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"resource.res:5: conflicting use of resource section 'r0' ...
resource.res:1: resource section 'r0' first used here.
"#,
    );
}

#[test]
fn v84_sec_disk() {
    check(
        Dialect::V84,
        "sec-disk.res",
        r#"resource r0 {
  disk { resync-rate 10M; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  disk { resync-rate 10M; }
}
"#,
        r#"sec-disk.res:5: conflicting use of disk section 'r0:disk' ...
sec-disk.res:2: disk section 'r0:disk' first used here.
"#,
    );
}

#[test]
fn v84_sec_handlers() {
    check(
        Dialect::V84,
        "sec-handlers.res",
        r#"resource r0 {
  handlers { split-brain "/bin/true"; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  handlers { split-brain "/bin/true"; }
}
"#,
        r#"sec-handlers.res:5: conflicting use of handlers section 'r0:handlers' ...
sec-handlers.res:2: handlers section 'r0:handlers' first used here.
"#,
    );
}

#[test]
fn v84_sec_net() {
    check(
        Dialect::V84,
        "sec-net.res",
        r#"resource r0 {
  net { protocol C; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  net { protocol C; }
}
"#,
        r#"sec-net.res:5: conflicting use of net section 'r0:net' ...
sec-net.res:2: net section 'r0:net' first used here.
"#,
    );
}

#[test]
fn v84_sec_options() {
    check(
        Dialect::V84,
        "sec-options.res",
        r#"resource r0 {
  options { cpu-mask 1; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  options { cpu-mask 1; }
}
"#,
        r#"sec-options.res:5: conflicting use of resource options section 'r0:res_options' ...
sec-options.res:2: resource options section 'r0:res_options' first used here.
"#,
    );
}

#[test]
fn v84_sec_proxy() {
    check(
        Dialect::V84,
        "sec-proxy.res",
        r#"resource r0 {
  proxy { memlimit 100M; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  proxy { memlimit 100M; }
}
"#,
        r#"sec-proxy.res:5: conflicting use of proxy section 'r0:proxy' ...
sec-proxy.res:2: proxy section 'r0:proxy' first used here.
"#,
    );
}

#[test]
fn v84_sec_startup() {
    check(
        Dialect::V84,
        "sec-startup.res",
        r#"resource r0 {
  startup { wfc-timeout 5; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  startup { wfc-timeout 5; }
}
"#,
        r#"sec-startup.res:5: conflicting use of startup section 'r0:startup' ...
sec-startup.res:2: startup section 'r0:startup' first used here.
"#,
    );
}

#[test]
fn v84_sec_syncer() {
    check(
        Dialect::V84,
        "sec-syncer.res",
        r#"resource r0 {
  syncer { rate 10M; }
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
  syncer { rate 10M; }
}
"#,
        r#"sec-syncer.res:5: conflicting use of syncer section 'r0:syncer' ...
sec-syncer.res:2: syncer section 'r0:syncer' first used here.
"#,
    );
}

#[test]
fn v84_st_address() {
    check(
        Dialect::V84,
        "st-address.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    address 10.0.0.1:7790;
  }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-address.res:3: conflicting use of address statement 'r0:alpha:address' ...
st-address.res:2: address statement 'r0:alpha:address' first used here.
"#,
    );
}

#[test]
fn v84_st_device() {
    check(
        Dialect::V84,
        "st-device.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    device /dev/drbd9;
  }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-device.res:3: conflicting use of device statement 'r0:alpha:device' ...
st-device.res:2: device statement 'r0:alpha:device' first used here.
"#,
    );
}

#[test]
fn v84_st_disk() {
    check(
        Dialect::V84,
        "st-disk.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    disk /dev/x;
  }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-disk.res:3: conflicting use of disk statement 'r0:alpha:disk' ...
st-disk.res:2: disk statement 'r0:alpha:disk' first used here.
"#,
    );
}

#[test]
fn v84_st_flexible_meta_disk() {
    check(
        Dialect::V84,
        "st-flexible-meta-disk.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    flexible-meta-disk /dev/m;
  }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-flexible-meta-disk.res:3: conflicting use of meta-disk statement 'r0:alpha:meta-disk' ...
st-flexible-meta-disk.res:2: meta-disk statement 'r0:alpha:meta-disk' first used here.
"#,
    );
}

#[test]
fn v84_st_meta_disk() {
    check(
        Dialect::V84,
        "st-meta-disk.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.1:7788;
    meta-disk /dev/m [1];
  }
  on bravo { device /dev/drbd1; disk /dev/vg0/a; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"st-meta-disk.res:3: conflicting use of meta-disk statement 'r0:alpha:meta-disk' ...
st-meta-disk.res:2: meta-disk statement 'r0:alpha:meta-disk' first used here.
"#,
    );
}

#[test]
fn distinct_resources_do_not_conflict() {
    let text = "resource r0 {\n  device /dev/drbd1; disk /dev/vg0/a; meta-disk /dev/vg0/m [0];\n  on alpha { address 10.0.0.1:7788; }\n  on bravo { address 10.0.0.2:7788; }\n}\nresource r1 {\n  device /dev/drbd2; disk /dev/vg0/b; meta-disk /dev/vg0/m [1];\n  on alpha { address 10.0.0.1:7789; }\n  on bravo { address 10.0.0.2:7789; }\n}\n";
    for d in [Dialect::V9, Dialect::V84] {
        assert_eq!(conflict(d, "ok.res", text), "", "{d:?}");
    }
}

#[test]
fn v9_keyword_missing_of_earlier_hosts_comes_first() {
    check(
        Dialect::V9,
        "before9.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/a; meta-disk /dev/m [0]; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; meta-disk internal; address 10.0.0.2:7788; }
}
resource r1 {
  on alpha { node-id 0; device /dev/drbd2; disk /dev/b; meta-disk /dev/m [0]; address 10.0.0.1:7789; }
  on bravo { node-id 1; device /dev/drbd2; disk /dev/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"before9.res:3: in resource r0, on bravo { ... }: 'disk' keyword missing.
before9.res:6: conflicting use of meta-disk 'alpha:/dev/m[0]' ...
before9.res:2: meta-disk 'alpha:/dev/m[0]' first used here.
"#,
    );
}

#[test]
fn v84_keyword_missing_of_earlier_hosts_comes_first() {
    check(
        Dialect::V84,
        "before84.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/a; meta-disk /dev/m [0]; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; meta-disk internal; address 10.0.0.2:7788; }
}
resource r1 {
  on alpha { device /dev/drbd2; disk /dev/b; meta-disk /dev/m [0]; address 10.0.0.1:7789; }
  on bravo { device /dev/drbd2; disk /dev/b; meta-disk internal; address 10.0.0.2:7789; }
}
"#,
        r#"before84.res:3: in resource r0, on bravo { ... }: 'disk' keyword missing.
before84.res:6: conflicting use of meta-disk 'alpha:/dev/m[0]' ...
before84.res:2: meta-disk 'alpha:/dev/m[0]' first used here.
"#,
    );
}

#[test]
fn v9_stacked_device_minor_on_the_lower_hosts() {
    check(
        Dialect::V9,
        "stacked.res",
        r#"resource r0 {
  on alpha { node-id 0; device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { node-id 1; device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r0-U {
  stacked-on-top-of r0 { node-id 0; device /dev/drbd1; address 10.0.0.5:7790; }
  on charlie { node-id 1; device /dev/drbd10; disk /dev/c; meta-disk internal; address 10.0.0.3:7790; }
}
"#,
        r#"(null):0: conflicting use of device-minor 'device-minor:alpha:1' ...
stacked.res:0: device-minor 'device-minor:alpha:1' first used here.
"#,
    );
}

#[test]
fn v84_stacked_address_and_its_missing_address() {
    check(
        Dialect::V84,
        "stk2.res",
        r#"resource r0 {
  on alpha { device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.2:7788; }
}
resource r0-U {
  stacked-on-top-of r0 { device /dev/drbd10; }
  on charlie { device /dev/drbd10; disk /dev/c; meta-disk internal; address 10.0.0.2:7788; }
}
"#,
        r#"stk2.res:6: in resource r0-U, on UNKNOWN { ... }: 'address' keyword missing.
stk2.res:7: conflicting use of IP '10.0.0.2:7788' ...
stk2.res:3: IP '10.0.0.2:7788' first used here.
"#,
    );
}

#[test]
fn an_address_the_builder_cannot_read_has_no_key() {
    // `[::1]` is an error of its own; it must not make a conflict of its remains.
    let host = |h: &str, port: u32| {
        format!("  on {h} {{ device /dev/drbd{port}; disk /dev/a{port}; meta-disk internal; address ipv6 [::1]:{port}; }}\n")
    };
    let text = format!(
        "resource r0 {{\n{}{}}}\nresource r1 {{\n{}{}}}\n",
        host("a", 1),
        host("b", 2),
        host("a", 3),
        host("b", 4)
    );
    assert_eq!(conflict(Dialect::V84, "v6.res", &text), "");
}
