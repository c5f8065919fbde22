//! drbdmeta: create, dump, restore and check DRBD meta data, byte for byte
//! compatible with LINBIT's drbd-utils `drbdmeta`.
//!
//! The crate is organised by what each module holds: [`layout`] (offset
//! arithmetic), [`superblock`] (on-disk superblocks and validity),
//! [`al`] (activity log), [`bitmap`] (bitmap text form), [`restore`] (the
//! dump grammar), [`dump`] (other text renderings), [`device`] (I/O),
//! [`safety`] (data detection, locking, confirmations), [`lkbd`] (the
//! last-known-device file), [`cli`] (command line) and [`commands`] (the
//! commands themselves).  [`run`] is the whole program minus the exit.

#![warn(missing_docs)]

pub mod al;
pub mod bitmap;
pub mod cli;
pub mod commands;
pub mod device;
pub mod dump;
pub mod error;
pub mod layout;
pub mod lkbd;
pub mod restore;
pub mod safety;
pub mod superblock;

pub use error::{Error, Result};

/// strerror() text of an I/O error, without Rust's "(os error N)" suffix.
pub fn errno_text(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(n) => nix::errno::Errno::from_raw(n).desc().to_string(),
        None => e.to_string(),
    }
}

/// Run drbdmeta with `argv` (including argv[0]); returns the exit status.
/// Output goes to the process' stdout/stderr.
pub fn run(argv: &[String]) -> i32 {
    use std::io::Write;
    let res = commands::main(argv);
    let _ = std::io::stdout().flush();
    match res {
        Ok(code) => code,
        Err(e) => {
            let msg = e.to_string();
            if !msg.is_empty() {
                eprintln!("{msg}");
            }
            e.exit_code()
        }
    }
}
