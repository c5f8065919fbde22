//! Which config file set up which minor and resource: the symlinks
//! `/var/run/drbd/drbd-minor-N.conf` and `/var/run/drbd/drbd-resource-NAME.conf` (upstream's
//! `registry.c`). drbdadm writes them after a successful `new-minor`/`new-resource` and reads
//! them for the handler commands the kernel starts (`fence-peer`, `before-resync-target`,
//! ...), so a resource brought up with `-c FILE` finds its file again; drbdsetup removes them
//! on `del-minor`, `del-resource` and `down`.
//!
//! `DRBD_RUN_DIR` in the environment replaces `/var/run/drbd` (tests, packagers).

use std::io;
use std::path::{Path, PathBuf};

/// The directory of the links when `DRBD_RUN_DIR` is not set.
pub const DEFAULT_RUN_DIR: &str = "/var/run/drbd";

/// Where the links are.
pub fn run_dir() -> PathBuf {
    match std::env::var_os("DRBD_RUN_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(DEFAULT_RUN_DIR),
    }
}

/// One registry entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `drbd-minor-N.conf`.
    Minor(u32),
    /// `drbd-resource-NAME.conf`.
    Resource(String),
}

impl Entry {
    /// The link's path.
    pub fn link(&self) -> PathBuf {
        let dir = run_dir();
        match self {
            Entry::Minor(m) => dir.join(format!("drbd-minor-{m}.conf")),
            Entry::Resource(n) => dir.join(format!("drbd-resource-{n}.conf")),
        }
    }
}

/// Why an entry could not be written or removed; the texts are upstream's.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The config path is relative.
    #[error("File {0}: absolute path expected; won't register relative path.")]
    Relative(String),
    /// A file-system call failed.
    #[error("{0}: {1}")]
    Io(String, io::Error),
    /// The link could not be made.
    #[error("symlink({0}, {1}): {2}")]
    Symlink(String, String, io::Error),
}

/// Points `entry` at `config` (an absolute path). Nothing happens when it already points
/// there, or when `config` lies inside the run directory (a link loop).
pub fn register(entry: &Entry, config: &Path) -> Result<(), RegistryError> {
    if !config.is_absolute() {
        return Err(RegistryError::Relative(config.display().to_string()));
    }
    let dir = run_dir();
    if config.starts_with(&dir) {
        return Ok(());
    }
    let link = entry.link();
    if std::fs::read_link(&link).is_ok_and(|t| t == config) {
        return Ok(());
    }
    remove(&link)?;
    if let Err(e) = std::fs::create_dir(&dir) {
        if e.kind() != io::ErrorKind::AlreadyExists {
            return Err(RegistryError::Io(dir.display().to_string(), e));
        }
    } else {
        use std::os::unix::fs::PermissionsExt;
        // Upstream creates it with S_IRWXU.
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    }
    std::os::unix::fs::symlink(config, &link).map_err(|e| {
        RegistryError::Symlink(config.display().to_string(), link.display().to_string(), e)
    })
}

/// Removes `entry`; a missing link is fine.
pub fn unregister(entry: &Entry) -> Result<(), RegistryError> {
    remove(&entry.link())
}

fn remove(link: &Path) -> Result<(), RegistryError> {
    match std::fs::remove_file(link) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(RegistryError::Io(link.display().to_string(), e)),
    }
}

/// The config file `entry` points at, if it is registered.
pub fn lookup(entry: &Entry) -> Option<PathBuf> {
    let link = entry.link();
    // Upstream stats the link first: a dangling link counts as not registered.
    std::fs::metadata(&link).ok()?;
    std::fs::read_link(&link).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test, so the process-wide DRBD_RUN_DIR is not raced by another test.
    #[test]
    fn register_lookup_unregister() {
        let base = std::env::temp_dir().join(format!("drbd-registry-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).unwrap();
        let run = base.join("run");
        std::env::set_var("DRBD_RUN_DIR", &run);
        let conf = base.join("r0.res");
        std::fs::write(&conf, "resource r0 {}\n").unwrap();

        let m = Entry::Minor(7);
        let r = Entry::Resource("r0".into());
        assert_eq!(lookup(&m), None);
        register(&m, &conf).unwrap();
        register(&r, &conf).unwrap();
        assert_eq!(m.link(), run.join("drbd-minor-7.conf"));
        assert_eq!(lookup(&m).as_deref(), Some(conf.as_path()));
        assert_eq!(lookup(&r).as_deref(), Some(conf.as_path()));
        // Registering again, or somewhere else, replaces the link.
        let other = base.join("other.conf");
        std::fs::write(&other, "").unwrap();
        register(&m, &other).unwrap();
        assert_eq!(lookup(&m).as_deref(), Some(other.as_path()));
        // A relative path is refused with upstream's text; a path inside the run
        // directory is ignored.
        let e = register(&m, Path::new("rel.conf")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "File rel.conf: absolute path expected; won't register relative path."
        );
        register(&m, &run.join("x.conf")).unwrap();
        assert_eq!(lookup(&m).as_deref(), Some(other.as_path()));
        // A dangling link is not an entry.
        std::fs::remove_file(&other).unwrap();
        assert_eq!(lookup(&m), None);
        unregister(&m).unwrap();
        unregister(&m).unwrap();
        unregister(&r).unwrap();
        assert_eq!(lookup(&r), None);
        assert!(!m.link().exists());
        std::env::remove_var("DRBD_RUN_DIR");
        let _ = std::fs::remove_dir_all(&base);
    }
}
