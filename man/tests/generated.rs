//! The checked-in man pages and completions are what the generator produces, every page
//! renders without groff warnings, and `make install` / `make uninstall` lay out and remove
//! exactly the expected files. The completions themselves are tested in completions.rs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn man_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_dir() -> PathBuf {
    man_dir()
        .parent()
        .expect("man/ lives in the workspace")
        .to_path_buf()
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("drbd-man-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

#[test]
fn checked_in_files_are_up_to_date() {
    let mut stale = Vec::new();
    for (rel, text) in drbd_man::all_files() {
        let path = man_dir().join(&rel);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(rel);
        }
    }
    assert!(
        stale.is_empty(),
        "generated files differ from the checked-in copies, run `make man`: {stale:?}"
    );
}

#[test]
fn pages_render_without_warnings() {
    let groff_ok = Command::new("groff")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        groff_ok,
        "groff is not installed: run tests/setup.sh (it installs groff-base)"
    );
    for page in ["drbd.conf.5", "drbdadm.8", "drbdsetup.8", "drbdmeta.8"] {
        let path = man_dir().join(page);
        let out = Command::new("groff")
            .args(["-ww", "-z", "-man"])
            .arg(&path)
            .output()
            .expect("run groff");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.trim().is_empty(),
            "{page}: groff -ww -z -man warns:\n{stderr}"
        );
    }
}

#[test]
fn drbd_conf_lists_every_config_option() {
    use conf_parser::options::{Section, OPTIONS};
    let page = std::fs::read_to_string(man_dir().join("drbd.conf.5")).expect("read page");
    for o in OPTIONS {
        let in_conf = [o.v84, o.v9]
            .iter()
            .flatten()
            .any(|s| s.section != Section::Command);
        if in_conf {
            let tag = format!("\\fB{}\\fR", o.name.replace('-', "\\-"));
            assert!(page.contains(&tag), "drbd.conf.5 lacks {}", o.name);
        }
    }
    for topic in [
        "INCLUDE",
        "HOST SECTIONS",
        "META\\-DISK FORMS",
        "128 MiB",
        "MIGRATION",
    ] {
        assert!(page.contains(topic), "drbd.conf.5 lacks {topic}");
    }
}

#[test]
fn drbdadm_page_has_prose_sections() {
    let page = std::fs::read_to_string(man_dir().join("drbdadm.8")).expect("read page");
    for needle in [
        "EXIT STATUS",
        "__DRBD_NODE__",
        "DRBD_DRIVER_VERSION_OVERRIDE",
        "FAKE_DRBDSETUP_SHOW",
        "SHELL HELPERS",
        "drbdadm create\\-md r0",
        "\\-\\-overwrite\\-data\\-of\\-peer primary r0",
        "drbdadm primary \\-\\-force r0",
    ] {
        assert!(page.contains(needle), "drbdadm.8 lacks {needle}");
    }
}

fn installed_files(root: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let ft = e.file_type().expect("file type");
            if ft.is_dir() {
                walk(base, &path, out);
            } else {
                out.push(
                    path.strip_prefix(base)
                        .expect("below base")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn make(target: &str, destdir: &Path, bin_dir: &Path) {
    let out = Command::new("make")
        .arg("-C")
        .arg(workspace_dir())
        .arg(target)
        .arg(format!("DESTDIR={}", destdir.display()))
        .arg("PREFIX=/usr")
        .arg(format!("BIN_DIR={}", bin_dir.display()))
        .output()
        .expect("run make");
    assert!(
        out.status.success(),
        "make {target} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn make_install_and_uninstall() {
    let dir = temp_dir("install");
    let bin = dir.join("bin");
    let dest = dir.join("dest");
    std::fs::create_dir_all(&bin).expect("mkdir");
    for t in ["drbdadm", "drbdsetup", "drbdmeta"] {
        let p = bin.join(t);
        std::fs::write(&p, format!("#!/bin/sh\necho {t}\n")).expect("write fake binary");
        Command::new("chmod")
            .arg("755")
            .arg(&p)
            .status()
            .expect("chmod");
    }
    make("install", &dest, &bin);
    let mut expected: Vec<String> = vec![
        "usr/lib/drbd/drbdadm-84".into(),
        "usr/lib/drbd/drbdsetup-84".into(),
        "usr/share/man/man5/drbd.conf.5".into(),
    ];
    for t in ["drbdadm", "drbdsetup", "drbdmeta"] {
        expected.push(format!("usr/sbin/{t}"));
        expected.push(format!("usr/share/man/man8/{t}.8"));
        expected.push(format!("usr/share/bash-completion/completions/{t}"));
        expected.push(format!("usr/share/zsh/site-functions/_{t}"));
        expected.push(format!("usr/share/fish/vendor_completions.d/{t}.fish"));
    }
    expected.sort();
    assert_eq!(installed_files(&dest), expected);
    for (link, target) in [("drbdadm-84", "drbdadm"), ("drbdsetup-84", "drbdsetup")] {
        let p = dest.join("usr/lib/drbd").join(link);
        let meta = std::fs::symlink_metadata(&p).expect("link exists");
        assert!(meta.file_type().is_symlink(), "{link} is a symlink");
        let resolved = std::fs::canonicalize(&p).expect("link resolves");
        assert_eq!(
            resolved,
            std::fs::canonicalize(dest.join("usr/sbin").join(target)).expect("target")
        );
    }
    let page = std::fs::read(dest.join("usr/share/man/man8/drbdadm.8")).expect("read");
    assert_eq!(
        page,
        std::fs::read(man_dir().join("drbdadm.8")).expect("read")
    );
    make("uninstall", &dest, &bin);
    assert_eq!(installed_files(&dest), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&dir);
}
