//! The DRBD kernel module: whether it is loaded, loading it as upstream does when it is not
//! (`modprobe_drbd()`, `user/v9/drbdsetup_linux.c` and `user/v84/drbdsetup.c`), and which
//! generation it is (upstream's `drbd_driver_version()`, for the hand-over to the 8.4
//! personality). The machine is reached through [`Module`], so that tests can stand in.

use std::io::{self, Write};
use std::time::Duration;

use conf_parser::options::Dialect;

use crate::session::strerror;

/// What the module check needs from the machine.
pub trait Module {
    /// `stat("/proc/drbd")`.
    fn stat_proc_drbd(&self) -> io::Result<()>;
    /// `system("/sbin/modprobe drbd")`: whether it exited with 0.
    fn modprobe(&mut self) -> bool;
    /// The pause between two looks at `/proc/drbd` after a modprobe.
    fn pause(&mut self);
    /// The module's version text: `DRBD_DRIVER_VERSION_OVERRIDE`, else the `version:` of
    /// `/proc/drbd`.
    fn driver_version(&self) -> Option<String>;
}

/// The real machine: `/proc/drbd` and `/sbin/modprobe`.
#[derive(Debug, Default)]
pub struct System;

impl Module for System {
    fn stat_proc_drbd(&self) -> io::Result<()> {
        std::fs::metadata("/proc/drbd").map(|_| ())
    }

    fn modprobe(&mut self) -> bool {
        // Through the shell, as upstream's system(): a missing modprobe is reported by it,
        // as `sh: 1: ...` (system() names the shell `sh`).
        use std::os::unix::process::CommandExt as _;
        std::process::Command::new("/bin/sh")
            .arg0("sh")
            .args(["-c", "/sbin/modprobe drbd"])
            .status()
            .is_ok_and(|s| s.success())
    }

    fn pause(&mut self) {
        std::thread::sleep(Duration::from_millis(1));
    }

    fn driver_version(&self) -> Option<String> {
        if let Ok(v) = std::env::var("DRBD_DRIVER_VERSION_OVERRIDE") {
            return Some(v);
        }
        std::fs::read_to_string("/proc/drbd")
            .ok()
            .and_then(|text| version_of_proc_drbd(&text))
    }
}

/// The version after `version:` in `/proc/drbd` (`plus` before it is skipped, as
/// upstream's `parse_version()` does).
pub fn version_of_proc_drbd(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    words.find(|w| *w == "version:")?;
    words.find(|w| *w != "plus").map(str::to_string)
}

/// Whether a version text (`8.4.11`, `9.2.12-rc.1`) names DRBD 8.4.
pub fn is_84(version: &str) -> bool {
    let mut parts = version.split(['.', '-']);
    parts.next() == Some("8") && parts.next() == Some("4")
}

/// Upstream's `modprobe_drbd()`: true when `/proc/drbd` exists, if need be after
/// `modprobe drbd`; otherwise its messages are on `err`. The 8.4 tool does not report a
/// failed modprobe separately.
pub fn load(module: &mut dyn Module, dialect: Dialect, err: &mut dyn Write) -> bool {
    let mut state = module.stat_proc_drbd();
    if let Err(e) = &state {
        if e.kind() == io::ErrorKind::NotFound {
            if module.modprobe() {
                // The module needs a moment to create /proc/drbd: ten more looks.
                let mut retries = 10;
                loop {
                    state = module.stat_proc_drbd();
                    if state.is_ok() || retries == 0 {
                        break;
                    }
                    retries -= 1;
                    module.pause();
                }
            } else if dialect == Dialect::V9 {
                let _ = writeln!(err, "Failed to modprobe drbd ({})", error_text(e));
                return false;
            }
        }
    }
    match state {
        Ok(()) => true,
        Err(e) => {
            let _ = writeln!(err, "Could not stat /proc/drbd: {}", error_text(&e));
            let _ = writeln!(
                err,
                "Make sure that the DRBD kernel module is installed and can be loaded!"
            );
            false
        }
    }
}

/// `%m`: the C library's text of the error.
fn error_text(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(errno) => strerror(errno),
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A machine whose `/proc/drbd` appears after `appears_after` looks, if ever.
    struct Fake {
        modprobe_ok: bool,
        appears_after: Option<usize>,
        looks: std::cell::Cell<usize>,
        modprobes: usize,
    }

    impl Fake {
        fn new(modprobe_ok: bool, appears_after: Option<usize>) -> Fake {
            Fake {
                modprobe_ok,
                appears_after,
                looks: std::cell::Cell::new(0),
                modprobes: 0,
            }
        }
    }

    impl Module for Fake {
        fn stat_proc_drbd(&self) -> io::Result<()> {
            let n = self.looks.get();
            self.looks.set(n + 1);
            match self.appears_after {
                Some(k) if n >= k => Ok(()),
                _ => Err(io::Error::from_raw_os_error(2)),
            }
        }
        fn modprobe(&mut self) -> bool {
            self.modprobes += 1;
            self.modprobe_ok
        }
        fn pause(&mut self) {}
        fn driver_version(&self) -> Option<String> {
            None
        }
    }

    fn run(m: &mut Fake, d: Dialect) -> (bool, String) {
        let mut err = Vec::new();
        let ok = load(m, d, &mut err);
        (ok, String::from_utf8(err).unwrap_or_default())
    }

    #[test]
    fn a_loaded_module_is_not_probed() {
        let mut m = Fake::new(true, Some(0));
        assert_eq!(run(&mut m, Dialect::V9), (true, String::new()));
        assert_eq!(m.modprobes, 0);
    }

    #[test]
    fn after_a_modprobe_proc_drbd_is_awaited() {
        let mut m = Fake::new(true, Some(5));
        assert_eq!(run(&mut m, Dialect::V9), (true, String::new()));
        assert_eq!((m.modprobes, m.looks.get()), (1, 6));
    }

    #[test]
    fn a_module_that_never_shows_is_reported_after_eleven_looks() {
        let mut m = Fake::new(true, None);
        let (ok, err) = run(&mut m, Dialect::V9);
        assert!(!ok);
        assert_eq!(m.looks.get(), 12);
        assert_eq!(
            err,
            "Could not stat /proc/drbd: No such file or directory\n\
             Make sure that the DRBD kernel module is installed and can be loaded!\n"
        );
    }

    #[test]
    fn a_failed_modprobe_has_its_own_message_in_9_only() {
        let mut m = Fake::new(false, None);
        assert_eq!(
            run(&mut m, Dialect::V9),
            (
                false,
                "Failed to modprobe drbd (No such file or directory)\n".to_string()
            )
        );
        let mut m = Fake::new(false, None);
        let (ok, err) = run(&mut m, Dialect::V84);
        assert!(!ok);
        assert!(err.starts_with("Could not stat /proc/drbd: No such file or directory\n"));
    }

    #[test]
    fn versions_are_read_as_upstream() {
        let text = "version: 8.4.11 (api:1/proto:86-101)\nsrcversion: X\n";
        assert_eq!(version_of_proc_drbd(text).as_deref(), Some("8.4.11"));
        assert_eq!(
            version_of_proc_drbd("version: plus 9.2.12 (api:2)").as_deref(),
            Some("9.2.12")
        );
        assert!(is_84("8.4.11") && !is_84("9.2.12") && !is_84("8.40.1"));
    }
}
