//! Things that protect the administrator: recognising existing data before
//! meta data is written over it (upstream `check_for_existing_data()` and the
//! `may_be_*()` probes), the per-minor lock in the lock directory
//! (`dt_lock_drbd()`), the "is this minor attached" check (`is_attached()`
//! via `drbdsetup dstate`), and the yes/no confirmation (`confirmed_ex()`).

use std::io::{BufRead, IsTerminal};
use std::os::unix::io::AsRawFd;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// Lock directory (`DRBD_LOCK_DIR`).
pub const DRBD_LOCK_DIR: &str = "/var/lock";
/// `LANANA_DRBD_MAJOR`.
pub const DRBD_MAJOR: u32 = 147;

/// The size of the data area a probe reports cannot be trusted: always refuse.
pub const REFUSE_BSIZE: u64 = 0xFFFF_FFFF_FFFF_0000;
/// The size could not be determined: refuse, and say so.
pub const ERR_BSIZE: u64 = 0xFFFF_FFFF_FFFF_0001;

/// What a probe found at the start of the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Human readable type ("ext3 filesystem", ...).
    pub kind: String,
    /// Number of blocks in use (0 = unknown size).
    pub bnum: u64,
    /// Block size, or [`REFUSE_BSIZE`] / [`ERR_BSIZE`].
    pub bsize: u64,
}

fn le16(d: &[u8], o: usize) -> u64 {
    u64::from(u16::from_le_bytes([d[o], d[o + 1]]))
}
fn le32(d: &[u8], o: usize) -> u64 {
    u64::from(u32::from_le_bytes([d[o], d[o + 1], d[o + 2], d[o + 3]]))
}
fn le64(d: &[u8], o: usize) -> u64 {
    le32(d, o) | le32(d, o + 4) << 32
}
fn be32(d: &[u8], o: usize) -> u64 {
    u64::from(u32::from_be_bytes([d[o], d[o + 1], d[o + 2], d[o + 3]]))
}

/// Probe the first 68 KiB of a device.  `None` if it is all zero.
/// `lvm_size` is asked for the size of an LVM physical volume (in sectors).
pub fn probe(data: &[u8], lvm_size: &mut dyn FnMut() -> Option<u64>) -> Option<Found> {
    if data.iter().all(|&b| b == 0) {
        return None;
    }
    let refuse = |kind: &str| Found {
        kind: kind.into(),
        bnum: 1,
        bsize: REFUSE_BSIZE,
    };
    let swap = [(1usize << 12) - 10, (1 << 13) - 10]
        .iter()
        .any(|&o| &data[o..o + 10] == b"SWAP-SPACE" || &data[o..o + 10] == b"SWAPSPACE2");
    if swap {
        return Some(refuse("swap space signature"));
    }
    if &data[0x218..0x21c] == b"LVM2" {
        return Some(match lvm_size() {
            Some(s) => Found {
                kind: "LVM2 physical volume signature".into(),
                bnum: s,
                bsize: 512,
            },
            None => Found {
                kind: "LVM2 physical volume signature".into(),
                bnum: 1,
                bsize: ERR_BSIZE,
            },
        });
    }
    if le16(data, 0x438) == 0xEF53 {
        let compat = le32(data, 0x45c);
        let incompat = le32(data, 0x460);
        // extents, 64bit or flex_bg mark ext4; upstream only tells ext2 from ext3
        let kind = if incompat & (0x40 | 0x80 | 0x200) != 0 {
            "ext4 filesystem"
        } else if compat & 4 != 0 {
            "ext3 filesystem"
        } else {
            "ext2 filesystem"
        };
        let mut bnum = le32(data, 0x404);
        if incompat & 0x80 != 0 {
            bnum |= le32(data, 0x400 + 0x150) << 32;
        }
        let bsize = match le32(data, 0x418) {
            0 => 1024,
            1 => 2048,
            _ => 4096,
        };
        return Some(Found {
            kind: kind.into(),
            bnum,
            bsize,
        });
    }
    if be32(data, 0) == 0x5846_5342 {
        let bsize = be32(data, 4);
        let bnum = be32(data, 8) << 32 | be32(data, 12);
        return Some(Found {
            kind: "xfs filesystem".into(),
            bnum,
            bsize,
        });
    }
    if &data[0x8000..0x8004] == b"JFS1" {
        return Some(Found {
            kind: "JFS filesystem".into(),
            bnum: le64(data, 0x8008),
            bsize: le32(data, 0x8018),
        });
    }
    if &data[0x10034..0x1003c] == b"ReIsErFs" || &data[0x10034..0x1003d] == b"ReIsEr2Fs" {
        return Some(Found {
            kind: "reiser filesystem".into(),
            bnum: le32(data, 0x10000),
            bsize: le16(data, 0x1002c),
        });
    }
    if &data[0x10040..0x10048] == b"_BHRfS_M" {
        let total = le64(data, 0x10070);
        return Some(Found {
            kind: "btrfs filesystem".into(),
            bnum: total.div_ceil(4096),
            bsize: 4096,
        });
    }
    Some(Found {
        kind: "some data".into(),
        bnum: 0,
        bsize: 0,
    })
}

/// Ask `pvs` for the size of an LVM PV in sectors, as upstream does.
pub fn pvs_size(dev: &str) -> Option<u64> {
    let filter =
        format!("devices {{ write_cache_state=0 filter = [ 'a|{dev}|', 'r|.|' ] scan_lvs = 1 }}");
    let out = Command::new("pvs")
        .args([
            "--readonly",
            "--noheadings",
            "--nosuffix",
            "--units",
            "s",
            "-o",
            "pv_size",
        ])
        .arg("--config")
        .arg(filter)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// State of the interactive confirmation (`confirmed_ex()`).
#[derive(Debug, Default)]
pub struct Confirm {
    /// `--force`.
    pub force: bool,
    /// `--quiet`.
    pub quiet: bool,
    /// Confirmations suppressed by `--force --quiet`.
    pub suppressed: u32,
}

impl Confirm {
    /// Ask `question` (after `context`); "yes" on a tty confirms, `--force`
    /// auto-confirms, no tty means no.
    pub fn ask(&mut self, context: Option<&str>, question: &str) -> bool {
        if self.force && self.quiet {
            self.suppressed += 1;
            return true;
        }
        if let Some(c) = context {
            eprintln!("\n{c}");
        }
        eprintln!("\n{question}");
        if self.force {
            eprintln!("*** confirmation forced via --force option ***");
            return true;
        }
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            eprintln!("stdin not a TTY, not waiting for confirmation");
            return false;
        }
        eprint!("[need to type 'yes' to confirm] ");
        let mut line = String::new();
        let ok = stdin.lock().read_line(&mut line).is_ok() && line == "yes\n";
        eprintln!();
        ok
    }
}

/// Take the per-minor lock `drbd-147-<minor>` (`dt_lock_drbd()`).  The lock is
/// held as long as the returned file is open.
pub fn lock_minor(minor: u32) -> Result<std::fs::File> {
    use nix::fcntl::{fcntl, FcntlArg};
    use std::os::unix::fs::OpenOptionsExt;
    let _ = std::fs::create_dir_all(DRBD_LOCK_DIR);
    let path = format!("{DRBD_LOCK_DIR}/drbd-{DRBD_MAJOR}-{minor}");
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(|e| Error::usage(format!("open({path}): {}", crate::errno_text(&e))))?;
    let fl = nix::libc::flock {
        l_type: nix::libc::F_WRLCK as i16,
        l_whence: 0,
        l_start: 0,
        l_len: 0,
        l_pid: 0,
    };
    // upstream waits up to one second (F_SETLKW + alarm); poll for that long
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    loop {
        match fcntl(f.as_raw_fd(), FcntlArg::F_SETLK(&fl)) {
            Ok(_) => return Ok(f),
            Err(nix::errno::Errno::EAGAIN) | Err(nix::errno::Errno::EACCES)
                if std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(nix::errno::Errno::EAGAIN) | Err(nix::errno::Errno::EACCES) => {
                let mut q = fl;
                let pid = match fcntl(f.as_raw_fd(), FcntlArg::F_GETLK(&mut q)) {
                    Ok(_) => q.l_pid,
                    Err(_) => 0,
                };
                return Err(Error::usage(format!(
                    "lock on {path} currently held by pid:{pid}"
                )));
            }
            Err(e) => return Err(Error::usage(format!("fcntl({path},...): {}", e.desc()))),
        }
    }
}

/// Disk states in kernel order (`drbd_disk_state_names`).
const DISK_STATES: &[&str] = &[
    "Diskless",
    "Attaching",
    "Detaching",
    "Failed",
    "Negotiating",
    "Inconsistent",
    "Outdated",
    "DUnknown",
    "Consistent",
    "UpToDate",
];

/// Interpret `drbdsetup dstate` output (`drbd_str_disk()`); `true` if a disk
/// is attached (state above Diskless).
pub fn disk_state_attached(out: &str) -> Result<bool> {
    let s = out.lines().next().unwrap_or("");
    let len = s.find('/').unwrap_or(s.len());
    let prefix = &s.as_bytes()[..len];
    for (n, name) in DISK_STATES.iter().enumerate() {
        if name.len() >= len && &name.as_bytes()[..len] == prefix {
            return Ok(n > 0);
        }
    }
    if s == "Unconfigured" {
        return Ok(false);
    }
    Err(Error::usage(format!(
        "Unexpected output from drbdsetup >{s}<"
    )))
}

/// `is_attached()`: run `drbdsetup dstate <minor>`; exit 10/20 or a missing
/// drbdsetup mean "not attached".
pub fn is_attached(minor: u32) -> Result<bool> {
    let out = match Command::new("drbdsetup")
        .args(["dstate", &minor.to_string()])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
    {
        Ok(o) => o,
        Err(_) => return Ok(false),
    };
    match out.status.code() {
        Some(10) | Some(20) => return Ok(false),
        _ => {}
    }
    let text = String::from_utf8_lossy(&out.stdout);
    if text.is_empty() {
        return Err(Error::usage(
            "read from drbdsetup\n: No such file or directory",
        ));
    }
    disk_state_attached(&text)
}

/// `dt_minor_of_dev()`: `N` or `/dev/drbdN`, or a block device with major 147.
pub fn minor_of_dev(dev: &str) -> Option<u32> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(dev) {
        return dev.parse().ok();
    }
    if let Some(n) = dev.strip_prefix("/dev/drbd") {
        if digits(n) {
            return n.parse().ok();
        }
    }
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let m = std::fs::metadata(dev).ok()?;
    if m.file_type().is_block_device() && nix::sys::stat::major(m.rdev()) == u64::from(DRBD_MAJOR) {
        return Some(nix::sys::stat::minor(m.rdev()) as u32);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Option<u64> {
        None
    }

    #[test]
    fn probes() {
        let mut d = vec![0u8; 68 * 1024];
        assert_eq!(probe(&d, &mut none), None);
        d[0x438..0x43a].copy_from_slice(&0xEF53u16.to_le_bytes());
        d[0x404..0x408].copy_from_slice(&1000u32.to_le_bytes());
        d[0x418] = 2;
        d[0x460] = 0x40;
        let f = probe(&d, &mut none).unwrap();
        assert_eq!(
            (f.kind.as_str(), f.bnum, f.bsize),
            ("ext4 filesystem", 1000, 4096)
        );
        let mut s = vec![0u8; 68 * 1024];
        s[4086..4096].copy_from_slice(b"SWAPSPACE2");
        assert_eq!(probe(&s, &mut none).unwrap().bsize, REFUSE_BSIZE);
        let mut l = vec![0u8; 68 * 1024];
        l[0x218..0x21c].copy_from_slice(b"LVM2");
        assert_eq!(probe(&l, &mut none).unwrap().bsize, ERR_BSIZE);
        assert_eq!(probe(&l, &mut || Some(2048)).unwrap().bnum, 2048);
        let mut b = vec![0u8; 68 * 1024];
        b[0x10040..0x10048].copy_from_slice(b"_BHRfS_M");
        b[0x10070..0x10078].copy_from_slice(&(1u64 << 30).to_le_bytes());
        assert_eq!(probe(&b, &mut none).unwrap().kind, "btrfs filesystem");
        let mut x = vec![0u8; 68 * 1024];
        x[0..4].copy_from_slice(b"XFSB");
        x[4..8].copy_from_slice(&4096u32.to_be_bytes());
        x[8..16].copy_from_slice(&77u64.to_be_bytes());
        assert_eq!(probe(&x, &mut none).unwrap().bnum, 77);
        let mut junk = vec![0u8; 68 * 1024];
        junk[5] = 1;
        assert_eq!(probe(&junk, &mut none).unwrap().bnum, 0);
    }

    #[test]
    fn disk_states() {
        assert!(disk_state_attached("UpToDate\n").unwrap());
        assert!(disk_state_attached("Inconsistent/DUnknown\n").unwrap());
        assert!(!disk_state_attached("Diskless\n").unwrap());
        assert!(!disk_state_attached("Unconfigured\n").unwrap());
        assert!(disk_state_attached("Bogus\n").is_err());
    }

    #[test]
    fn minors() {
        assert_eq!(minor_of_dev("7"), Some(7));
        assert_eq!(minor_of_dev("/dev/drbd12"), Some(12));
        assert_eq!(minor_of_dev("/dev/sda"), None);
    }
}
