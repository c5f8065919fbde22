//! Our help against upstream's: every command's `help CMD`, `xml-help CMD`, `CMD --help`
//! and `CMD -h`, and the command list in its forms, for both personalities, run with both
//! binaries; stdout and exit code must be identical. The reference is the drbd-utils 9.34
//! build of tests/setup.sh (`$DRBD_REFERENCE_DIR`, else `target/reference/drbd-utils-9.34.0`);
//! without it the comparison is skipped, saying so.
//!
//! Also: without a kernel module that could be loaded (as on a build machine), both tools
//! must answer a few commands alike, stderr included.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use conf_parser::options::Dialect;
use drbdsetup::commands;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .parent()
                .map(|p| p.join("target"))
                .unwrap_or_default()
        })
}

/// The reference binaries (9, 8.4), if built.
fn reference() -> Option<(PathBuf, PathBuf)> {
    let dir = std::env::var_os("DRBD_REFERENCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("reference/drbd-utils-9.34.0"));
    let v9 = dir.join("user/v9/drbdsetup");
    let v84 = dir.join("user/v84/drbdsetup-84");
    if v9.is_file() && v84.is_file() {
        Some((v9, v84))
    } else {
        eprintln!(
            "SKIPPED: no drbd-utils 9.34 reference build at {} (tests/setup.sh makes it)",
            dir.display()
        );
        None
    }
}

/// Our binary under both names (the personality comes from the name), in a directory of
/// the calling test's own: the tests run in parallel.
fn ours() -> (PathBuf, PathBuf) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_drbdsetup"));
    let test = std::thread::current()
        .name()
        .unwrap_or("main")
        .replace("::", "-");
    let dir = std::env::temp_dir().join(format!("drbdsetup-help-{}-{test}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let v84 = dir.join("drbdsetup-84");
    let _ = std::fs::remove_file(&v84);
    std::os::unix::fs::symlink(&bin, &v84).expect("symlink for the 8.4 personality");
    (bin, v84)
}

struct Ran {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

fn run(bin: &Path, args: &[&str]) -> Ran {
    let o = Command::new(bin)
        .args(args)
        .env_remove("DRBD_DRIVER_VERSION_OVERRIDE")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    Ran {
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        code: o.status.code(),
    }
}

/// Every help form of `dialect`, as argument lists.
fn help_cases(dialect: Dialect) -> Vec<Vec<String>> {
    let mut cases: Vec<Vec<String>> = [
        &[][..],
        &["help"],
        &["xml-help"],
        &["--help"],
        &["-h"],
        &["help", "no-such-command"],
        &["xml-help", "no-such-command"],
        &["no-such-command", "--help"],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect();
    for def in commands::commands(dialect) {
        for form in [
            vec!["help", def.name],
            vec!["xml-help", def.name],
            vec![def.name, "--help"],
            vec![def.name, "-h"],
        ] {
            cases.push(form.into_iter().map(String::from).collect());
        }
    }
    cases
}

#[test]
fn help_is_upstreams_byte_for_byte() {
    let Some((ref9, ref84)) = reference() else {
        return;
    };
    let (our9, our84) = ours();
    let mut compared = 0;
    let mut differences = Vec::new();
    for (dialect, theirs, ours) in [(Dialect::V9, &ref9, &our9), (Dialect::V84, &ref84, &our84)] {
        for case in help_cases(dialect) {
            let args: Vec<&str> = case.iter().map(String::as_str).collect();
            let (a, b) = (run(theirs, &args), run(ours, &args));
            compared += 1;
            if a.stdout != b.stdout || a.code != b.code {
                differences.push(format!(
                    "{} {}: exit {:?} vs ours {:?}\n--- upstream\n{}--- ours\n{}",
                    dialect.as_str(),
                    args.join(" "),
                    a.code,
                    b.code,
                    a.stdout,
                    b.stdout
                ));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {compared} help outputs differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
    eprintln!("{compared} help outputs identical to upstream's");
}

#[test]
fn without_a_module_both_answer_alike() {
    let Some((ref9, ref84)) = reference() else {
        return;
    };
    // Both tools would load a module that `modprobe` can find; `-n` only looks.
    let loadable = Command::new("/sbin/modprobe")
        .args(["-n", "drbd"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if Path::new("/proc/drbd").exists() || loadable {
        eprintln!("SKIPPED: this machine has a DRBD module, or one modprobe could load");
        return;
    }
    let (our9, our84) = ours();
    let cases: &[&[&str]] = &[
        &["down", "r0"],
        &["secondary", "r0"],
        &["disconnect", "r0", "1"],
        &["detach", "0"],
        &["primary", "r0"],
        &["r0", "down"],
        &["no-such-command"],
        &["status"],
    ];
    for (theirs, ours) in [(&ref9, &our9), (&ref84, &our84)] {
        for args in cases {
            let (a, b) = (run(theirs, args), run(ours, args));
            // Our note on the 8.3 argument order is the one line of ours.
            let our_err: String = b
                .stderr
                .lines()
                .filter(|l| !l.starts_with("note: the current syntax is:"))
                .map(|l| format!("{l}\n"))
                .collect();
            assert_eq!(
                (a.code, &a.stdout, &a.stderr),
                (b.code, &b.stdout, &our_err),
                "{} {}",
                theirs.display(),
                args.join(" ")
            );
        }
    }
}
