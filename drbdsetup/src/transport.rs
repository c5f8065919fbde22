//! Getting bytes to and from the kernel, behind one small trait: the real generic-netlink
//! socket ([`NetlinkTransport`]) and a scripted fake ([`ScriptedTransport`]) that records what
//! was sent and replays canned datagrams, so every command can be tested without a kernel.
//! Also resolves the `drbd` family (`CTRL_CMD_GETFAMILY`).

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use netlink_packet_core::{
    NetlinkHeader, NetlinkMessage, NetlinkPayload, NLM_F_REQUEST as CORE_NLM_F_REQUEST,
};
use netlink_packet_generic::ctrl::nlas::{GenlCtrlAttrs, McastGrpAttrs, OpAttrs};
use netlink_packet_generic::ctrl::{GenlCtrl, GenlCtrlCmd};
use netlink_packet_generic::GenlMessage;
use thiserror::Error;

use crate::codec::{ne_u16, ne_u32};

/// A datagram pipe to the kernel's generic-netlink side.
pub trait Transport {
    /// Sends one datagram.
    fn send(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Receives one datagram (blocking).
    fn recv(&mut self) -> io::Result<Vec<u8>>;
    /// Receives one datagram, waiting at most `timeout` (`None`: forever); `Ok(None)` when
    /// the time ran out.
    fn recv_timeout(&mut self, timeout: Option<Duration>) -> io::Result<Option<Vec<u8>>> {
        let _ = timeout;
        self.recv().map(Some)
    }
    /// Joins a multicast group.
    fn join_group(&mut self, group: u32) -> io::Result<()>;
    /// Our netlink port id (0 if not bound).
    fn port_id(&self) -> u32 {
        0
    }
}

/// The real socket (`AF_NETLINK`, `NETLINK_GENERIC`).
pub struct NetlinkTransport {
    socket: netlink_sys::Socket,
    port: u32,
}

impl NetlinkTransport {
    /// Opens and binds the socket, with upstream's buffer sizes (1 MiB receive).
    pub fn open() -> io::Result<NetlinkTransport> {
        let mut socket = netlink_sys::Socket::new(netlink_sys::protocols::NETLINK_GENERIC)?;
        let addr = socket.bind_auto()?;
        socket.set_rx_buf_sz(1024 * 1024)?;
        socket.connect(&netlink_sys::SocketAddr::new(0, 0))?;
        Ok(NetlinkTransport {
            socket,
            port: addr.port_number(),
        })
    }
}

impl Transport for NetlinkTransport {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.socket.send(bytes, 0).map(|_| ())
    }

    fn recv(&mut self) -> io::Result<Vec<u8>> {
        self.socket.recv_from_full().map(|(buf, _)| buf)
    }

    fn recv_timeout(&mut self, timeout: Option<Duration>) -> io::Result<Option<Vec<u8>>> {
        use rustix::event::{poll, PollFd, PollFlags, Timespec};
        if let Some(t) = timeout {
            let ts = Timespec {
                tv_sec: t.as_secs().try_into().unwrap_or(i64::MAX),
                tv_nsec: i64::from(t.subsec_nanos()),
            };
            let mut fds = [PollFd::new(&self.socket, PollFlags::IN)];
            loop {
                match poll(&mut fds, Some(&ts)) {
                    Ok(0) => return Ok(None),
                    Ok(_) => break,
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(e) => return Err(e.into()),
                }
            }
        }
        self.recv().map(Some)
    }

    fn join_group(&mut self, group: u32) -> io::Result<()> {
        self.socket.add_membership(group)
    }

    fn port_id(&self) -> u32 {
        self.port
    }
}

/// A fake kernel: answers family look-ups itself and replays scripted datagrams for
/// everything else, recording every request.
#[derive(Debug, Default)]
pub struct ScriptedTransport {
    /// Family id and version to answer `CTRL_CMD_GETFAMILY "drbd"` with; `None` answers
    /// `ENOENT` (module not loaded).
    pub family: Option<(u16, u32)>,
    /// Datagrams to return, in order, for requests to the drbd family.
    pub replies: VecDeque<Vec<u8>>,
    /// Every datagram sent to the drbd family.
    pub sent: Vec<Vec<u8>>,
    /// Groups joined.
    pub groups: Vec<u32>,
    /// Operations the family lists (`CTRL_ATTR_OPS`), e.g. `DRBD_ADM_GET_PATHS`.
    pub ops: Vec<u32>,
    /// Timeouts asked for by `recv_timeout` calls that found the script exhausted.
    pub timeouts: Vec<Option<Duration>>,
    pending: VecDeque<Vec<u8>>,
}

impl ScriptedTransport {
    /// A fake kernel with the drbd family at `id`, genl `version`.
    pub fn new(id: u16, version: u32) -> ScriptedTransport {
        ScriptedTransport {
            family: Some((id, version)),
            ..Default::default()
        }
    }
}

impl Transport for ScriptedTransport {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        let at = |i: usize| bytes.get(i..).unwrap_or_default();
        let nl_type = ne_u16(at(4)).unwrap_or(0);
        let seq = ne_u32(at(8)).unwrap_or(0);
        if nl_type == GENL_ID_CTRL {
            let reply = match self.family {
                Some((id, version)) => family_reply(id, version, seq, &self.ops),
                None => error_reply(-2, seq),
            };
            self.pending.push_back(reply);
        } else {
            self.sent.push(bytes.to_vec());
            if let Some(r) = self.replies.pop_front() {
                self.pending.push_back(r);
            }
        }
        Ok(())
    }

    fn recv(&mut self) -> io::Result<Vec<u8>> {
        if let Some(r) = self.pending.pop_front() {
            return Ok(r);
        }
        self.replies
            .pop_front()
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "script exhausted"))
    }

    fn recv_timeout(&mut self, timeout: Option<Duration>) -> io::Result<Option<Vec<u8>>> {
        if self.pending.is_empty() && self.replies.is_empty() && timeout.is_some() {
            // Nothing more will ever arrive: the time runs out.
            self.timeouts.push(timeout);
            return Ok(None);
        }
        self.recv().map(Some)
    }

    fn join_group(&mut self, group: u32) -> io::Result<()> {
        self.groups.push(group);
        Ok(())
    }
}

/// `GENL_ID_CTRL`.
pub const GENL_ID_CTRL: u16 = 16;
/// The multicast group id the fake kernel gives the drbd `events` group.
pub const FAKE_EVENTS_GROUP: u32 = 23;

fn family_reply(id: u16, version: u32, seq: u32, ops: &[u32]) -> Vec<u8> {
    let mut nlas = vec![
        GenlCtrlAttrs::FamilyName("drbd".into()),
        GenlCtrlAttrs::FamilyId(id),
        GenlCtrlAttrs::Version(version),
        GenlCtrlAttrs::HdrSize(8),
        GenlCtrlAttrs::MaxAttr(if version == 1 { 24 } else { 34 }),
        GenlCtrlAttrs::McastGroups(vec![vec![
            McastGrpAttrs::Id(FAKE_EVENTS_GROUP),
            McastGrpAttrs::Name("events".into()),
        ]]),
    ];
    if !ops.is_empty() {
        nlas.push(GenlCtrlAttrs::Ops(
            ops.iter()
                .map(|&id| vec![OpAttrs::Id(id), OpAttrs::Flags(0)])
                .collect(),
        ));
    }
    let genl = GenlMessage::from_payload(GenlCtrl {
        cmd: GenlCtrlCmd::NewFamily,
        nlas,
    });
    let mut msg = NetlinkMessage::from(genl);
    msg.header.sequence_number = seq;
    msg.finalize();
    let mut buf = vec![0; msg.buffer_len()];
    msg.serialize(&mut buf);
    buf
}

/// An `NLMSG_ERROR` datagram with `errno` (negative) for request `seq`.
pub fn error_reply(errno: i32, seq: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(36);
    out.extend_from_slice(&36u32.to_ne_bytes());
    out.extend_from_slice(&2u16.to_ne_bytes());
    out.extend_from_slice(&0u16.to_ne_bytes());
    out.extend_from_slice(&seq.to_ne_bytes());
    out.extend_from_slice(&0u32.to_ne_bytes());
    out.extend_from_slice(&errno.to_ne_bytes());
    out.extend_from_slice(&[0; 16]); // the offending header (not needed)
    out
}

/// What `CTRL_CMD_GETFAMILY` told us about the drbd family.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Family {
    /// The dynamic family id (`nlmsg_type` of our requests).
    pub id: u16,
    /// 1 for DRBD 8.4, 2 for DRBD 9.
    pub version: u32,
    /// The user header size; must be 8.
    pub hdrsize: u32,
    /// Highest top-level attribute the module knows.
    pub maxattr: u32,
    /// The `events` multicast group id.
    pub events_group: Option<u32>,
    /// Operations the module implements.
    pub ops: Vec<u32>,
}

/// Why the family could not be resolved.
#[derive(Debug, Error)]
pub enum FamilyError {
    /// `ENOENT`: the module is not loaded (or not visible in this network namespace).
    #[error("DRBD kernel module not loaded")]
    NotLoaded,
    /// Socket trouble.
    #[error("netlink: {0}")]
    Io(#[from] io::Error),
    /// A reply we could not understand.
    #[error("could not parse the generic netlink controller's reply")]
    BadReply,
}

/// Resolves the `drbd` family.
pub fn resolve_family(t: &mut dyn Transport, seq: u32) -> Result<Family, FamilyError> {
    let genl = GenlMessage::from_payload(GenlCtrl {
        cmd: GenlCtrlCmd::GetFamily,
        nlas: vec![GenlCtrlAttrs::FamilyName("drbd".into())],
    });
    let mut msg = NetlinkMessage::new(NetlinkHeader::default(), NetlinkPayload::from(genl));
    msg.header.flags = CORE_NLM_F_REQUEST;
    msg.header.sequence_number = seq;
    msg.finalize();
    let mut buf = vec![0; msg.buffer_len()];
    msg.serialize(&mut buf);
    t.send(&buf)?;
    loop {
        let reply = t.recv()?;
        let parsed = NetlinkMessage::<GenlMessage<GenlCtrl>>::deserialize(&reply)
            .map_err(|_| FamilyError::BadReply)?;
        if parsed.header.sequence_number != seq {
            continue;
        }
        return match parsed.payload {
            NetlinkPayload::Error(e) => match e.code {
                Some(c) if c.get() == -2 => Err(FamilyError::NotLoaded),
                Some(c) => Err(FamilyError::Io(io::Error::from_raw_os_error(-c.get()))),
                None => continue,
            },
            NetlinkPayload::InnerMessage(g) => Ok(family_from(g.payload.nlas)),
            _ => Err(FamilyError::BadReply),
        };
    }
}

fn family_from(nlas: Vec<GenlCtrlAttrs>) -> Family {
    let mut f = Family {
        id: 0,
        version: 0,
        hdrsize: 0,
        maxattr: 0,
        events_group: None,
        ops: Vec::new(),
    };
    for nla in nlas {
        match nla {
            GenlCtrlAttrs::FamilyId(id) => f.id = id,
            GenlCtrlAttrs::Version(v) => f.version = v,
            GenlCtrlAttrs::HdrSize(h) => f.hdrsize = h,
            GenlCtrlAttrs::MaxAttr(m) => f.maxattr = m,
            GenlCtrlAttrs::McastGroups(groups) => {
                for g in groups {
                    let name = g.iter().find_map(|a| match a {
                        McastGrpAttrs::Name(n) => Some(n.clone()),
                        _ => None,
                    });
                    let id = g.iter().find_map(|a| match a {
                        McastGrpAttrs::Id(i) => Some(*i),
                        _ => None,
                    });
                    if name.as_deref() == Some("events") {
                        f.events_group = id;
                    }
                }
            }
            GenlCtrlAttrs::Ops(ops) => {
                for op in ops {
                    f.ops.extend(op.iter().filter_map(|a| match a {
                        OpAttrs::Id(i) => Some(*i),
                        _ => None,
                    }));
                }
            }
            _ => {}
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fake_kernel_answers_family_lookups() {
        let mut t = ScriptedTransport::new(0x1d, 2);
        let f = resolve_family(&mut t, 7).unwrap();
        assert_eq!(
            (f.id, f.version, f.hdrsize, f.events_group),
            (0x1d, 2, 8, Some(23))
        );
    }

    #[test]
    fn no_module_is_not_loaded() {
        let mut t = ScriptedTransport::default();
        assert!(matches!(
            resolve_family(&mut t, 7),
            Err(FamilyError::NotLoaded)
        ));
    }
}
