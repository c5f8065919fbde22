//! Shared helpers: temp dirs, sparse images, running our binary and the
//! reference binary, hashing regions.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Our binary.
pub fn ours() -> &'static str {
    env!("CARGO_BIN_EXE_drbdmeta")
}

/// The reference drbdmeta of drbd-utils; a missing one is a test failure.
pub fn reference() -> &'static str {
    let p = "/usr/sbin/drbdmeta";
    assert!(
        Path::new(p).exists(),
        "reference {p} is missing: install the Debian package drbd-utils (apt-get install drbd-utils jq)"
    );
    p
}

/// A temporary directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        let p = std::env::temp_dir().join(format!(
            "drbdmeta-test-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    pub fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Create (or grow/shrink, keeping the content) a sparse file of `size` bytes.
pub fn sparse(path: &str, size: u64) {
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .unwrap();
    f.set_len(size).unwrap();
}

/// Run a binary with args; stdin is /dev/null (no tty).
pub fn run(bin: &str, args: &[&str]) -> Output {
    Command::new(bin)
        .args(args)
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// True if `len` bytes at `off_a` in `a` equal those at `off_b` in `b`.
pub fn same_region(a: &str, off_a: u64, b: &str, off_b: u64, len: u64) -> bool {
    use std::os::unix::fs::FileExt;
    let fa = std::fs::File::open(a).unwrap();
    let fb = std::fs::File::open(b).unwrap();
    let mut ba = vec![0u8; 8 << 20];
    let mut bb = vec![0u8; 8 << 20];
    let mut done = 0;
    while done < len {
        let n = ((len - done) as usize).min(ba.len());
        fa.read_exact_at(&mut ba[..n], off_a + done).unwrap();
        fb.read_exact_at(&mut bb[..n], off_b + done).unwrap();
        if ba[..n] != bb[..n] {
            return false;
        }
        done += n as u64;
    }
    true
}

/// Byte-exact copy of a (sparse) image, to prove later that it is untouched.
pub fn snapshot(path: &str) -> String {
    let snap = format!("{path}.snap");
    let st = Command::new("cp")
        .args(["--sparse=always", path, &snap])
        .status()
        .unwrap();
    assert!(st.success());
    snap
}

/// The image equals its snapshot, size and bytes.
pub fn untouched(path: &str, snap: &str) -> bool {
    let la = std::fs::metadata(path).unwrap().len();
    let lb = std::fs::metadata(snap).unwrap().len();
    la == lb && same_region(path, 0, snap, 0, la)
}

/// Serialises tests that touch the reference tool's fixed lkbd file.
pub static REF_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
