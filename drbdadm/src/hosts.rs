//! Which host section is "me" (`set_me_in_resource()`, drbdadm_postparse.c): DRBD 9 compares
//! names case-insensitively and lets a short name match an FQDN; 8.4 compares exactly;
//! `floating` sections match by a local IP address; `_this_host` always matches.

use conf_parser::model::{Host, HostKind, Resource};
use conf_parser::Dialect;

/// Upstream's `hostnames_equal()`: if both names contain a dot they are compared whole,
/// else only up to the first dot; always case-insensitively.
pub fn hostnames_equal(a: &str, b: &str) -> bool {
    if a.contains('.') && b.contains('.') {
        return a.eq_ignore_ascii_case(b);
    }
    let short = |s: &str| s.split('.').next().unwrap_or("").to_ascii_lowercase();
    short(a) == short(b)
}

/// True if the section `host` is this node.
pub fn is_me(
    host: &Host,
    hostname: &str,
    dialect: Dialect,
    local_ip: &dyn Fn(&str, &str) -> bool,
) -> bool {
    match &host.kind {
        HostKind::On(names) => names.iter().any(|n| match dialect {
            Dialect::V9 => hostnames_equal(n, hostname),
            Dialect::V84 => n == hostname,
        }),
        HostKind::ThisHost => true,
        HostKind::Floating(a) => {
            a.af == "ssocks" || a.af == "sdp" || a.addr == hostname || local_ip(&a.af, &a.addr)
        }
        HostKind::StackedOn(_) => false,
    }
}

/// The index of this node's host section in `res`, if exactly one matches.
pub fn find_me(
    res: &Resource,
    hostname: &str,
    dialect: Dialect,
    local_ip: &dyn Fn(&str, &str) -> bool,
    lower_has_me: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    res.hosts.iter().position(|h| match &h.kind {
        HostKind::StackedOn(lower) => lower_has_me(lower),
        _ => is_me(h, hostname, dialect, local_ip),
    })
}

/// The IP addresses configured on this machine's interfaces, read once a run: every
/// resource's own address is checked against them (`verify_ips`), and one netlink dump of
/// all interfaces per resource made `dump all` of 5000 resources spend a third of its time
/// in the kernel.
fn local_ips() -> &'static [std::net::IpAddr] {
    static IPS: std::sync::OnceLock<Vec<std::net::IpAddr>> = std::sync::OnceLock::new();
    IPS.get_or_init(|| {
        let Ok(ifaddrs) = nix::ifaddrs::getifaddrs() else {
            return Vec::new();
        };
        ifaddrs
            .filter_map(|ifa| {
                let sa = ifa.address?;
                if let Some(v4) = sa.as_sockaddr_in() {
                    Some(std::net::IpAddr::V4(v4.ip()))
                } else {
                    sa.as_sockaddr_in6().map(|v6| std::net::IpAddr::V6(v6.ip()))
                }
            })
            .collect()
    })
}

/// True if `addr` (of family `af`) is configured on an interface of this machine.
pub fn have_ip(af: &str, addr: &str) -> bool {
    let want: Option<std::net::IpAddr> = addr.split('%').next().and_then(|a| a.parse().ok());
    let Some(want) = want else { return false };
    (af == "ipv4") == want.is_ipv4() && local_ips().contains(&want)
}

#[cfg(test)]
mod tests {
    use super::hostnames_equal;

    #[test]
    fn v9_host_name_rules() {
        assert!(hostnames_equal("undertest", "undertest.ryzen9.home"));
        assert!(hostnames_equal("Alpha", "alpha"));
        assert!(!hostnames_equal("a.x.com", "a.y.com"));
        assert!(!hostnames_equal("alpha", "alphabet"));
    }
}
