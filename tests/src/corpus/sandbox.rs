//! The place both tools run in: a bin directory per tool (drbdadm and drbdadm-84), stub
//! helpers for drbdsetup, drbdsetup-84, drbdmeta, drbd-proxy-ctl and handlers that record
//! their calls instead of touching a kernel (src/bin/drbd-stub.rs), and a private mount namespace so that
//! upstream's registry writes (`/var/run/drbd`) stay out of the host.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Which implementation runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Ours.
    Ours,
    /// drbd-utils 9.34, built from `../shared/drbd-utils`.
    Reference,
}

/// What one run gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Exit code (-1 for a signal, -2 for a timeout).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The helpers the stubs recorded, one line a call.
    pub calls: String,
}

const STUB_NAMES: &[&str] = &[
    "drbdsetup",
    "drbdsetup-84",
    "drbdmeta",
    "drbd-proxy-ctl",
    "drbd-stub-handler",
];

/// The sandbox: directories and the two tools' bin directories.
pub struct Sandbox {
    /// Root of everything written.
    pub root: PathBuf,
    ours_bin: PathBuf,
    ref_bin: PathBuf,
    stubs: PathBuf,
}

impl Sandbox {
    /// Lays out `root`: `bin-ours/`, `bin-reference/`, `stubs/`, `cases/`, `runs/`.
    /// `ours` is the directory with our drbdadm, `reference` the drbd-utils build tree,
    /// `stub` the recording helper (`drbd-stub`, built with these tests).
    pub fn create(
        root: &Path,
        ours: &Path,
        reference: &Path,
        stub: &Path,
    ) -> Result<Sandbox, String> {
        let _ = fs::remove_dir_all(root);
        fs::create_dir_all(root).map_err(|e| format!("{}: {e}", root.display()))?;
        let canon = |p: &Path| fs::canonicalize(p).map_err(|e| format!("{}: {e}", p.display()));
        let (root, ours, reference) = (&canon(root)?, &canon(ours)?, &canon(reference)?);
        let stub = &canon(stub)?;
        let mk = |p: &Path| fs::create_dir_all(p).map_err(|e| format!("{}: {e}", p.display()));
        let ours_bin = root.join("bin-ours");
        let ref_bin = root.join("bin-reference");
        let stubs = root.join("stubs");
        for d in [
            &ours_bin,
            &ref_bin,
            &stubs,
            &root.join("cases"),
            &root.join("runs"),
        ] {
            mk(d)?;
        }
        let link = |from: &Path, to: &Path| {
            if !from.exists() {
                return Err(format!("{} is missing", from.display()));
            }
            std::os::unix::fs::symlink(from, to).map_err(|e| format!("{}: {e}", to.display()))
        };
        let ours_adm = ours.join("drbdadm");
        link(&ours_adm, &ours_bin.join("drbdadm"))?;
        link(&ours_adm, &ours_bin.join("drbdadm-84"))?;
        link(&reference.join("user/v9/drbdadm"), &ref_bin.join("drbdadm"))?;
        link(
            &reference.join("user/v84/drbdadm-84"),
            &ref_bin.join("drbdadm-84"),
        )?;
        for n in STUB_NAMES {
            link(stub, &stubs.join(n))?;
        }
        Ok(Sandbox {
            root: root.to_path_buf(),
            ours_bin,
            ref_bin,
            stubs,
        })
    }

    /// Writes a case's files under `cases/ID/`, with [`super::compose::CASE_DIR`] replaced.
    pub fn write_case(&self, id: &str, files: &[(String, String)]) -> Result<PathBuf, String> {
        let dir = self.root.join("cases").join(id);
        let abs = dir.display().to_string();
        for (rel, text) in files {
            let p = dir.join(rel);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            let text = text.replace(super::compose::CASE_DIR, &abs);
            fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        Ok(dir)
    }

    /// Runs `drbdadm ARGS` of `tool` in `dir` with `env`; `slot` names a private scratch
    /// directory (one per worker thread).
    pub fn run(
        &self,
        tool: Tool,
        dir: &Path,
        args: &[String],
        env: &[(&str, String)],
        slot: usize,
    ) -> Outcome {
        let scratch = self.root.join("runs").join(slot.to_string());
        let _ = fs::create_dir_all(&scratch);
        let out_p = scratch.join("stdout");
        let err_p = scratch.join("stderr");
        let log_p = scratch.join("calls");
        let files = (
            fs::File::create(&out_p),
            fs::File::create(&err_p),
            fs::File::create(&log_p),
        );
        let (Ok(out), Ok(err), Ok(_)) = files else {
            return Outcome {
                code: -3,
                stderr: format!("cannot create scratch files in {}", scratch.display()),
                ..Outcome::default()
            };
        };
        let bin = match tool {
            Tool::Ours => &self.ours_bin,
            Tool::Reference => &self.ref_bin,
        };
        let path = format!("{}:{}:/usr/bin:/bin", bin.display(), self.stubs.display());
        let mut c = Command::new("drbdadm");
        c.args(args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", path)
            .env("LC_ALL", "C")
            .env("HOME", &scratch)
            .env("DRBD_STUB_LOG", &log_p)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err);
        for (k, v) in env {
            c.env(k, v);
        }
        let code = match c.spawn() {
            Ok(mut child) => wait(&mut child, Duration::from_secs(20)),
            Err(e) => {
                return Outcome {
                    code: -3,
                    stderr: format!("spawn drbdadm: {e}"),
                    ..Outcome::default()
                }
            }
        };
        Outcome {
            code,
            stdout: read_lossy(&out_p),
            stderr: read_lossy(&err_p),
            calls: read_lossy(&log_p),
        }
    }
}

fn read_lossy(p: &Path) -> String {
    let mut v = Vec::new();
    if let Ok(mut f) = fs::File::open(p) {
        let _ = f.read_to_end(&mut v);
    }
    String::from_utf8_lossy(&v).into_owned()
}

/// Waits for `child`, polling with a growing pause; kills it after `limit`.
fn wait(child: &mut std::process::Child, limit: Duration) -> i32 {
    let start = Instant::now();
    let mut pause = Duration::from_micros(200);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.code().unwrap_or(-1),
            Ok(None) => {}
            Err(_) => return -1,
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return -2;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

/// Enters a private mount namespace with a tmpfs on `/run/drbd` (upstream writes its
/// registry there) when running as root; must be called before any thread starts.
/// Returns what was done, for the report.
pub fn isolate() -> String {
    if !nix::unistd::Uid::effective().is_root() {
        return "not root: upstream's registry writes to /var/run/drbd fail for both tools".into();
    }
    use nix::mount::{mount, MsFlags};
    use nix::sched::{unshare, CloneFlags};
    if let Err(e) = unshare(CloneFlags::CLONE_NEWNS) {
        return format!("unshare(CLONE_NEWNS): {e}; registry writes reach the host's /run/drbd");
    }
    let none: Option<&str> = None;
    if let Err(e) = mount(none, "/", none, MsFlags::MS_REC | MsFlags::MS_PRIVATE, none) {
        return format!("mount --make-rprivate /: {e}");
    }
    let _ = fs::create_dir_all("/run/drbd");
    match mount(
        Some("tmpfs"),
        "/run/drbd",
        Some("tmpfs"),
        MsFlags::empty(),
        none,
    ) {
        Ok(()) => "private mount namespace, tmpfs on /run/drbd".into(),
        Err(e) => format!("tmpfs on /run/drbd: {e}"),
    }
}

/// Appends `text` to `path` (reports).
pub fn append(path: &Path, text: &str) {
    if let Ok(mut f) = fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = f.write_all(text.as_bytes());
    }
}
