//! Upstream's `list_resources()`, `list_devices()`, `list_connections()`,
//! `list_peer_devices()` and `list_paths()`: one dump each, decoded into the objects of
//! [`crate::objects`]. A failed dump has already been reported and yields an empty list,
//! as upstream's lists come back `NULL`.

use std::io::Write;

use crate::consts::cmd;
use crate::objects::{Connection, Device, Path, PeerDevice, Resource};
use crate::run::RunError;
use crate::session::{dump_request, Get, Session, GET_TIMEOUT};

fn fetch(
    s: &mut Session<'_>,
    command: u8,
    resource: Option<&str>,
    missing_ok: bool,
    err: &mut dyn Write,
) -> Result<Vec<crate::codec::Message>, RunError> {
    let req = dump_request(command, resource, s.mandatory);
    let g = Get {
        objname: resource.unwrap_or("all"),
        missing_ok,
        timeout: Some(GET_TIMEOUT),
    };
    match s.get(&req, g, err) {
        Ok(m) => Ok(m),
        Err(RunError::Reported(_)) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Every resource, sorted by name (`sort_resources()`).
pub fn resources(s: &mut Session<'_>, err: &mut dyn Write) -> Result<Vec<Resource>, RunError> {
    let mut list: Vec<Resource> = fetch(s, cmd::DRBD_ADM_GET_RESOURCES, None, false, err)?
        .iter()
        .map(Resource::from_msg)
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(list)
}

/// The devices of `resource` (all with `None`), in dump order; replies without a volume
/// are not devices.
pub fn devices(
    s: &mut Session<'_>,
    resource: Option<&str>,
    err: &mut dyn Write,
) -> Result<Vec<Device>, RunError> {
    Ok(fetch(s, cmd::DRBD_ADM_GET_DEVICES, resource, false, err)?
        .iter()
        .map(Device::from_msg)
        .filter(|d| d.ctx.volume != u32::MAX)
        .collect())
}

/// The connections of `resource`; DRBD 9 sorts them by name (`sort_connections()`), the
/// 8.4 tool keeps the kernel's order.
pub fn connections(
    s: &mut Session<'_>,
    resource: Option<&str>,
    err: &mut dyn Write,
) -> Result<Vec<Connection>, RunError> {
    let mut list: Vec<Connection> = fetch(s, cmd::DRBD_ADM_GET_CONNECTIONS, resource, true, err)?
        .iter()
        .map(Connection::from_msg)
        .collect();
    if s.dialect == conf_parser::options::Dialect::V9 {
        sort_connections(&mut list);
    }
    Ok(list)
}

/// Upstream's connection order: unnamed ones first, then by name.
pub fn sort_connections(list: &mut [Connection]) {
    list.sort_by(|a, b| {
        (a.ctx.conn_name.is_empty())
            .cmp(&b.ctx.conn_name.is_empty())
            .reverse()
            .then_with(|| a.ctx.conn_name.cmp(&b.ctx.conn_name))
    });
}

/// The peer devices of `resource`, in dump order.
pub fn peer_devices(
    s: &mut Session<'_>,
    resource: Option<&str>,
    err: &mut dyn Write,
) -> Result<Vec<PeerDevice>, RunError> {
    Ok(
        fetch(s, cmd::DRBD_ADM_GET_PEER_DEVICES, resource, false, err)?
            .iter()
            .map(PeerDevice::from_msg)
            .collect(),
    )
}

/// The paths of `resource` (DRBD 9 modules that implement `DRBD_ADM_GET_PATHS`).
pub fn paths(
    s: &mut Session<'_>,
    resource: Option<&str>,
    err: &mut dyn Write,
) -> Result<Vec<Path>, RunError> {
    Ok(fetch(s, cmd::DRBD_ADM_GET_PATHS, resource, false, err)?
        .iter()
        .map(Path::from_msg)
        .collect())
}
