//! `events2` for DRBD 9: keeps a model of every resource from the notifications, applies
//! them in `nlmsg_seq` order, and prints one line per changed object, in upstream's text
//! (with `--diff`, `--full`, `--statistics`, `--timestamps`, `--color`) or as JSON lines.

use std::collections::BTreeMap;
use std::io::{self, Write};

use conf_parser::options::Dialect;

use crate::address::address_str;
use crate::codec::Message;
use crate::color::Colors;
use crate::consts::{cmd, disk9, nla, notify, NO_ERROR};
use crate::objects::{Connection, Context, Device, Path, PeerDevice, Resource, ResourceInfo};

/// Output switches.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `--statistics`.
    pub statistics: bool,
    /// Verbosity (`--statistics` and `--full` raise it).
    pub verbose: u32,
    /// `--full`.
    pub full: bool,
    /// `--diff`.
    pub diff: bool,
    /// `--timestamps`.
    pub timestamps: bool,
    /// `--color`.
    pub color: bool,
    /// `--json`: one JSON object per line (an extension of ours).
    pub json: bool,
}

/// The events2 state machine.
pub struct Events2<W: Write> {
    out: W,
    opts: Options,
    colors: Colors,
    initial_state: bool,
    all: BTreeMap<String, Resource>,
    update: Vec<Resource>,
    next_seq: Option<u32>,
    stored: Vec<Message>,
}

const UNKNOWN: &str = "UNKNOWN";

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn no_yes_unknown(v: u8) -> &'static str {
    match v {
        0 => "no",
        1 => "yes",
        _ => "unknown",
    }
}

fn seq_le(a: u32, b: u32) -> bool {
    (a as i32).wrapping_sub(b as i32) <= 0
}

impl<W: Write> Events2<W> {
    /// A fresh state machine writing to `out`.
    pub fn new(out: W, opts: Options) -> Self {
        Events2 {
            out,
            opts,
            colors: Colors {
                enabled: opts.color,
            },
            initial_state: true,
            all: BTreeMap::new(),
            update: Vec::new(),
            next_seq: None,
            stored: Vec::new(),
        }
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn prefix(&self) -> String {
        if self.opts.timestamps {
            chrono::Local::now()
                .format("%Y-%m-%dT%H:%M:%S%.6f%:z ")
                .to_string()
        } else {
            String::new()
        }
    }

    /// Feeds one message (`print_event()`); returns a non-zero code to stop.
    pub fn event(&mut self, m: &Message) -> io::Result<i32> {
        if m.ret_code != NO_ERROR {
            return Ok(m.ret_code);
        }
        let Some(nh) = m
            .tla(nla::NOTIFICATION_HEADER)
            .and_then(|f| f.u32(nla::T_NH_TYPE))
        else {
            return Ok(0);
        };
        let action = nh & !notify::FLAGS;
        let prefix = self.prefix();
        if m.cmd == cmd::DRBD_INITIAL_STATE_DONE {
            if self.initial_state {
                if self.opts.json {
                    writeln!(self.out, "{{\"action\":\"exists\",\"object\":\"-\"}}")?;
                } else {
                    writeln!(self.out, "{prefix}exists -")?;
                }
            }
            self.out.flush()?;
            self.initial_state = false;
        } else if action == notify::EXISTS {
            self.apply(&prefix, m)?;
            return Ok(0);
        } else {
            if self.next_seq.is_none() {
                self.next_seq = Some(m.seq);
            }
            self.stored.push(m.clone());
        }
        if self.initial_state {
            return Ok(0);
        }
        'restart: loop {
            let next = self.next_seq.unwrap_or(0);
            for i in 0..self.stored.len() {
                if seq_le(self.stored[i].seq, next) {
                    let msg = self.stored.remove(i);
                    if msg.seq == next {
                        self.next_seq = Some(next.wrapping_add(1));
                    }
                    self.apply(&prefix, &msg)?;
                    continue 'restart;
                }
            }
            break;
        }
        Ok(0)
    }

    fn apply(&mut self, prefix: &str, m: &Message) -> io::Result<()> {
        let Some(nh) = m
            .tla(nla::NOTIFICATION_HEADER)
            .and_then(|f| f.u32(nla::T_NH_TYPE))
        else {
            return Ok(());
        };
        let action = nh & !notify::FLAGS;
        let ctx = Context::of(m);
        let is_resource_create = m.cmd == cmd::DRBD_RESOURCE_STATE
            && (action == notify::CREATE || action == notify::EXISTS);
        let in_update = self.update.iter().position(|r| r.name == ctx.resource);
        let idx = match in_update {
            Some(i) if !is_resource_create => i,
            Some(_) => return Ok(()),
            None => {
                let old = self.all.get(&ctx.resource);
                if is_resource_create {
                    if old.is_some() {
                        return Ok(());
                    }
                    self.update.insert(0, Resource::from_msg(m));
                } else {
                    let Some(old) = old else { return Ok(()) };
                    let copy = old.deep_copy();
                    self.update.insert(0, copy);
                }
                0
            }
        };
        let r = &mut self.update[idx];
        r.new_name = None;
        match action {
            notify::EXISTS | notify::CREATE => match m.cmd {
                cmd::DRBD_RESOURCE_STATE => {}
                cmd::DRBD_DEVICE_STATE => {
                    let d = Device::from_msg(m);
                    if d.ctx.volume != u32::MAX && r.device(d.ctx.volume).is_none() {
                        r.devices.insert(0, d);
                    }
                }
                cmd::DRBD_CONNECTION_STATE => {
                    let c = Connection::from_msg(m);
                    if r.connection(&c.ctx.conn_name).is_none() {
                        r.connections.insert(0, c);
                    }
                }
                cmd::DRBD_PEER_DEVICE_STATE => {
                    let p = PeerDevice::from_msg(m);
                    if let Some(c) = r
                        .connections
                        .iter_mut()
                        .find(|c| c.ctx.conn_name == p.ctx.conn_name)
                    {
                        if !c.peer_devices.iter().any(|x| x.ctx.volume == p.ctx.volume) {
                            c.peer_devices.insert(0, p);
                        }
                    }
                }
                cmd::DRBD_PATH_STATE => store_path(r, Path::from_msg(m)),
                _ => return Ok(()),
            },
            notify::CHANGE => match m.cmd {
                cmd::DRBD_RESOURCE_STATE => {
                    r.info.update(m);
                    r.stats = crate::objects::Stats::from_msg(m, nla::RESOURCE_STATISTICS);
                }
                cmd::DRBD_DEVICE_STATE => {
                    if let Some(d) = r.devices.iter_mut().find(|d| d.ctx.volume == ctx.volume) {
                        let new = Device::from_msg(m);
                        d.info = new.info;
                        d.stats = new.stats;
                    }
                }
                cmd::DRBD_CONNECTION_STATE => {
                    if let Some(c) = r
                        .connections
                        .iter_mut()
                        .find(|c| c.ctx.conn_name == ctx.conn_name)
                    {
                        let new = Connection::from_msg(m);
                        c.cstate = new.cstate;
                        c.role = new.role;
                        c.stats = new.stats;
                    }
                }
                cmd::DRBD_PEER_DEVICE_STATE => {
                    let p = r
                        .connections
                        .iter_mut()
                        .find(|c| c.ctx.conn_name == ctx.conn_name)
                        .and_then(|c| {
                            c.peer_devices
                                .iter_mut()
                                .find(|p| p.ctx.volume == ctx.volume)
                        });
                    if let Some(p) = p {
                        let new = PeerDevice::from_msg(m);
                        p.info = new.info;
                        p.stats = new.stats;
                    }
                }
                cmd::DRBD_PATH_STATE => {
                    let new = Path::from_msg(m);
                    let existing = r
                        .connections
                        .iter_mut()
                        .find(|c| c.ctx.conn_name == ctx.conn_name)
                        .and_then(|c| c.paths.iter_mut().find(|p| p.same_path(&ctx)));
                    match existing {
                        Some(p) => p.established = new.established,
                        None => store_path(r, new),
                    }
                }
                _ => return Ok(()),
            },
            notify::DESTROY => match m.cmd {
                cmd::DRBD_RESOURCE_STATE => r.destroyed = true,
                cmd::DRBD_DEVICE_STATE => r.devices.retain(|d| d.ctx.volume != ctx.volume),
                cmd::DRBD_CONNECTION_STATE => {
                    if let Some(i) = r
                        .connections
                        .iter()
                        .position(|c| c.ctx.conn_name == ctx.conn_name)
                    {
                        r.connections.remove(i);
                    }
                }
                cmd::DRBD_PEER_DEVICE_STATE => {
                    if let Some(c) = r
                        .connections
                        .iter_mut()
                        .find(|c| c.ctx.conn_name == ctx.conn_name)
                    {
                        if let Some(i) = c
                            .peer_devices
                            .iter()
                            .position(|p| p.ctx.volume == ctx.volume)
                        {
                            c.peer_devices.remove(i);
                        }
                    }
                }
                cmd::DRBD_PATH_STATE => {
                    if let Some(c) = r
                        .connections
                        .iter_mut()
                        .find(|c| c.ctx.conn_name == ctx.conn_name)
                    {
                        if let Some(i) = c.paths.iter().position(|p| p.same_path(&ctx)) {
                            c.paths.remove(i);
                        }
                    }
                }
                _ => return Ok(()),
            },
            notify::CALL | notify::RESPONSE => {
                if m.cmd != cmd::DRBD_HELPER {
                    return Ok(());
                }
                let Some(h) = m.tla(nla::HELPER) else {
                    return Ok(());
                };
                let name = h.str(nla::T_HELPER_NAME).unwrap_or_default();
                let status = h.u32(nla::T_HELPER_STATUS).unwrap_or(0);
                self.print_helper(
                    prefix,
                    &ctx,
                    m.minor,
                    action == notify::RESPONSE,
                    &name,
                    status,
                )?;
            }
            notify::RENAME => {
                if m.cmd == cmd::DRBD_RESOURCE_STATE {
                    r.new_name = m.tla(nla::RENAME_RESOURCE_INFO).and_then(|f| f.str(1));
                }
            }
            _ => return Ok(()),
        }
        if nh & notify::CONTINUES == 0 {
            let batch = std::mem::take(&mut self.update);
            for mut new in batch {
                let old = self.all.remove(&new.name);
                let action = if self.initial_state {
                    "exists"
                } else {
                    "create"
                };
                self.print_changes(prefix, action, old.as_ref(), &mut new)?;
                if !new.destroyed {
                    self.all.insert(new.name.clone(), new);
                }
            }
        }
        self.out.flush()
    }

    fn print_helper(
        &mut self,
        prefix: &str,
        ctx: &Context,
        minor: u32,
        response: bool,
        name: &str,
        status: u32,
    ) -> io::Result<()> {
        let mut line = Line::new(prefix, if response { "response" } else { "call" }, "helper");
        line.key("name", &ctx.resource);
        if ctx.peer_node_id != u32::MAX {
            line.key("peer-node-id", &ctx.peer_node_id.to_string());
        }
        if !ctx.conn_name.is_empty() {
            line.key("conn-name", &ctx.conn_name);
        }
        if !ctx.my_addr.is_empty() && !ctx.peer_addr.is_empty() {
            if let (Some(l), Some(p)) = (address_str(&ctx.my_addr), address_str(&ctx.peer_addr)) {
                line.key("local", &l);
                line.key("peer", &p);
            }
        }
        if ctx.volume != u32::MAX {
            line.key("volume", &ctx.volume.to_string());
        }
        if minor != u32::MAX {
            line.key("minor", &minor.to_string());
        }
        line.key("helper", name);
        if response {
            line.key("status", &status.to_string());
        }
        line.write(&mut self.out, self.opts.json)
    }

    fn print_changes(
        &mut self,
        prefix: &str,
        action_new: &str,
        old: Option<&Resource>,
        new: &mut Resource,
    ) -> io::Result<()> {
        self.print_resource(prefix, action_new, old, new)?;
        if new.new_name.is_some() {
            return Ok(());
        }
        let empty = Vec::new();
        for c in &new.connections {
            let oc = old.and_then(|o| o.connection(&c.ctx.conn_name));
            self.print_connection(prefix, action_new, &new.name, c, oc)?;
        }
        for d in &new.devices {
            let od = old.and_then(|o| o.device(d.ctx.volume));
            self.print_device(prefix, action_new, &new.name, d, od)?;
        }
        for c in &new.connections {
            let oc = old.and_then(|o| o.connection(&c.ctx.conn_name));
            for p in &c.peer_devices {
                let op = oc.and_then(|oc| {
                    oc.peer_devices
                        .iter()
                        .find(|x| x.ctx.volume == p.ctx.volume)
                });
                self.print_peer_device(prefix, action_new, &new.name, p, op)?;
            }
            for path in &c.paths {
                let op = oc.and_then(|oc| oc.paths.iter().find(|x| x.same_path(&path.ctx)));
                self.print_path(prefix, action_new, &new.name, path, op)?;
            }
            for op in oc.map_or(&empty, |oc| &oc.paths) {
                if !c.paths.iter().any(|p| p.same_path(&op.ctx)) {
                    if let (Some(l), Some(p)) =
                        (address_str(&op.ctx.my_addr), address_str(&op.ctx.peer_addr))
                    {
                        let mut line = Line::new(prefix, "destroy", "path");
                        line.key("name", &new.name);
                        line.key("peer-node-id", &op.ctx.peer_node_id.to_string());
                        line.key("conn-name", &op.ctx.conn_name);
                        line.key("local", &l);
                        line.key("peer", &p);
                        line.write(&mut self.out, self.opts.json)?;
                    }
                }
            }
            let empty_pd = Vec::new();
            for op in oc.map_or(&empty_pd, |oc| &oc.peer_devices) {
                if !c.peer_devices.iter().any(|p| p.ctx.volume == op.ctx.volume) {
                    let mut line = Line::new(prefix, "destroy", "peer-device");
                    line.key("name", &new.name);
                    line.key("peer-node-id", &op.ctx.peer_node_id.to_string());
                    line.key("conn-name", &op.ctx.conn_name);
                    line.key("volume", &op.ctx.volume.to_string());
                    line.write(&mut self.out, self.opts.json)?;
                }
            }
        }
        if let Some(old) = old {
            for oc in &old.connections {
                if new.connection(&oc.ctx.conn_name).is_none() {
                    let mut line = Line::new(prefix, "destroy", "connection");
                    line.key("name", &new.name);
                    line.key("peer-node-id", &oc.ctx.peer_node_id.to_string());
                    line.key("conn-name", &oc.ctx.conn_name);
                    line.write(&mut self.out, self.opts.json)?;
                }
            }
            for od in &old.devices {
                if new.device(od.ctx.volume).is_none() {
                    let mut line = Line::new(prefix, "destroy", "device");
                    line.key("name", &new.name);
                    line.key("volume", &od.ctx.volume.to_string());
                    line.write(&mut self.out, self.opts.json)?;
                }
            }
        }
        if new.destroyed {
            let mut line = Line::new(prefix, "destroy", "resource");
            line.key("name", &new.name);
            line.write(&mut self.out, self.opts.json)?;
        }
        Ok(())
    }

    fn diff_or(&self, line: &mut Line, key: &str, old: Option<String>, new: String) {
        if self.opts.diff {
            line.key(
                key,
                &format!("{}->{}", old.unwrap_or_else(|| UNKNOWN.into()), new),
            );
        } else {
            line.key(key, &new);
        }
    }

    fn print_resource(
        &mut self,
        prefix: &str,
        action_new: &str,
        old: Option<&Resource>,
        new: &mut Resource,
    ) -> io::Result<()> {
        let np = promotion_info(new);
        let oi: Option<&ResourceInfo> = old.map(|o| &o.info);
        let role_changed = oi.is_none_or(|o| o.role != new.info.role);
        let info_changed = oi.is_none_or(|o| {
            (o.susp, o.susp_nod, o.susp_fen, o.susp_quorum)
                != (
                    new.info.susp,
                    new.info.susp_nod,
                    new.info.susp_fen,
                    new.info.susp_quorum,
                )
        });
        let fail_io_changed = oi.is_none_or(|o| o.fail_io != new.info.fail_io);
        let stats_changed = self.opts.statistics && old.is_none_or(|o| !o.stats.same(&new.stats));
        let op = old.map(promotion_info);
        let promotion_changed = op.is_none_or(|op| op != np);
        if let Some(new_name) = new.new_name.clone() {
            let mut line = Line::new(prefix, "rename", "resource");
            line.key("name", &new.name);
            line.key("new_name", &new_name);
            line.write(&mut self.out, self.opts.json)?;
            new.name = new_name;
            return Ok(());
        }
        if !(role_changed || info_changed || stats_changed || promotion_changed || fail_io_changed)
        {
            return Ok(());
        }
        let full = self.opts.full;
        let mut line = Line::new(
            prefix,
            if old.is_some() { "change" } else { action_new },
            "resource",
        );
        line.key("name", &new.name);
        if role_changed || full {
            let c = &self.colors;
            let n = c.role(new.info.role, true);
            let o = oi.map(|o| c.role(o.role, true));
            self.diff_or(&mut line, "role", o, n);
        }
        if info_changed || full {
            self.diff_or(
                &mut line,
                "suspended",
                oi.map(ResourceInfo::susp_str),
                new.info.susp_str(),
            );
        }
        if fail_io_changed || full {
            self.diff_or(
                &mut line,
                "force-io-failures",
                oi.map(|o| yes_no(o.fail_io != 0).to_string()),
                yes_no(new.info.fail_io != 0).to_string(),
            );
        }
        if stats_changed || full {
            let wo = new.stats.get(1);
            let changed = old.is_none_or(|o| o.stats.get(1) != wo) || full;
            if changed {
                if let Some(s) = ["none", "drain", "flush", "barrier"].get(wo as usize) {
                    line.key("write-ordering", s);
                }
            }
        }
        if promotion_changed || full {
            if self.opts.diff {
                let om = op.map_or(UNKNOWN, |p| yes_no(p.0));
                line.key("may_promote", &format!("{om}->{}", yes_no(np.0)));
                line.key(
                    "promotion_score",
                    &format!("{}->{}", op.map_or(0, |p| p.1), np.1),
                );
            } else {
                line.key("may_promote", yes_no(np.0));
                line.key("promotion_score", &np.1.to_string());
            }
        }
        line.write(&mut self.out, self.opts.json)
    }

    fn print_connection(
        &mut self,
        prefix: &str,
        action_new: &str,
        res: &str,
        new: &Connection,
        old: Option<&Connection>,
    ) -> io::Result<()> {
        let cstate_changed = old.is_none_or(|o| o.cstate != new.cstate);
        let role_changed = old.is_none_or(|o| o.role != new.role);
        let stats_changed = self.opts.statistics && old.is_none_or(|o| !o.stats.same(&new.stats));
        if !(cstate_changed || role_changed || stats_changed) {
            return Ok(());
        }
        let full = self.opts.full;
        let mut line = Line::new(
            prefix,
            if old.is_some() { "change" } else { action_new },
            "connection",
        );
        line.key("name", res);
        line.key("peer-node-id", &new.ctx.peer_node_id.to_string());
        line.key("conn-name", &new.ctx.conn_name);
        if cstate_changed || full {
            let c = &self.colors;
            self.diff_or(
                &mut line,
                "connection",
                old.map(|o| c.cstate(o.cstate)),
                c.cstate(new.cstate),
            );
        }
        if role_changed || full {
            let c = &self.colors;
            self.diff_or(
                &mut line,
                "role",
                old.map(|o| c.role(o.role, false)),
                c.role(new.role, false),
            );
        }
        if stats_changed || full {
            let congested = new.stats.get(1);
            if old.is_none_or(|o| o.stats.get(1) != congested) || full {
                line.key("congested", yes_no(congested == 1));
            }
            if new.stats.get(2) != u64::MAX {
                line.key("ap-in-flight", &new.stats.get(2).to_string());
                line.key("rs-in-flight", &new.stats.get(3).to_string());
            }
        }
        line.write(&mut self.out, self.opts.json)
    }

    fn print_device(
        &mut self,
        prefix: &str,
        action_new: &str,
        res: &str,
        new: &Device,
        old: Option<&Device>,
    ) -> io::Result<()> {
        let info_changed = old.is_none_or(|o| {
            o.info.disk_state != new.info.disk_state
                || o.info.has_quorum != new.info.has_quorum
                || o.info.is_open != new.info.is_open
        });
        let stats_changed = self.opts.statistics && old.is_none_or(|o| !o.stats.same(&new.stats));
        if !(info_changed || stats_changed) {
            return Ok(());
        }
        let full = self.opts.full;
        let mut line = Line::new(
            prefix,
            if old.is_some() { "change" } else { action_new },
            "device",
        );
        line.key("name", res);
        line.key("volume", &new.ctx.volume.to_string());
        line.key("minor", &new.minor.to_string());
        if info_changed || full {
            let intentional = new.info.is_intentional_diskless == 1;
            let c = &self.colors;
            let disk_new = c.disk(Dialect::V9, new.info.disk_state, intentional, true);
            if self.opts.diff {
                let bd_new = new.info.backing_dev_str();
                match old {
                    Some(o) if o.info.backing_dev_str() == bd_new => {
                        line.key("backing_dev", bd_new)
                    }
                    _ => line.key(
                        "backing_dev",
                        &format!(
                            "{}->{bd_new}",
                            old.map_or(UNKNOWN, |o| o.info.backing_dev_str())
                        ),
                    ),
                }
                let disk_old = old.map(|o| {
                    c.disk(
                        Dialect::V9,
                        o.info.disk_state,
                        o.info.is_intentional_diskless == 1,
                        true,
                    )
                });
                line.key(
                    "disk",
                    &format!("{}->{disk_new}", disk_old.as_deref().unwrap_or(UNKNOWN)),
                );
                let client_new = no_yes_unknown(new.info.is_intentional_diskless);
                match old {
                    Some(o) if (o.info.is_intentional_diskless == 1) == intentional => {
                        line.key("client", client_new)
                    }
                    _ => line.key(
                        "client",
                        &format!(
                            "{}->{client_new}",
                            old.map_or(UNKNOWN, |o| no_yes_unknown(o.info.is_intentional_diskless))
                        ),
                    ),
                }
                let open_new = no_yes_unknown(new.info.is_open);
                match old {
                    Some(o) if o.info.is_open == new.info.is_open => line.key("open", open_new),
                    _ => line.key(
                        "open",
                        &format!(
                            "{}->{open_new}",
                            old.map_or(UNKNOWN, |o| no_yes_unknown(o.info.is_open))
                        ),
                    ),
                }
                // Upstream prints the quorum change only when there is an old device (a
                // comma operator swallows the printf otherwise); keep the exact output.
                if let Some(o) = old {
                    if o.info.has_quorum != new.info.has_quorum {
                        line.key(
                            "quorum",
                            &format!(
                                "{}->{}",
                                yes_no(o.info.has_quorum != 0),
                                yes_no(new.info.has_quorum != 0)
                            ),
                        );
                    } else {
                        line.key("quorum", yes_no(new.info.has_quorum != 0));
                    }
                }
            } else {
                line.key("backing_dev", new.info.backing_dev_str());
                line.key("disk", &disk_new);
                line.key("client", no_yes_unknown(new.info.is_intentional_diskless));
                line.key("open", no_yes_unknown(new.info.is_open));
                line.key("quorum", yes_no(new.info.has_quorum != 0));
            }
        }
        if stats_changed || full {
            self.device_statistics(&mut line, old.map(|o| &o.stats), &new.stats);
        }
        line.write(&mut self.out, self.opts.json)
    }

    fn device_statistics(
        &self,
        line: &mut Line,
        old: Option<&crate::objects::Stats>,
        s: &crate::objects::Stats,
    ) {
        let v = self.opts.verbose > 0;
        if self.opts.statistics {
            if v {
                line.key("size", &(s.get(1) / 2).to_string());
            }
            line.key("read", &(s.get(2) / 2).to_string());
            line.key("written", &(s.get(3) / 2).to_string());
            if v {
                line.key("al-writes", &s.get(4).to_string());
                line.key("bm-writes", &s.get(5).to_string());
                line.key("upper-pending", &(s.get(6) as u32).to_string());
                line.key("lower-pending", &(s.get(7) as u32).to_string());
                if old.is_none_or(|o| o.get(10) != s.get(10)) || self.opts.full {
                    line.key("al-suspended", yes_no(s.get(10) == 1));
                }
            }
        }
        let upper = s.get(8) == 1;
        let lower = s.get(9) == 1;
        let blocked_changed = old.is_none_or(|o| o.get(8) != s.get(8) || o.get(9) != s.get(9));
        if blocked_changed && s.get(1) != u64::MAX && (v || upper || lower) {
            let text = match (upper, lower) {
                (false, false) => "no".to_string(),
                (true, false) => "upper".to_string(),
                (false, true) => "lower".to_string(),
                (true, true) => "upper,lower".to_string(),
            };
            line.key("blocked", &text);
        }
    }

    fn print_peer_device(
        &mut self,
        prefix: &str,
        action_new: &str,
        res: &str,
        new: &PeerDevice,
        old: Option<&PeerDevice>,
    ) -> io::Result<()> {
        let intentional = new.info.is_intentional_diskless == 1;
        let old_intentional = old.is_some_and(|o| o.info.is_intentional_diskless == 1);
        let repl_changed = old.is_none_or(|o| o.info.repl_state != new.info.repl_state);
        let disk_changed = old.is_none_or(|o| o.info.disk_state != new.info.disk_state);
        let susp_changed = old.is_none_or(|o| {
            (
                o.info.susp_user,
                o.info.susp_peer,
                o.info.susp_dependency,
                o.info.susp_max_parallel,
            ) != (
                new.info.susp_user,
                new.info.susp_peer,
                new.info.susp_dependency,
                new.info.susp_max_parallel,
            )
        });
        let stats_changed = old.is_none_or(|o| !o.stats.same(&new.stats));
        if !(repl_changed || disk_changed || susp_changed || stats_changed) {
            return Ok(());
        }
        let full = self.opts.full;
        let mut line = Line::new(
            prefix,
            if old.is_some() { "change" } else { action_new },
            "peer-device",
        );
        line.key("name", res);
        line.key("peer-node-id", &new.ctx.peer_node_id.to_string());
        line.key("conn-name", &new.ctx.conn_name);
        line.key("volume", &new.ctx.volume.to_string());
        let c = &self.colors;
        if repl_changed || full {
            self.diff_or(
                &mut line,
                "replication",
                old.map(|o| c.repl(o.info.repl_state)),
                c.repl(new.info.repl_state),
            );
        }
        if disk_changed || full || intentional != old_intentional {
            let disk_new = c.disk(Dialect::V9, new.info.disk_state, intentional, false);
            let client_new = no_yes_unknown(new.info.is_intentional_diskless);
            if self.opts.diff {
                let disk_old =
                    old.map(|o| c.disk(Dialect::V9, o.info.disk_state, old_intentional, false));
                line.key(
                    "peer-disk",
                    &format!("{}->{disk_new}", disk_old.as_deref().unwrap_or(UNKNOWN)),
                );
                match old {
                    Some(_) if old_intentional == intentional => {
                        line.key("peer-client", client_new)
                    }
                    _ => line.key(
                        "peer-client",
                        &format!(
                            "{}->{client_new}",
                            old.map_or(UNKNOWN, |o| no_yes_unknown(o.info.is_intentional_diskless))
                        ),
                    ),
                }
            } else {
                line.key("peer-disk", &disk_new);
                line.key("peer-client", client_new);
            }
        }
        if susp_changed || full {
            self.diff_or(
                &mut line,
                "resync-suspended",
                old.map(|o| o.info.resync_susp_str()),
                new.info.resync_susp_str(),
            );
        }
        if stats_changed || full {
            peer_device_statistics(
                &mut line,
                &new.stats,
                self.opts.statistics,
                self.opts.verbose,
                true,
            );
        }
        line.write(&mut self.out, self.opts.json)
    }

    fn print_path(
        &mut self,
        prefix: &str,
        action_new: &str,
        res: &str,
        new: &Path,
        old: Option<&Path>,
    ) -> io::Result<()> {
        if old.is_some_and(|o| o.established == new.established) {
            return Ok(());
        }
        let (Some(l), Some(p)) = (
            address_str(&new.ctx.my_addr),
            address_str(&new.ctx.peer_addr),
        ) else {
            return Ok(());
        };
        let mut line = Line::new(
            prefix,
            if old.is_some() { "change" } else { action_new },
            "path",
        );
        line.key("name", res);
        line.key("peer-node-id", &new.ctx.peer_node_id.to_string());
        line.key("conn-name", &new.ctx.conn_name);
        line.key("local", &l);
        line.key("peer", &p);
        self.diff_or(
            &mut line,
            "established",
            old.map(|o| yes_no(o.established != 0).to_string()),
            yes_no(new.established != 0).to_string(),
        );
        line.write(&mut self.out, self.opts.json)
    }
}

fn store_path(r: &mut Resource, p: Path) {
    if let Some(c) = r
        .connections
        .iter_mut()
        .find(|c| c.ctx.conn_name == p.ctx.conn_name)
    {
        if !c.paths.iter().any(|x| x.same_path(&p.ctx)) {
            c.paths.insert(0, p);
        }
    }
}

/// `print_peer_device_statistics()`; `event` is the events2 form (prints `done:` first and
/// stops unless `statistics`).
pub fn peer_device_statistics(
    line: &mut dyn KeySink,
    s: &crate::objects::Stats,
    statistics: bool,
    verbose: u32,
    event: bool,
) {
    let rs_total = s.get(10);
    let sync_details = rs_total != 0 && rs_total != u64::MAX;
    let ov_left = s.get(14);
    let to_go = if sync_details {
        if ov_left != 0 {
            ov_left
        } else {
            s.get(5).wrapping_sub(s.get(6))
        }
    } else {
        0
    };
    if event {
        if sync_details {
            let done = 100.0 * rs_total.wrapping_sub(to_go) as f64 / rs_total as f64;
            line.key("done", &format!("{done:.2}"));
        }
        if !statistics {
            return;
        }
    }
    line.key("received", &(s.get(1) / 2).to_string());
    line.key("sent", &(s.get(2) / 2).to_string());
    if verbose > 0 || s.get(5) != 0 {
        line.key("out-of-sync", &(s.get(5) / 2).to_string());
    }
    if verbose == 0 {
        return;
    }
    line.key("pending", &(s.get(3) as u32).to_string());
    line.key("unacked", &(s.get(4) as u32).to_string());
    if !sync_details {
        return;
    }
    if verbose > 1 {
        for (k, nr) in [
            ("rs-total", 10),
            ("rs-dt-start-ms", 17),
            ("rs-paused-ms", 18),
            ("rs-dt0-ms", 19),
            ("rs-db0-sectors", 20),
            ("rs-dt1-ms", 21),
            ("rs-db1-sectors", 22),
        ] {
            line.key(k, &s.get(nr).to_string());
        }
        if ov_left != 0 {
            for (k, nr) in [
                ("ov-start-sector", 11),
                ("ov-stop-sector", 12),
                ("ov-position", 13),
                ("ov-left", 14),
                ("ov-skipped", 15),
            ] {
                line.key(k, &s.get(nr).to_string());
            }
        } else {
            line.key("rs-failed", &s.get(6).to_string());
            line.key("rs-same-csum", &s.get(16).to_string());
        }
        let rate = s.get(23) as u32;
        if rate != 0 {
            line.key("want", &format!("{:.2}", f64::from(rate) / 1024.0));
        }
        let db = rs_total.wrapping_sub(to_go) as f64;
        let dt = s.get(17).wrapping_sub(s.get(18));
        let dt = if dt == 0 { 1.0 } else { dt as f64 };
        line.key("dbdt", &format!("{:.2}", db / dt * 1000.0 / 2048.0));
        let db0 = s.get(20) as i64 as f64;
        let dt0 = match s.get(19) {
            0 => 1.0,
            v => v as f64,
        };
        line.key("dbdt0", &format!("{:.2}", db0 / dt0 * 1000.0 / 2048.0));
    }
    let db = s.get(22) as i64 as f64;
    let dt = match s.get(21) {
        0 => 1.0,
        v => v as f64,
    };
    line.key("dbdt1", &format!("{:.2}", db / dt * 1000.0 / 2048.0));
    let eta = if db > 0.0 {
        dt * 1e-3 * to_go as f64 / db
    } else {
        f64::NAN
    };
    line.key(
        "eta",
        &if eta.is_nan() {
            "nan".to_string()
        } else {
            format!("{eta:.0}")
        },
    );
}

/// `compute_promotion_info()`: may this node promote, and how good a candidate is it.
pub fn promotion_info(r: &Resource) -> (bool, i32) {
    if r.devices.is_empty() || r.info.fail_io != 0 {
        return (false, 0);
    }
    let mut up_to_date_devices = 0;
    let mut all_have_disk = true;
    let mut min_replicas: i32 = -1;
    let mut all_stable = true;
    for d in &r.devices {
        let peers = r
            .connections
            .iter()
            .flat_map(|c| &c.peer_devices)
            .filter(|p| p.ctx.volume == d.ctx.volume && p.info.disk_state == disk9::UP_TO_DATE);
        let local = i32::from(d.info.disk_state == disk9::UP_TO_DATE);
        let replicas = local + peers.clone().count() as i32;
        let stable = d.info.disk_state == disk9::UP_TO_DATE
            || peers
                .clone()
                .any(|p| p.stats.get(24) & (1 << 5) != 0 && p.stats.get(24) != u64::MAX);
        if d.info.has_quorum == 0 {
            return (false, 0);
        }
        match d.info.disk_state {
            disk9::UP_TO_DATE => up_to_date_devices += 1,
            disk9::CONSISTENT | disk9::INCONSISTENT => {}
            _ => all_have_disk = false,
        }
        if min_replicas == -1 || replicas < min_replicas {
            min_replicas = replicas;
        }
        if !stable {
            all_stable = false;
        }
    }
    if min_replicas <= 0 {
        return (false, 0);
    }
    let have_primary = r.info.role == crate::consts::R_PRIMARY
        || r.connections
            .iter()
            .any(|c| c.role == crate::consts::R_PRIMARY);
    let may = !have_primary && all_stable;
    let score =
        i32::from(all_have_disk) * 10000 + up_to_date_devices.min(99) * 100 + min_replicas.min(99);
    (may, score)
}

/// Where `key:value` pairs go: an events2 [`Line`], or `status`'s wrapping writer.
pub trait KeySink {
    /// Appends `key:value`.
    fn key(&mut self, key: &str, value: &str);
}

impl KeySink for Line {
    fn key(&mut self, key: &str, value: &str) {
        Line::key(self, key, value);
    }
}

/// One output line: `[time ]ACTION OBJECT key:value...`, or its JSON form.
pub struct Line {
    prefix: String,
    action: &'static str,
    object: &'static str,
    keys: Vec<(String, String)>,
}

impl Line {
    /// Starts a line.
    pub fn new(prefix: &str, action: &str, object: &'static str) -> Line {
        let action = match action {
            "exists" => "exists",
            "create" => "create",
            "change" => "change",
            "destroy" => "destroy",
            "call" => "call",
            "response" => "response",
            _ => "rename",
        };
        Line {
            prefix: prefix.to_string(),
            action,
            object,
            keys: Vec::new(),
        }
    }

    /// Appends `key:value`.
    pub fn key(&mut self, key: &str, value: &str) {
        self.keys.push((key.to_string(), value.to_string()));
    }

    /// Writes the line.
    pub fn write(&self, out: &mut dyn Write, json: bool) -> io::Result<()> {
        if json {
            let mut s = format!(
                "{{\"action\":{},\"object\":{}",
                crate::json::string(self.action),
                crate::json::string(self.object)
            );
            let ts = self.prefix.trim();
            if !ts.is_empty() {
                s.push_str(&format!(",\"timestamp\":{}", crate::json::string(ts)));
            }
            for (k, v) in &self.keys {
                s.push_str(&format!(
                    ",{}:{}",
                    crate::json::string(k),
                    crate::json::string(&strip_ansi(v))
                ));
            }
            s.push('}');
            writeln!(out, "{s}")
        } else {
            write!(out, "{}{} {}", self.prefix, self.action, self.object)?;
            for (k, v) in &self.keys {
                write!(out, " {k}:{v}")?;
            }
            writeln!(out)
        }
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_flat_objects() {
        let mut line = Line::new("", "change", "device");
        line.key("name", "r\"0");
        let mut out = Vec::new();
        line.write(&mut out, true).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"action\":\"change\",\"object\":\"device\",\"name\":\"r\\\"0\"}\n"
        );
    }
}
