//! `wait-con-int`: the boot-time wait for the peers (upstream's `adm_wait_ci()`). One
//! `wait-connect` helper per resource (8.4: per volume) runs in the background; after ten
//! seconds of dots the operator sees the timeouts of the first resource and may type `yes`
//! (or ctrl-c / ctrl-d three times in a raw tty) to stop waiting. Without a terminal the
//! dialog goes to `/dev/console`; without a console it only says how to kill the wait.
//! The exit code is always 0, as upstream: the boot goes on either way.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd};
use std::process::Child;
use std::time::{Duration, Instant};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use conf_parser::Dialect;

use crate::exec::Executor;
use crate::expand::{find_opt, XRes};
use crate::gen::Gen;
use crate::plan::{Invocation, Timeout};

/// The helper calls: `drbdsetup wait-connect-resource RES <startup options>` (9) or
/// `drbdsetup-84 wait-connect MINOR <startup options>` (8.4), for the resources that are
/// not ignored and match `-S`, in config order.
pub fn calls(gen: &Gen<'_>, stacked: bool) -> Vec<Invocation> {
    let mut v = Vec::new();
    for res in gen
        .x
        .resources
        .iter()
        .filter(|r| !r.ignore && r.stacked == stacked)
    {
        let mut argv = vec![gen.tools.drbdsetup.clone()];
        match gen.dialect {
            Dialect::V9 => {
                argv.push("wait-connect-resource".into());
                argv.push(res.name.clone());
                argv.extend(gen.make_options(&res.startup, "wait-connect-resource"));
                v.push(Invocation::new(argv, Some(&res.name), Timeout::Forever));
            }
            Dialect::V84 => {
                let Some(me) = res.me() else { continue };
                for vol in &me.volumes {
                    let mut a = argv.clone();
                    a.push("wait-connect".into());
                    a.push(vol.minor_str());
                    a.extend(Gen::opts84(&res.startup));
                    v.push(Invocation::new(a, Some(&res.name), Timeout::Forever));
                }
            }
        }
    }
    v
}

/// The banner's facts: the first resource of the config and its two timeouts.
pub struct Banner {
    /// Its name.
    pub resource: String,
    /// `degr-wfc-timeout` ("0" when not set).
    pub degr_wfc: String,
    /// `wfc-timeout` ("0" when not set).
    pub wfc: String,
}

impl Banner {
    /// Taken from the first resource (upstream looks at the head of the config list).
    pub fn of(first: Option<&XRes>) -> Banner {
        let get = |name: &str| {
            first
                .and_then(|r| find_opt(&r.startup, name))
                .and_then(|o| o.value.clone())
                .unwrap_or_else(|| "0".into())
        };
        Banner {
            resource: first.map(|r| r.name.clone()).unwrap_or_default(),
            degr_wfc: get("degr-wfc-timeout"),
            wfc: get("wfc-timeout"),
        }
    }

    fn text(&self) -> String {
        format!(
            "\n***************************************************************\n \
             DRBD's startup script waits for the peer node(s) to appear.\n \
             - If this node was already a degraded cluster before the\n   \
             reboot, the timeout is {} seconds. [degr-wfc-timeout]\n \
             - If the peer was available before the reboot, the timeout\n   \
             is {} seconds. [wfc-timeout]\n   \
             (These values are for resource '{}'; 0 sec -> wait forever)\n",
            self.degr_wfc, self.wfc, self.resource
        )
    }
}

const NOT_A_TTY: &str = "WARN: stdin/stdout is not a TTY; using /dev/console";

/// Runs the wait; `refresh` is `dialog-refresh` (0: redraw only on input).
pub fn run(
    exec: &Executor,
    calls: &[Invocation],
    banner: &Banner,
    no_tty: bool,
    refresh: u32,
) -> i32 {
    let mut console = None;
    if no_tty {
        // Both streams, without a newline, as upstream.
        eprint!("{NOT_A_TTY}");
        print!("{NOT_A_TTY}");
        let _ = std::io::stdout().flush();
        if !exec.dry_run {
            console = Console::open();
        }
    }
    let mut children: Vec<Child> = calls.iter().filter_map(|c| exec.spawn(c)).collect();
    let have_tty = !no_tty || console.is_some();

    let start = Instant::now();
    let mut running = any_running(&mut children);
    for _ in 0..10 {
        if !running {
            break;
        }
        running = wait_children(&mut children, Duration::from_secs(1));
        if !running {
            break;
        }
        print!(".");
        let _ = std::io::stdout().flush();
    }
    if running {
        print!("{}", banner.text());
        if !have_tty {
            println!(
                " To abort waiting for DRBD connections, kill this process: kill {}",
                std::process::id()
            );
            let _ = std::io::stdout().flush();
            while any_running(&mut children) {
                std::thread::sleep(Duration::from_millis(100));
            }
        } else {
            dialog(&mut children, start, refresh);
        }
    }
    if let Some(c) = console {
        c.restore();
    }
    0
}

/// The `yes` prompt, until the helpers end or the operator gives up waiting.
fn dialog(children: &mut [Child], start: Instant, refresh: u32) {
    // Boot splashes step aside; the tty goes back to canonical mode.
    let _ = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg("exec > /dev/null 2>&1; plymouth quit ; usplash_write QUIT ; stty echo icanon icrnl")
        .status();
    let mut out = std::io::stdout();
    let _ = write!(out, " To abort waiting enter 'yes' [ -- ]: ");
    let mut answer = Answer::default();
    let mut stdin_open = true;
    loop {
        let _ = write!(
            out,
            "\x1b[s\x1b[31G[{:4}]:\x1b[u",
            start.elapsed().as_secs()
        );
        let _ = out.flush();
        let limit = (refresh > 0).then(|| Duration::from_secs(u64::from(refresh)));
        match read_or_wait(children, &mut stdin_open, limit) {
            Input::Done => break,
            Input::Timeout => continue,
            Input::Line(bytes) => {
                if answer.feed(&bytes) {
                    stop(children);
                    break;
                }
                let _ = write!(out, " To abort waiting enter 'yes' [ -- ]:");
            }
        }
    }
    let _ = writeln!(out);
}

/// What the operator typed so far, as upstream tracks it: a whole `yes` line, or `y`,
/// `e`, `s`, newline one character at a time (a raw tty), or ctrl-c / ctrl-d three times.
struct Answer {
    /// Characters of "yes\n" matched so far; `None` after a mismatch.
    yes: Option<usize>,
    ctrl_c: u32,
    ctrl_d: u32,
}

impl Default for Answer {
    fn default() -> Self {
        Answer {
            yes: Some(0),
            ctrl_c: 0,
            ctrl_d: 0,
        }
    }
}

impl Answer {
    /// Takes one read's bytes; true when waiting should stop.
    fn feed(&mut self, bytes: &[u8]) -> bool {
        const YES: &[u8] = b"yes\n";
        if let [c] = bytes {
            match c {
                3 => self.ctrl_c += 1,
                4 => self.ctrl_d += 1,
                _ => {}
            }
            self.yes = match self.yes {
                Some(i) if YES.get(i) == Some(c) => Some(i + 1),
                _ if *c == b'\n' => Some(0),
                _ => None,
            };
        }
        bytes == YES || self.yes == Some(YES.len()) || self.ctrl_c >= 3 || self.ctrl_d >= 3
    }
}

enum Input {
    /// Every helper has ended.
    Done,
    /// The redraw interval passed.
    Timeout,
    /// One read from stdin.
    Line(Vec<u8>),
}

/// Waits for input on stdin, the end of all helpers, or `limit`.
fn read_or_wait(children: &mut [Child], stdin_open: &mut bool, limit: Option<Duration>) -> Input {
    let start = Instant::now();
    loop {
        if !any_running(children) {
            return Input::Done;
        }
        if limit.is_some_and(|l| start.elapsed() >= l) {
            return Input::Timeout;
        }
        if !*stdin_open {
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        let stdin = std::io::stdin();
        let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(100u16)) {
            Ok(0) => continue,
            Ok(_) => {
                let mut buf = [0u8; 39];
                match nix::unistd::read(stdin.as_raw_fd(), &mut buf) {
                    // End of file: stop reading, keep waiting for the helpers.
                    Ok(0) => *stdin_open = false,
                    Ok(n) => return Input::Line(buf[..n].to_vec()),
                    Err(nix::errno::Errno::EINTR) => {}
                    Err(_) => *stdin_open = false,
                }
            }
            Err(nix::errno::Errno::EINTR) => {}
            Err(_) => *stdin_open = false,
        }
    }
}

fn any_running(children: &mut [Child]) -> bool {
    children
        .iter_mut()
        .any(|c| matches!(c.try_wait(), Ok(None)))
}

/// Waits up to `d` for all helpers to end; true if some still run.
fn wait_children(children: &mut [Child], d: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < d {
        if !any_running(children) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    any_running(children)
}

/// SIGINT to every helper still running, then reaps them.
fn stop(children: &mut [Child]) {
    for c in children.iter_mut() {
        if matches!(c.try_wait(), Ok(None)) {
            if let Ok(pid) = i32::try_from(c.id()) {
                let _ = kill(Pid::from_raw(pid), Signal::SIGINT);
            }
        }
    }
    for c in children.iter_mut() {
        let _ = c.wait();
    }
}

/// stdin and stdout moved to `/dev/console`, and the saved originals.
struct Console {
    saved_in: std::os::fd::OwnedFd,
    saved_out: std::os::fd::OwnedFd,
}

impl Console {
    fn open() -> Option<Console> {
        let read = match File::open("/dev/console") {
            Ok(f) => f,
            Err(e) => {
                eprintln!("open('/dev/console, O_RDONLY): {e}");
                return None;
            }
        };
        let saved_in = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
        let saved_out = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
        let _ = nix::unistd::dup2(read.as_raw_fd(), 0);
        match OpenOptions::new().write(true).open("/dev/console") {
            Ok(w) => {
                let _ = nix::unistd::dup2(w.as_raw_fd(), 1);
            }
            Err(e) => eprintln!("open('/dev/console, O_WRONLY): {e}"),
        }
        Some(Console {
            saved_in,
            saved_out,
        })
    }

    fn restore(self) {
        let _ = std::io::stdout().flush();
        let _ = nix::unistd::dup2(self.saved_in.as_raw_fd(), 0);
        let _ = nix::unistd::dup2(self.saved_out.as_raw_fd(), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::Answer;

    fn stops(reads: &[&[u8]]) -> bool {
        let mut a = Answer::default();
        reads.iter().any(|r| a.feed(r))
    }

    #[test]
    fn yes_as_a_line_or_one_character_at_a_time() {
        assert!(stops(&[b"yes\n"]));
        assert!(stops(&[b"y", b"e", b"s", b"\n"]));
        assert!(stops(&[b"x", b"\n", b"y", b"e", b"s", b"\n"]));
        assert!(!stops(&[b"no\n", b"y", b"x", b"s", b"\n"]));
        assert!(!stops(&[b"yes"]));
        assert!(!stops(&[b"ye", b"s\n"]));
    }

    #[test]
    fn three_ctrl_c_or_ctrl_d() {
        assert!(stops(&[b"\x03", b"\x03", b"\x03"]));
        assert!(stops(&[b"\x04", b"x", b"\x04", b"\x04"]));
        assert!(!stops(&[b"\x03", b"\x04", b"\x03"]));
    }
}
