//! Numbers from `drbd_genl.h` and `drbd.h` (named as there), and the state names DRBD prints.
//! The option fields themselves live in the shared option table
//! (`conf_parser::options`); this module has what that table does not: commands, the sets
//! the kernel sends back, and enumerations of states.

use conf_parser::options::Dialect;

/// `drbd_genlmsghdr.flags` bit for `--set-defaults`.
pub const DRBD_GENL_F_SET_DEFAULTS: u32 = 1;

/// `DRBD_ADM_*` and notification numbers (`genlmsghdr.cmd`).
#[allow(missing_docs)]
pub mod cmd {
    pub const DRBD_EVENT: u8 = 1;
    pub const DRBD_ADM_GET_STATUS: u8 = 2;
    pub const DRBD_ADM_NEW_MINOR: u8 = 5;
    pub const DRBD_ADM_DEL_MINOR: u8 = 6;
    pub const DRBD_ADM_NEW_RESOURCE: u8 = 7;
    pub const DRBD_ADM_DEL_RESOURCE: u8 = 8;
    pub const DRBD_ADM_RESOURCE_OPTS: u8 = 9;
    pub const DRBD_ADM_CONNECT: u8 = 10;
    pub const DRBD_ADM_DISCONNECT: u8 = 11;
    pub const DRBD_ADM_ATTACH: u8 = 12;
    pub const DRBD_ADM_RESIZE: u8 = 13;
    pub const DRBD_ADM_PRIMARY: u8 = 14;
    pub const DRBD_ADM_SECONDARY: u8 = 15;
    pub const DRBD_ADM_NEW_C_UUID: u8 = 16;
    pub const DRBD_ADM_START_OV: u8 = 17;
    pub const DRBD_ADM_DETACH: u8 = 18;
    pub const DRBD_ADM_INVALIDATE: u8 = 19;
    pub const DRBD_ADM_INVAL_PEER: u8 = 20;
    pub const DRBD_ADM_PAUSE_SYNC: u8 = 21;
    pub const DRBD_ADM_RESUME_SYNC: u8 = 22;
    pub const DRBD_ADM_SUSPEND_IO: u8 = 23;
    pub const DRBD_ADM_RESUME_IO: u8 = 24;
    pub const DRBD_ADM_OUTDATE: u8 = 25;
    pub const DRBD_ADM_GET_TIMEOUT_TYPE: u8 = 26;
    pub const DRBD_ADM_DOWN: u8 = 27;
    pub const DRBD_ADM_CHG_DISK_OPTS: u8 = 28;
    pub const DRBD_ADM_CHG_NET_OPTS: u8 = 29;
    pub const DRBD_ADM_GET_RESOURCES: u8 = 30;
    pub const DRBD_ADM_GET_DEVICES: u8 = 31;
    pub const DRBD_ADM_GET_CONNECTIONS: u8 = 32;
    pub const DRBD_ADM_GET_PEER_DEVICES: u8 = 33;
    pub const DRBD_RESOURCE_STATE: u8 = 34;
    pub const DRBD_DEVICE_STATE: u8 = 35;
    pub const DRBD_CONNECTION_STATE: u8 = 36;
    pub const DRBD_PEER_DEVICE_STATE: u8 = 37;
    pub const DRBD_ADM_GET_INITIAL_STATE: u8 = 38;
    pub const DRBD_HELPER: u8 = 40;
    pub const DRBD_INITIAL_STATE_DONE: u8 = 41;
    pub const DRBD_ADM_FORGET_PEER: u8 = 42;
    pub const DRBD_ADM_CHG_PEER_DEVICE_OPTS: u8 = 43;
    pub const DRBD_ADM_NEW_PEER: u8 = 44;
    pub const DRBD_ADM_NEW_PATH: u8 = 45;
    pub const DRBD_ADM_DEL_PEER: u8 = 46;
    pub const DRBD_ADM_DEL_PATH: u8 = 47;
    pub const DRBD_PATH_STATE: u8 = 48;
    pub const DRBD_ADM_RENAME_RESOURCE: u8 = 49;
    pub const DRBD_ADM_GET_PATHS: u8 = 50;
}

/// Top-level sets (`DRBD_NLA_*`) and the fields this crate reads or writes outside the
/// option table (`T_*`).
#[allow(missing_docs)]
pub mod nla {
    pub const CFG_REPLY: u16 = 1;
    pub const CFG_CONTEXT: u16 = 2;
    pub const DISK_CONF: u16 = 3;
    pub const RESOURCE_OPTS: u16 = 4;
    pub const NET_CONF: u16 = 5;
    pub const SET_ROLE_PARMS: u16 = 6;
    pub const RESIZE_PARMS: u16 = 7;
    pub const STATE_INFO: u16 = 8;
    pub const START_OV_PARMS: u16 = 9;
    pub const NEW_C_UUID_PARMS: u16 = 10;
    pub const TIMEOUT_PARMS: u16 = 11;
    pub const DISCONNECT_PARMS: u16 = 12;
    pub const DETACH_PARMS: u16 = 13;
    pub const DEVICE_CONF: u16 = 14;
    pub const RESOURCE_INFO: u16 = 15;
    pub const DEVICE_INFO: u16 = 16;
    pub const CONNECTION_INFO: u16 = 17;
    pub const PEER_DEVICE_INFO: u16 = 18;
    pub const RESOURCE_STATISTICS: u16 = 19;
    pub const DEVICE_STATISTICS: u16 = 20;
    pub const CONNECTION_STATISTICS: u16 = 21;
    pub const PEER_DEVICE_STATISTICS: u16 = 22;
    pub const NOTIFICATION_HEADER: u16 = 23;
    pub const HELPER: u16 = 24;
    pub const INVALIDATE_PARMS: u16 = 25;
    pub const FORGET_PEER_PARMS: u16 = 26;
    pub const PEER_DEVICE_OPTS: u16 = 27;
    pub const PATH_PARMS: u16 = 28;
    pub const CONNECT_PARMS: u16 = 29;
    pub const PATH_INFO: u16 = 30;
    pub const RENAME_RESOURCE_PARMS: u16 = 31;
    pub const RENAME_RESOURCE_INFO: u16 = 32;
    pub const INVAL_PEER_PARAMS: u16 = 33;
    pub const SUSPEND_IO_PARAMS: u16 = 34;

    // drbd_cfg_reply
    pub const T_INFO_TEXT: u16 = 1;
    // drbd_cfg_context
    pub const T_CTX_VOLUME: u16 = 1;
    pub const T_CTX_RESOURCE_NAME: u16 = 2;
    pub const T_CTX_MY_ADDR: u16 = 3;
    pub const T_CTX_PEER_ADDR: u16 = 4;
    pub const T_CTX_CONN_NAME: u16 = 5;
    pub const T_CTX_PEER_NODE_ID: u16 = 6;
    // disk_conf positional fields
    pub const T_BACKING_DEV: u16 = 1;
    pub const T_META_DEV: u16 = 2;
    pub const T_META_DEV_IDX: u16 = 3;
    // res_opts positional fields
    pub const T_NODE_ID: u16 = 4;
    pub const T_DRBD8_COMPAT_MODE: u16 = 15;
    // path_parms
    pub const T_MY_ADDR: u16 = 1;
    pub const T_PEER_ADDR: u16 = 2;
    // forget_peer_parms, rename_resource_parms, timeout_parms
    pub const T_FORGET_PEER_NODE_ID: u16 = 1;
    pub const T_NEW_RESOURCE_NAME: u16 = 1;
    pub const T_TIMEOUT_TYPE: u16 = 1;
    // drbd_notification_header, drbd_helper_info
    pub const T_NH_TYPE: u16 = 1;
    pub const T_HELPER_NAME: u16 = 1;
    pub const T_HELPER_STATUS: u16 = 2;
    // state_info (8.4)
    pub const T_CURRENT_STATE: u16 = 2;
    pub const T_UUIDS: u16 = 7;
    pub const T_DISK_FLAGS: u16 = 8;
}

/// `NOTIFY_*` values of `nh_type`.
#[allow(missing_docs)]
pub mod notify {
    pub const EXISTS: u32 = 0;
    pub const CREATE: u32 = 1;
    pub const CHANGE: u32 = 2;
    pub const DESTROY: u32 = 3;
    pub const CALL: u32 = 4;
    pub const RESPONSE: u32 = 5;
    pub const RENAME: u32 = 6;
    pub const CONTINUES: u32 = 0x8000;
    pub const FLAGS: u32 = CONTINUES;
}

/// `enum drbd_ret_code`: success.
pub const NO_ERROR: i32 = 101;
/// `ERR_CODE_BASE`.
pub const ERR_CODE_BASE: i32 = 100;
/// `ERR_MINOR_INVALID`.
pub const ERR_MINOR_INVALID: i32 = 127;
/// `ERR_RES_NOT_KNOWN`.
pub const ERR_RES_NOT_KNOWN: i32 = 158;
/// `SS_IN_TRANSIENT_STATE`: retry.
pub const SS_IN_TRANSIENT_STATE: i32 = -18;

/// Disk states (`enum drbd_disk_state`; 8.4 lacks `Detaching`).
pub fn disk_str(dialect: Dialect, s: u32) -> &'static str {
    const V9: &[&str] = &[
        "Diskless",
        "Attaching",
        "Detaching",
        "Failed",
        "Negotiating",
        "Inconsistent",
        "Outdated",
        "DUnknown",
        "Consistent",
        "UpToDate",
    ];
    const V84: &[&str] = &[
        "Diskless",
        "Attaching",
        "Failed",
        "Negotiating",
        "Inconsistent",
        "Outdated",
        "DUnknown",
        "Consistent",
        "UpToDate",
    ];
    let names = if dialect == Dialect::V84 { V84 } else { V9 };
    names.get(s as usize).copied().unwrap_or("?")
}

/// `D_UP_TO_DATE` etc. for DRBD 9.
#[allow(missing_docs)]
pub mod disk9 {
    pub const DISKLESS: u32 = 0;
    pub const INCONSISTENT: u32 = 5;
    pub const OUTDATED: u32 = 6;
    pub const UNKNOWN: u32 = 7;
    pub const CONSISTENT: u32 = 8;
    pub const UP_TO_DATE: u32 = 9;
}

/// Connection states (`enum drbd_conn_state` of 9; 8.4's `enum drbd_conns` continues with
/// the replication states).
pub fn conn_str(dialect: Dialect, s: u32) -> &'static str {
    const V9: &[&str] = &[
        "StandAlone",
        "Disconnecting",
        "Unconnected",
        "Timeout",
        "BrokenPipe",
        "NetworkFailure",
        "ProtocolError",
        "TearDown",
        "Connecting",
        "Connected",
    ];
    const V84: &[&str] = &[
        "StandAlone",
        "Disconnecting",
        "Unconnected",
        "Timeout",
        "BrokenPipe",
        "NetworkFailure",
        "ProtocolError",
        "TearDown",
        "WFConnection",
        "WFReportParams",
        "Connected",
        "StartingSyncS",
        "StartingSyncT",
        "WFBitMapS",
        "WFBitMapT",
        "WFSyncUUID",
        "SyncSource",
        "SyncTarget",
        "VerifyS",
        "VerifyT",
        "PausedSyncS",
        "PausedSyncT",
        "Ahead",
        "Behind",
    ];
    let names = if dialect == Dialect::V84 { V84 } else { V9 };
    names.get(s as usize).copied().unwrap_or("?")
}

/// Replication states (`enum drbd_repl_state`, DRBD 9; starts at 9 = Off).
pub fn repl_str(s: u32) -> &'static str {
    const NAMES: &[&str] = &[
        "Off",
        "Established",
        "StartingSyncS",
        "StartingSyncT",
        "WFBitMapS",
        "WFBitMapT",
        "WFSyncUUID",
        "SyncSource",
        "SyncTarget",
        "VerifyS",
        "VerifyT",
        "PausedSyncS",
        "PausedSyncT",
        "Ahead",
        "Behind",
    ];
    s.checked_sub(9)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// `L_*` values used in decisions.
#[allow(missing_docs)]
pub mod repl {
    pub const OFF: u32 = 9;
    pub const ESTABLISHED: u32 = 10;
    pub const SYNC_SOURCE: u32 = 16;
    pub const SYNC_TARGET: u32 = 17;
    pub const VERIFY_S: u32 = 18;
    pub const VERIFY_T: u32 = 19;
    pub const PAUSED_SYNC_S: u32 = 20;
    pub const PAUSED_SYNC_T: u32 = 21;
    pub const AHEAD: u32 = 22;
    pub const BEHIND: u32 = 23;
}

/// `C_CONNECTED` of DRBD 9.
pub const C_CONNECTED: u32 = 9;
/// `C_STANDALONE`.
pub const C_STANDALONE: u32 = 0;
/// `C_CONNECTING` of DRBD 9.
pub const C_CONNECTING: u32 = 8;

/// Roles (`enum drbd_role`).
pub fn role_str(s: u32) -> &'static str {
    ["Unknown", "Primary", "Secondary"]
        .get(s as usize)
        .copied()
        .unwrap_or("?")
}

/// `R_PRIMARY`.
pub const R_PRIMARY: u32 = 1;
/// `R_SECONDARY`.
pub const R_SECONDARY: u32 = 2;

/// The text of a state-change result (`drbd_set_st_err_str`), per dialect.
pub fn state_err_str(dialect: Dialect, rv: i32) -> &'static str {
    match rv {
        -1 => "Multiple primaries not allowed by config",
        -2 => "Need access to UpToDate data",
        -4 => "Can not resync without local disk",
        -5 => "Can not resync without remote disk",
        -6 => "Refusing to be Outdated while Connected",
        -7 => "Refusing to be Primary while peer is not outdated",
        -8 => "Can not start OV/resync since it is already active",
        -9 => "Can not disconnect a StandAlone device",
        -10 => "State change was refused by peer node",
        -11 => "Device is diskless, the requested operation requires a disk",
        -12 => "Device is held open by someone",
        -13 => "Have no net/connection configuration",
        -14 => "Need a verify algorithm to start online verify",
        -15 if dialect == Dialect::V84 => "Need a connection to start verify or resync",
        -15 => "State change requires a connection",
        -16 => "Disk state is lower than outdated",
        -17 => "Peer does not support protocol",
        -18 => "In transient state, retry after next state change",
        -19 => "Concurrent state changes detected and aborted",
        -20 => "Other vol primary on peer not allowed by config",
        -21 if dialect == Dialect::V84 => {
            "Need a connection for a graceful disconnect/outdate peer"
        }
        -21 => "Interrupted state change",
        -22 if dialect == Dialect::V9 => {
            "Peer may not become primary while device is opened read-only"
        }
        -23 if dialect == Dialect::V9 => "Timeout in operation",
        -24 if dialect == Dialect::V9 => {
            "Primary nodes must be strongly connected among each other"
        }
        -25 if dialect == Dialect::V9 => "No quorum",
        -26 if dialect == Dialect::V9 => "Intentional diskless peer may not attach a disk",
        -27 if dialect == Dialect::V9 => "Disconnect chosen in handshake",
        -28 if dialect == Dialect::V9 => "Retry chosen in handshake",
        _ => "?",
    }
}

/// `SS_AFTER_LAST_ERROR` per dialect.
pub fn ss_after_last_error(dialect: Dialect) -> i32 {
    match dialect {
        Dialect::V84 => -22,
        Dialect::V9 => -29,
    }
}

/// `AFTER_LAST_ERR_CODE` per dialect.
pub fn after_last_err_code(dialect: Dialect) -> i32 {
    match dialect {
        Dialect::V84 => 171,
        Dialect::V9 => 177,
    }
}

/// drbdsetup's text for an `ERR_*` code (`error_messages[]`).
pub fn error_to_string(code: i32) -> &'static str {
    const TEXTS: &[&str] = &[
        "No further Information available.",
        "Local address(port) already in use.",
        "Remote address(port) already in use.",
        "Can not open backing device.",
        "Can not open meta device.",
        "Lower device already in use.",
        "Lower device is not a block device.",
        "Meta device is not a block device.",
        "Open of lower device failed.",
        "Open of meta device failed.",
        "Low.dev. smaller than requested DRBD-dev. size.",
        "Meta device too small.",
        "You have to use the disk command first.",
        "Lower device is already claimed. This usually means it is mounted.",
        "Meta device is already claimed. This usually means it is mounted.",
        "Lower device / meta device / index combination invalid.",
        "Currently we only support devices up to 3.998TB.\n(up to 2TB in case you do not have CONFIG_LBD set)\nContact office@linbit.com, if you need more.",
        "IO error(s) occurred during initial access to meta-data.\n",
        "No valid meta-data signature found.\n\n ==> Use 'drbdadm create-md res' to initialize meta-data area. <==\n",
        "The 'cram-hmac-alg' you specified is not known in the kernel. (Maybe you need to modprobe it, or modprobe hmac?)",
        "The 'cram-hmac-alg' you specified is not a digest.",
        "kmalloc() failed. Out of memory?",
        "--discard-my-data not allowed when primary.",
        "Device is attached to a disk (use detach first)",
        "Device has a net-config (use disconnect first)",
        "UnknownMandatoryTag",
        "Device minor not allocated",
        "Resulting device state would be invalid",
        "Interrupted by Signal",
        "Resize not allowed during resync.",
        "Need one Primary node to resize.",
        "The resync-after minor number is invalid",
        "This would cause a resync-after dependency cycle",
        "Sync-pause flag is already set",
        "Sync-pause flag is already cleared",
        "Disk state is lower than outdated",
        "Kernel does not know how to handle your request.\nMaybe API_VERSION mismatch?",
        "Device does not have a disk-config",
        "Protocol C required",
        "vmalloc() failed. Out of memory?",
        "The 'data-integrity-alg' you specified is not known in the kernel. (Maybe you need to modprobe it, or modprobe hmac?)",
        "The 'data-integrity-alg' you specified is not a digest.",
        "Invalid cpu-mask.",
        "CSUMSAlgNotAvail",
        "CSUMSAlgNotDigest",
        "VERIFYAlgNotAvail",
        "VERIFYAlgNotDigest",
        "Can not change csums-alg while resync is in progress",
        "Can not change verify-alg while online verify runs",
        "Can only attach to the data we lost last (see kernel log).",
        "Need to be StandAlone",
        "Permission denied. CAP_SYS_ADMIN necessary",
        "Protocol version 93 required to use --assume-clean",
        "Fencing policy resource-and-stonith only with prot B or C allowed",
        "on-congestion policy pull-ahead only with prot A allowed",
        "Sync-pause flag is already cleared.\nNote: Resync pause caused by a local resync-after dependency.",
        "Sync-pause flag is already cleared.\nNote: Resync pause caused by the peer node.",
        "Unknown resource",
        "Resource still in use (delete all minors first)",
        "Minor still configured (down it first)",
        "Minor or volume exists already (delete it first)",
        "Invalid configuration request",
        "Prot version 100 required in order to change\nthese network options while connected",
        "Can not clear allow_two_primaries as long as\nthere a primaries on both sides",
        "Unclean meta-data found.\nYou need to 'drbdadm apply-al res'\n",
        "DRBD need to be connected for online MD layout change\n",
        "Resulting AL area too big\n",
        "Resulting AL are too small\n",
        "Resulting AL does not fit into available meta data space\n",
        "Implicit device shrinking not allowed. See kernel log.\n",
        "Invalid peer-node-id\n",
        "Failed to create transport (drbd_transport_xxx module missing?)\n",
        "Combination of local address(port) and remote address(port) already in use\n",
        "Already exists\n",
        "A higher DRBD protocol level is required for this operation\n",
        "Path collides with existing path\n",
    ];
    usize::try_from(code - NO_ERROR)
        .ok()
        .and_then(|i| TEXTS.get(i))
        .copied()
        .unwrap_or("Unknown... maybe API_VERSION mismatch?")
}
