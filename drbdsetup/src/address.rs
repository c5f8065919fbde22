//! Endpoint addresses: drbdsetup's text form (`[ipv4:|ipv6:|sdp:|ssocks:]addr[:port]`,
//! IPv6 as `ipv6:[addr]:port`, default port 7788) to and from the raw Linux `sockaddr_in` /
//! `sockaddr_in6` bytes the kernel takes (family in host order, port in network order).

use std::net::{Ipv4Addr, Ipv6Addr, ToSocketAddrs};

use thiserror::Error;

/// `AF_INET`.
pub const AF_INET: u16 = 2;
/// `AF_INET6`.
pub const AF_INET6: u16 = 10;
/// `AF_INET_SDP`.
pub const AF_INET_SDP: u16 = 27;
/// The port drbdsetup assumes when none is given.
pub const DEFAULT_PORT: u16 = 7788;

/// Why an address did not parse.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AddressError {
    /// `ipv6:[...` without the closing bracket, or junk after it.
    #[error("unexpected ipv6 format: {0}")]
    Ipv6Format(String),
    /// The host name did not resolve.
    #[error("can not resolve the hostname: {0}")]
    Resolve(String),
    /// The port is not a number.
    #[error("does not look like an endpoint address '{0}'")]
    Invalid(String),
}

/// Parses an endpoint as drbdsetup's `sockaddr_from_str()` does (a leading `local:` or
/// `peer:` is skipped) and returns the sockaddr bytes.
pub fn sockaddr_from_str(text: &str) -> Result<Vec<u8>, AddressError> {
    let text = text
        .strip_prefix("local:")
        .or_else(|| text.strip_prefix("peer:"))
        .unwrap_or(text);
    let (af, rest) = if let Some(r) = text.strip_prefix("ipv4:") {
        (AF_INET, r)
    } else if let Some(r) = text.strip_prefix("ipv6:") {
        (AF_INET6, r)
    } else if let Some(r) = text.strip_prefix("sdp:") {
        (AF_INET_SDP, r)
    } else if let Some(r) = text.strip_prefix("ssocks:") {
        (AF_INET_SDP, r)
    } else {
        (AF_INET, text)
    };
    let port_of = |p: &str| {
        p.parse::<u16>()
            .map_err(|_| AddressError::Invalid(text.to_string()))
    };
    let (host, port) = if af == AF_INET6 && rest.starts_with('[') {
        let close = rest
            .rfind(']')
            .ok_or_else(|| AddressError::Ipv6Format(rest.to_string()))?;
        let after = &rest[close + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => port_of(p)?,
            None if after.is_empty() => DEFAULT_PORT,
            None => return Err(AddressError::Ipv6Format(rest.to_string())),
        };
        (&rest[1..close], port)
    } else {
        match rest.rfind(':') {
            Some(i) => (&rest[..i], port_of(&rest[i + 1..])?),
            None => (rest, DEFAULT_PORT),
        }
    };
    if af == AF_INET6 {
        let ip: Ipv6Addr = match host.split('%').next().unwrap_or(host).parse() {
            Ok(ip) => ip,
            Err(_) => resolve(host, port)?
                .into_iter()
                .find_map(|a| match a {
                    std::net::SocketAddr::V6(v6) => Some(*v6.ip()),
                    _ => None,
                })
                .ok_or_else(|| AddressError::Resolve(host.to_string()))?,
        };
        let mut out = Vec::with_capacity(28);
        out.extend_from_slice(&AF_INET6.to_ne_bytes());
        out.extend_from_slice(&port.to_be_bytes());
        out.extend_from_slice(&[0; 4]); // flowinfo
        out.extend_from_slice(&ip.octets());
        out.extend_from_slice(&[0; 4]); // scope id
        Ok(out)
    } else {
        let ip: Ipv4Addr = match host.parse() {
            Ok(ip) => ip,
            Err(_) => resolve(host, port)?
                .into_iter()
                .find_map(|a| match a {
                    std::net::SocketAddr::V4(v4) => Some(*v4.ip()),
                    _ => None,
                })
                .ok_or_else(|| AddressError::Resolve(host.to_string()))?,
        };
        let mut out = Vec::with_capacity(16);
        out.extend_from_slice(&af.to_ne_bytes());
        out.extend_from_slice(&port.to_be_bytes());
        out.extend_from_slice(&ip.octets());
        out.extend_from_slice(&[0; 8]);
        Ok(out)
    }
}

fn resolve(host: &str, port: u16) -> Result<Vec<std::net::SocketAddr>, AddressError> {
    (host, port)
        .to_socket_addrs()
        .map(|i| i.collect())
        .map_err(|_| AddressError::Resolve(host.to_string()))
}

/// The text form of sockaddr bytes (`ipv4:1.2.3.4:7788`, `ipv6:[::1]:7788`), or `None` for
/// an unknown family.
pub fn address_str(raw: &[u8]) -> Option<String> {
    let (family, port, addr) = split(raw)?;
    Some(match addr {
        Ip::V4(ip) => format!("{}:{ip}:{port}", af_str(family)),
        Ip::V6(ip) => format!("{}:[{ip}]:{port}", af_str(family)),
    })
}

/// The pieces of sockaddr bytes: family, port and address, for JSON and `show` output.
pub fn split(raw: &[u8]) -> Option<(u16, u16, Ip)> {
    let family = u16::from_ne_bytes(raw.get(0..2)?.try_into().ok()?);
    let port = u16::from_be_bytes(raw.get(2..4)?.try_into().ok()?);
    match family {
        AF_INET6 => {
            let octets: [u8; 16] = raw.get(8..24)?.try_into().ok()?;
            Some((family, port, Ip::V6(Ipv6Addr::from(octets))))
        }
        AF_INET | AF_INET_SDP => {
            let octets: [u8; 4] = raw.get(4..8)?.try_into().ok()?;
            Some((family, port, Ip::V4(Ipv4Addr::from(octets))))
        }
        _ => None,
    }
}

/// An IPv4 or IPv6 address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ip {
    /// IPv4.
    V4(Ipv4Addr),
    /// IPv6.
    V6(Ipv6Addr),
}

/// drbdsetup's name of an address family.
pub fn af_str(family: u16) -> &'static str {
    match family {
        AF_INET => "ipv4",
        AF_INET6 => "ipv6",
        AF_INET_SDP => "sdp",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_with_and_without_port() {
        let raw = sockaddr_from_str("ipv4:10.0.0.1:7789").unwrap();
        assert_eq!(raw, [2, 0, 0x1e, 0x6d, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(address_str(&raw).unwrap(), "ipv4:10.0.0.1:7789");
        let raw = sockaddr_from_str("local:1.2.3.4").unwrap();
        assert_eq!(address_str(&raw).unwrap(), "ipv4:1.2.3.4:7788");
    }

    #[test]
    fn ipv6_in_brackets() {
        let raw = sockaddr_from_str("ipv6:[fe80::1]:8000").unwrap();
        assert_eq!(raw.len(), 28);
        assert_eq!(address_str(&raw).unwrap(), "ipv6:[fe80::1]:8000");
        assert!(matches!(
            sockaddr_from_str("ipv6:[::1"),
            Err(AddressError::Ipv6Format(_))
        ));
    }
}
