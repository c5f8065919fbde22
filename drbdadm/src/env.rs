//! What drbdadm learns from its environment: the host name (`__DRBD_NODE__` or
//! gethostname), the kernel module's DRBD version (`DRBD_DRIVER_VERSION_OVERRIDE`,
//! `/proc/drbd`, `/sys/module/drbd/version`), and the default config file.

use std::path::{Path, PathBuf};

use conf_parser::Dialect;

/// The host name to match `on` sections against, and whether it came from `__DRBD_NODE__`.
pub fn hostname() -> (String, bool) {
    if let Ok(n) = std::env::var("__DRBD_NODE__") {
        if !n.is_empty() {
            return (n, true);
        }
    }
    let n = nix::unistd::gethostname()
        .ok()
        .and_then(|s| s.into_string().ok())
        .unwrap_or_default();
    (n, false)
}

/// Upstream's `no_tty`: stdin or stdout is not a terminal (scripts, Pacemaker).
pub fn no_tty() -> bool {
    !nix::unistd::isatty(0).unwrap_or(false) || !nix::unistd::isatty(1).unwrap_or(false)
}

/// Upstream's stderr banner when `__DRBD_NODE__` is set.
pub fn pretend_banner(name: &str) -> String {
    format!("\n   found __DRBD_NODE__ in environment\n   PRETENDING that I am >>{name}<<\n\n")
}

/// A kernel module version `major.minor.sublevel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u32, pub u32, pub u32);

impl Version {
    /// Parses `X.Y.Z` (anything after the third number is ignored).
    pub fn parse(s: &str) -> Option<Version> {
        let mut it = s
            .trim()
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty());
        let a = it.next()?.parse().ok()?;
        let b = it.next()?.parse().ok()?;
        let c = it.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        Some(Version(a, b, c))
    }

    /// `major << 16 | minor << 8 | sublevel`.
    pub fn code(self) -> u32 {
        (self.0 << 16) | (self.1 << 8) | self.2
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// The loaded module's version, honouring `DRBD_DRIVER_VERSION_OVERRIDE` (an override of
/// 0.0.0 is ignored, as upstream).
pub fn driver_version() -> Option<Version> {
    if let Ok(v) = std::env::var("DRBD_DRIVER_VERSION_OVERRIDE") {
        if let Some(v) = Version::parse(&v) {
            if v.code() != 0 {
                return Some(v);
            }
        }
    }
    proc_drbd_version().or_else(|| {
        std::fs::read_to_string("/sys/module/drbd/version")
            .ok()
            .and_then(|s| Version::parse(&s))
    })
}

/// The `version:` line of `/proc/drbd` (all that 8.4's `--version` looks at).
pub fn proc_drbd_version() -> Option<Version> {
    let text = std::fs::read_to_string("/proc/drbd").ok()?;
    let line = text.lines().find(|l| l.starts_with("version:"))?;
    Version::parse(line.trim_start_matches("version:"))
}

/// The personality: 8.4 for an 8.4 module or when called as `drbdadm-84`, else 9.
pub fn dialect(argv0: &str, version: Option<Version>) -> Dialect {
    let base = Path::new(argv0)
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    if base.ends_with("-84") {
        return Dialect::V84;
    }
    match version {
        Some(Version(8, _, _)) => Dialect::V84,
        _ => Dialect::V9,
    }
}

/// The first of upstream's default config files that exists.
pub fn default_config(dialect: Dialect) -> Option<PathBuf> {
    let v9 = ["/etc/drbd-90.conf"];
    let rest = [
        "/etc/drbd-84.conf",
        "/etc/drbd-83.conf",
        "/etc/drbd-82.conf",
        "/etc/drbd-08.conf",
        "/etc/drbd.conf",
    ];
    let list: Vec<&str> = if dialect == Dialect::V9 {
        v9.iter().chain(rest.iter()).copied().collect()
    } else {
        rest.to_vec()
    };
    list.into_iter().map(PathBuf::from).find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_like_proc_drbd() {
        assert_eq!(Version::parse("8.4.11"), Some(Version(8, 4, 11)));
        assert_eq!(
            Version::parse(" 9.2.10 (api:2/proto:86-122)"),
            Some(Version(9, 2, 10))
        );
        assert_eq!(Version(9, 0, 0).code(), 0x090000);
        assert_eq!(dialect("/usr/sbin/drbdadm-84", None), Dialect::V84);
        assert_eq!(dialect("drbdadm", Some(Version(8, 4, 11))), Dialect::V84);
        assert_eq!(dialect("drbdadm", None), Dialect::V9);
    }
}
