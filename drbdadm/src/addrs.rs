//! DRBD 9's address conflicts (upstream's `check_addr_conflict()`): an address and port
//! may serve several connections of one resource, but no other resource, and the two
//! endpoints of a path must differ. Loopback addresses are exempt (every node has them).

use std::collections::HashMap;

use conf_parser::model::Address;

use crate::expand::XRes;

/// Upstream's `addresses_cmp()` identity: IP addresses compare as numbers, anything else
/// as written; then port and family.
fn key(a: &Address) -> String {
    let addr = match a.af.as_str() {
        "ipv4" | "ipv6" => a
            .addr
            .parse::<std::net::IpAddr>()
            .map_or_else(|_| a.addr.clone(), |ip| ip.to_string()),
        _ => a.addr.clone(),
    };
    format!("{addr}\0{}\0{}", a.port, a.af)
}

fn is_local(a: &Address) -> bool {
    a.addr
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// The first use of an address.
struct First {
    /// Index into the owners.
    owner: u32,
    line: u32,
    /// Already named in a message (upstream's `ha->conflicts`).
    reported: bool,
}

/// The check, fed one expanded resource at a time in configuration order (each resource
/// is compared with the ones before it), so that resources need not be kept.
#[derive(Default)]
pub struct AddrCheck {
    first: HashMap<String, First>,
    /// Resources that use an address first: name and file (index into `files`).
    owners: Vec<(String, u32)>,
    files: Vec<String>,
    errors: Vec<String>,
}

impl AddrCheck {
    /// Checks the paths of `x` against the resources added before.
    pub fn add(&mut self, x: &XRes) {
        let mut owner: Option<u32> = None;
        for c in &x.conns {
            for p in &c.paths {
                let mut used: Vec<(String, String)> = Vec::new();
                for e in &p.ends {
                    let Some(a) = e
                        .address
                        .as_ref()
                        .or_else(|| e.host.and_then(|h| x.hosts[h].address.as_ref()))
                    else {
                        continue;
                    };
                    if is_local(a) {
                        continue;
                    }
                    let k = key(a);
                    let shown = format!("{}:{}:{}", a.af, a.addr, a.port);
                    // Upstream's made-up endpoints have no line.
                    let line = if c.implicit { 0 } else { e.line };
                    // Upstream counts an endpoint for the both-ends check unless it skips
                    // it as reported already.
                    match self.first.get_mut(&k) {
                        None => {
                            let o = *owner.get_or_insert_with(|| {
                                if self.files.last() != Some(&x.file) {
                                    self.files.push(x.file.clone());
                                }
                                self.owners
                                    .push((x.name.clone(), self.files.len() as u32 - 1));
                                self.owners.len() as u32 - 1
                            });
                            used.push((k.clone(), shown));
                            self.first.insert(
                                k,
                                First {
                                    owner: o,
                                    line,
                                    reported: false,
                                },
                            );
                        }
                        Some(f) => {
                            if Some(f.owner) == owner {
                                used.push((k, shown));
                                continue;
                            }
                            if f.reported {
                                continue;
                            }
                            let (oname, ofile) = &self.owners[f.owner as usize];
                            self.errors.push(format!(
                                "{}:{line}: in resource {}\n    {shown} is also used {}:{} (resource {oname})",
                                x.file, x.name, self.files[*ofile as usize], f.line
                            ));
                            f.reported = true;
                            used.push((k, shown));
                        }
                    }
                }
                if let [(a, shown), (b, _)] = used.as_slice() {
                    if a == b {
                        self.errors.push(format!(
                            "{}:{}: in resource {} {shown} is used for both endpoints",
                            x.file, c.line, x.name
                        ));
                    }
                }
            }
        }
    }

    /// Upstream's messages, in its order.
    pub fn finish(self) -> Vec<String> {
        self.errors
    }
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
