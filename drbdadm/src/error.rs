//! drbdadm's errors and the one place they become exit codes (drbd-utils'
//! `user/shared/shared_main.h`: E_USAGE 1, E_SYNTAX 2, E_CONFIG_INVALID 10,
//! E_EXEC_ERROR 20).

/// Exit codes as upstream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum ExitCode {
    /// Success.
    Ok = 0,
    /// E_USAGE: bad command line, unknown resource for this host.
    Usage = 1,
    /// E_CONFIG_INVALID: the configuration has errors.
    ConfigInvalid = 10,
    /// E_EXEC_ERROR: a helper could not run, or something else failed.
    Exec = 20,
}

/// Why drbdadm stops.
#[derive(Debug, thiserror::Error)]
pub enum AdmError {
    /// A command-line mistake.
    #[error("{0}")]
    Usage(String),
    /// The configuration is invalid; the diagnostics were already printed.
    #[error("the configuration is invalid")]
    ConfigInvalid,
    /// A configuration file could not be read.
    #[error("{path}: {source}")]
    ConfigRead {
        /// The file.
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// Something not yet available in this version.
    #[error("{0}")]
    Unsupported(String),
    /// Stop with this exit code; the reason was already printed.
    #[error("exit {0}")]
    Exit(i32),
}

impl AdmError {
    /// The exit code upstream uses for this situation.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            AdmError::Usage(_) => ExitCode::Usage,
            AdmError::ConfigInvalid => ExitCode::ConfigInvalid,
            AdmError::ConfigRead { .. } => ExitCode::ConfigInvalid,
            AdmError::Unsupported(_) | AdmError::Exit(_) => ExitCode::Exec,
        }
    }

    /// The process exit code.
    pub fn code(&self) -> i32 {
        match self {
            AdmError::Exit(c) => *c,
            e => e.exit_code() as i32,
        }
    }
}
