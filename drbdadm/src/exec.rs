//! Runs plans: each helper with its time limit and stderr handling, upstream's failure
//! lines, fallbacks, and the deferred stages (`m__system()` in shared_main.c,
//! `run_deferred_cmds()` in drbdadm_main.c).

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::plan::{Action, Invocation, Line, Plan, Stderr, Timeout};

/// How helpers run.
pub struct Executor {
    /// `-d`: print, run nothing.
    pub dry_run: bool,
    /// `-v`: print and run.
    pub verbose: bool,
    /// `-n VAR`: print `VAR=RES` before each command.
    pub sh_varname: Option<String>,
    /// `cmd-timeout-short` (seconds).
    pub timeout_short: u32,
    /// `cmd-timeout-medium`.
    pub timeout_medium: u32,
    /// `cmd-timeout-long` (0: none).
    pub timeout_long: u32,
    /// `adjust-with-progress`: one line per stage naming the resources, helpers' stderr
    /// suppressed, failures shown inline.
    pub progress: bool,
    /// The canonical config path the registry entries point at (None: write none).
    pub registry: Option<std::path::PathBuf>,
    /// The `DRBD_RESOURCE` drbdadm has exported so far (upstream sets it in its own
    /// environment, so it sticks for the helpers that follow).
    pub exported: std::cell::RefCell<Option<String>>,
}

/// A helper ran past its time limit: drbdadm stops (exit 20).
#[derive(Debug)]
pub struct Stop(pub i32);

impl Executor {
    fn announce(&self, inv: &Invocation) {
        let mut out = std::io::stdout().lock();
        if let Some(var) = &self.sh_varname {
            let _ = writeln!(
                out,
                "{var}={}",
                inv.res
                    .as_deref()
                    .map(crate::plan::shell_escape)
                    .unwrap_or_default()
            );
        }
        let _ = writeln!(out, "{}", inv.dry_run_line());
        let _ = out.flush();
    }

    /// Runs one helper; returns its exit code.
    pub fn run_one(&self, inv: &Invocation) -> Result<i32, Stop> {
        if self.dry_run || self.verbose {
            self.announce(inv);
        }
        if self.dry_run {
            return Ok(0);
        }
        let _ = std::io::stdout().flush();
        let limit = match inv.timeout {
            Timeout::Short => self.timeout_short,
            Timeout::Long => self.timeout_medium,
            Timeout::VeryLong => self.timeout_long,
            Timeout::Forever => 0,
        };
        let mut cmd = self.command(inv);
        cmd.stdin(Stdio::inherit()).stdout(Stdio::inherit());
        let stderr_mode = if self.progress && inv.stderr == Stderr::Show {
            Stderr::Suppress
        } else {
            inv.stderr
        };
        match stderr_mode {
            Stderr::Show => cmd.stderr(Stdio::inherit()),
            Stderr::Suppress => cmd.stderr(Stdio::null()),
            Stderr::Silent => cmd.stderr(Stdio::piped()),
        };
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("Can not exec {}: {e}", inv.argv[0]);
                return Ok(20);
            }
        };
        let mut captured = Vec::new();
        let reader = child.stderr.take().map(|mut s| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = s.read_to_end(&mut buf);
                buf
            })
        });
        let code = match wait_limited(&mut child, limit) {
            Ok(Some(status)) => status.code().unwrap_or(20),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                eprintln!(
                    "Command '{}' did not terminate within {limit} seconds",
                    inv.argv.join(" ")
                );
                return Err(Stop(20));
            }
            Err(_) => 20,
        };
        if let Some(r) = reader {
            captured = r.join().unwrap_or_default();
        }
        if let (0, Some(entry), Some(config)) = (code, &inv.registers, &self.registry) {
            // As upstream, a registry failure is reported but does not fail the command.
            if let Err(e) = conf_parser::registry::register(entry, config) {
                eprintln!("{e}");
            }
        }
        match stderr_mode {
            Stderr::Show => {
                if code >= 10 && inv.timeout != Timeout::Forever {
                    eprintln!(
                        "Command '{}' terminated with exit code {code}",
                        inv.argv.join(" ")
                    );
                }
            }
            Stderr::Silent => {
                let is_invalidate = inv.argv.get(1).is_some_and(|c| c == "invalidate");
                if (code == 11 && !is_invalidate) || code == 17 {
                    let _ = std::io::stderr().write_all(&captured);
                }
            }
            Stderr::Suppress => {}
        }
        Ok(code)
    }

    /// Starts one helper without waiting for it (upstream's `RETURN_PID`); in a dry run it
    /// is only printed. A helper that cannot start is reported and left out.
    pub fn spawn(&self, inv: &Invocation) -> Option<std::process::Child> {
        if self.dry_run || self.verbose {
            self.announce(inv);
        }
        if self.dry_run {
            return None;
        }
        let _ = std::io::stdout().flush();
        match self.command(inv).stdin(Stdio::null()).spawn() {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("Can not exec {}: {e}", inv.argv[0]);
                None
            }
        }
    }

    /// The helper's process: its program found as upstream finds it, its arguments, the
    /// exported `DRBD_RESOURCE` and the invocation's extra environment.
    fn command(&self, inv: &Invocation) -> Command {
        let mut cmd = Command::new(resolve(&inv.argv[0]));
        cmd.args(&inv.argv[1..]);
        if inv.exports_resource {
            if let Some(r) = &inv.res {
                *self.exported.borrow_mut() = Some(r.clone());
            }
        }
        // A handler's environment is exported as well (`setenv()` in upstream's
        // `adm_khelper()`).
        if let Some((_, r)) = inv.env.iter().find(|(k, _)| k == "DRBD_RESOURCE") {
            *self.exported.borrow_mut() = Some(r.clone());
        }
        if let Some(r) = self.exported.borrow().as_ref() {
            cmd.env("DRBD_RESOURCE", r);
        }
        cmd.envs(inv.env.iter().map(|(k, v)| (k, v)));
        cmd
    }

    /// Runs an action; returns its exit code.
    pub fn run_action(&self, a: &Action) -> Result<i32, Stop> {
        match a {
            Action::Run(inv) => self.run_one(inv),
            Action::Seq(v) => {
                for a in v {
                    let rv = self.run_action(a)?;
                    if rv != 0 {
                        return Ok(rv);
                    }
                }
                Ok(0)
            }
            Action::Fallback {
                first,
                keep,
                then,
                in_dry_run,
                remap,
            } => {
                let rv = self.run_action(first)?;
                if keep.contains(&rv) {
                    return Ok(rv);
                }
                if rv != 0 || (self.dry_run && *in_dry_run) {
                    let rv2 = self.run_action(then)?;
                    if let Some((from, to)) = remap {
                        if rv == *from {
                            return Ok(if rv2 != 0 { *to } else { 0 });
                        }
                    }
                    return Ok(rv2);
                }
                Ok(rv)
            }
            Action::Fail { message, code } => {
                eprintln!("{message}");
                Ok(*code)
            }
            Action::Print(s) => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(s.as_bytes());
                let _ = out.flush();
                Ok(0)
            }
        }
    }

    /// Runs the deferred part of a plan stage by stage; returns 0, or 1 as soon as a stage
    /// had a failure (as upstream's `run_deferred_cmds()`).
    pub fn run_deferred(&self, plan: &Plan) -> Result<i32, Stop> {
        let n = plan.deferred.len();
        let mut done = vec![false; n];
        let mut skip_res: Vec<String> = Vec::new();
        let mut ret = 0;
        let say = |s: &str| {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(s.as_bytes());
            let _ = out.flush();
        };
        if self.progress {
            say("[");
        }
        loop {
            let mut progressed = false;
            for stage in crate::plan::Stage::ALL {
                let mut failed = false;
                let mut last_res: Option<&str> = None;
                let ready = |i: usize, done: &[bool]| {
                    let d = &plan.deferred[i];
                    d.stage == stage && !done[i] && d.depends_on.is_none_or(|p| done[p])
                };
                if self.progress && (0..n).any(|i| ready(i, &done)) {
                    say(&format!("\n{:>15}:", stage.progress_name()));
                }
                for i in 0..n {
                    if !ready(i, &done) {
                        continue;
                    }
                    let d = &plan.deferred[i];
                    progressed = true;
                    done[i] = true;
                    if skip_res.contains(&d.res) {
                        if self.progress {
                            if last_res != Some(d.res.as_str()) {
                                say(&format!(" [skipped:{}]", d.res));
                            }
                        } else {
                            let name = first_word(&d.action);
                            eprintln!("drbdadm: {name} {}: skipped due to earlier error", d.res);
                        }
                        last_res = Some(&d.res);
                        continue;
                    }
                    if self.progress && last_res != Some(d.res.as_str()) {
                        say(&format!(" {}", d.res));
                    }
                    last_res = Some(&d.res);
                    let r = self.run_action(&d.action)?;
                    if r != 0 {
                        failed = true;
                        if stage.is_prerequisite() && !skip_res.contains(&d.res) {
                            skip_res.push(d.res.clone());
                        }
                        if self.progress {
                            say(&format!(":failed({}:{r})", first_word(&d.action)));
                        }
                    }
                }
                if failed {
                    if !self.progress {
                        return Ok(1);
                    }
                    ret = 1;
                }
            }
            if !progressed || done.iter().all(|d| *d) {
                if self.progress {
                    say("\n]\n");
                }
                return Ok(ret);
            }
        }
    }
}

/// Waits for `child` to end, at most `limit` seconds (0: no limit); `Ok(None)` when the
/// time ran out. Sleeps in the kernel until the child exits (a pidfd becomes readable then)
/// instead of polling: on a slow single-CPU machine (the QEMU guests) a poll every few
/// milliseconds takes the CPU away from the helper it waits for. Without pidfds (Linux
/// before 5.3) it falls back to polling.
fn wait_limited(child: &mut Child, limit: u32) -> std::io::Result<Option<ExitStatus>> {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    use rustix::process::{pidfd_open, Pid, PidfdFlags};
    if limit == 0 {
        return child.wait().map(Some);
    }
    let deadline = Instant::now() + Duration::from_secs(u64::from(limit));
    let pidfd = i32::try_from(child.id())
        .ok()
        .and_then(Pid::from_raw)
        .and_then(|pid| pidfd_open(pid, PidfdFlags::empty()).ok());
    if let Some(fd) = pidfd {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let ts = Timespec {
                tv_sec: left.as_secs().try_into().unwrap_or(i64::MAX),
                tv_nsec: i64::from(left.subsec_nanos()),
            };
            let mut fds = [PollFd::new(&fd, PollFlags::IN)];
            match poll(&mut fds, Some(&ts)) {
                Ok(0) => return child.try_wait(),
                Ok(_) => return child.wait().map(Some),
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => break,
            }
        }
    }
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn first_word(a: &Action) -> String {
    let mut lines = Vec::new();
    a.dry_run_lines(&mut lines);
    // The drbdsetup call names the command (attach runs drbdmeta first).
    let invs: Vec<Invocation> = lines
        .into_iter()
        .filter_map(|l| match l {
            Line::Stdout(inv) => Some(inv),
            _ => None,
        })
        .collect();
    invs.iter()
        .rev()
        .find(|i| i.argv[0].contains("drbdsetup"))
        .or(invs.first())
        .and_then(|i| i.argv.get(1).cloned())
        .unwrap_or_default()
}

/// A bare helper name is looked up in PATH, then next to drbdadm itself, then in the
/// system folders (handlers run with a minimal PATH).
pub(crate) fn resolve(name: &str) -> std::path::PathBuf {
    use std::path::PathBuf;
    if name.contains('/') {
        return PathBuf::from(name);
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(d) = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(PathBuf::from))
    {
        dirs.push(d);
    }
    // Debian keeps the 8.4 personalities (drbdsetup-84) in /usr/lib/drbd.
    dirs.extend(
        [
            "/usr/sbin",
            "/sbin",
            "/usr/local/sbin",
            "/usr/lib/drbd",
            "/lib/drbd",
        ]
        .map(PathBuf::from),
    );
    dirs.into_iter()
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
        .unwrap_or_else(|| PathBuf::from(name))
}

fn is_executable(p: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spawn(script: &str) -> Child {
        Command::new("sh")
            .args(["-c", script])
            .spawn()
            .expect("spawn sh")
    }

    #[test]
    fn waits_for_the_exit_code_without_a_limit_and_within_one() {
        let mut c = spawn("exit 3");
        assert_eq!(wait_limited(&mut c, 0).unwrap().unwrap().code(), Some(3));
        let mut c = spawn("sleep 0.2; exit 4");
        assert_eq!(wait_limited(&mut c, 5).unwrap().unwrap().code(), Some(4));
    }

    #[test]
    fn a_helper_past_its_limit_is_reported_as_such() {
        let mut c = spawn("sleep 5");
        let start = Instant::now();
        assert!(wait_limited(&mut c, 1).unwrap().is_none());
        let waited = start.elapsed();
        assert!(waited >= Duration::from_secs(1) && waited < Duration::from_secs(4));
        let _ = c.kill();
        let _ = c.wait();
    }

    #[test]
    fn drbd_resource_is_set_by_generic_calls_and_sticks() {
        let exec = Executor {
            dry_run: false,
            verbose: false,
            sh_varname: None,
            timeout_short: 5,
            timeout_medium: 5,
            timeout_long: 0,
            progress: false,
            registry: None,
            exported: std::cell::RefCell::new(None),
        };
        let sh = |script: &str, res: &str| {
            Invocation::new(
                vec!["sh".into(), "-c".into(), script.into()],
                Some(res),
                Timeout::Short,
            )
        };
        // A specialised call (attach, resize, drbdmeta...) does not export its resource.
        let plain = sh(r#"[ "$DRBD_RESOURCE" != a ]"#, "a");
        assert_eq!(exec.run_one(&plain).unwrap(), 0);
        let generic = sh(r#"[ "$DRBD_RESOURCE" = b ]"#, "b").exporting_resource();
        assert_eq!(exec.run_one(&generic).unwrap(), 0);
        // Later calls keep seeing it.
        let later = sh(r#"[ "$DRBD_RESOURCE" = b ]"#, "c");
        assert_eq!(exec.run_one(&later).unwrap(), 0);
    }
}
