//! drbdsetup's colours: state names wrapped in ANSI codes, bold/bright for local objects and
//! plain for peers (`drbdsetup_colors.c`).

use conf_parser::options::Dialect;

use crate::consts::{conn_str, disk_str, repl_str, role_str};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Transitional,
    Normal,
    Primary,
    Good,
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

/// Whether and how to colour.
#[derive(Clone, Copy, Debug, Default)]
pub struct Colors {
    /// Colour at all.
    pub enabled: bool,
}

impl Colors {
    fn paint(&self, text: &str, start: Class, stop: Class, local: bool) -> String {
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
        let class = match role {
            1 => Class::Primary,
            2 => Class::Normal,
            _ => Class::Transitional,
        };
        self.paint(role_str(role), class, class, local)
    }

    /// A DRBD 9 connection state.
    pub fn cstate(&self, c: u32) -> String {
        let class = match c {
            0 | 8 => Class::Bad,
            9 => Class::Normal,
            _ => Class::Transitional,
        };
        self.paint(conn_str(Dialect::V9, c), class, class, true)
    }

    /// A replication state; SyncTarget, PausedSyncT and Behind count as local.
    pub fn repl(&self, r: u32) -> String {
        let class = match r {
            10 | 18 | 19 | 20 | 22 => Class::Normal,
            16 | 17 | 21 => Class::Bad,
            _ => Class::Transitional,
        };
        let local = matches!(r, 17 | 21 | 23);
        self.paint(repl_str(r), class, class, local)
    }

    /// A disk state; an intentionally diskless disk starts green but stops as Diskless.
    pub fn disk(&self, dialect: Dialect, d: u32, intentional: bool, local: bool) -> String {
        let class_of = |d: u32| match d {
            0 | 5 | 6 => Class::Bad,
            9 => Class::Good,
            _ => Class::Transitional,
        };
        let start = if d == 0 && intentional {
            Class::Good
        } else {
            class_of(d)
        };
        self.paint(disk_str(dialect, d), start, class_of(d), local)
    }
}
