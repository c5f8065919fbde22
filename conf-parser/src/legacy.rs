//! Keywords of DRBD 0.7, 8.0 and 8.3 that no current version has. The parser accepts them
//! with a warning that names the modern replacement, so old configs from how-tos still load
//! and their authors learn what to write instead; nothing is dropped silently.

/// A retired keyword and what to write today.
#[derive(Clone, Copy, Debug)]
pub struct Retired {
    /// The keyword.
    pub name: &'static str,
    /// The version that dropped it.
    pub dropped_in: &'static str,
    /// What to write instead, or why nothing is needed.
    pub replacement: &'static str,
}

/// Retired keywords, wherever they are written.
pub const RETIRED: &[Retired] = &[
    Retired {
        name: "incon-degr-cmd",
        dropped_in: "8.0",
        replacement: "`handlers { pri-on-incon-degr \"COMMAND\"; }`",
    },
    Retired {
        name: "on-disconnect",
        dropped_in: "8.0",
        replacement: "nothing: DRBD always tries to reconnect; tune `net { connect-int N; }`",
    },
    Retired {
        name: "sync-min",
        dropped_in: "8.0",
        replacement: "`disk { resync-rate ...; }`",
    },
    Retired {
        name: "sync-max",
        dropped_in: "8.0",
        replacement: "`disk { resync-rate ...; }`",
    },
    Retired {
        name: "sync-rate",
        dropped_in: "8.0",
        replacement: "`disk { resync-rate ...; }`",
    },
    Retired {
        name: "sync-nice",
        dropped_in: "8.0",
        replacement: "nothing: resync speed is set by `resync-rate` and the `c-*` controller",
    },
    Retired {
        name: "sync-group",
        dropped_in: "8.0",
        replacement: "`disk { resync-after RES; }`",
    },
    Retired {
        name: "tl-size",
        dropped_in: "8.0",
        replacement: "nothing: the transfer log grows as needed",
    },
    Retired {
        name: "skip-wait",
        dropped_in: "8.0",
        replacement: "`startup { wfc-timeout ...; }`",
    },
    Retired {
        name: "delay-probe-volume",
        dropped_in: "8.4",
        replacement: "the `c-plan-ahead` resync controller",
    },
    Retired {
        name: "delay-probe-interval",
        dropped_in: "8.4",
        replacement: "the `c-plan-ahead` resync controller",
    },
    Retired {
        name: "throttle-threshold",
        dropped_in: "8.4",
        replacement: "`c-min-rate`",
    },
    Retired {
        name: "hold-off-threshold",
        dropped_in: "8.4",
        replacement: "`c-min-rate`",
    },
];

/// The retired keyword `name`, if it is one.
pub fn retired(name: &str) -> Option<&'static Retired> {
    RETIRED.iter().find(|r| r.name == name)
}

/// 8.3 names that 8.4 renamed; upstream accepts them inside `syncer {}` only.
pub const SYNCER_ALIASES: &[(&str, &str)] = &[
    ("outdate-peer", "fence-peer"),
    ("rate", "resync-rate"),
    ("after", "resync-after"),
];

/// The current name for an 8.3 alias.
pub fn syncer_alias(name: &str) -> Option<&'static str> {
    SYNCER_ALIASES
        .iter()
        .find(|(old, _)| *old == name)
        .map(|(_, new)| *new)
}
