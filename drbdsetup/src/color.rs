//! drbdsetup's colours: state names wrapped in ANSI codes, bold/bright for local objects and
//! plain for peers (`drbdsetup_colors.c`). The class of a state is looked up by its number
//! (roles, connection and replication states, which have the same numbers in 8.4 and 9) or
//! by its name (disk states, which differ: 8.4 has no `Detaching`).

use conf_parser::options::Dialect;

use crate::consts::{conn_str, disk_str, repl_str, role_str};

/// How a state is coloured.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    /// Bold (local) or plain (peer): a state on its way somewhere.
    Transitional,
    /// Never coloured.
    Normal,
    /// Cyan.
    Primary,
    /// Green.
    Good,
    /// Red.
    Bad,
}

fn code(class: Class, local: bool) -> Option<&'static str> {
    match (class, local) {
        (Class::Normal, _) => None,
        (Class::Transitional, true) => Some("\x1b[1m"),
        (Class::Transitional, false) => None,
        (Class::Primary, true) => Some("\x1b[1;36m"),
        (Class::Primary, false) => Some("\x1b[36m"),
        (Class::Good, true) => Some("\x1b[1;32m"),
        (Class::Good, false) => Some("\x1b[32m"),
        (Class::Bad, true) => Some("\x1b[1;31m"),
        (Class::Bad, false) => Some("\x1b[31m"),
    }
}

/// The class of a role.
pub fn role_class(role: u32) -> Class {
    match role {
        1 => Class::Primary,
        2 => Class::Normal,
        _ => Class::Transitional,
    }
}

/// The class of a connection state number (9: `C_STANDALONE`/`C_CONNECTING` bad; 8.4:
/// `C_STANDALONE`/`C_WF_CONNECTION`, the same numbers).
pub fn cstate_class(c: u32) -> Class {
    match c {
        0 | 8 => Class::Bad,
        9 => Class::Normal,
        _ => Class::Transitional,
    }
}

/// The class of a replication state number (`L_*` of 9, `C_*` of 8.4: the same numbers).
pub fn repl_class(r: u32) -> Class {
    match r {
        10 | 18 | 19 | 20 | 22 => Class::Normal,
        16 | 17 | 21 => Class::Bad,
        _ => Class::Transitional,
    }
}

/// The class of a disk state, by its name.
pub fn disk_class(name: &str) -> Class {
    match name {
        "Diskless" | "Inconsistent" | "Outdated" => Class::Bad,
        "UpToDate" => Class::Good,
        _ => Class::Transitional,
    }
}

/// Whether and how to colour.
#[derive(Clone, Copy, Debug, Default)]
pub struct Colors {
    /// Colour at all.
    pub enabled: bool,
}

impl Colors {
    /// `text` between the start code of `start` and the stop code (when `stop` has a code).
    pub fn paint(&self, text: &str, start: Class, stop: Class, local: bool) -> String {
        if !self.enabled {
            return text.to_string();
        }
        let start = code(start, local).unwrap_or("");
        let stop = if code(stop, local).is_some() {
            "\x1b[0m"
        } else {
            ""
        };
        format!("{start}{text}{stop}")
    }

    /// A role.
    pub fn role(&self, role: u32, local: bool) -> String {
        let class = role_class(role);
        self.paint(role_str(role), class, class, local)
    }

    /// A DRBD 9 connection state.
    pub fn cstate(&self, c: u32) -> String {
        self.cstate_named(conn_str(Dialect::V9, c), c)
    }

    /// A connection state number shown as `name` (8.4 shows its states with 9's names).
    pub fn cstate_named(&self, name: &str, c: u32) -> String {
        let class = cstate_class(c);
        self.paint(name, class, class, true)
    }

    /// A replication state; SyncTarget, PausedSyncT and Behind count as local.
    pub fn repl(&self, r: u32) -> String {
        self.repl_named(repl_str(r), r)
    }

    /// A replication state number shown as `name`.
    pub fn repl_named(&self, name: &str, r: u32) -> String {
        let class = repl_class(r);
        let local = matches!(r, 17 | 21 | 23);
        self.paint(name, class, class, local)
    }

    /// A disk state; an intentionally diskless disk starts green but stops as Diskless.
    pub fn disk(&self, dialect: Dialect, d: u32, intentional: bool, local: bool) -> String {
        let name = disk_str(dialect, d);
        let start = if d == 0 && intentional {
            Class::Good
        } else {
            disk_class(name)
        };
        self.paint(name, start, disk_class(name), local)
    }

    /// A yes/no coloured green when `good`, red otherwise (quorum, I/O failures).
    pub fn good_bad(&self, text: &str, good: bool) -> String {
        let class = if good { Class::Good } else { Class::Bad };
        self.paint(text, class, class, true)
    }

    /// `open:` (any non-zero value, "unknown" included, counts as open, as upstream).
    pub fn open(&self, text: &str, open: u8) -> String {
        let class = if open != 0 {
            Class::Primary
        } else {
            Class::Normal
        };
        self.paint(text, class, class, true)
    }
}
