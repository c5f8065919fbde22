//! Error type of the drbdmeta library.
//!
//! Upstream `drbdmeta.c` calls `exit()` from deep inside its helpers with a
//! handful of fixed codes (10 sanity, 20 open/usage, 40 refused, ...) and
//! otherwise turns a command's `-1` into exit status 255.  We model each of
//! those as a variant; `main` maps them to the exit code in one place
//! ([`Error::exit_code`]).  The message, if not empty, goes to stderr.

use thiserror::Error;

/// Every way a drbdmeta run can end other than success.
#[derive(Debug, Error)]
pub enum Error {
    /// Bad command line, unknown command/format, cannot open or lock (exit 20).
    #[error("{0}")]
    Usage(String),
    /// Sanity check failed, parse error, I/O error on the meta data device (exit 10).
    #[error("{0}")]
    Sanity(String),
    /// `check_for_existing_data()` refused to overwrite data (exit 40).
    #[error("{0}")]
    Refused(String),
    /// The user did not confirm (exit 1); the "Operation cancelled." text is
    /// already printed to stdout like upstream does.
    #[error("{0}")]
    Cancelled(String),
    /// A command returned -1 upstream (exit 255).
    #[error("{0}")]
    Failed(String),
    /// A command-specific exit status (dump-superblock 2/3, outdate 5, apply-al 1/2, ...).
    #[error("{msg}")]
    Status {
        /// The process exit status.
        code: i32,
        /// Message for stderr, may be empty.
        msg: String,
    },
    /// An internal inconsistency that upstream reports as a bug (exit 111).
    #[error("{0}")]
    Bug(String),
}

impl Error {
    /// The process exit status upstream uses for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 20,
            Error::Sanity(_) => 10,
            Error::Refused(_) => 40,
            Error::Cancelled(_) => 1,
            Error::Failed(_) => 255,
            Error::Status { code, .. } => *code,
            Error::Bug(_) => 111,
        }
    }

    /// Shorthand for a sanity (exit 10) error.
    pub fn sanity(msg: impl Into<String>) -> Self {
        Error::Sanity(msg.into())
    }

    /// Shorthand for a usage/open (exit 20) error.
    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage(msg.into())
    }

    /// Shorthand for a failed command (upstream `return -1`, exit 255).
    pub fn failed(msg: impl Into<String>) -> Self {
        Error::Failed(msg.into())
    }
}

/// Result alias used throughout the crate.
pub type Result<T> = std::result::Result<T, Error>;
