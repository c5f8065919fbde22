//! The read-only and waiting commands of DRBD 9's drbdsetup (genl API 2), answered from the
//! `DRBD_ADM_GET_*` dumps like `user/v9/drbdsetup.c`: `role`, `peer-role`, `cstate`,
//! `dstate`, `get-gi`/`show-gi`, the six `wait-*` commands (`DRBD_ADM_GET_TIMEOUT_TYPE` per
//! peer device, then the initial state and the notifications) and the resource list of
//! `down all`.

use std::io::Write;
use std::time::Instant;

use conf_parser::options::Dialect;

use crate::codec::{Attr, Incoming, Message, Request, Value};
use crate::consts::{
    self, cmd, conn_str, disk_str, nla, notify, repl, role_str, ERR_MINOR_INVALID,
    ERR_RES_NOT_KNOWN, NO_ERROR,
};
use crate::lists;
use crate::objects::{Context, PeerDevice, PeerDeviceInfo};
use crate::run::{check_error, info_texts, RunError};
use crate::session::{dump_request, Session, GET_TIMEOUT};
use crate::status::stat;
use crate::uuids;
use crate::v84::{fix_timeouts, pick_timeout, timeout_type, WaitOpts};

fn write_out(out: &mut dyn Write, text: &str) -> Result<(), RunError> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| RunError::Netlink("write".into(), e))
}

/// `role RES`.
pub fn role(
    s: &mut Session<'_>,
    res: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let list = lists::resources(s, err)?;
    match list.iter().find(|r| r.name == res) {
        Some(r) => {
            write_out(out, &format!("{}\n", role_str(r.info.role)))?;
            Ok(0)
        }
        None => {
            let _ = writeln!(err, "{res}: {}", consts::error_to_string(ERR_RES_NOT_KNOWN));
            Ok(10)
        }
    }
}

/// `peer-role RES PEER` (`cstate == false`) and `cstate RES PEER`.
pub fn connection_query(
    s: &mut Session<'_>,
    res: &str,
    peer: u32,
    cstate: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let list = lists::connections(s, Some(res), err)?;
    match list.iter().find(|c| c.ctx.peer_node_id == peer) {
        Some(c) => {
            let text = if cstate {
                conn_str(Dialect::V9, c.cstate)
            } else {
                role_str(c.role)
            };
            write_out(out, &format!("{text}\n"))?;
            Ok(0)
        }
        None => {
            let _ = writeln!(err, "{res}: No such connection");
            Ok(10)
        }
    }
}

/// `dstate MINOR`: the local disk state, then each peer's of that volume.
pub fn dstate(
    s: &mut Session<'_>,
    minor: u32,
    objname: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let devices = lists::devices(s, None, err)?;
    let Some(d) = devices.iter().find(|d| d.minor == minor) else {
        let _ = writeln!(err, "{objname}: No such device");
        return Ok(10);
    };
    let mut text = disk_str(Dialect::V9, d.info.disk_state).to_string();
    for pd in lists::peer_devices(s, Some(&d.ctx.resource), err)? {
        if pd.ctx.volume == d.ctx.volume {
            text.push('/');
            text.push_str(disk_str(Dialect::V9, pd.info.disk_state));
        }
    }
    text.push('\n');
    write_out(out, &text)?;
    Ok(0)
}

/// The UUIDs `get-gi` shows: the device's current UUID, the peer device's bitmap UUID and
/// (at most) two history UUIDs; an absent value reads as all ones, as upstream's
/// pre-filled structures do.
pub fn gi_uuids(d_stats: &crate::objects::Stats, history: Option<&[u8]>, bitmap: u64) -> [u64; 4] {
    let mut u = [0u64; 4];
    u[0] = d_stats.get(stat::DEV_CURRENT_UUID);
    u[1] = bitmap;
    let n = history.map_or(usize::MAX, |h| h.len() / 8).min(1);
    for (i, slot) in u[2..].iter_mut().enumerate().take(n + 1) {
        *slot = history
            .and_then(|h| h.get(i * 8..i * 8 + 8))
            .map_or(u64::MAX, |b| {
                u64::from_ne_bytes(b.try_into().unwrap_or([0xff; 8]))
            });
    }
    u
}

/// `get-gi` / `show-gi RES PEER VOL`.
#[allow(clippy::too_many_arguments)]
pub fn gi(
    s: &mut Session<'_>,
    res: &str,
    peer: u32,
    volume: u32,
    pretty: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let pds = lists::peer_devices(s, None, err)?;
    for pd in pds
        .iter()
        .filter(|p| p.ctx.resource == res && p.ctx.peer_node_id == peer && p.ctx.volume == volume)
    {
        let devices = lists::devices(s, Some(&pd.ctx.resource), err)?;
        let Some(d) = devices.iter().find(|d| d.ctx.volume == volume) else {
            continue;
        };
        if pd.info.repl_state == repl::OFF && d.info.disk_state == 0 {
            let _ = writeln!(err, "Device is unconfigured");
            return Ok(1);
        }
        if d.info.disk_state == 0 {
            let _ = writeln!(err, "Device has no disk");
            return Ok(1);
        }
        let u = gi_uuids(
            &d.stats,
            d.history_uuids.as_deref(),
            pd.stats.get(stat::PD_BITMAP_UUID),
        );
        let flags = d.stats.get(stat::DEV_DISK_FLAGS) as u32;
        let peer_flags = pd.stats.get(stat::PD_FLAGS) as u32;
        let text = if pretty {
            uuids::v9_pretty(&u, flags, peer_flags)
        } else {
            uuids::v9(&u, flags, peer_flags)
        };
        write_out(out, &text)?;
        return Ok(0);
    }
    let _ = writeln!(err, "{res}: No such peer device");
    Ok(10)
}

/// The resources `down` takes down: all, or the one named (none when it does not exist).
pub fn down_targets(
    s: &mut Session<'_>,
    only: Option<&str>,
    err: &mut dyn Write,
) -> Result<Vec<String>, RunError> {
    Ok(lists::resources(s, err)?
        .into_iter()
        .map(|r| r.name)
        .filter(|n| only.is_none_or(|o| o == n))
        .collect())
}

/// `DRBD_ADM_GET_TIMEOUT_TYPE` for a peer device (resource name, peer node id, volume).
pub fn timeout_type_request(ctx: &Context, mandatory: bool) -> Request {
    let mut req = Request::new(cmd::DRBD_ADM_GET_TIMEOUT_TYPE);
    req.tlas.push(Attr::nested(
        nla::CFG_CONTEXT,
        vec![
            Attr::field(
                nla::T_CTX_RESOURCE_NAME,
                mandatory,
                Value::Str(ctx.resource.clone()),
            ),
            Attr::field(
                nla::T_CTX_PEER_NODE_ID,
                mandatory,
                Value::U32(ctx.peer_node_id),
            ),
            Attr::field(nla::T_CTX_VOLUME, mandatory, Value::U32(ctx.volume)),
        ],
    ));
    req
}

/// Which peer devices a `wait-*` command waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitScope {
    /// `wait-sync-*` (else `wait-connect-*`).
    pub sync: bool,
    /// The resource.
    pub resource: String,
    /// The peer (`-connection` and `-volume` forms).
    pub peer: Option<u32>,
    /// The volume (`-volume` form).
    pub volume: Option<u32>,
}

struct Waited {
    ctx: Context,
    info: PeerDeviceInfo,
    /// Milliseconds left; -1 forever, 0 expired.
    timeout_ms: i64,
}

fn same_pd(a: &Context, b: &Context) -> bool {
    a.resource == b.resource && a.peer_node_id == b.peer_node_id && a.volume == b.volume
}

/// The DRBD 9 `wait-sync-*` / `wait-connect-*` commands.
pub fn wait(
    s: &mut Session<'_>,
    scope: &WaitScope,
    mut w: WaitOpts,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    if let Some(g) = s.family.events_group {
        if s.t.join_group(g).is_err() {
            let _ = writeln!(
                err,
                "{}: unable to join drbd events multicast group",
                scope.resource
            );
            return Ok(20);
        }
    }
    let pds: Vec<PeerDevice> = lists::peer_devices(s, Some(&scope.resource), err)?;
    if pds.is_empty() {
        return Ok(0);
    }
    let mut list = Vec::new();
    for pd in pds {
        fix_timeouts(&mut w, err);
        let req = timeout_type_request(&pd.ctx, s.mandatory);
        let reply = s.exchange_timeout(&req, GET_TIMEOUT)?;
        let seconds = match timeout_type(reply.as_ref(), err) {
            Ok(t) => pick_timeout(&w, t),
            Err(code) => return Ok(code),
        };
        list.push(Waited {
            ctx: pd.ctx,
            info: pd.info,
            timeout_ms: if seconds == 0 {
                -1
            } else {
                i64::from(seconds) * 1000
            },
        });
    }
    let req = dump_request(
        cmd::DRBD_ADM_GET_INITIAL_STATE,
        Some(&scope.resource),
        s.mandatory,
    );
    s.send(&req)?;
    loop {
        // `shortest_timeout()`: nothing to wait for is one millisecond.
        let shortest = if list.is_empty() {
            Some(1)
        } else {
            list.iter()
                .filter(|p| p.timeout_ms > 0)
                .map(|p| p.timeout_ms)
                .min()
        };
        let t0 = Instant::now();
        let limit = shortest.map(|ms| std::time::Duration::from_millis(ms as u64));
        let Some(batch) = s.recv_timeout(limit)? else {
            return Ok(5);
        };
        if shortest.is_some() || list.iter().any(|p| p.timeout_ms != -1) {
            let elapsed = t0.elapsed().as_millis() as i64;
            let mut all_expired = true;
            for p in &mut list {
                if p.timeout_ms != -1 {
                    p.timeout_ms = (p.timeout_ms - elapsed).max(0);
                }
                if p.timeout_ms != 0 {
                    all_expired = false;
                }
            }
            if all_expired {
                return Ok(5);
            }
        }
        for inc in batch {
            let m = match inc {
                Incoming::Genl(m) => m,
                Incoming::Error { errno, .. } if errno != 0 => {
                    let _ = writeln!(
                        err,
                        "received netlink error reply: {}",
                        crate::session::strerror(-errno)
                    );
                    return Ok(20);
                }
                _ => continue,
            };
            if m.tla(nla::CFG_CONTEXT).is_some() {
                let ctx = Context::of(&m);
                if scope.volume.is_some_and(|v| v != ctx.volume)
                    || scope.peer.is_some_and(|p| p != ctx.peer_node_id)
                    || ctx.resource != scope.resource
                {
                    continue;
                }
            }
            if m.ret_code != NO_ERROR && m.ret_code != ERR_MINOR_INVALID {
                return Ok(check_error(
                    Dialect::V9,
                    &scope.resource,
                    m.ret_code,
                    &info_texts(&m),
                    err,
                ));
            }
            if family_done(&m, scope, w.after_sb, &mut list, err) {
                return Ok(0);
            }
        }
    }
}

/// `wait_for_family()`: true when every peer device in scope is connected (or synced, or
/// out of time), or a connection broke off without `--wait-after-sb`.
fn family_done(
    m: &Message,
    scope: &WaitScope,
    after_sb: bool,
    list: &mut Vec<Waited>,
    err: &mut dyn Write,
) -> bool {
    if m.tla(nla::CFG_CONTEXT).is_none() {
        return false;
    }
    let Some(nh) = m
        .tla(nla::NOTIFICATION_HEADER)
        .and_then(|f| f.u32(nla::T_NH_TYPE))
    else {
        return false;
    };
    let action = nh & !notify::FLAGS;
    let ctx = Context::of(m);
    match m.cmd {
        cmd::DRBD_CONNECTION_STATE => {
            if action == notify::DESTROY || action == notify::CREATE {
                return false;
            }
            let Some(ci) = m.tla(nla::CONNECTION_INFO) else {
                return false;
            };
            let cstate = ci.u32(1).unwrap_or(0);
            if cstate < 2 {
                if !after_sb {
                    return true;
                }
                let _ = writeln!(
                    err,
                    "\ndrbd {} connection to peer-id {} ('{}') is {}, but I'm configured to wait anways (--wait-after-sb)",
                    ctx.resource,
                    ctx.peer_node_id,
                    ctx.conn_name,
                    conn_str(Dialect::V9, cstate)
                );
            }
            false
        }
        cmd::DRBD_PEER_DEVICE_STATE => {
            if m.tla(nla::PEER_DEVICE_INFO).is_none() {
                return false;
            }
            let info = PeerDeviceInfo::from_msg(m);
            if action == notify::DESTROY {
                if let Some(i) = list.iter().position(|p| same_pd(&p.ctx, &ctx)) {
                    list.remove(i);
                }
            }
            if action == notify::CREATE && !list.is_empty() {
                // A peer device that appears while waiting has no time of its own.
                list.push(Waited {
                    ctx: ctx.clone(),
                    info,
                    timeout_ms: 0,
                });
            }
            let mut total = 0;
            let mut done = 0;
            for p in list.iter_mut() {
                if same_pd(&p.ctx, &ctx) {
                    p.info = info;
                }
                if let Some(v) = scope.volume {
                    let want = Context {
                        resource: scope.resource.clone(),
                        peer_node_id: scope.peer.unwrap_or(u32::MAX),
                        volume: v,
                        ..Context::default()
                    };
                    if !same_pd(&p.ctx, &want) {
                        continue;
                    }
                } else if let Some(peer) = scope.peer {
                    if p.ctx.peer_node_id != peer {
                        continue;
                    }
                }
                total += 1;
                let rs = p.info.repl_state;
                if rs == repl::ESTABLISHED
                    || (!scope.sync && rs > repl::ESTABLISHED)
                    || p.timeout_ms == 0
                {
                    done += 1;
                }
            }
            total == done
        }
        _ => false,
    }
}

/// The lines `udev MINOR` prints for the udev rule: the device, its by-res link and (with
/// a backing device) its by-disk link, as upstream's `udev_cmd` (both generations).
pub fn udev_lines(minor: u32, resource: &str, volume: u32, backing_dev: &str) -> String {
    let mut s = format!("DEVICE=drbd{minor}\nSYMLINK_BY_RES=drbd/by-res/{resource}/{volume}\n");
    let disk = backing_dev.strip_prefix("/dev/").unwrap_or(backing_dev);
    if !disk.is_empty() {
        s.push_str(&format!("SYMLINK_BY_DISK=drbd/by-disk/{disk}\n"));
    }
    s
}

/// `udev MINOR`: [`udev_lines`] for a configured minor, "No such device" (exit 10) else.
pub fn udev(
    s: &mut Session<'_>,
    minor: u32,
    objname: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let devices = lists::devices(s, None, err)?;
    let Some(d) = devices.iter().find(|d| d.minor == minor) else {
        let _ = writeln!(err, "{objname}: No such device");
        return Ok(10);
    };
    let backing = d
        .disk_conf
        .str(crate::consts::nla::T_BACKING_DEV)
        .unwrap_or_default();
    write_out(
        out,
        &udev_lines(d.minor, &d.ctx.resource, d.ctx.volume, &backing),
    )?;
    Ok(0)
}

#[cfg(test)]
mod udev_tests {
    use super::udev_lines;

    #[test]
    fn by_disk_link_drops_dev_and_is_left_out_without_a_disk() {
        assert_eq!(
            udev_lines(3, "r0", 1, "/dev/vg/r0"),
            "DEVICE=drbd3\nSYMLINK_BY_RES=drbd/by-res/r0/1\nSYMLINK_BY_DISK=drbd/by-disk/vg/r0\n"
        );
        assert_eq!(
            udev_lines(0, "r0", 0, ""),
            "DEVICE=drbd0\nSYMLINK_BY_RES=drbd/by-res/r0/0\n"
        );
        assert_eq!(
            udev_lines(0, "r0", 0, "loop0"),
            "DEVICE=drbd0\nSYMLINK_BY_RES=drbd/by-res/r0/0\nSYMLINK_BY_DISK=drbd/by-disk/loop0\n"
        );
    }
}
