//! DRBD 9's address conflicts (upstream's `check_addr_conflict()`): an address and port
//! may serve several connections of one resource, but no other resource, and the two
//! endpoints of a path must differ. Loopback addresses are exempt (every node has them).

use std::collections::HashMap;

use conf_parser::model::Address;

use crate::expand::XRes;

/// Upstream's `addresses_cmp()` identity: IP addresses compare as numbers, anything else
/// as written; then port and family.
type Key = (String, String, String);

fn key(a: &Address) -> Key {
    let addr = match a.af.as_str() {
        "ipv4" | "ipv6" => a
            .addr
            .parse::<std::net::IpAddr>()
            .map_or_else(|_| a.addr.clone(), |ip| ip.to_string()),
        _ => a.addr.clone(),
    };
    (addr, a.port.clone(), a.af.clone())
}

fn is_local(a: &Address) -> bool {
    a.addr
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// One endpoint: its address and line.
struct End {
    key: Key,
    shown: String,
    line: u32,
    local: bool,
}

/// What the check keeps of a resource (resources may be dropped once expanded).
pub struct ResAddrs {
    name: String,
    file: String,
    /// Per path: the connection's line and the endpoints.
    paths: Vec<(u32, Vec<End>)>,
}

impl ResAddrs {
    /// The endpoints of every path of `x`.
    pub fn of(x: &XRes) -> ResAddrs {
        let mut paths = Vec::new();
        for c in &x.conns {
            for p in &c.paths {
                let ends = p
                    .ends
                    .iter()
                    .filter_map(|e| {
                        let a = e
                            .address
                            .as_ref()
                            .or_else(|| e.host.and_then(|h| x.hosts[h].address.as_ref()))?;
                        Some(End {
                            key: key(a),
                            shown: format!("{}:{}:{}", a.af, a.addr, a.port),
                            // Upstream's made-up endpoints have no line.
                            line: if c.implicit { 0 } else { e.line },
                            local: is_local(a),
                        })
                    })
                    .collect();
                paths.push((c.line, ends));
            }
        }
        ResAddrs {
            name: x.name.clone(),
            file: x.file.clone(),
            paths,
        }
    }
}

/// Upstream's messages for every conflict, in its order.
pub fn conflicts(all: &[ResAddrs]) -> Vec<String> {
    let mut errors = Vec::new();
    // First use of each address: (resource, path, endpoint).
    let mut first: HashMap<&Key, (usize, usize, usize)> = HashMap::new();
    let mut reported: HashMap<(usize, usize, usize), ()> = HashMap::new();
    for (ri, r) in all.iter().enumerate() {
        for (pi, (conn_line, ends)) in r.paths.iter().enumerate() {
            for (ei, e) in ends.iter().enumerate() {
                if e.local {
                    continue;
                }
                let Some(&(fr, _, _)) = first.get(&e.key) else {
                    first.insert(&e.key, (ri, pi, ei));
                    continue;
                };
                if fr == ri || reported.contains_key(&(ri, pi, ei)) {
                    continue;
                }
                // The other resource's first endpoint with this address.
                let other = &all[fr];
                let Some((opi, oei, oe)) =
                    other.paths.iter().enumerate().find_map(|(p, (_, es))| {
                        es.iter()
                            .enumerate()
                            .find(|(_, x)| x.key == e.key)
                            .map(|(i, x)| (p, i, x))
                    })
                else {
                    continue;
                };
                if reported.contains_key(&(fr, opi, oei)) {
                    continue;
                }
                errors.push(format!(
                    "{}:{}: in resource {}\n    {} is also used {}:{} (resource {})",
                    r.file, e.line, r.name, e.shown, other.file, oe.line, other.name
                ));
                reported.insert((fr, opi, oei), ());
                reported.insert((ri, pi, ei), ());
            }
            if let [a, b] = ends.as_slice() {
                if a.key == b.key && !a.local {
                    errors.push(format!(
                        "{}:{}: in resource {} {} is used for both endpoints",
                        r.file, conn_line, r.name, a.shown
                    ));
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use conf_parser::{parse_str, Dialect, ParseOptions};

    use crate::expand::{check, Matcher};

    fn errors(text: &str) -> Vec<String> {
        let cfg = parse_str("t.res", text, &ParseOptions::new(Dialect::V9));
        let m = Matcher {
            hostname: "alpha",
            dialect: Dialect::V9,
            have_ip: &|_, _| true,
            no_tty: true,
        };
        check(&cfg, &m)
    }

    const R0: &str = "resource r0 {\n  on alpha { node-id 0; device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.1:7788; }\n  on bravo { node-id 1; device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.2:7788; }\n}\n";

    #[test]
    fn an_address_in_two_resources_is_refused() {
        let r1 = "resource r1 {\n  on alpha { node-id 0; device /dev/drbd2; disk /dev/b; meta-disk internal; address 10.0.0.1:7788; }\n  on bravo { node-id 1; device /dev/drbd2; disk /dev/b; meta-disk internal; address 10.0.0.2:7789; }\n}\n";
        assert_eq!(
            errors(&format!("{R0}{r1}")),
            vec!["t.res:0: in resource r1\n    ipv4:10.0.0.1:7788 is also used t.res:0 (resource r0)"]
        );
        // Another port, or a loopback address, is no conflict.
        assert!(errors(&format!("{R0}{}", r1.replace(":7788", ":7790"))).is_empty());
        let lo = format!("{R0}{r1}").replace("10.0.0.1:", "127.0.0.1:");
        assert!(errors(&lo).is_empty());
    }

    #[test]
    fn one_address_for_both_endpoints_is_refused() {
        let text = "resource r0 {\n  on alpha { node-id 0; device /dev/drbd1; disk /dev/a; meta-disk internal; }\n  on bravo { node-id 1; device /dev/drbd1; disk /dev/a; meta-disk internal; }\n  connection {\n    host alpha address 10.0.0.1:7789;\n    host bravo address 10.0.0.1:7789;\n  }\n}\n";
        assert_eq!(
            errors(text),
            vec!["t.res:4: in resource r0 ipv4:10.0.0.1:7789 is used for both endpoints"]
        );
    }
}
