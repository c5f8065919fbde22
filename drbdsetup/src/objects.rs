//! DRBD 9 objects (resources, devices, connections, peer devices, paths) decoded from dump
//! replies and notifications, as `status`, `show` and `events2` use them. Absent statistics
//! are all-ones, as upstream pre-fills them, so "not provided" can be told apart.

use crate::codec::{ne_u32, ne_u64, Fields, Message};
use crate::consts::nla;

/// `drbd_cfg_context` as received.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// `ctx_resource_name`.
    pub resource: String,
    /// `ctx_volume` (`u32::MAX` when absent).
    pub volume: u32,
    /// `ctx_peer_node_id` (`u32::MAX` when absent).
    pub peer_node_id: u32,
    /// `ctx_conn_name` (empty when absent).
    pub conn_name: String,
    /// `ctx_my_addr` raw sockaddr.
    pub my_addr: Vec<u8>,
    /// `ctx_peer_addr` raw sockaddr.
    pub peer_addr: Vec<u8>,
}

impl Context {
    /// Decodes the context of a message.
    pub fn of(m: &Message) -> Context {
        let f = m.tla(nla::CFG_CONTEXT).cloned().unwrap_or_default();
        Context {
            resource: f.str(nla::T_CTX_RESOURCE_NAME).unwrap_or_default(),
            volume: f.u32(nla::T_CTX_VOLUME).unwrap_or(u32::MAX),
            peer_node_id: f.u32(nla::T_CTX_PEER_NODE_ID).unwrap_or(u32::MAX),
            conn_name: f.str(nla::T_CTX_CONN_NAME).unwrap_or_default(),
            my_addr: f
                .raw(nla::T_CTX_MY_ADDR)
                .map(<[u8]>::to_vec)
                .unwrap_or_default(),
            peer_addr: f
                .raw(nla::T_CTX_PEER_ADDR)
                .map(<[u8]>::to_vec)
                .unwrap_or_default(),
        }
    }
}

fn set(m: &Message, nr: u16) -> Fields {
    m.tla(nr).cloned().unwrap_or_default()
}

/// `resource_info`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ResourceInfo {
    pub role: u32,
    pub susp: u8,
    pub susp_nod: u8,
    pub susp_fen: u8,
    pub susp_quorum: u8,
    pub fail_io: u8,
}

impl ResourceInfo {
    /// Overlays the fields present in `m` on `self`.
    pub fn update(&mut self, m: &Message) {
        let f = set(m, nla::RESOURCE_INFO);
        self.role = f.u32(1).unwrap_or(self.role);
        self.susp = f.u8(2).unwrap_or(self.susp);
        self.susp_nod = f.u8(3).unwrap_or(self.susp_nod);
        self.susp_fen = f.u8(4).unwrap_or(self.susp_fen);
        self.susp_quorum = f.u8(5).unwrap_or(self.susp_quorum);
        self.fail_io = f.u8(6).unwrap_or(self.fail_io);
    }

    /// `susp_str()`: which suspensions are active.
    pub fn susp_str(&self) -> String {
        let parts: Vec<&str> = [
            (self.susp, "user"),
            (self.susp_nod, "no-data"),
            (self.susp_fen, "fencing"),
            (self.susp_quorum, "quorum"),
        ]
        .iter()
        .filter(|(on, _)| *on != 0)
        .map(|(_, n)| *n)
        .collect();
        if parts.is_empty() {
            "no".into()
        } else {
            parts.join(",")
        }
    }
}

/// `device_info`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct DeviceInfo {
    pub disk_state: u32,
    pub is_intentional_diskless: u8,
    pub has_quorum: u8,
    pub is_open: u8,
    pub backing_dev: String,
}

impl Default for DeviceInfo {
    fn default() -> Self {
        // drbdsetup's defaults: Diskless, "intentional" and "open" unknown (3).
        DeviceInfo {
            disk_state: 0,
            is_intentional_diskless: 3,
            has_quorum: 0,
            is_open: 3,
            backing_dev: String::new(),
        }
    }
}

impl DeviceInfo {
    /// Decodes from `m` over the defaults.
    pub fn from_msg(m: &Message) -> DeviceInfo {
        let f = set(m, nla::DEVICE_INFO);
        let d = DeviceInfo::default();
        DeviceInfo {
            disk_state: f.u32(1).unwrap_or(d.disk_state),
            is_intentional_diskless: f.u8(2).unwrap_or(d.is_intentional_diskless),
            has_quorum: f.u8(3).unwrap_or(d.has_quorum),
            is_open: f.u8(5).unwrap_or(d.is_open),
            backing_dev: f.str(4).unwrap_or_default(),
        }
    }

    /// `backing_dev_str()`.
    pub fn backing_dev_str(&self) -> &str {
        if self.backing_dev.is_empty() {
            "none"
        } else {
            &self.backing_dev
        }
    }
}

/// A statistics set kept as (field number → value), all-ones for absent ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats(pub Vec<(u16, u64)>);

impl Stats {
    /// Decodes set `nr` of `m`, treating each field by its payload length.
    pub fn from_msg(m: &Message, nr: u16) -> Stats {
        let f = set(m, nr);
        Stats(
            f.0.iter()
                .map(|(k, v)| {
                    let val = match v.len() {
                        1 => u64::from(v[0]),
                        4 => ne_u32(v).map_or(u64::MAX, u64::from),
                        8 => ne_u64(v).unwrap_or(u64::MAX),
                        _ => u64::MAX,
                    };
                    (*k, val)
                })
                .collect(),
        )
    }

    /// Field `nr`, or all-ones when absent (for u32 fields compare with `u32::MAX`).
    pub fn get(&self, nr: u16) -> u64 {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| *k == nr)
            .map_or(u64::MAX, |(_, v)| *v)
    }

    /// Whether field `nr` was sent.
    pub fn has(&self, nr: u16) -> bool {
        self.0.iter().any(|(k, _)| *k == nr)
    }

    /// Compares two statistics sets the way `memcmp` on upstream's structs does: by the
    /// values of all fields, absent ones counting as all-ones.
    pub fn same(&self, other: &Stats) -> bool {
        let mut keys: Vec<u16> = self.0.iter().chain(&other.0).map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.iter().all(|k| self.get(*k) == other.get(*k))
    }
}

/// A device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// Its minor.
    pub minor: u32,
    /// Its context.
    pub ctx: Context,
    /// `device_info`.
    pub info: DeviceInfo,
    /// `device_statistics`.
    pub stats: Stats,
    /// `disk_conf` as sent.
    pub disk_conf: Fields,
    /// `device_conf` as sent.
    pub device_conf: Fields,
    /// `history_uuids` of `device_statistics` as sent (`None`: absent).
    pub history_uuids: Option<Vec<u8>>,
}

impl Device {
    /// Decodes a device message.
    pub fn from_msg(m: &Message) -> Device {
        Device {
            minor: m.minor,
            ctx: Context::of(m),
            info: DeviceInfo::from_msg(m),
            stats: Stats::from_msg(m, nla::DEVICE_STATISTICS),
            disk_conf: set(m, nla::DISK_CONF),
            device_conf: set(m, nla::DEVICE_CONF),
            history_uuids: m
                .tla(nla::DEVICE_STATISTICS)
                .and_then(|f| f.raw(14))
                .map(<[u8]>::to_vec),
        }
    }
}

/// `peer_device_info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct PeerDeviceInfo {
    pub repl_state: u32,
    pub disk_state: u32,
    pub susp_user: u32,
    pub susp_peer: u32,
    pub susp_dependency: u32,
    pub is_intentional_diskless: u8,
    pub susp_max_parallel: u32,
}

impl PeerDeviceInfo {
    /// Decodes from `m` (intentional-diskless unknown = 3 when absent).
    pub fn from_msg(m: &Message) -> PeerDeviceInfo {
        let f = set(m, nla::PEER_DEVICE_INFO);
        PeerDeviceInfo {
            repl_state: f.u32(1).unwrap_or(0),
            disk_state: f.u32(2).unwrap_or(0),
            susp_user: f.u32(3).unwrap_or(0),
            susp_peer: f.u32(4).unwrap_or(0),
            susp_dependency: f.u32(5).unwrap_or(0),
            is_intentional_diskless: f.u8(6).unwrap_or(3),
            susp_max_parallel: f.u32(7).unwrap_or(0),
        }
    }

    /// `resync_susp_str()`.
    pub fn resync_susp_str(&self) -> String {
        let parts: Vec<&str> = [
            (self.susp_user, "user"),
            (self.susp_peer, "peer"),
            (self.susp_dependency, "dependency"),
            (self.susp_max_parallel, "max-parallel"),
        ]
        .iter()
        .filter(|(on, _)| *on != 0)
        .map(|(_, n)| *n)
        .collect();
        if parts.is_empty() {
            "no".into()
        } else {
            parts.join(",")
        }
    }
}

/// A peer device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerDevice {
    /// Its minor (dumps only).
    pub minor: u32,
    /// Its context.
    pub ctx: Context,
    /// `peer_device_info`.
    pub info: PeerDeviceInfo,
    /// `peer_device_statistics`.
    pub stats: Stats,
    /// `peer_device_conf` as sent.
    pub conf: Fields,
}

impl PeerDevice {
    /// Decodes a peer-device message.
    pub fn from_msg(m: &Message) -> PeerDevice {
        PeerDevice {
            minor: m.minor,
            ctx: Context::of(m),
            info: PeerDeviceInfo::from_msg(m),
            stats: Stats::from_msg(m, nla::PEER_DEVICE_STATISTICS),
            conf: set(m, nla::PEER_DEVICE_OPTS),
        }
    }
}

/// A path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// Its context (addresses included).
    pub ctx: Context,
    /// `path_established`.
    pub established: u8,
}

impl Path {
    /// Decodes a path message.
    pub fn from_msg(m: &Message) -> Path {
        Path {
            ctx: Context::of(m),
            established: set(m, nla::PATH_INFO).u8(1).unwrap_or(0),
        }
    }

    /// Same addresses (byte comparison, as upstream).
    pub fn same_path(&self, ctx: &Context) -> bool {
        self.ctx.my_addr == ctx.my_addr && self.ctx.peer_addr == ctx.peer_addr
    }
}

/// A connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// Its context.
    pub ctx: Context,
    /// `conn_connection_state`.
    pub cstate: u32,
    /// `conn_role`.
    pub role: u32,
    /// `connection_statistics`.
    pub stats: Stats,
    /// `net_conf` as sent.
    pub net_conf: Fields,
    /// `path_parms` as sent (repeated addresses).
    pub path_parms: Fields,
    /// Peer devices (head first, as upstream's lists).
    pub peer_devices: Vec<PeerDevice>,
    /// Paths (head first).
    pub paths: Vec<Path>,
}

impl Connection {
    /// Decodes a connection message.
    pub fn from_msg(m: &Message) -> Connection {
        let info = set(m, nla::CONNECTION_INFO);
        Connection {
            ctx: Context::of(m),
            cstate: info.u32(1).unwrap_or(0),
            role: info.u32(2).unwrap_or(0),
            stats: Stats::from_msg(m, nla::CONNECTION_STATISTICS),
            net_conf: set(m, nla::NET_CONF),
            path_parms: set(m, nla::PATH_PARMS),
            peer_devices: Vec::new(),
            paths: Vec::new(),
        }
    }
}

/// A resource with everything below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// Its name.
    pub name: String,
    /// `res_opts` as sent.
    pub res_opts: Fields,
    /// `resource_info`.
    pub info: ResourceInfo,
    /// `resource_statistics`.
    pub stats: Stats,
    /// Devices (head first).
    pub devices: Vec<Device>,
    /// Connections (head first).
    pub connections: Vec<Connection>,
    /// A destroy notification arrived.
    pub destroyed: bool,
    /// A rename notification's new name.
    pub new_name: Option<String>,
}

impl Resource {
    /// Decodes a resource message.
    pub fn from_msg(m: &Message) -> Resource {
        let mut info = ResourceInfo::default();
        info.update(m);
        Resource {
            name: Context::of(m).resource,
            res_opts: set(m, nla::RESOURCE_OPTS),
            info,
            stats: Stats::from_msg(m, nla::RESOURCE_STATISTICS),
            devices: Vec::new(),
            connections: Vec::new(),
            destroyed: false,
            new_name: None,
        }
    }

    /// The copy upstream's `deep_copy_resource()` makes: lists come out reversed, because
    /// each element is pushed onto the head of the new list.
    pub fn deep_copy(&self) -> Resource {
        let mut r = self.clone();
        r.devices.reverse();
        r.connections.reverse();
        for c in &mut r.connections {
            c.peer_devices.reverse();
            c.paths.reverse();
        }
        r
    }

    /// The device of `volume`.
    pub fn device(&self, volume: u32) -> Option<&Device> {
        self.devices.iter().find(|d| d.ctx.volume == volume)
    }

    /// The connection named `name`.
    pub fn connection(&self, name: &str) -> Option<&Connection> {
        self.connections.iter().find(|c| c.ctx.conn_name == name)
    }
}
