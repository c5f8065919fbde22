//! Cross-tool tests: the runner for upstream's clitest conformance suite, and helpers for
//! the differential tests against drbd-utils.

pub mod bench;
pub mod clitest;
pub mod corpus;

use std::path::PathBuf;

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// Cargo's target directory: `$CARGO_TARGET_DIR`, else the workspace's.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
}

/// The drbd-utils 9.34 build tree that tests/setup.sh makes from `../shared/drbd-utils`:
/// `$DRBD_REFERENCE_DIR`, else `target/reference/drbd-utils-9.34.0`.
pub fn reference_dir() -> PathBuf {
    std::env::var_os("DRBD_REFERENCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("reference/drbd-utils-9.34.0"))
}

/// Where the built tools are: `$DRBD_BIN_DIR`, else the workspace's release build.
pub fn bin_dir() -> PathBuf {
    std::env::var_os("DRBD_BIN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("release"))
}

/// `../shared` beside the project, if present.
pub fn shared() -> Option<PathBuf> {
    let p = workspace().join("..").join("shared");
    p.is_dir().then_some(p)
}
