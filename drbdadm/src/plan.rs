//! Plans: what drbdadm will run, as data. A command becomes immediate actions (run in the
//! order they were made) and deferred actions (run stage by stage across all resources, as
//! upstream's `schedule_deferred_cmd()` / `run_deferred_cmds()`). `-d` prints a plan; the
//! executor in [`crate::exec`] runs it.

/// How long a helper may run (upstream's SLEEPS_* classes; `cmd-timeout-*` in `global`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeout {
    /// `cmd-timeout-short` (5 s by default).
    Short,
    /// `cmd-timeout-medium` (600 s by default).
    Long,
    /// `cmd-timeout-long` (none by default).
    VeryLong,
    /// No limit (wait-connect).
    Forever,
}

/// What happens to a helper's stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stderr {
    /// Passed through; a failure (exit >= 10) is reported with upstream's
    /// "Command '...' terminated with exit code N" line.
    Show,
    /// Discarded, failures not reported (`SUPRESS_STDERR`).
    Suppress,
    /// Captured and shown only for exit codes 11 (unless `invalidate`) and 17
    /// (`__adm_drbdsetup_silent()`).
    Silent,
}

/// One helper invocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// The command line; `argv[0]` is `drbdsetup`, `drbdsetup-84`, `drbdmeta`, ...
    pub argv: Vec<String>,
    /// The resource it acts on (`-n VAR` prints it; `DRBD_RESOURCE` is set to it).
    pub res: Option<String>,
    /// Its time limit.
    pub timeout: Timeout,
    /// Its stderr.
    pub stderr: Stderr,
    /// Extra environment (kernel helper handlers).
    pub env: Vec<(String, String)>,
    /// The registry entry a success writes (`new-minor`, `new-resource`).
    pub registers: Option<conf_parser::registry::Entry>,
    /// Upstream's generic drbdsetup call (`__adm_drbdsetup()`, 8.4's `_adm_generic()`)
    /// exports `DRBD_RESOURCE` into drbdadm's own environment before it runs, so this
    /// and every later helper see it; the other helper calls do not set it.
    pub exports_resource: bool,
}

impl Invocation {
    /// A helper call with the default handling.
    pub fn new(argv: Vec<String>, res: Option<&str>, timeout: Timeout) -> Invocation {
        Invocation {
            argv,
            res: res.map(str::to_string),
            timeout,
            stderr: Stderr::Show,
            env: Vec::new(),
            registers: None,
            exports_resource: false,
        }
    }

    /// The same call, as upstream's generic drbdsetup call: see `exports_resource`.
    pub fn exporting_resource(mut self) -> Invocation {
        self.exports_resource = true;
        self
    }

    /// The same call with another stderr handling.
    pub fn with_stderr(mut self, s: Stderr) -> Invocation {
        self.stderr = s;
        self
    }

    /// The same call, writing `entry` into the registry when it succeeds.
    pub fn registering(mut self, entry: conf_parser::registry::Entry) -> Invocation {
        self.registers = Some(entry);
        self
    }

    /// The line `-d` prints: every word shell-escaped, joined by spaces.
    pub fn dry_run_line(&self) -> String {
        self.argv
            .iter()
            .map(|a| shell_escape(a))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Upstream's `shell_escape()`: a backslash before every character outside
/// `% + - . / 0-9 : = @ A-Z _ a-z`.
pub fn shell_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c.is_ascii_alphanumeric() || "%+-./:=@_".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An action and how its result is combined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Run one helper.
    Run(Invocation),
    /// Run in order; stop at the first non-zero exit code and return it.
    Seq(Vec<Action>),
    /// Run `first`; an exit code in `keep` is final; otherwise, when it failed (or always in
    /// a dry run, so `-d` shows both), run `then`. If `first` returned `remap.0` and `then`
    /// failed, the result is `remap.1` (upstream's outdate special case).
    Fallback {
        /// The kernel side (drbdsetup).
        first: Box<Action>,
        /// Exit codes of `first` that end the action.
        keep: Vec<i32>,
        /// The offline side (drbdmeta).
        then: Box<Action>,
        /// Also run `then` in a dry run.
        in_dry_run: bool,
        /// `(first's code, result if then failed)`.
        remap: Option<(i32, i32)>,
    },
    /// Print a message on stderr and return a code (a configuration problem found while
    /// planning, such as a missing disk).
    Fail {
        /// The message (without newline).
        message: String,
        /// The exit code.
        code: i32,
    },
    /// Print text on stdout (sh-* helpers).
    Print(String),
}

impl Action {
    /// A helper call that writes `entry` into the registry when it succeeds.
    pub fn registering(self, entry: Option<conf_parser::registry::Entry>) -> Action {
        match (self, entry) {
            (Action::Run(inv), Some(e)) => Action::Run(inv.registering(e)),
            (a, _) => a,
        }
    }

    /// Every helper call this action could make, in order, as `-d` prints them.
    pub fn dry_run_lines(&self, out: &mut Vec<Line>) {
        match self {
            Action::Run(inv) => out.push(Line::Stdout(inv.clone())),
            Action::Seq(v) => v.iter().for_each(|a| a.dry_run_lines(out)),
            Action::Fallback {
                first,
                then,
                in_dry_run,
                ..
            } => {
                first.dry_run_lines(out);
                if *in_dry_run {
                    then.dry_run_lines(out);
                }
            }
            Action::Fail { message, code } => out.push(Line::Fail(message.clone(), *code)),
            Action::Print(s) => out.push(Line::Text(s.clone())),
        }
    }
}

/// What a dry run shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A helper call (stdout).
    Stdout(Invocation),
    /// An error (stderr) with its code.
    Fail(String, i32),
    /// Text (stdout).
    Text(String),
}

/// Upstream's configuration stages (`enum drbd_cfg_stage`), in execution order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// new-resource.
    Prereq,
    /// resource-options.
    Resource,
    /// detach, del-minor.
    DiskPrepDown,
    /// new-minor.
    DiskPrepUp,
    /// disconnect.
    NetDisconnect,
    /// del-peer, del-path.
    NetPrepDown,
    /// new-peer.
    NetPrepUp,
    /// new-path.
    NetPath,
    /// net-options.
    Net,
    /// peer-device-options.
    PeerDevice,
    /// attach, disk-options, resize.
    Disk,
    /// connect.
    NetConnect,
    /// wait-connect (adjust).
    WaitConnect,
}

impl Stage {
    /// All stages in order.
    pub const ALL: [Stage; 13] = [
        Stage::Prereq,
        Stage::Resource,
        Stage::DiskPrepDown,
        Stage::DiskPrepUp,
        Stage::NetDisconnect,
        Stage::NetPrepDown,
        Stage::NetPrepUp,
        Stage::NetPath,
        Stage::Net,
        Stage::PeerDevice,
        Stage::Disk,
        Stage::NetConnect,
        Stage::WaitConnect,
    ];

    /// How `adjust-with-progress` names the stage (upstream's `drbd_cfg_stage_string`).
    pub fn progress_name(self) -> &'static str {
        match self {
            Stage::Prereq => "create res",
            Stage::Resource => "adjust res",
            Stage::DiskPrepDown | Stage::DiskPrepUp => "prepare disk",
            Stage::Disk => "adjust disk",
            Stage::NetDisconnect | Stage::NetPrepDown | Stage::NetPrepUp | Stage::NetPath => {
                "prepare net"
            }
            Stage::Net => "adjust net",
            Stage::PeerDevice => "adjust peer_devices",
            Stage::NetConnect => "attempt to connect",
            Stage::WaitConnect => "",
        }
    }

    /// A failure here skips the resource's remaining deferred commands.
    pub fn is_prerequisite(self) -> bool {
        matches!(
            self,
            Stage::Prereq
                | Stage::DiskPrepDown
                | Stage::DiskPrepUp
                | Stage::NetPrepDown
                | Stage::NetPrepUp
        )
    }
}

/// A deferred action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deferred {
    /// Its stage.
    pub stage: Stage,
    /// The resource.
    pub res: String,
    /// What to run.
    pub action: Action,
    /// Runs only after this one (an index into [`Plan::deferred`]) has run.
    pub depends_on: Option<usize>,
    /// A key for "schedule once" (adjust): a second request with the same key is merged.
    pub once_key: Option<String>,
}

/// Immediate actions per resource, and deferred ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Actions to run now, in order; each with its resource (for messages).
    pub immediate: Vec<(Option<String>, Action)>,
    /// Deferred actions in scheduling order.
    pub deferred: Vec<Deferred>,
}

impl Plan {
    /// Adds an immediate action.
    pub fn now(&mut self, res: Option<&str>, a: Action) {
        self.immediate.push((res.map(str::to_string), a));
    }

    /// Schedules a deferred action; returns its index. With `once_key`, an earlier action
    /// with the same stage and key is returned instead.
    pub fn defer(
        &mut self,
        stage: Stage,
        res: &str,
        action: Action,
        depends_on: Option<usize>,
        once_key: Option<String>,
    ) -> usize {
        if let Some(k) = &once_key {
            if let Some(i) = self
                .deferred
                .iter()
                .position(|d| d.stage == stage && d.once_key.as_ref() == Some(k))
            {
                return i;
            }
        }
        self.deferred.push(Deferred {
            stage,
            res: res.to_string(),
            action,
            depends_on,
            once_key,
        });
        self.deferred.len() - 1
    }

    /// The deferred actions in the order they run (stage by stage, then scheduling order).
    pub fn deferred_order(&self) -> Vec<usize> {
        // Upstream's loop: stage by stage, skipping what waits for a command not yet run,
        // and again from the first stage until everything ran.
        let n = self.deferred.len();
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        loop {
            let before = order.len();
            for stage in Stage::ALL {
                for i in 0..n {
                    let d = &self.deferred[i];
                    if d.stage != stage || done[i] || d.depends_on.is_some_and(|p| !done[p]) {
                        continue;
                    }
                    done[i] = true;
                    order.push(i);
                }
            }
            if order.len() == n || order.len() == before {
                return order;
            }
        }
    }

    /// What `-d` prints, in order.
    pub fn dry_run_lines(&self) -> Vec<Line> {
        let mut out = Vec::new();
        for (_, a) in &self.immediate {
            a.dry_run_lines(&mut out);
        }
        for i in self.deferred_order() {
            self.deferred[i].action.dry_run_lines(&mut out);
        }
        out
    }

    /// The helper calls as `-d` prints them (stdout lines only).
    pub fn render(&self) -> String {
        let mut s = String::new();
        for l in self.dry_run_lines() {
            match l {
                Line::Stdout(inv) => {
                    s.push_str(&inv.dry_run_line());
                    s.push('\n');
                }
                Line::Text(t) => s.push_str(&t),
                Line::Fail(..) => {}
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_escape_matches_upstream() {
        assert_eq!(shell_escape("ipv4:10.1.1.31:7000"), "ipv4:10.1.1.31:7000");
        assert_eq!(shell_escape("--_name=a b"), "--_name=a\\ b");
        assert_eq!(shell_escape("x'y\"z"), "x\\'y\\\"z");
        assert_eq!(shell_escape("/dev/disk/by-id/a,b"), "/dev/disk/by-id/a\\,b");
    }

    #[test]
    fn deferred_actions_run_stage_by_stage() {
        let run = |w: &str| {
            Action::Run(Invocation::new(
                vec!["drbdsetup".into(), w.into()],
                Some("r"),
                Timeout::Short,
            ))
        };
        let mut p = Plan::default();
        p.defer(Stage::NetConnect, "r0", run("connect"), None, None);
        let a = p.defer(Stage::Prereq, "r0", run("new-resource"), None, None);
        p.defer(Stage::DiskPrepUp, "r0", run("new-minor"), Some(a), None);
        p.defer(Stage::Prereq, "r1", run("new-resource"), None, None);
        assert_eq!(
            p.render(),
            "drbdsetup new-resource\ndrbdsetup new-resource\ndrbdsetup new-minor\ndrbdsetup connect\n"
        );
        let once = p.defer(Stage::Net, "r0", run("x"), None, Some("k".into()));
        assert_eq!(
            p.defer(Stage::Net, "r0", run("y"), None, Some("k".into())),
            once
        );
    }
}
