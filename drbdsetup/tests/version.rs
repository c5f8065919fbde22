//! `drbdsetup --version` prints `KEY=value` lines, as drbdadm does, without a kernel.

#[test]
fn version_lines() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drbdsetup"))
        .arg("--version")
        .output()
        .expect("drbdsetup runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, _)| k))
        .collect();
    assert_eq!(
        keys,
        [
            "DRBDSETUP_BUILDTAG",
            "DRBDSETUP_API_VERSION",
            "DRBD_KERNEL_VERSION_CODE",
            "DRBD_KERNEL_VERSION",
            "DRBDSETUP_VERSION_CODE",
            "DRBDSETUP_VERSION"
        ]
    );
    assert!(text.contains("DRBDSETUP_VERSION_CODE=0x092200\n"), "{text}");
}
