//! The rows of the option table. One row per option name; each row says what DRBD 8.4
//! (genl API 1) and DRBD 9 (genl API 2) make of it. Sources: drbd-headers
//! `linux/drbd_genl.h` and `linux/drbd_limits.h`, drbd-utils `user/v9/config_flags.c`,
//! `user/v84/config_flags.c` and `user/v84/linux/drbd_{genl,limits}.h`.

use super::{NlField, OptionDef, Scale, Section, Spec, ValueType, Wire};

// Top-level attribute sets (`DRBD_NLA_*`).
pub(crate) const DRBD_NLA_DISK_CONF: u16 = 3;
pub(crate) const DRBD_NLA_RESOURCE_OPTS: u16 = 4;
pub(crate) const DRBD_NLA_NET_CONF: u16 = 5;
pub(crate) const DRBD_NLA_SET_ROLE_PARMS: u16 = 6;
pub(crate) const DRBD_NLA_PEER_DEVICE_OPTS: u16 = 27;

const fn nl(set: u16, nr: u16, wire: Wire, mandatory: bool) -> Option<NlField> {
    Some(NlField { set, nr, wire, mandatory, invariant: false })
}

const NET_CMDS_V9: &[&str] = &["new-peer", "net-options"];
const NET_CMDS_V84: &[&str] = &["connect", "net-options"];
const DISK_CMDS: &[&str] = &["attach", "disk-options"];
const PD_CMDS: &[&str] = &["peer-device-options"];

const PROTOCOLS: &[(&str, u32)] = &[("A", 1), ("B", 2), ("C", 3)];
const FENCING: &[(&str, u32)] =
    &[("dont-care", 0), ("resource-only", 1), ("resource-and-stonith", 2)];

/// Every option, in upstream's table order within each section.
pub static OPTIONS: &[OptionDef] = &[
    OptionDef {
        name: "protocol",
        doc: "The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).",
        v84: Some(Spec {
            section: Section::Net,
            ty: ValueType::Enum { values: PROTOCOLS, default: "C", nocase: true },
            nl: nl(DRBD_NLA_NET_CONF, 6, Wire::U32, true),
            commands: NET_CMDS_V84,
        }),
        v9: Some(Spec {
            section: Section::Net,
            ty: ValueType::Enum { values: PROTOCOLS, default: "C", nocase: true },
            nl: nl(DRBD_NLA_NET_CONF, 6, Wire::U32, true),
            commands: NET_CMDS_V9,
        }),
    },
    OptionDef {
        name: "fencing",
        doc: "What to do to the peer when this node loses the connection while primary.",
        v84: Some(Spec {
            section: Section::Disk,
            ty: ValueType::Enum { values: FENCING, default: "dont-care", nocase: false },
            nl: nl(DRBD_NLA_DISK_CONF, 7, Wire::U32, true),
            commands: DISK_CMDS,
        }),
        v9: Some(Spec {
            section: Section::Net,
            ty: ValueType::Enum { values: FENCING, default: "dont-care", nocase: false },
            nl: nl(DRBD_NLA_NET_CONF, 30, Wire::U32, true),
            commands: NET_CMDS_V9,
        }),
    },
    OptionDef {
        name: "resync-rate",
        doc: "The bandwidth a resync may use, in KiB/s unless a suffix says otherwise.",
        v84: Some(Spec {
            section: Section::Disk,
            ty: ValueType::Numeric {
                min: 1,
                max: 4194304,
                default: 250,
                scale: Scale::Kilo,
                unit: "bytes/second",
                implicit_clamp: false,
            },
            nl: nl(DRBD_NLA_DISK_CONF, 8, Wire::U32, true),
            commands: DISK_CMDS,
        }),
        v9: Some(Spec {
            section: Section::PeerDevice,
            ty: ValueType::Numeric {
                min: 1,
                max: 8388608,
                default: 250,
                scale: Scale::Kilo,
                unit: "bytes/second",
                implicit_clamp: false,
            },
            nl: nl(DRBD_NLA_PEER_DEVICE_OPTS, 1, Wire::U32, true),
            commands: PD_CMDS,
        }),
    },
    OptionDef {
        name: "allow-two-primaries",
        doc: "Allow both nodes to be primary at once (needs a cluster file system).",
        v84: Some(Spec {
            section: Section::Net,
            ty: ValueType::Bool { default: false },
            nl: nl(DRBD_NLA_NET_CONF, 24, Wire::Flag, true),
            commands: NET_CMDS_V84,
        }),
        v9: Some(Spec {
            section: Section::Net,
            ty: ValueType::Bool { default: false },
            nl: nl(DRBD_NLA_NET_CONF, 24, Wire::Flag, true),
            commands: NET_CMDS_V9,
        }),
    },
    OptionDef {
        name: "force",
        doc: "primary: promote even if the local data is not known to be up to date.",
        v84: Some(Spec {
            section: Section::Command,
            ty: ValueType::Flag,
            nl: nl(DRBD_NLA_SET_ROLE_PARMS, 1, Wire::Flag, true),
            commands: &["primary"],
        }),
        v9: Some(Spec {
            section: Section::Command,
            ty: ValueType::Flag,
            nl: nl(DRBD_NLA_SET_ROLE_PARMS, 1, Wire::Flag, true),
            commands: &["primary"],
        }),
    },
    OptionDef {
        name: "on-no-data-accessible",
        doc: "What happens to I/O when no up-to-date data is reachable.",
        v84: Some(Spec {
            section: Section::Resource,
            ty: ValueType::Enum {
                values: &[("io-error", 0), ("suspend-io", 1)],
                default: "io-error",
                nocase: false,
            },
            nl: nl(DRBD_NLA_RESOURCE_OPTS, 2, Wire::U32, true),
            commands: &["new-resource", "resource-options"],
        }),
        v9: Some(Spec {
            section: Section::Resource,
            ty: ValueType::Enum {
                values: &[("io-error", 0), ("suspend-io", 1)],
                default: "io-error",
                nocase: false,
            },
            nl: nl(DRBD_NLA_RESOURCE_OPTS, 2, Wire::U32, true),
            commands: &["new-resource", "resource-options"],
        }),
    },
];
