//! Stacked resources at the command line: `sh-lr-of`, 8.4's separation of normal and
//! stacked resources by mode, and DRBD 9's resource-independent commands given names.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static RUN: AtomicUsize = AtomicUsize::new(0);

const V9: &str = r#"
global { disable-ip-verification; }
resource low {
  volume 0 { device /dev/drbd0; disk /dev/vdb; meta-disk internal; }
  volume 1 { device /dev/drbd1; disk /dev/vdc; meta-disk internal; }
  on alpha { node-id 0; address 10.0.0.1:7789; }
  on bravo { node-id 1; address 10.0.0.2:7789; }
}
resource top {
  volume 0 { device /dev/drbd10; disk /dev/drbd0; meta-disk internal; }
  volume 1 { device /dev/drbd11; disk /dev/drbd1; meta-disk internal; }
  stacked-on-top-of low { node-id 0; address 10.0.0.10:7790; }
  on charlie { node-id 1; address 10.0.0.3:7790; }
}
"#;

const V84: &str = r#"
global { disable-ip-verification; }
resource low {
  device /dev/drbd0; disk /dev/vdb; meta-disk internal;
  on alpha { address 10.0.0.1:7789; }
  on bravo { address 10.0.0.2:7789; }
}
resource top {
  device /dev/drbd10; disk /dev/drbd0; meta-disk internal;
  stacked-on-top-of low { address 10.0.0.10:7790; }
  on charlie { address 10.0.0.3:7790; }
}
"#;

/// Exit code and stdout.
fn drbdadm(config: &str, version: &str, args: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!(
        "drbdadm-stacked-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("s.res");
    std::fs::write(&file, config).expect("write config");
    let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
        .arg("-c")
        .arg(&file)
        .args(args.split_whitespace())
        .env("__DRBD_NODE__", "alpha")
        .env("DRBD_DRIVER_VERSION_OVERRIDE", version)
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("drbdadm runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn sh_lr_of_names_the_lower_resource_per_volume() {
    let low2 = (0, "low\nlow\n".to_string());
    assert_eq!(drbdadm(V9, "9.2.0", "-S sh-lr-of all"), low2);
    // Naming a stacked resource is enough on DRBD 9.
    assert_eq!(drbdadm(V9, "9.2.0", "sh-lr-of top"), low2);
    assert_eq!(drbdadm(V9, "9.2.0", "sh-lr-of top/1"), (0, "low\n".into()));
    // A normal resource ends the run at once.
    assert_eq!(drbdadm(V9, "9.2.0", "sh-lr-of low top"), (1, String::new()));
    assert_eq!(drbdadm(V9, "9.2.0", "sh-lr-of all"), (1, String::new()));
}

#[test]
fn v84_keeps_normal_and_stacked_apart() {
    assert_eq!(
        drbdadm(V84, "8.4.11", "-S sh-lr-of top"),
        (0, "low\n".into())
    );
    assert_eq!(drbdadm(V84, "8.4.11", "sh-lr-of top"), (1, String::new()));
    assert_eq!(drbdadm(V84, "8.4.11", "-S sh-dev low"), (1, String::new()));
    // A minor number picks its resource's mode.
    assert_eq!(
        drbdadm(V84, "8.4.11", "sh-lr-of minor-10"),
        (0, "low\n".into())
    );
    assert_eq!(
        drbdadm(V84, "8.4.11", "-S sh-dev minor-0"),
        (0, "/dev/drbd0\n".into())
    );
}

#[test]
fn v9_runs_resource_independent_commands_per_name() {
    assert_eq!(
        drbdadm(V9, "9.2.0", "sh-mod-parms low top"),
        (0, "minor_count=32\nminor_count=32\n".into())
    );
    // Each name in its own mode.
    assert_eq!(
        drbdadm(V9, "9.2.0", "-S sh-resources top low"),
        (0, "top\nlow\n".into())
    );
}
