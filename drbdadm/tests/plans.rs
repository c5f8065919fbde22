//! Snapshot tests of drbdadm's plans (`-d`) for both personalities, and of its error paths.
//! They run the built binary with `__DRBD_NODE__` and `DRBD_DRIVER_VERSION_OVERRIDE`, so no
//! kernel is needed.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static RUN: AtomicUsize = AtomicUsize::new(0);

const TWO_NODES: &str = r#"
global { disable-ip-verification; }
common {
  net { protocol C; }
  syncer { rate 40M; al-extents 257; }
}
resource r0 {
  net { cram-hmac-alg sha1; shared-secret "s3cret"; }
  on alpha { device /dev/drbd0; disk /dev/vdb; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { device /dev/drbd0; disk /dev/vdb; meta-disk internal; address 10.0.0.2:7789; }
}
resource r1 {
  volume 0 { device minor 1; disk /dev/vdc; meta-disk /dev/vdd[0]; }
  volume 1 { device minor 2; disk none; meta-disk internal; }
  on alpha { address 10.0.0.1:7790; }
  on bravo { address 10.0.0.2:7790; }
}
"#;

const NINE_ONLY: &str = r#"
resource r0 {
  net { protocol C; allow-remote-read no; }
  on alpha { node-id 0; device /dev/drbd0; disk /dev/vdb; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { node-id 1; device /dev/drbd0; disk /dev/vdb; meta-disk internal; address 10.0.0.2:7789; }
}
"#;

fn drbdadm(config: &str, version: &str, node: &str, args: &str) -> String {
    let dir = std::env::temp_dir().join(format!(
        "drbdadm-plans-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("test.res");
    std::fs::write(&file, config).expect("write config");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_drbdadm"));
    cmd.arg("-c").arg(&file);
    cmd.args(args.split_whitespace());
    let out = cmd
        .env("__DRBD_NODE__", node)
        .env("DRBD_DRIVER_VERSION_OVERRIDE", version)
        // Bare helper names, as when drbdadm is found in PATH.
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("drbdadm runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr)
        .replace(&*file.to_string_lossy(), "test.res")
        .replace(
            &format!(
                "\n   found __DRBD_NODE__ in environment\n   PRETENDING that I am >>{node}<<\n\n"
            ),
            "",
        );
    let stdout = normalise(&stdout);
    format!(
        "exit {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
        out.status.code().unwrap_or(-1)
    )
}

/// The binary is run by path, so it names its helpers by path when they sit next to it.
fn normalise(s: &str) -> String {
    s.lines()
        .map(|l| match l.split_once(' ') {
            Some((first, rest)) if first.contains('/') => {
                format!("{} {rest}\n", first.rsplit('/').next().unwrap_or(first))
            }
            _ => format!("{l}\n"),
        })
        .collect()
}

#[test]
fn v9_up_all() {
    insta::assert_snapshot!(drbdadm(TWO_NODES, "9.2.0", "alpha", "-d up all"));
}

#[test]
fn v84_up_all() {
    insta::assert_snapshot!(drbdadm(TWO_NODES, "8.4.11", "alpha", "-d up all"));
}

#[test]
fn v9_down_primary_secondary() {
    let mut s = String::new();
    for c in [
        "down r0",
        "primary r0",
        "primary --force r0",
        "secondary r1",
    ] {
        s.push_str(&format!(
            "$ drbdadm -d {c}\n{}",
            drbdadm(TWO_NODES, "9.2.0", "bravo", &format!("-d {c}"))
        ));
    }
    insta::assert_snapshot!(s);
}

#[test]
fn overwrite_data_of_peer_forces_on_both_kernels() {
    let v9 = drbdadm(
        TWO_NODES,
        "9.2.0",
        "alpha",
        "-d -- --overwrite-data-of-peer primary r0",
    );
    assert!(v9.contains("drbdsetup primary r0 --force\n"), "{v9}");
    assert!(
        v9.contains("passing --force"),
        "the mapping is announced on stderr: {v9}"
    );
    let v84 = drbdadm(
        TWO_NODES,
        "8.4.11",
        "alpha",
        "-d -- --overwrite-data-of-peer primary r0",
    );
    assert!(
        v84.contains("drbdsetup-84 primary 0 --overwrite-data-of-peer\n"),
        "{v84}"
    );
    insta::assert_snapshot!(format!("{v9}\n{v84}"));
}

#[test]
fn discard_my_data_connect() {
    let v9 = drbdadm(
        TWO_NODES,
        "9.2.0",
        "bravo",
        "-d -- --discard-my-data connect r0",
    );
    assert!(
        v9.contains("drbdsetup connect r0 0 --discard-my-data\n")
            || v9.contains("--discard-my-data"),
        "{v9}"
    );
    let v84 = drbdadm(
        TWO_NODES,
        "8.4.11",
        "bravo",
        "-d -- --discard-my-data connect r0",
    );
    assert!(
        v84.ends_with("") && v84.contains("--discard-my-data\n"),
        "{v84}"
    );
    insta::assert_snapshot!(format!("{v9}\n{v84}"));
}

#[test]
fn create_md_and_meta_commands() {
    let mut s = String::new();
    for (v, c) in [
        ("9.2.0", "create-md --force all"),
        ("9.2.0", "create-md --max-peers=3 r1/0"),
        ("8.4.11", "create-md --force all"),
        ("9.2.0", "dump-md r1"),
        ("9.2.0", "dstate r0"),
        ("8.4.11", "outdate r0"),
    ] {
        s.push_str(&format!(
            "$ [{v}] drbdadm -d {c}\n{}",
            drbdadm(TWO_NODES, v, "alpha", &format!("-d {c}"))
        ));
    }
    insta::assert_snapshot!(s);
}

#[test]
fn sh_helpers() {
    let mut s = String::new();
    for c in [
        "sh-resources",
        "sh-dev r1",
        "sh-minor r1",
        "sh-ll-dev r1",
        "sh-md-dev r1/0",
        "sh-md-idx r1/0",
        "sh-ip r0",
        "sh-resource minor-2",
        "sh-udev r0",
        "sh-mod-parms",
    ] {
        s.push_str(&format!(
            "$ drbdadm {c}\n{}",
            drbdadm(TWO_NODES, "9.2.0", "alpha", c)
        ));
    }
    insta::assert_snapshot!(s);
}

#[test]
fn error_unknown_resource() {
    let out = drbdadm(TWO_NODES, "9.2.0", "alpha", "-d up r9");
    assert!(out.starts_with("exit 1\n"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn error_host_not_found_lists_on_names() {
    let out = drbdadm(TWO_NODES, "9.2.0", "charlie", "-d up r0");
    assert!(out.starts_with("exit 1\n"), "{out}");
    assert!(out.contains("alpha, bravo"), "{out}");
    let all = drbdadm(TWO_NODES, "9.2.0", "charlie", "-d up all");
    assert!(all.contains("this host is 'charlie'"), "{all}");
    insta::assert_snapshot!(format!("{out}\n{all}"));
}

#[test]
fn error_bad_volume() {
    let out = drbdadm(TWO_NODES, "9.2.0", "alpha", "-d attach r1/7");
    assert!(out.starts_with("exit 1\n"), "{out}");
    let whole = drbdadm(TWO_NODES, "9.2.0", "alpha", "-d down r1/1");
    assert!(whole.contains("operates on whole resources"), "{whole}");
    insta::assert_snapshot!(format!("{out}\n{whole}"));
}

#[test]
fn error_specifiers_as_upstream() {
    // The local node as peer: reported in each of upstream's three passes, then it stops.
    let out = drbdadm(NINE_ONLY, "9.2.0", "alpha", "-d connect r0:alpha");
    assert!(out.starts_with("exit 1\n"), "{out}");
    assert_eq!(
        out.matches("is not a peer, but the local node").count(),
        3,
        "{out}"
    );
    assert!(
        out.contains("'r0:alpha' unexpected ctx_by_* result r=-2"),
        "{out}"
    );
    // A bad number ends the run before anything is done, as m_strtoll() does.
    let out = drbdadm(NINE_ONLY, "9.2.0", "alpha", "-d connect r0 r0/x");
    assert!(out.starts_with("exit 20\n"), "{out}");
    assert!(!out.contains("drbdsetup"), "{out}");
    assert!(out.contains("x is not a valid number"), "{out}");
    // The same connection twice.
    let out = drbdadm(NINE_ONLY, "9.2.0", "alpha", "-d connect r0 r0:bravo");
    assert!(
        out.contains("USAGE_BUG: r0:bravo would enable an already enabled connection"),
        "{out}"
    );
    // DRBD 9 goes on after an unknown name; 8.4 stops there.
    let nine = drbdadm(NINE_ONLY, "9.2.0", "alpha", "-d up nosuch r0");
    assert!(
        nine.starts_with("exit 1\n") && nine.contains("new-resource r0"),
        "{nine}"
    );
    let old = drbdadm(TWO_NODES, "8.4.11", "alpha", "-d up nosuch r0");
    assert!(
        old.starts_with("exit 1\n") && !old.contains("drbdsetup"),
        "{old}"
    );
}

#[test]
fn names_for_sh_nop_and_proxy_commands_as_upstream() {
    // DRBD 9 runs sh-nop over the names given: a resource not on this host fails it.
    let out = drbdadm(NINE_ONLY, "9.2.0", "charlie", "sh-nop all");
    assert!(out.starts_with("exit 1\n"), "{out}");
    assert!(
        out.contains("WARN: no normal resources defined for this host (charlie)!?"),
        "{out}"
    );
    let out = drbdadm(NINE_ONLY, "9.2.0", "alpha", "sh-nop r0");
    assert!(out.starts_with("exit 0\n"), "{out}");
    // Proxy commands find this node by its proxy sections: none here.
    let out = drbdadm(TWO_NODES, "8.4.11", "alpha", "-d proxy-up all");
    assert!(out.starts_with("exit 1\n"), "{out}");
    assert!(
        out.contains("Misspelled name of the local machine"),
        "{out}"
    );
    let out = drbdadm(NINE_ONLY, "9.2.0", "alpha", "-d proxy-down r0");
    assert!(
        out.contains("'r0' not defined in your config (for this host)."),
        "{out}"
    );
}

#[test]
fn eight_four_keeps_the_nearer_value_of_an_inherited_option_silently() {
    let conf = r#"
common { disk { resync-rate 10M; } syncer { rate 14M; } }
resource r0 {
  on alpha { device /dev/drbd0; disk /dev/vdb; meta-disk internal; address 10.0.0.1:7789; }
  on bravo { device /dev/drbd0; disk /dev/vdb; meta-disk internal; address 10.0.0.2:7789; }
}
"#;
    let out = drbdadm(conf, "8.4.11", "alpha", "sh-nop");
    assert!(!out.contains("ambiguous"), "{out}");
}

#[test]
fn post_parse_errors_fail_only_commands_on_resources() {
    let conf = NINE_ONLY.replace("node-id 1; ", "");
    let out = drbdadm(&conf, "9.2.0", "alpha", "sh-resources");
    assert!(
        out.starts_with("exit 0\n") && out.contains("'node-id' keyword missing."),
        "{out}"
    );
    let out = drbdadm(&conf, "9.2.0", "alpha", "sh-nop");
    assert!(out.starts_with("exit 10\n"), "{out}");
    assert!(out.contains("command sh-nop exited with code 10"), "{out}");
    let out = drbdadm(&conf, "9.2.0", "alpha", "-d up r0");
    assert!(out.starts_with("exit 10\n"), "{out}");
}

#[test]
fn error_missing_disk() {
    let out = drbdadm(TWO_NODES, "9.2.0", "alpha", "-d attach r1/1");
    assert!(out.starts_with("exit 10\n"), "{out}");
    assert!(out.contains("requires a local disk"), "{out}");
}

#[test]
fn error_nine_only_option_on_84() {
    let out = drbdadm(NINE_ONLY, "8.4.11", "alpha", "-d up r0");
    assert!(out.starts_with("exit 10\n"), "{out}");
    assert!(
        out.contains("DRBD 9") && out.contains("8.4"),
        "names both versions: {out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn error_unrecognized_backend_option() {
    let out = drbdadm(TWO_NODES, "9.2.0", "alpha", "-d primary --max-peers=3 r0");
    assert!(out.starts_with("exit 1\n"), "{out}");
    assert!(out.contains("unrecognized option '--max-peers'"), "{out}");
}

#[test]
fn adjust_with_progress_lines() {
    let dir = std::env::temp_dir().join(format!("drbdadm-awp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("test.res");
    std::fs::write(&file, TWO_NODES).expect("write config");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let run = |setup: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
            .args(["-s", setup, "-m", "/bin/true", "-c"])
            .arg(&file)
            .args(["adjust-with-progress", "r0"])
            .env("__DRBD_NODE__", "alpha")
            .env("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0")
            .env("FAKE_DRBDSETUP_SHOW", &empty)
            .output()
            .expect("drbdadm runs");
        format!(
            "exit {}\n{}",
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout)
        )
    };
    let ok = run("/bin/true");
    assert!(ok.starts_with("exit 0\n[\n     create res: r0\n"), "{ok}");
    let failed = run("/bin/false");
    assert!(failed.contains("r0:failed(new-resource:1)"), "{failed}");
    assert!(failed.contains("[skipped:r0]"), "{failed}");
    insta::assert_snapshot!(format!("{ok}\n{failed}"));
}

/// A successful `new-resource`/`new-minor` points the registry at the config file; a
/// handler the kernel starts without `-c` finds the file there. `-d` writes nothing.
#[test]
fn registry_written_by_up_and_read_by_handlers() {
    let dir = std::env::temp_dir().join(format!("drbdadm-registry-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run_dir = dir.join("run");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("test.res");
    let config = TWO_NODES.replace(
        "resource r1 {",
        "resource r1 {\n  handlers { split-brain \"echo split-brain handler of $DRBD_RESOURCE\"; }",
    );
    std::fs::write(&file, config).expect("write config");
    let adm = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
            .args(args)
            .env("__DRBD_NODE__", "alpha")
            .env("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0")
            .env("DRBD_RUN_DIR", &run_dir)
            .output()
            .expect("drbdadm runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let file_arg = file.to_str().expect("utf-8 path");
    let link = |name: &str| std::fs::read_link(run_dir.join(name)).ok();

    let (code, _, err) = adm(&["-d", "-c", file_arg, "up", "r1"]);
    assert_eq!(code, 0, "{err}");
    assert!(!run_dir.exists(), "a dry run registers nothing");

    let (code, _, err) = adm(&[
        "-s",
        "/bin/true",
        "-m",
        "/bin/true",
        "-c",
        file_arg,
        "up",
        "r1",
    ]);
    assert_eq!(code, 0, "{err}");
    let canonical = std::fs::canonicalize(&file).expect("canonical");
    assert_eq!(link("drbd-resource-r1.conf"), Some(canonical.clone()));
    assert_eq!(link("drbd-minor-1.conf"), Some(canonical.clone()));
    assert_eq!(link("drbd-minor-2.conf"), Some(canonical));
    assert_eq!(link("drbd-resource-r0.conf"), None);

    // The handler names no config file: the registry supplies it.
    let (code, out, err) = adm(&["split-brain", "r1"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "split-brain handler of r1\n"),
        "{err}"
    );
    assert!(!err.contains("Don't know"), "{err}");

    // Failed helpers register nothing.
    let (code, _, _) = adm(&[
        "-s",
        "/bin/false",
        "-m",
        "/bin/true",
        "-c",
        file_arg,
        "up",
        "r0",
    ]);
    assert_ne!(code, 0);
    assert_eq!(link("drbd-resource-r0.conf"), None);

    // Unknown to the registry: upstream's note, then the default config search.
    let (_, _, err) = adm(&["split-brain", "r0"]);
    assert!(
        err.contains("Don't know which config file belongs to resource r0, trying default ones..."),
        "{err}"
    );
    let (_, _, err) = adm(&["split-brain", "minor-9"]);
    assert!(
        err.contains("Don't know which config file belongs to minor 9, trying default ones..."),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `wait-con-int` starts one `wait-connect-resource` per resource in the background, prints
/// a dot a second while they run, and ends with exit 0 when they are done.
#[test]
fn wait_con_int_runs_the_helpers_and_waits_for_them() {
    let dir = std::env::temp_dir().join(format!("drbdadm-wci-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("test.res");
    std::fs::write(&file, TWO_NODES).expect("write config");
    let log = dir.join("calls.log");
    let helper = dir.join("fake-drbdsetup");
    std::fs::write(
        &helper,
        format!("#!/bin/sh\necho \"$*\" >> {}\nsleep 1.5\n", log.display()),
    )
    .expect("write helper");
    std::fs::set_permissions(&helper, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
        .arg("-s")
        .arg(&helper)
        .arg("-c")
        .arg(&file)
        .arg("wait-con-int")
        .env("__DRBD_NODE__", "alpha")
        .env("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("drbdadm runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    // The dots go to /dev/console when it can be opened, as upstream.
    assert!(
        stdout.starts_with("WARN: stdin/stdout is not a TTY; using /dev/console"),
        "{stdout}"
    );
    assert!(started.elapsed() >= std::time::Duration::from_millis(1500));
    let mut calls: Vec<String> = std::fs::read_to_string(&log)
        .expect("helpers ran")
        .lines()
        .map(str::to_string)
        .collect();
    calls.sort();
    assert_eq!(
        calls,
        ["wait-connect-resource r0", "wait-connect-resource r1"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// On a terminal (a pty from script(1)): dots for ten seconds, the banner with the first
/// resource's timeouts, the prompt; `yes` interrupts the helpers and ends with exit 0.
#[test]
fn wait_con_int_dialog_on_a_terminal() {
    use std::io::{Read, Write};
    let dir = std::env::temp_dir().join(format!("drbdadm-wci-tty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("test.res");
    let config = TWO_NODES.replace(
        "resource r0 {",
        "resource r0 {\n  startup { wfc-timeout 15; degr-wfc-timeout 60; }",
    );
    std::fs::write(&file, config).expect("write config");
    let log = dir.join("calls.log");
    let helper = dir.join("fake-drbdsetup");
    std::fs::write(
        &helper,
        format!(
            "#!/bin/sh\ntrap 'echo interrupted >> {log}; kill $!; exit 5' INT\nsleep 60 &\nwait\n",
            log = log.display()
        ),
    )
    .expect("write helper");
    std::fs::set_permissions(&helper, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let line = format!(
        "{} -s {} -c {} wait-con-int",
        env!("CARGO_BIN_EXE_drbdadm"),
        helper.display(),
        file.display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("__DRBD_NODE__", "alpha")
        .env("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script(1) runs (util-linux)");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("To abort waiting enter 'yes'") {
        let n = stdout.read(&mut buf).expect("read");
        assert!(n > 0, "ended early: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    child
        .stdin
        .as_mut()
        .expect("stdin")
        .write_all(b"yes\n")
        .expect("answer");
    let _ = stdout.read_to_end(&mut seen);
    let status = child.wait().expect("script ends");
    let text = String::from_utf8_lossy(&seen).replace('\r', "");
    assert!(status.success(), "{text}");
    assert!(text.contains(".........."), "{text}");
    assert!(
        text.contains(
            " - If this node was already a degraded cluster before the\n   reboot, the timeout is 60 seconds. [degr-wfc-timeout]\n"
        ),
        "{text}"
    );
    assert!(text.contains("   is 15 seconds. [wfc-timeout]\n"), "{text}");
    assert!(
        text.contains("(These values are for resource 'r0'; 0 sec -> wait forever)"),
        "{text}"
    );
    let interrupted = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(interrupted.lines().count(), 2, "both helpers get SIGINT");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-vvv` shows what adjust found different, `-vvvv` also what is equal (upstream's
/// `report_compare()` and `opts_equal()` lines on stderr).
#[test]
fn adjust_verbose_comparison_lines() {
    let dir = std::env::temp_dir().join(format!("drbdadm-adjv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("test.res");
    std::fs::write(
        &file,
        r#"resource r0 {
  disk { al-extents 6007; }
  on alpha { node-id 0; volume 0 { device minor 1; disk /dev/sda1; meta-disk internal; }
             volume 1 { device minor 2; disk /dev/sdb1; meta-disk /dev/sdc[0]; } }
  on bravo { node-id 1; volume 0 { device minor 1; disk /dev/sda1; meta-disk internal; }
             volume 1 { device minor 2; disk /dev/sdb1; meta-disk /dev/sdc[0]; } }
  connection { path { host alpha address 10.0.0.1:7789; host bravo address 10.0.0.2:7789; } }
}
"#,
    )
    .expect("write config");
    let show = dir.join("show.txt");
    std::fs::write(
        &show,
        r#"resource "r0" {
    _this_host {
        node-id			0;
        volume 0 {
            device			minor 1;
            disk			"/dev/sda1";
            meta-disk			internal;
            disk {
                al-extents    	6007;
                disk-flushes    	no;
            }
        }
        volume 2 {
            device			minor 5;
            disk			"/dev/sdx";
            meta-disk			internal;
        }
    }
}
"#,
    )
    .expect("write show");
    let run = |v: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
            .args(["-d", v, "-c"])
            .arg(&file)
            .args(["adjust", "r0"])
            .env("__DRBD_NODE__", "alpha")
            .env("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.0")
            .env("FAKE_DRBDSETUP_SHOW", &show)
            .output()
            .expect("drbdadm runs");
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| !l.is_empty() && !l.contains("__DRBD_NODE__") && !l.contains("PRETENDING"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    assert_eq!(run("-vv"), "");
    assert_eq!(
        run("-vvv"),
        "Only in running config disk-flushes: no\n\
         New minor 2 (vol:1)\n\
         Deleting minor 5 (vol:2) from kernel, not in config\n"
    );
    assert_eq!(
        run("-vvvv"),
        " [eq] minor 1 (vol:0) disk: r=/dev/sda1 c=/dev/sda1\n \
         [eq] minor 1 (vol:0) meta-disk: r=internal c=internal\n \
         [eq] minor 1 (vol:0) size: r=- c=-\n\
         Value of 'al-extents' equal: r=6007 c=6007\n\
         Only in running config disk-flushes: no\n\
         New minor 2 (vol:1)\n\
         Deleting minor 5 (vol:2) from kernel, not in config\n"
    );
}
