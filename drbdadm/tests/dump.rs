//! Snapshot tests of `dump` and `dump-xml` in both personalities, and of the 8.4
//! validation messages: the layouts and message sets drbd-utils 9.34 prints.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static RUN: AtomicUsize = AtomicUsize::new(0);

/// Runs drbdadm in a fresh directory holding `test.res`, named relatively (`-c test.res`)
/// as the 8.4 messages show it; the directory prints as `DIR`.
fn drbdadm(config: &str, version: &str, node: &str, args: &str) -> String {
    let dir = std::env::temp_dir().join(format!(
        "drbdadm-dump-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("test.res"), config).expect("write config");
    let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
        .current_dir(&dir)
        .arg("-c")
        .arg("test.res")
        .args(args.split_whitespace())
        .env("__DRBD_NODE__", node)
        .env("DRBD_DRIVER_VERSION_OVERRIDE", version)
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("drbdadm runs");
    let canon = std::fs::canonicalize(&dir).expect("canonical dir");
    let clean = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&*canon.to_string_lossy(), "DIR")
            .replace(
                &format!(
                    "\n   found __DRBD_NODE__ in environment\n   PRETENDING that I am >>{node}<<\n\n"
                ),
                "",
            )
    };
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        clean(&out.stdout),
        clean(&out.stderr)
    )
}

/// An 8.4-era resource: statements at the resource level, a `syncer {}` section.
const TEMPLATE84: &str = r#"global { usage-count no; }
common { startup { become-primary-on alpha bravo; stacked-timeouts; wfc-timeout 5; } }
resource r0 {
  syncer { rate 50M; }
  device /dev/drbd0;
  disk /dev/xvdf;
  meta-disk /dev/loop0[0];
  handlers { outdate-peer "/bin/fence"; }
  on alpha { address 10.0.0.1:7788; }
  on bravo { address 10.0.0.2:7788; }
}
"#;

#[test]
fn v84_dump_shows_inherited_volumes_per_host() {
    let plain = drbdadm(TEMPLATE84, "8.4.11", "alpha", "-d dump");
    let xml = drbdadm(TEMPLATE84, "8.4.11", "alpha", "-d dump-xml r0");
    insta::assert_snapshot!(format!("{plain}\n{xml}"));
}

#[test]
fn v84_keyword_missing_as_parsed() {
    // The resource-level meta-disk comes after the first host section: 8.4 inherits it
    // only into the sections that follow. A floating section goes by its address.
    let config = r#"resource r0 {
  device /dev/drbd0;
  disk /dev/sda1;
  on alpha { address 10.0.0.1:7788; }
  meta-disk internal;
  on bravo { address 10.0.0.2:7788; }
}
resource r1 {
  floating 10.0.0.1:7789 { device minor 1; disk /dev/sdb; }
  on charlie { device minor 1; disk /dev/sdb; meta-disk internal; }
}
"#;
    insta::assert_snapshot!(drbdadm(config, "8.4.0", "alpha", "dump"));
}

const TWO84: &str = r#"resource r0 {
  on alpha { device /dev/drbd0; disk /dev/sda1; meta-disk internal; address 10.0.0.1:7788; }
  on bravo { device /dev/drbd0; disk /dev/sda1; meta-disk internal; address 10.0.0.2:7788; }
}
resource r1 {
  on charlie { device /dev/drbd1; disk /dev/sda2; meta-disk internal; address 10.0.0.3:7789; }
  on bravo { device /dev/drbd1; disk /dev/sda2; meta-disk internal; address 10.0.0.2:7789; }
}
"#;

#[test]
fn named_dump_has_no_header_and_stops_or_goes_on() {
    let config = format!("global {{ usage-count no; disable-ip-verification; }}\n{TWO84}");
    let v9 = drbdadm(&config, "9.2.0", "alpha", "dump r1 r0");
    let v84 = drbdadm(&config, "8.4.11", "alpha", "dump r0 r1 r0");
    let xml = drbdadm(&config, "9.2.0", "alpha", "dump-xml r0");
    insta::assert_snapshot!(format!("{v9}\n{v84}\n{xml}"));
}

#[test]
fn v9_dry_run_dump_shows_expanded_volumes() {
    let config = r#"global { disable-ip-verification; }
common { disk { resync-rate 10M; } net { protocol C; } }
resource r0 {
  volume 0 { device minor 1; disk /dev/sda7; meta-disk internal; }
  on alpha { node-id 0; address 10.0.0.1:7789; }
  on bravo { node-id 1; volume 0 { disk none; } address 10.0.0.2:7789; }
  connection { host alpha; host bravo; }
}
"#;
    let d = drbdadm(config, "9.2.0", "alpha", "-d dump");
    let v = drbdadm(config, "9.2.0", "alpha", "-v dump r0");
    insta::assert_snapshot!(format!("{d}\n{v}"));
}

#[test]
fn v84_parser_rules() {
    // Only five flags have a `no-` form in 8.4; string lengths are not checked.
    let config = format!(
        "resource r0 {{\n  net {{ shared-secret \"{}\"; }}\n  disk {{ no-md-flushes; no-disable-write-same; }}\n  on alpha {{ device /dev/drbd0; disk /dev/sda1; meta-disk internal; address 10.0.0.1:7788; }}\n  on bravo {{ device /dev/drbd0; disk /dev/sda1; meta-disk internal; address 10.0.0.2:7788; }}\n}}\n",
        "x".repeat(70)
    );
    insta::assert_snapshot!(drbdadm(&config, "8.4.11", "alpha", "-d dump r0"));
}
