//! The rows of the option table. Each row says what DRBD 8.4 (genl API 1) and DRBD 9
//! (genl API 2) make of one option name in one place.
//!
//! Most names have exactly one row. A few names exist in two places with different meanings
//! (`size` of `attach` and of `resize`, `force` of `primary`, `detach`, `disconnect` and
//! `create-md`, `bitmap` of a disk and of a peer device, the proxy copies of `sndbuf-size`,
//! `rcvbuf-size` and `ping-timeout`...). They get one row per place; the rows differ in
//! section or in commands, and [`super::lookup`] / [`super::lookup_for_command`] pick the
//! right one.
//!
//! Sources of the facts (read, not copied): drbd-headers `linux/drbd_genl.h` (attribute
//! numbers and flags as before the 2026 removal of the mandatory bit) and
//! `linux/drbd_limits.h`; drbd-utils `user/v9/config_flags.c`, `user/v84/config_flags.c`,
//! `user/v84/linux/drbd_genl.h` and `user/v84/linux/drbd_limits.h`.

use super::{NlField, OptionDef, Scale, Section, Spec, ValueType, Wire};

// Top-level attribute sets (`DRBD_NLA_*`).
pub(crate) const DRBD_NLA_DISK_CONF: u16 = 3;
pub(crate) const DRBD_NLA_RESOURCE_OPTS: u16 = 4;
pub(crate) const DRBD_NLA_NET_CONF: u16 = 5;
pub(crate) const DRBD_NLA_SET_ROLE_PARMS: u16 = 6;
pub(crate) const DRBD_NLA_RESIZE_PARMS: u16 = 7;
pub(crate) const DRBD_NLA_START_OV_PARMS: u16 = 9;
pub(crate) const DRBD_NLA_NEW_C_UUID_PARMS: u16 = 10;
pub(crate) const DRBD_NLA_DISCONNECT_PARMS: u16 = 12;
pub(crate) const DRBD_NLA_DETACH_PARMS: u16 = 13;
pub(crate) const DRBD_NLA_DEVICE_CONF: u16 = 14;
pub(crate) const DRBD_NLA_INVALIDATE_PARMS: u16 = 25;
pub(crate) const DRBD_NLA_PEER_DEVICE_OPTS: u16 = 27;
pub(crate) const DRBD_NLA_CONNECT_PARMS: u16 = 29;
pub(crate) const DRBD_NLA_INVAL_PEER_PARAMS: u16 = 33;
pub(crate) const DRBD_NLA_SUSPEND_IO_PARAMS: u16 = 34;

// ---- small constructors, so that each row reads like one line of the header ------------

/// A field with `DRBD_GENLA_F_MANDATORY`.
const fn m(set: u16, nr: u16, wire: Wire) -> Option<NlField> {
    Some(NlField {
        set,
        nr,
        wire,
        mandatory: true,
        invariant: false,
    })
}

/// A field without flags (`0 /* OPTIONAL */`).
const fn o(set: u16, nr: u16, wire: Wire) -> Option<NlField> {
    Some(NlField {
        set,
        nr,
        wire,
        mandatory: false,
        invariant: false,
    })
}

/// A mandatory field that may only be set on create (`DRBD_F_INVARIANT`).
const fn mi(set: u16, nr: u16, wire: Wire) -> Option<NlField> {
    Some(NlField {
        set,
        nr,
        wire,
        mandatory: true,
        invariant: true,
    })
}

/// An optional field that may only be set on create.
const fn oi(set: u16, nr: u16, wire: Wire) -> Option<NlField> {
    Some(NlField {
        set,
        nr,
        wire,
        mandatory: false,
        invariant: true,
    })
}

const fn spec(
    section: Section,
    ty: ValueType,
    nl: Option<NlField>,
    commands: &'static [&'static str],
) -> Option<Spec> {
    Some(Spec {
        section,
        ty,
        nl,
        commands,
        extension: false,
    })
}

/// Marks a spec as an extension of ours (see [`Spec::extension`]).
const fn ours(spec: Option<Spec>) -> Option<Spec> {
    match spec {
        Some(mut s) => {
            s.extension = true;
            Some(s)
        }
        None => None,
    }
}

const fn row(
    name: &'static str,
    doc: &'static str,
    v84: Option<Spec>,
    v9: Option<Spec>,
) -> OptionDef {
    OptionDef { name, doc, v84, v9 }
}

const fn num(min: i64, max: i64, default: i64, scale: Scale, unit: &'static str) -> ValueType {
    ValueType::Numeric {
        min,
        max,
        default,
        scale,
        unit,
        implicit_clamp: false,
    }
}

const fn count(min: i64, max: i64, default: i64) -> ValueType {
    num(min, max, default, Scale::One, "")
}

const fn boolean(default: bool) -> ValueType {
    ValueType::Bool { default }
}

const fn enumeration(values: &'static [(&'static str, u32)], default: &'static str) -> ValueType {
    ValueType::Enum {
        values,
        default,
        nocase: false,
    }
}

const fn string(max_len: usize) -> ValueType {
    ValueType::String { max_len }
}

const FLAG: ValueType = ValueType::Flag;
const U32: Wire = Wire::U32;
const S32: Wire = Wire::S32;
const U64: Wire = Wire::U64;
const FLG: Wire = Wire::Flag;

// ---- texts of names that have one row per place ------------------------------------------

const FENCING_DOC: &str =
    "What to do to the peer when this node loses the connection while primary.";
const MAX_BUFFERS_DOC: &str = "How many pages the receiver may use for data in flight.";

// ---- limits (`drbd_limits.h`) that are used more than once ------------------------------

/// `SHARED_SECRET_MAX`: the buffer size of the net strings.
const SHARED_SECRET_MAX: usize = 64;
/// `DRBD_DISK_SIZE_MAX`, in sectors.
const DISK_SIZE_MAX: i64 = 2 << 40;
const SIZE: ValueType = num(0, DISK_SIZE_MAX, 0, Scale::Sector, "bytes");
const TENTHS: &str = "1/10 seconds";
const RATE: &str = "bytes/second";

// ---- command lists ------------------------------------------------------------------------

const NET_V84: &[&str] = &["connect", "net-options"];
const NET_V9: &[&str] = &["new-peer", "net-options"];
const NET_V9_CREATE: &[&str] = &["new-peer"];
const DISK: &[&str] = &["attach", "disk-options"];
const ATTACH: &[&str] = &["attach"];
const PD: &[&str] = &["peer-device-options"];
const DEVICE: &[&str] = &["new-minor"];
const RES: &[&str] = &["new-resource", "resource-options"];
const WAIT_V84: &[&str] = &["wait-connect", "wait-sync"];
const WAIT_V9: &[&str] = &[
    "wait-connect-volume",
    "wait-connect-connection",
    "wait-connect-resource",
    "wait-sync-volume",
    "wait-sync-connection",
    "wait-sync-resource",
];
const CREATE_MD: &[&str] = &["create-md"];
const NONE: &[&str] = &[];

// ---- enumerations (`drbd.h` values, `config_flags.c` keywords) --------------------------

const PROTOCOLS: &[(&str, u32)] = &[("A", 1), ("B", 2), ("C", 3)];
const ON_IO_ERROR: &[(&str, u32)] = &[("pass_on", 0), ("call-local-io-error", 1), ("detach", 2)];
const FENCING: &[(&str, u32)] = &[
    ("dont-care", 0),
    ("resource-only", 1),
    ("resource-and-stonith", 2),
];
const AFTER_SB_0P: &[(&str, u32)] = &[
    ("disconnect", 0),
    ("discard-younger-primary", 1),
    ("discard-older-primary", 2),
    ("discard-zero-changes", 3),
    ("discard-least-changes", 4),
    ("discard-local", 5),
    ("discard-remote", 6),
];
const AFTER_SB_1P: &[(&str, u32)] = &[
    ("disconnect", 0),
    ("consensus", 7),
    ("discard-secondary", 8),
    ("call-pri-lost-after-sb", 9),
    ("violently-as0p", 10),
];
const AFTER_SB_2P: &[(&str, u32)] = &[
    ("disconnect", 0),
    ("call-pri-lost-after-sb", 9),
    ("violently-as0p", 10),
];
const RR_CONFLICT_V84: &[(&str, u32)] =
    &[("disconnect", 0), ("call-pri-lost", 9), ("violently", 10)];
const RR_CONFLICT_V9: &[(&str, u32)] = &[
    ("disconnect", 0),
    ("call-pri-lost", 9),
    ("violently", 10),
    ("retry-connect", 11),
    ("auto-discard", 12),
];
const ON_CONGESTION: &[(&str, u32)] = &[("block", 0), ("pull-ahead", 1), ("disconnect", 2)];
const ON_NO_DATA: &[(&str, u32)] = &[("io-error", 0), ("suspend-io", 1)];
const ON_SUSP_PRI_OUTD: &[(&str, u32)] = &[("disconnect", 0), ("force-secondary", 1)];
const READ_BALANCING: &[(&str, u32)] = &[
    ("prefer-local", 0),
    ("prefer-remote", 1),
    ("round-robin", 2),
    ("least-pending", 3),
    ("when-congested-remote", 4),
    ("32K-striping", 5),
    ("64K-striping", 6),
    ("128K-striping", 7),
    ("256K-striping", 8),
    ("512K-striping", 9),
    ("1M-striping", 10),
];
/// `QOU_OFF`, `QOU_MAJORITY`, `QOU_ALL`; numbers 1..`DRBD_PEERS_MAX` are also accepted.
const QUORUM: &[(&str, u32)] = &[("off", 0), ("majority", 1024), ("all", 1025)];
/// drbdsetup's `--color` argument (no wire value; the numbers are only an order).
const COLOR: &[(&str, u32)] = &[("never", 0), ("always", 1), ("auto", 2)];

const PROTOCOL: ValueType = ValueType::Enum {
    values: PROTOCOLS,
    default: "C",
    nocase: true,
};
const QUORUM_TY: ValueType = ValueType::EnumNum {
    values: QUORUM,
    min: 1,
    max: 32,
    default: "off",
};

/// Every option, grouped by section, in upstream's table order within each section.
pub static OPTIONS: &[OptionDef] = &[
    // ================================ net { } ================================
    row(
        "transport",
        "The transport module a connection uses (tcp by default, or rdma); fixed once created.",
        None,
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            oi(DRBD_NLA_NET_CONF, 35, Wire::Str(64)),
            NET_V9_CREATE,
        ),
    ),
    row(
        "load-balance-paths",
        "Spread the traffic of a connection over all of its paths instead of using one.",
        None,
        spec(
            Section::Net,
            boolean(false),
            oi(DRBD_NLA_NET_CONF, 42, FLG),
            NET_V9_CREATE,
        ),
    ),
    row(
        "protocol",
        "The replication protocol: A (asynchronous), B (memory synchronous) or C (synchronous).",
        spec(Section::Net, PROTOCOL, m(DRBD_NLA_NET_CONF, 6, U32), NET_V84),
        spec(Section::Net, PROTOCOL, m(DRBD_NLA_NET_CONF, 6, U32), NET_V9),
    ),
    row(
        "timeout",
        "How long to wait for a reply from the peer before it is considered dead.",
        spec(
            Section::Net,
            num(1, 600, 60, Scale::One, TENTHS),
            m(DRBD_NLA_NET_CONF, 8, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(1, 600, 60, Scale::One, TENTHS),
            m(DRBD_NLA_NET_CONF, 8, U32),
            NET_V9,
        ),
    ),
    row(
        "max-epoch-size",
        "The most write requests between two write barriers.",
        spec(Section::Net, count(1, 20000, 2048), m(DRBD_NLA_NET_CONF, 15, U32), NET_V84),
        spec(Section::Net, count(1, 20000, 2048), m(DRBD_NLA_NET_CONF, 15, U32), NET_V9),
    ),
    // DRBD 9 moved `max-buffers` to a new field (36) after `fencing`; its row is there.
    row(
        "max-buffers",
        MAX_BUFFERS_DOC,
        spec(Section::Net, count(32, 131072, 2048), m(DRBD_NLA_NET_CONF, 14, U32), NET_V84),
        None,
    ),
    row(
        "unplug-watermark",
        "How many queued write requests make the receiver kick the backing device (8.4).",
        spec(Section::Net, count(1, 131072, 128), m(DRBD_NLA_NET_CONF, 16, U32), NET_V84),
        None,
    ),
    row(
        "connect-int",
        "How long to wait between two connection attempts.",
        spec(
            Section::Net,
            num(1, 120, 10, Scale::One, "seconds"),
            m(DRBD_NLA_NET_CONF, 7, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(1, 120, 10, Scale::One, "seconds"),
            m(DRBD_NLA_NET_CONF, 7, U32),
            NET_V9,
        ),
    ),
    row(
        "ping-int",
        "How long an idle connection waits before it checks the peer with a ping.",
        spec(
            Section::Net,
            num(1, 120, 10, Scale::One, "seconds"),
            m(DRBD_NLA_NET_CONF, 9, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(1, 120, 10, Scale::One, "seconds"),
            m(DRBD_NLA_NET_CONF, 9, U32),
            NET_V9,
        ),
    ),
    row(
        "sndbuf-size",
        "The size of the socket send buffer; 0 lets the kernel size it.",
        spec(
            Section::Net,
            num(0, 10485760, 0, Scale::One, "bytes"),
            m(DRBD_NLA_NET_CONF, 11, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(0, 134217728, 0, Scale::One, "bytes"),
            m(DRBD_NLA_NET_CONF, 11, U32),
            NET_V9,
        ),
    ),
    row(
        "rcvbuf-size",
        "The size of the socket receive buffer; 0 lets the kernel size it.",
        spec(
            Section::Net,
            num(0, 10485760, 0, Scale::One, "bytes"),
            m(DRBD_NLA_NET_CONF, 12, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(0, 134217728, 0, Scale::One, "bytes"),
            m(DRBD_NLA_NET_CONF, 12, U32),
            NET_V9,
        ),
    ),
    row(
        "ko-count",
        "How many timed-out write requests make a primary drop the peer; 0 never does.",
        spec(Section::Net, count(0, 200, 7), m(DRBD_NLA_NET_CONF, 13, U32), NET_V84),
        spec(Section::Net, count(0, 200, 7), m(DRBD_NLA_NET_CONF, 13, U32), NET_V9),
    ),
    row(
        "allow-two-primaries",
        "Allow both nodes to be primary at once (needs a cluster file system).",
        spec(Section::Net, boolean(false), m(DRBD_NLA_NET_CONF, 24, FLG), NET_V84),
        spec(Section::Net, boolean(false), m(DRBD_NLA_NET_CONF, 24, FLG), NET_V9),
    ),
    row(
        "cram-hmac-alg",
        "The HMAC algorithm used to authenticate the peer with the shared secret.",
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 2, Wire::Str(64)),
            NET_V84,
        ),
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 2, Wire::Str(64)),
            NET_V9,
        ),
    ),
    row(
        "shared-secret",
        "The secret both peers must know to authenticate each other.",
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 1, Wire::Str(64)),
            NET_V84,
        ),
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 1, Wire::Str(64)),
            NET_V9,
        ),
    ),
    row(
        "after-sb-0pri",
        "How to recover from split brain when neither node is primary.",
        spec(
            Section::Net,
            enumeration(AFTER_SB_0P, "disconnect"),
            m(DRBD_NLA_NET_CONF, 17, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            enumeration(AFTER_SB_0P, "disconnect"),
            m(DRBD_NLA_NET_CONF, 17, U32),
            NET_V9,
        ),
    ),
    row(
        "after-sb-1pri",
        "How to recover from split brain when one node is primary.",
        spec(
            Section::Net,
            enumeration(AFTER_SB_1P, "disconnect"),
            m(DRBD_NLA_NET_CONF, 18, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            enumeration(AFTER_SB_1P, "disconnect"),
            m(DRBD_NLA_NET_CONF, 18, U32),
            NET_V9,
        ),
    ),
    row(
        "after-sb-2pri",
        "How to recover from split brain when both nodes are primary.",
        spec(
            Section::Net,
            enumeration(AFTER_SB_2P, "disconnect"),
            m(DRBD_NLA_NET_CONF, 19, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            enumeration(AFTER_SB_2P, "disconnect"),
            m(DRBD_NLA_NET_CONF, 19, U32),
            NET_V9,
        ),
    ),
    row(
        "always-asbp",
        "Apply the after-split-brain policies even when the data generations do not say so.",
        spec(Section::Net, boolean(false), m(DRBD_NLA_NET_CONF, 27, FLG), NET_V84),
        spec(Section::Net, boolean(false), m(DRBD_NLA_NET_CONF, 27, FLG), NET_V9),
    ),
    row(
        "rr-conflict",
        "What to do when the resync direction would demote a primary's data.",
        spec(
            Section::Net,
            enumeration(RR_CONFLICT_V84, "disconnect"),
            m(DRBD_NLA_NET_CONF, 20, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            enumeration(RR_CONFLICT_V9, "disconnect"),
            m(DRBD_NLA_NET_CONF, 20, U32),
            NET_V9,
        ),
    ),
    row(
        "ping-timeout",
        "How long to wait for the answer to a ping before the peer is considered dead.",
        spec(
            Section::Net,
            num(1, 300, 5, Scale::One, TENTHS),
            m(DRBD_NLA_NET_CONF, 10, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(1, 300, 5, Scale::One, TENTHS),
            m(DRBD_NLA_NET_CONF, 10, U32),
            NET_V9,
        ),
    ),
    row(
        "data-integrity-alg",
        "The digest algorithm used to check every replicated data block end to end.",
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 3, Wire::Str(64)),
            NET_V84,
        ),
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 3, Wire::Str(64)),
            NET_V9,
        ),
    ),
    row(
        "tcp-cork",
        "Give the network stack hints to coalesce small packets.",
        spec(Section::Net, boolean(true), m(DRBD_NLA_NET_CONF, 26, FLG), NET_V84),
        spec(Section::Net, boolean(true), m(DRBD_NLA_NET_CONF, 26, FLG), NET_V9),
    ),
    row(
        "on-congestion",
        "What protocol A does when the send buffer fills: block, pull ahead or disconnect.",
        spec(
            Section::Net,
            enumeration(ON_CONGESTION, "block"),
            m(DRBD_NLA_NET_CONF, 21, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            enumeration(ON_CONGESTION, "block"),
            m(DRBD_NLA_NET_CONF, 21, U32),
            NET_V9,
        ),
    ),
    row(
        "congestion-fill",
        "How much data in flight counts as congestion; 0 disables the check.",
        spec(
            Section::Net,
            num(0, 20971520, 0, Scale::Sector, "bytes"),
            m(DRBD_NLA_NET_CONF, 22, U32),
            NET_V84,
        ),
        spec(
            Section::Net,
            num(0, 20971520, 0, Scale::Sector, "bytes"),
            m(DRBD_NLA_NET_CONF, 22, U32),
            NET_V9,
        ),
    ),
    row(
        "congestion-extents",
        "How many active activity-log extents count as congestion.",
        spec(Section::Net, count(67, 65534, 1237), m(DRBD_NLA_NET_CONF, 23, U32), NET_V84),
        spec(Section::Net, count(67, 65534, 1237), m(DRBD_NLA_NET_CONF, 23, U32), NET_V9),
    ),
    row(
        "csums-alg",
        "The digest used to skip resyncing blocks whose contents already match.",
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 5, Wire::Str(64)),
            NET_V84,
        ),
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 5, Wire::Str(64)),
            NET_V9,
        ),
    ),
    row(
        "csums-after-crash-only",
        "Use the checksum-based resync only after a primary crash.",
        spec(Section::Net, boolean(false), o(DRBD_NLA_NET_CONF, 33, FLG), NET_V84),
        spec(Section::Net, boolean(false), o(DRBD_NLA_NET_CONF, 33, FLG), NET_V9),
    ),
    row(
        "verify-alg",
        "The digest used by online verification.",
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 4, Wire::Str(64)),
            NET_V84,
        ),
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 4, Wire::Str(64)),
            NET_V9,
        ),
    ),
    row(
        "use-rle",
        "Compress the bitmap exchange with run-length encoding.",
        spec(Section::Net, boolean(true), m(DRBD_NLA_NET_CONF, 29, FLG), NET_V84),
        spec(Section::Net, boolean(true), m(DRBD_NLA_NET_CONF, 29, FLG), NET_V9),
    ),
    row(
        "socket-check-timeout",
        "How long to wait for the second socket of a new connection; 0 uses ping-timeout.",
        spec(Section::Net, count(0, 300, 0), o(DRBD_NLA_NET_CONF, 34, U32), NET_V84),
        spec(Section::Net, count(0, 300, 0), o(DRBD_NLA_NET_CONF, 34, U32), NET_V9),
    ),
    // 8.4's `fencing` is a disk option; its row is in the disk section.
    row(
        "fencing",
        FENCING_DOC,
        None,
        spec(
            Section::Net,
            enumeration(FENCING, "dont-care"),
            m(DRBD_NLA_NET_CONF, 30, U32),
            NET_V9,
        ),
    ),
    row(
        "max-buffers",
        MAX_BUFFERS_DOC,
        None,
        spec(Section::Net, count(32, 131072, 2048), o(DRBD_NLA_NET_CONF, 36, U32), NET_V9),
    ),
    row(
        "allow-remote-read",
        "Allow reading from the peer when the local disk is not usable for a request.",
        None,
        spec(Section::Net, boolean(true), o(DRBD_NLA_NET_CONF, 37, FLG), NET_V9),
    ),
    row(
        "tls",
        "Encrypt the connection with kernel TLS.",
        None,
        spec(Section::Net, boolean(false), o(DRBD_NLA_NET_CONF, 38, FLG), NET_V9),
    ),
    row(
        "tls-keyring",
        "The keyring holding the TLS key and certificate, named by its description.",
        None,
        spec(Section::Net, ValueType::KeySerial, o(DRBD_NLA_NET_CONF, 41, S32), NET_V9),
    ),
    row(
        "tls-privkey",
        "The TLS private key, named by its key description.",
        None,
        spec(Section::Net, ValueType::KeySerial, o(DRBD_NLA_NET_CONF, 39, S32), NET_V9),
    ),
    row(
        "tls-certificate",
        "The TLS certificate, named by its key description.",
        None,
        spec(Section::Net, ValueType::KeySerial, o(DRBD_NLA_NET_CONF, 40, S32), NET_V9),
    ),
    row(
        "rdma-ctrl-rcvbuf-size",
        "The receive buffer of the RDMA transport's control stream; 0 picks a default.",
        None,
        spec(
            Section::Net,
            num(0, 10485760, 0, Scale::One, ""),
            o(DRBD_NLA_NET_CONF, 43, U32),
            NET_V9,
        ),
    ),
    row(
        "rdma-ctrl-sndbuf-size",
        "The send buffer of the RDMA transport's control stream; 0 picks a default.",
        None,
        spec(
            Section::Net,
            num(0, 10485760, 0, Scale::One, ""),
            o(DRBD_NLA_NET_CONF, 44, U32),
            NET_V9,
        ),
    ),
    row(
        "_name",
        "The connection's name as shown by status and events (drbdadm passes the peer's host name).",
        None,
        spec(
            Section::Net,
            string(SHARED_SECRET_MAX),
            m(DRBD_NLA_NET_CONF, 31, Wire::Str(64)),
            NET_V9,
        ),
    ),
    // ================================ disk { } ================================
    row(
        "size",
        "Use only this much of the backing device instead of all of it.",
        spec(Section::Disk, SIZE, mi(DRBD_NLA_DISK_CONF, 4, U64), ATTACH),
        spec(Section::Disk, SIZE, mi(DRBD_NLA_DISK_CONF, 4, U64), ATTACH),
    ),
    row(
        "max-bio-bvecs",
        "Limit the number of bio vectors per request (8.4; ignored by modern kernels).",
        spec(Section::Disk, count(0, 128, 0), mi(DRBD_NLA_DISK_CONF, 5, U32), ATTACH),
        None,
    ),
    row(
        "on-io-error",
        "What to do when the backing device reports an I/O error.",
        spec(
            Section::Disk,
            enumeration(ON_IO_ERROR, "detach"),
            m(DRBD_NLA_DISK_CONF, 6, U32),
            DISK,
        ),
        spec(
            Section::Disk,
            enumeration(ON_IO_ERROR, "detach"),
            m(DRBD_NLA_DISK_CONF, 6, U32),
            DISK,
        ),
    ),
    row(
        "fencing",
        FENCING_DOC,
        spec(
            Section::Disk,
            enumeration(FENCING, "dont-care"),
            m(DRBD_NLA_DISK_CONF, 7, U32),
            DISK,
        ),
        None,
    ),
    row(
        "disk-barrier",
        "Order writes with block-layer barriers (only for old kernels and devices).",
        spec(Section::Disk, boolean(false), m(DRBD_NLA_DISK_CONF, 16, FLG), DISK),
        spec(Section::Disk, boolean(false), m(DRBD_NLA_DISK_CONF, 16, FLG), DISK),
    ),
    row(
        "disk-flushes",
        "Order writes with cache flushes of the backing device.",
        spec(Section::Disk, boolean(true), m(DRBD_NLA_DISK_CONF, 17, FLG), DISK),
        spec(Section::Disk, boolean(true), m(DRBD_NLA_DISK_CONF, 17, FLG), DISK),
    ),
    row(
        "disk-drain",
        "Order writes by draining the request queue before dependent writes.",
        spec(Section::Disk, boolean(true), m(DRBD_NLA_DISK_CONF, 18, FLG), DISK),
        spec(Section::Disk, boolean(true), m(DRBD_NLA_DISK_CONF, 18, FLG), DISK),
    ),
    row(
        "md-flushes",
        "Flush the meta-data device's cache after meta-data writes.",
        spec(Section::Disk, boolean(true), m(DRBD_NLA_DISK_CONF, 19, FLG), DISK),
        spec(Section::Disk, boolean(true), m(DRBD_NLA_DISK_CONF, 19, FLG), DISK),
    ),
    row(
        "resync-rate",
        "The bandwidth a resync may use, in KiB/s unless a suffix says otherwise.",
        spec(
            Section::Disk,
            num(1, 4194304, 250, Scale::Kilo, RATE),
            m(DRBD_NLA_DISK_CONF, 8, U32),
            DISK,
        ),
        spec(
            Section::PeerDevice,
            num(1, 8388608, 250, Scale::Kilo, RATE),
            m(DRBD_NLA_PEER_DEVICE_OPTS, 1, U32),
            PD,
        ),
    ),
    row(
        "resync-after",
        "Resync this device only after the given device has finished (a minor; -1 for none).",
        spec(
            Section::Disk,
            count(-1, 1048575, -1),
            m(DRBD_NLA_DISK_CONF, 9, S32),
            DISK,
        ),
        spec(
            Section::Disk,
            count(-1, 1048575, -1),
            m(DRBD_NLA_DISK_CONF, 9, S32),
            DISK,
        ),
    ),
    row(
        "al-extents",
        "How many 4 MiB extents the activity log keeps hot.",
        spec(Section::Disk, count(67, 65534, 1237), m(DRBD_NLA_DISK_CONF, 10, U32), DISK),
        spec(
            Section::Disk,
            ValueType::Numeric {
                min: 67,
                max: 65534,
                default: 1237,
                scale: Scale::One,
                unit: "",
                implicit_clamp: true,
            },
            m(DRBD_NLA_DISK_CONF, 10, U32),
            DISK,
        ),
    ),
    row(
        "al-updates",
        "Keep the activity log on disk up to date (off means a full resync after a crash).",
        spec(Section::Disk, boolean(true), o(DRBD_NLA_DISK_CONF, 23, FLG), DISK),
        spec(Section::Disk, boolean(true), o(DRBD_NLA_DISK_CONF, 23, FLG), DISK),
    ),
    row(
        "discard-zeroes-if-aligned",
        "Treat aligned discards as zeroing when the backing device claims so.",
        spec(Section::Disk, boolean(true), o(DRBD_NLA_DISK_CONF, 24, FLG), DISK),
        spec(Section::Disk, boolean(true), o(DRBD_NLA_DISK_CONF, 24, FLG), DISK),
    ),
    row(
        "disable-write-same",
        "Do not announce WRITE SAME support to upper layers.",
        spec(Section::Disk, boolean(false), o(DRBD_NLA_DISK_CONF, 26, FLG), DISK),
        spec(Section::Disk, boolean(false), o(DRBD_NLA_DISK_CONF, 26, FLG), DISK),
    ),
    row(
        "c-plan-ahead",
        "How far ahead the dynamic resync-rate controller plans; 0 uses the fixed resync-rate.",
        spec(
            Section::Disk,
            num(0, 300, 20, Scale::One, TENTHS),
            m(DRBD_NLA_DISK_CONF, 11, U32),
            DISK,
        ),
        spec(
            Section::PeerDevice,
            num(0, 300, 20, Scale::One, TENTHS),
            m(DRBD_NLA_PEER_DEVICE_OPTS, 2, U32),
            PD,
        ),
    ),
    row(
        "c-delay-target",
        "The delay the resync controller aims at.",
        spec(
            Section::Disk,
            num(1, 100, 10, Scale::One, TENTHS),
            m(DRBD_NLA_DISK_CONF, 12, U32),
            DISK,
        ),
        spec(
            Section::PeerDevice,
            num(1, 100, 10, Scale::One, TENTHS),
            m(DRBD_NLA_PEER_DEVICE_OPTS, 3, U32),
            PD,
        ),
    ),
    row(
        "c-fill-target",
        "The amount of resync data in flight the controller aims at; 0 uses c-delay-target.",
        spec(
            Section::Disk,
            num(0, 1048576, 100, Scale::Sector, "bytes"),
            m(DRBD_NLA_DISK_CONF, 13, U32),
            DISK,
        ),
        spec(
            Section::PeerDevice,
            num(0, 1048576, 100, Scale::Sector, "bytes"),
            m(DRBD_NLA_PEER_DEVICE_OPTS, 4, U32),
            PD,
        ),
    ),
    row(
        "c-max-rate",
        "The most bandwidth the resync controller may use.",
        spec(
            Section::Disk,
            num(250, 4194304, 102400, Scale::Kilo, RATE),
            m(DRBD_NLA_DISK_CONF, 14, U32),
            DISK,
        ),
        spec(
            Section::PeerDevice,
            num(0, 4194304, 102400, Scale::Kilo, RATE),
            m(DRBD_NLA_PEER_DEVICE_OPTS, 5, U32),
            PD,
        ),
    ),
    row(
        "c-min-rate",
        "The resync bandwidth kept even while application I/O competes for the disk.",
        spec(
            Section::Disk,
            num(0, 4194304, 250, Scale::Kilo, RATE),
            m(DRBD_NLA_DISK_CONF, 15, U32),
            DISK,
        ),
        spec(
            Section::PeerDevice,
            num(0, 4194304, 250, Scale::Kilo, RATE),
            m(DRBD_NLA_PEER_DEVICE_OPTS, 6, U32),
            PD,
        ),
    ),
    row(
        "disk-timeout",
        "How long the backing device may take for a request before it is treated as failed.",
        spec(
            Section::Disk,
            num(0, 6000, 0, Scale::One, TENTHS),
            m(DRBD_NLA_DISK_CONF, 20, U32),
            DISK,
        ),
        spec(
            Section::Disk,
            num(0, 6000, 0, Scale::One, TENTHS),
            m(DRBD_NLA_DISK_CONF, 20, U32),
            DISK,
        ),
    ),
    row(
        "read-balancing",
        "Which node serves read requests when both have good data.",
        spec(
            Section::Disk,
            enumeration(READ_BALANCING, "prefer-local"),
            o(DRBD_NLA_DISK_CONF, 21, U32),
            DISK,
        ),
        spec(
            Section::Disk,
            enumeration(READ_BALANCING, "prefer-local"),
            m(DRBD_NLA_DISK_CONF, 21, U32),
            DISK,
        ),
    ),
    row(
        "rs-discard-granularity",
        "Resync zeroed ranges as discards of this size; 0 disables it.",
        spec(
            Section::Disk,
            num(0, 1048576, 0, Scale::One, ""),
            o(DRBD_NLA_DISK_CONF, 25, U32),
            DISK,
        ),
        spec(
            Section::Disk,
            num(0, 1048576, 0, Scale::One, "bytes"),
            o(DRBD_NLA_DISK_CONF, 25, U32),
            DISK,
        ),
    ),
    row(
        "bitmap",
        "Keep a bitmap slot for this volume (no means a diskless-peer-only volume).",
        None,
        spec(Section::Disk, boolean(true), o(DRBD_NLA_DISK_CONF, 27, FLG), DISK),
    ),
    // ================================ peer-device options (disk { }, 9) ====================
    row(
        "bitmap",
        "Track out-of-sync blocks for this peer (no for peers that never resync).",
        None,
        spec(Section::PeerDevice, boolean(true), o(DRBD_NLA_PEER_DEVICE_OPTS, 7, FLG), PD),
    ),
    row(
        "resync-without-replication",
        "Allow a resync to this peer while it is not a replication target.",
        None,
        spec(Section::PeerDevice, boolean(true), o(DRBD_NLA_PEER_DEVICE_OPTS, 8, FLG), PD),
    ),
    row(
        "peer-tiebreaker",
        "Let this peer act as a tiebreaker in quorum decisions.",
        None,
        spec(Section::PeerDevice, boolean(true), o(DRBD_NLA_PEER_DEVICE_OPTS, 9, FLG), PD),
    ),
    // ================================ device options (disk { }, 9) =========================
    row(
        "max-bio-size",
        "The largest request the device accepts; fixed once the minor exists.",
        None,
        spec(
            Section::Device,
            count(512, 1048576, 1048576),
            oi(DRBD_NLA_DEVICE_CONF, 1, U32),
            DEVICE,
        ),
    ),
    row(
        "diskless",
        "This volume is intentionally diskless on this node.",
        None,
        spec(Section::Device, FLAG, o(DRBD_NLA_DEVICE_CONF, 2, FLG), DEVICE),
    ),
    row(
        "block-size",
        "The logical block size the device announces.",
        None,
        spec(Section::Device, count(512, 4096, 512), o(DRBD_NLA_DEVICE_CONF, 3, U32), DEVICE),
    ),
    row(
        "discard-granularity",
        "The discard granularity the device announces; the default means not configured.",
        None,
        spec(
            Section::Device,
            num(0, 134217728, 0xFFFF_FFFF, Scale::One, ""),
            o(DRBD_NLA_DEVICE_CONF, 4, U32),
            DEVICE,
        ),
    ),
    // ================================ options { } ================================
    row(
        "cpu-mask",
        "The CPUs the resource's kernel threads may run on, as a hexadecimal mask.",
        spec(Section::Resource, string(32), m(DRBD_NLA_RESOURCE_OPTS, 1, Wire::Str(32)), RES),
        spec(Section::Resource, string(256), m(DRBD_NLA_RESOURCE_OPTS, 1, Wire::Str(256)), RES),
    ),
    row(
        "on-no-data-accessible",
        "What happens to I/O when no up-to-date data is reachable.",
        spec(
            Section::Resource,
            enumeration(ON_NO_DATA, "io-error"),
            m(DRBD_NLA_RESOURCE_OPTS, 2, U32),
            RES,
        ),
        spec(
            Section::Resource,
            enumeration(ON_NO_DATA, "io-error"),
            m(DRBD_NLA_RESOURCE_OPTS, 2, U32),
            RES,
        ),
    ),
    row(
        "auto-promote",
        "Become primary automatically when the device is opened for writing.",
        None,
        spec(Section::Resource, boolean(true), m(DRBD_NLA_RESOURCE_OPTS, 3, FLG), RES),
    ),
    row(
        "peer-ack-window",
        "How much data is written before peers acknowledge it to each other.",
        None,
        spec(
            Section::Resource,
            num(2048, 204800, 4096, Scale::Sector, "bytes"),
            m(DRBD_NLA_RESOURCE_OPTS, 5, U32),
            RES,
        ),
    ),
    row(
        "peer-ack-delay",
        "How long to wait before sending a peer acknowledgement when no more data comes.",
        None,
        spec(
            Section::Resource,
            num(1, 10000, 100, Scale::One, "milliseconds"),
            o(DRBD_NLA_RESOURCE_OPTS, 8, U32),
            RES,
        ),
    ),
    row(
        "twopc-timeout",
        "How long a cluster-wide state change may wait for all nodes to answer.",
        None,
        spec(
            Section::Resource,
            num(50, 600, 300, Scale::One, TENTHS),
            m(DRBD_NLA_RESOURCE_OPTS, 6, U32),
            RES,
        ),
    ),
    row(
        "twopc-retry-timeout",
        "The base delay before a failed cluster-wide state change is retried.",
        None,
        spec(
            Section::Resource,
            num(1, 50, 1, Scale::One, TENTHS),
            m(DRBD_NLA_RESOURCE_OPTS, 7, U32),
            RES,
        ),
    ),
    row(
        "auto-promote-timeout",
        "How long an open waits for auto-promotion to succeed.",
        None,
        spec(
            Section::Resource,
            num(0, 600, 20, Scale::One, TENTHS),
            o(DRBD_NLA_RESOURCE_OPTS, 9, U32),
            RES,
        ),
    ),
    row(
        "max-io-depth",
        "The most application requests in flight per device.",
        None,
        spec(
            Section::Resource,
            count(4, 4294967295, 8000),
            o(DRBD_NLA_RESOURCE_OPTS, 10, U32),
            RES,
        ),
    ),
    row(
        "quorum",
        "How many nodes must be reachable for writes: off, majority, all or a number.",
        None,
        spec(Section::Resource, QUORUM_TY, o(DRBD_NLA_RESOURCE_OPTS, 11, S32), RES),
    ),
    row(
        "on-no-quorum",
        "What happens to I/O when quorum is lost.",
        None,
        spec(
            Section::Resource,
            enumeration(ON_NO_DATA, "suspend-io"),
            o(DRBD_NLA_RESOURCE_OPTS, 12, U32),
            RES,
        ),
    ),
    row(
        "quorum-minimum-redundancy",
        "How many up-to-date nodes a partition needs to have quorum.",
        None,
        spec(Section::Resource, QUORUM_TY, o(DRBD_NLA_RESOURCE_OPTS, 13, S32), RES),
    ),
    row(
        "on-suspended-primary-outdated",
        "What a primary with suspended I/O does when it learns its data is outdated.",
        None,
        spec(
            Section::Resource,
            enumeration(ON_SUSP_PRI_OUTD, "disconnect"),
            o(DRBD_NLA_RESOURCE_OPTS, 14, U32),
            RES,
        ),
    ),
    row(
        "drbd8-api-compatibility",
        "Let DRBD 9 behave like 8.4 towards applications (auto-promote off and such).",
        None,
        spec(Section::Resource, boolean(false), o(DRBD_NLA_RESOURCE_OPTS, 16, FLG), RES),
    ),
    // ================================ startup { } ================================
    row(
        "wfc-timeout",
        "How long the wait-connect step waits for the peer at boot; 0 waits forever.",
        spec(Section::Startup, num(0, 300000, 0, Scale::One, "seconds"), None, WAIT_V84),
        spec(Section::Startup, num(0, 300000, 0, Scale::One, "seconds"), None, WAIT_V9),
    ),
    row(
        "degr-wfc-timeout",
        "Like wfc-timeout, used when the node was part of a degraded cluster before.",
        spec(Section::Startup, num(0, 300000, 0, Scale::One, "seconds"), None, WAIT_V84),
        spec(Section::Startup, num(0, 300000, 0, Scale::One, "seconds"), None, WAIT_V9),
    ),
    row(
        "outdated-wfc-timeout",
        "Like wfc-timeout, used when the peer was outdated before.",
        spec(Section::Startup, num(0, 300000, 0, Scale::One, "seconds"), None, WAIT_V84),
        spec(Section::Startup, num(0, 300000, 0, Scale::One, "seconds"), None, WAIT_V9),
    ),
    row(
        "wait-after-sb",
        "Keep waiting for the peer even after a split brain was detected.",
        spec(Section::Startup, boolean(false), None, WAIT_V84),
        spec(Section::Startup, boolean(false), None, WAIT_V9),
    ),
    row(
        "stacked-timeouts",
        "Use the lower resource's timeouts for a stacked resource too.",
        spec(Section::Startup, FLAG, None, NONE),
        spec(Section::Startup, FLAG, None, NONE),
    ),
    row(
        "become-primary-on",
        "The hosts the init script promotes at boot (ignored by DRBD 9 tools).",
        spec(Section::Startup, string(0), None, NONE),
        spec(Section::Startup, string(0), None, NONE),
    ),
    // ================================ handlers { } ================================
    row(
        "pri-on-incon-degr",
        "Run when a primary with inconsistent data loses its last good peer.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "pri-lost-after-sb",
        "Run when a primary loses its data in split-brain recovery.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "pri-lost",
        "Run when a primary becomes the resync target.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "initial-split-brain",
        "Run as soon as a split brain is detected.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "split-brain",
        "Run when a split brain cannot be resolved automatically.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "outdate-peer",
        "The old name of fence-peer.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "fence-peer",
        "Run to fence the peer when fencing is enabled and the peer is unreachable.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "unfence-peer",
        "Run to lift the fencing of a peer once it is back in sync.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "local-io-error",
        "Run on a local I/O error when on-io-error is call-local-io-error.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "before-resync-target",
        "Run on the resync target before the resync starts.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "after-resync-target",
        "Run on the resync target after the resync has finished.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "before-resync-source",
        "Run on the resync source before the resync starts.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "out-of-sync",
        "Run when online verify found out-of-sync blocks.",
        spec(Section::Handlers, string(0), None, NONE),
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "quorum-lost",
        "Run when a primary loses quorum.",
        None,
        spec(Section::Handlers, string(0), None, NONE),
    ),
    row(
        "disconnected",
        "Run when a connection is lost.",
        None,
        spec(Section::Handlers, string(0), None, NONE),
    ),
    // ================================ proxy { } ================================
    row(
        "memlimit",
        "The memory drbd-proxy may use for buffering this resource.",
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
    ),
    row(
        "read-loops",
        "How many reads drbd-proxy does per socket before it turns to other work.",
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
    ),
    row(
        "compression",
        "The compression level drbd-proxy uses on the long-distance link.",
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
    ),
    row(
        "bwlimit",
        "The bandwidth drbd-proxy may use on the long-distance link.",
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
        spec(Section::Proxy, count(0, i64::MAX, 0), None, NONE),
    ),
    row(
        "sndbuf-size",
        "The send buffer of drbd-proxy's connection.",
        None,
        spec(Section::Proxy, num(0, 134217728, 0, Scale::One, "bytes"), None, NONE),
    ),
    row(
        "rcvbuf-size",
        "The receive buffer of drbd-proxy's connection.",
        None,
        spec(Section::Proxy, num(0, 134217728, 0, Scale::One, "bytes"), None, NONE),
    ),
    row(
        "ping-timeout",
        "How long drbd-proxy waits for a ping answer.",
        None,
        spec(Section::Proxy, num(1, 300, 5, Scale::One, TENTHS), None, NONE),
    ),
    // ================================ command-only options ================================
    row(
        "set-defaults",
        "Reset every option not given on the command line to its default.",
        spec(
            Section::Command,
            FLAG,
            None,
            &["disk-options", "net-options", "resource-options"],
        ),
        spec(
            Section::Command,
            FLAG,
            None,
            &["disk-options", "net-options", "resource-options", "peer-device-options"],
        ),
    ),
    row(
        "force",
        "primary: promote even without known up-to-date data; secondary: demote despite openers.",
        spec(Section::Command, FLAG, m(DRBD_NLA_SET_ROLE_PARMS, 1, FLG), &["primary"]),
        spec(
            Section::Command,
            FLAG,
            m(DRBD_NLA_SET_ROLE_PARMS, 1, FLG),
            &["primary", "secondary"],
        ),
    ),
    row(
        "force",
        "detach: detach at once, failing pending I/O, instead of waiting for it.",
        spec(Section::Command, FLAG, m(DRBD_NLA_DETACH_PARMS, 1, FLG), &["detach"]),
        spec(Section::Command, FLAG, m(DRBD_NLA_DETACH_PARMS, 1, FLG), &["detach"]),
    ),
    row(
        "force",
        "disconnect: drop the connection at once instead of a clean state change.",
        spec(Section::Command, FLAG, m(DRBD_NLA_DISCONNECT_PARMS, 1, FLG), &["disconnect"]),
        spec(
            Section::Command,
            FLAG,
            m(DRBD_NLA_DISCONNECT_PARMS, 1, FLG),
            &["disconnect", "del-peer"],
        ),
    ),
    row(
        "diskless",
        "detach: the node is to stay intentionally diskless afterwards.",
        None,
        spec(Section::Command, FLAG, o(DRBD_NLA_DETACH_PARMS, 2, FLG), &["detach"]),
    ),
    row(
        "tentative",
        "connect: only check whether a connection would work, without a resync.",
        spec(Section::Command, FLAG, mi(DRBD_NLA_NET_CONF, 28, FLG), &["connect"]),
        spec(Section::Command, FLAG, m(DRBD_NLA_CONNECT_PARMS, 1, FLG), &["connect"]),
    ),
    row(
        "discard-my-data",
        "connect: become the resync target of a split brain, dropping local changes.",
        spec(Section::Command, FLAG, mi(DRBD_NLA_NET_CONF, 25, FLG), &["connect"]),
        spec(Section::Command, FLAG, m(DRBD_NLA_CONNECT_PARMS, 2, FLG), &["connect"]),
    ),
    row(
        "alternate-address",
        "connect: a second local address for the connection (8.4 out-of-tree module only).",
        spec(Section::Command, string(128), o(DRBD_NLA_NET_CONF, 35, Wire::Bin(128)), &["connect"]),
        None,
    ),
    row(
        "alternate-peer-address",
        "connect: a second peer address for the connection (8.4 out-of-tree module only).",
        spec(Section::Command, string(128), o(DRBD_NLA_NET_CONF, 36, Wire::Bin(128)), &["connect"]),
        None,
    ),
    row(
        "size",
        "resize: the new size of the device, instead of the size of the backing devices.",
        spec(Section::Command, SIZE, m(DRBD_NLA_RESIZE_PARMS, 1, U64), &["resize"]),
        spec(Section::Command, SIZE, m(DRBD_NLA_RESIZE_PARMS, 1, U64), &["resize"]),
    ),
    row(
        "assume-peer-has-space",
        "resize: grow even though a disconnected peer might not have the space.",
        spec(Section::Command, FLAG, m(DRBD_NLA_RESIZE_PARMS, 2, FLG), &["resize"]),
        spec(Section::Command, FLAG, m(DRBD_NLA_RESIZE_PARMS, 2, FLG), &["resize"]),
    ),
    row(
        "assume-clean",
        "resize: do not resync the added space.",
        spec(Section::Command, FLAG, m(DRBD_NLA_RESIZE_PARMS, 3, FLG), &["resize"]),
        spec(Section::Command, FLAG, m(DRBD_NLA_RESIZE_PARMS, 3, FLG), &["resize"]),
    ),
    row(
        "al-stripes",
        "resize: the number of stripes of the new activity-log layout.",
        spec(Section::Command, count(1, 1024, 1), o(DRBD_NLA_RESIZE_PARMS, 4, U32), &["resize"]),
        spec(Section::Command, count(1, 1024, 1), o(DRBD_NLA_RESIZE_PARMS, 4, U32), &["resize"]),
    ),
    row(
        "al-stripe-size-kB",
        "resize: the size of one stripe of the new activity-log layout.",
        spec(
            Section::Command,
            num(4, 16777216, 32, Scale::Kilo, ""),
            o(DRBD_NLA_RESIZE_PARMS, 5, U32),
            &["resize"],
        ),
        spec(
            Section::Command,
            num(4, 16777216, 32, Scale::Kilo, ""),
            o(DRBD_NLA_RESIZE_PARMS, 5, U32),
            &["resize"],
        ),
    ),
    row(
        "start",
        "verify: where online verification starts.",
        spec(Section::Command, SIZE, m(DRBD_NLA_START_OV_PARMS, 1, U64), &["verify"]),
        spec(Section::Command, SIZE, m(DRBD_NLA_START_OV_PARMS, 1, U64), &["verify"]),
    ),
    row(
        "stop",
        "verify: where online verification stops.",
        spec(Section::Command, SIZE, m(DRBD_NLA_START_OV_PARMS, 2, U64), &["verify"]),
        spec(Section::Command, SIZE, m(DRBD_NLA_START_OV_PARMS, 2, U64), &["verify"]),
    ),
    row(
        "clear-bitmap",
        "new-current-uuid: also clear the bitmap, skipping the initial resync.",
        spec(
            Section::Command,
            FLAG,
            m(DRBD_NLA_NEW_C_UUID_PARMS, 1, FLG),
            &["new-current-uuid"],
        ),
        spec(
            Section::Command,
            FLAG,
            m(DRBD_NLA_NEW_C_UUID_PARMS, 1, FLG),
            &["new-current-uuid"],
        ),
    ),
    row(
        "force-resync",
        "new-current-uuid: start a resync to the peers afterwards.",
        None,
        spec(
            Section::Command,
            FLAG,
            m(DRBD_NLA_NEW_C_UUID_PARMS, 2, FLG),
            &["new-current-uuid"],
        ),
    ),
    row(
        "sync-from-peer-node-id",
        "invalidate: the peer to resync from; -1 lets DRBD choose.",
        None,
        spec(
            Section::Command,
            count(-1, 32, -1),
            m(DRBD_NLA_INVALIDATE_PARMS, 1, S32),
            &["invalidate"],
        ),
    ),
    row(
        "reset-bitmap",
        "invalidate: mark all blocks out of sync (no resyncs only what the bitmap says).",
        None,
        spec(
            Section::Command,
            boolean(true),
            m(DRBD_NLA_INVALIDATE_PARMS, 2, FLG),
            &["invalidate"],
        ),
    ),
    row(
        "reset-bitmap",
        "invalidate-remote: mark all blocks out of sync (no resyncs only what the bitmap says).",
        None,
        spec(
            Section::Command,
            boolean(true),
            m(DRBD_NLA_INVAL_PEER_PARAMS, 1, FLG),
            &["invalidate-remote"],
        ),
    ),
    row(
        "bdev-freeze",
        "suspend-io: also freeze the file system on top of the device.",
        None,
        spec(
            Section::Command,
            boolean(true),
            m(DRBD_NLA_SUSPEND_IO_PARAMS, 1, FLG),
            &["suspend-io"],
        ),
    ),
    // ---- output options of the query commands (no netlink field) ----
    // In the order of upstream's option arrays (`show_cmd_options`, `status_cmd_options`,
    // `events_cmd_options`), which their help lists.
    row(
        "show-defaults",
        "show: also print options that have their default values.",
        spec(Section::Command, FLAG, None, &["show"]),
        spec(Section::Command, FLAG, None, &["show"]),
    ),
    row(
        "verbose",
        "status: print every field, not only the interesting ones.",
        spec(Section::Command, FLAG, None, &["status"]),
        spec(Section::Command, FLAG, None, &["status"]),
    ),
    row(
        "timestamps",
        "events2: prefix every event with the time it was received.",
        spec(Section::Command, FLAG, None, &["events2"]),
        spec(Section::Command, FLAG, None, &["events2"]),
    ),
    row(
        "statistics",
        "Also print the statistics counters.",
        spec(Section::Command, FLAG, None, &["status", "events2"]),
        spec(Section::Command, FLAG, None, &["status", "events2"]),
    ),
    row(
        "now",
        "events2: print the current state and exit instead of following changes.",
        spec(Section::Command, FLAG, None, &["events2"]),
        spec(Section::Command, FLAG, None, &["events2"]),
    ),
    row(
        "poll",
        "events2: print the state again whenever a line is read from stdin.",
        None,
        spec(Section::Command, FLAG, None, &["events2"]),
    ),
    row(
        "full",
        "events2: print the whole object on every change, not only what changed.",
        None,
        spec(Section::Command, FLAG, None, &["events2"]),
    ),
    row(
        "color",
        "Colour the output: never, always, or auto (only on a terminal).",
        spec(Section::Command, enumeration(COLOR, "auto"), None, &["status"]),
        spec(Section::Command, enumeration(COLOR, "auto"), None, &["status", "events2"]),
    ),
    // Upstream declares an optional argument, which it ignores.
    row(
        "diff",
        "events2: print changes as old->new pairs.",
        None,
        spec(Section::Command, boolean(false), None, &["events2"]),
    ),
    row(
        "rcvbuf",
        "events2: the size of the netlink receive buffer.",
        None,
        spec(Section::Command, count(0, i32::MAX as i64, 0), None, &["events2"]),
    ),
    row(
        "json",
        "show, status: print JSON instead of text.",
        None,
        spec(Section::Command, FLAG, None, &["show", "status"]),
    ),
    row(
        "json",
        "Print JSON instead of text (events2: one object per line).",
        ours(spec(Section::Command, FLAG, None, &["show", "status", "events2"])),
        ours(spec(Section::Command, FLAG, None, &["events2"])),
    ),
    // ---- create-md options: drbdadm passes them to drbdmeta ----
    row(
        "max-peers",
        "create-md: how many peers the meta data reserves bitmap slots for.",
        None,
        spec(Section::Command, count(1, 31, 1), None, CREATE_MD),
    ),
    row(
        "peer-max-bio-size",
        "create-md: the request size to assume for the peer until it is known.",
        spec(Section::Command, count(0, 1048576, 0), None, CREATE_MD),
        spec(Section::Command, count(0, 1048576, 0), None, CREATE_MD),
    ),
    row(
        "al-stripes",
        "create-md: the number of stripes of the activity log.",
        spec(Section::Command, count(1, 1024, 1), None, CREATE_MD),
        spec(Section::Command, count(1, 1024, 1), None, CREATE_MD),
    ),
    row(
        "al-stripe-size-kB",
        "create-md: the size of one activity-log stripe.",
        spec(Section::Command, num(4, 16777216, 32, Scale::Kilo, ""), None, CREATE_MD),
        spec(Section::Command, num(4, 16777216, 32, Scale::Kilo, ""), None, CREATE_MD),
    ),
    row(
        "force",
        "create-md: answer yes to every question.",
        spec(Section::Command, FLAG, None, CREATE_MD),
        spec(Section::Command, FLAG, None, CREATE_MD),
    ),
    row(
        "effective-size",
        "create-md: record this as the size the device already had.",
        spec(Section::Command, SIZE, None, CREATE_MD),
        spec(Section::Command, SIZE, None, CREATE_MD),
    ),
    row(
        "bitmap-block-size",
        "create-md: how many bytes one bitmap bit covers (a power of two).",
        None,
        spec(Section::Command, count(4096, 1048576, 4096), None, CREATE_MD),
    ),
    row(
        "diskful-peers",
        "create-md: the node ids of the peers that have a disk (a list or a hex mask).",
        None,
        spec(Section::Command, string(0), None, CREATE_MD),
    ),
    row(
        "initial-current-uuid",
        "create-md: the current UUID to start with, or generate.",
        None,
        spec(Section::Command, string(0), None, CREATE_MD),
    ),
    row(
        "consistent",
        "create-md: mark the new meta data consistent.",
        None,
        spec(Section::Command, FLAG, None, CREATE_MD),
    ),
    row(
        "uptodate",
        "create-md: mark the new meta data up to date.",
        None,
        spec(Section::Command, FLAG, None, CREATE_MD),
    ),
    row(
        "peers-outdated",
        "create-md: mark the peers outdated.",
        None,
        spec(Section::Command, FLAG, None, CREATE_MD),
    ),
    row(
        "rotate-uuids",
        "create-md: keep the old current UUID in the history.",
        None,
        spec(Section::Command, FLAG, None, CREATE_MD),
    ),
];
