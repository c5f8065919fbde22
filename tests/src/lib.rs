//! Cross-tool tests: the runner for upstream's clitest conformance suite, and helpers for
//! the differential tests against drbd-utils.

pub mod clitest;

use std::path::PathBuf;

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// Where the built tools are: `$DRBD_BIN_DIR`, else the workspace's release build.
pub fn bin_dir() -> PathBuf {
    std::env::var_os("DRBD_BIN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace().join("target"));
            target.join("release")
        })
}

/// `../shared` beside the project, if present.
pub fn shared() -> Option<PathBuf> {
    let p = workspace().join("..").join("shared");
    p.is_dir().then_some(p)
}
