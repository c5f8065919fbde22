//! Adjust without a kernel: a configuration and a `drbdsetup show` text in, the commands a
//! dry run prints out (in upstream's execution order: stage by stage, in passes, each
//! command after the one it depends on).

use conf_parser::{parse_str, Dialect, ParseOptions};

use super::*;
use crate::expand::{expand, Expanded, Matcher};
use crate::gen::Tools;
use crate::plan::Line;

fn expanded(conf: &str, host: &str) -> Expanded {
    let cfg = parse_str("test.res", conf, &ParseOptions::new(Dialect::V9));
    assert!(!cfg.diagnostics.has_errors(), "config has errors");
    let m = Matcher {
        hostname: host,
        dialect: Dialect::V9,
        have_ip: &|_, _| false,
        no_tty: true,
    };
    let x = expand(&cfg, &m, true);
    assert!(x.errors.is_empty(), "{:?}", x.errors);
    x
}

/// The order `run_deferred_cmds()` runs the plan in.
fn execution_order(plan: &Plan) -> Vec<usize> {
    let order = plan.deferred_order();
    let mut done = vec![false; plan.deferred.len()];
    let mut out = Vec::new();
    while out.len() < plan.deferred.len() {
        let before = out.len();
        for &i in &order {
            let d = &plan.deferred[i];
            if done[i] || d.depends_on.is_some_and(|dep| !done[dep]) {
                continue;
            }
            done[i] = true;
            out.push(i);
        }
        assert!(out.len() > before, "dependency cycle");
    }
    out
}

struct Case<'a> {
    conf: &'a str,
    show: &'a str,
    res: &'a str,
    host: &'a str,
    backend: &'a [&'a str],
    list_only: bool,
}

impl Default for Case<'_> {
    fn default() -> Self {
        Case {
            conf: "",
            show: "",
            res: "r0",
            host: "undertest",
            backend: &[],
            list_only: false,
        }
    }
}

fn run(case: Case<'_>) -> String {
    let x = expanded(case.conf, case.host);
    let tools = Tools {
        drbdsetup: "drbdsetup".into(),
        drbdmeta: "drbdmeta".into(),
        proxy_ctl: "drbd-proxy-ctl".into(),
    };
    let gen = Gen {
        dialect: Dialect::V9,
        x: &x,
        tools: &tools,
        backend: case.backend.iter().map(|s| s.to_string()).collect(),
        verbose: 0,
        dry_run: true,
        hostname: case.host,
        config_file: "test.res".into(),
        udev_always_use_vnr: false,
    };
    let res = x.resource(case.res).expect("resource");
    let running = show::parse(case.show)
        .into_iter()
        .find(|r| r.name == case.res);
    let mut plan = Plan::default();
    plan_adjust(&gen, &Ctx::res(res), running, case.list_only, &mut plan).expect("adjusts");
    let mut out = String::new();
    for i in execution_order(&plan) {
        let mut lines = Vec::new();
        plan.deferred[i].action.dry_run_lines(&mut lines);
        for l in lines {
            match l {
                Line::Stdout(inv) => {
                    out.push_str(&inv.dry_run_line());
                    out.push('\n');
                }
                Line::Text(t) => out.push_str(&t),
                Line::Fail(m, _) => out.push_str(&format!("FAIL {m}\n")),
            }
        }
    }
    out
}

const TWO_NODES: &str = r#"
resource r0 {
    on undertest {
        node-id 0;
        volume 0 { device /dev/drbd1; disk /dev/sda1; meta-disk internal; }
    }
    on peer1 {
        node-id 1;
        volume 0 { device /dev/drbd1; disk /dev/sda1; meta-disk internal; }
    }
    connection {
        path {
            host undertest address 10.0.0.1:7789;
            host peer1 address 10.0.0.2:7789;
        }
    }
}
"#;

const TWO_NODES_RUNNING: &str = r#"
resource "r0" {
    _this_host {
        node-id			0;
        volume 0 {
            device			minor 1;
            disk			"/dev/sda1";
            meta-disk			internal;
        }
    }
    connection {
        _peer_node_id 1;
        path {
            _this_host ipv4 10.0.0.1:7789;
            _remote_host ipv4 10.0.0.2:7789;
        }
        _cstate Connected;
        net {
            _name           	"peer1";
        }
    }
}
"#;

#[test]
fn nothing_to_do_when_running_matches() {
    let out = run(Case {
        conf: TWO_NODES,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    assert_eq!(out, "");
}

#[test]
fn a_resource_not_running_is_brought_up() {
    let out = run(Case {
        conf: TWO_NODES,
        show: "",
        ..Case::default()
    });
    assert_eq!(
        out,
        "drbdsetup new-resource r0 0\n\
         drbdsetup new-minor r0 1 0\n\
         drbdsetup new-peer r0 1 --_name=peer1\n\
         drbdsetup new-path r0 1 ipv4:10.0.0.1:7789 ipv4:10.0.0.2:7789\n\
         drbdmeta 1 v09 /dev/sda1 internal repair-md\n\
         drbdmeta 1 v09 /dev/sda1 internal apply-al\n\
         drbdsetup attach 1 /dev/sda1 /dev/sda1 internal\n\
         drbdsetup connect r0 1\n"
    );
}

#[test]
fn changed_options_are_reset_to_defaults_and_set() {
    let conf = TWO_NODES
        .replace(
            "    on undertest {",
            "    options { quorum majority; }\n    disk { disk-flushes no; }\n    net { verify-alg md5; }\n    on undertest {",
        );
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    assert_eq!(
        out,
        "drbdsetup resource-options r0 --set-defaults --quorum=majority\n\
         drbdsetup net-options r0 1 --set-defaults --_name=peer1 --verify-alg=md5\n\
         drbdsetup disk-options 1 --set-defaults --disk-flushes=no\n"
    );
}

#[test]
fn a_running_default_is_not_a_difference() {
    let show = TWO_NODES_RUNNING.replace(
        "meta-disk			internal;",
        "meta-disk			internal;\n            disk {\n                disk-flushes yes;\n                al-extents 1237;\n            }",
    );
    let out = run(Case {
        conf: TWO_NODES,
        show: &show,
        ..Case::default()
    });
    assert_eq!(out, "");
}

#[test]
fn a_changed_backing_disk_is_detached_and_attached() {
    let conf = TWO_NODES.replacen("disk /dev/sda1;", "disk /dev/sdb1;", 1);
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    assert_eq!(
        out,
        "drbdsetup detach --diskless 1\n\
         drbdmeta 1 v09 /dev/sdb1 internal repair-md\n\
         drbdmeta 1 v09 /dev/sdb1 internal apply-al\n\
         drbdsetup attach 1 /dev/sdb1 /dev/sdb1 internal\n"
    );
}

#[test]
fn a_changed_minor_replaces_the_device() {
    let conf = TWO_NODES.replacen("device /dev/drbd1;", "device /dev/drbd7;", 1);
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    // The new minor is created first; detach and del-minor of the old one depend on it.
    assert_eq!(
        out,
        "drbdsetup new-minor r0 7 0\n\
         drbdsetup detach --diskless 1\n\
         drbdsetup del-minor 1\n\
         drbdmeta 7 v09 /dev/sda1 internal repair-md\n\
         drbdmeta 7 v09 /dev/sda1 internal apply-al\n\
         drbdsetup attach 7 /dev/sda1 /dev/sda1 internal\n"
    );
}

#[test]
fn a_size_change_resizes() {
    let conf = TWO_NODES.replacen(
        "meta-disk internal; }",
        "meta-disk internal; disk { size 10G; } }",
        1,
    );
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    assert_eq!(
        out,
        "drbdsetup resize 1 --size=10G\ndrbdsetup check-resize 1\n"
    );
    let show = TWO_NODES_RUNNING.replace(
        "meta-disk			internal;",
        "meta-disk			internal;\n            disk {\n                size 20971520s;\n            }",
    );
    let out = run(Case {
        conf: &conf,
        show: &show,
        ..Case::default()
    });
    assert_eq!(out, "");
}

#[test]
fn a_new_path_and_a_gone_one() {
    let conf = TWO_NODES.replace("10.0.0.2:7789", "10.0.0.3:7789");
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    // The last path of a connected peer goes: disconnect first, connect again after.
    assert_eq!(
        out,
        "drbdsetup disconnect r0 1\n\
         drbdsetup del-path r0 1 ipv4:10.0.0.1:7789 ipv4:10.0.0.2:7789\n\
         drbdsetup new-path r0 1 ipv4:10.0.0.1:7789 ipv4:10.0.0.3:7789\n\
         drbdsetup connect r0 1\n"
    );
}

#[test]
fn an_immutable_net_option_recreates_the_peer() {
    let conf = TWO_NODES.replace(
        "    connection {",
        "    connection {\n        net { load-balance-paths yes; }",
    );
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    assert_eq!(
        out,
        "drbdsetup del-peer r0 1\n\
         drbdsetup new-peer r0 1 --_name=peer1 --load-balance-paths=yes\n\
         drbdsetup new-path r0 1 ipv4:10.0.0.1:7789 ipv4:10.0.0.2:7789\n\
         drbdsetup connect r0 1\n"
    );
}

#[test]
fn unknown_running_options_hide_the_configured_value() {
    let conf = TWO_NODES.replace(
        "    on undertest {",
        "    disk { disk-flushes no; al-extents 7; }\n    on undertest {",
    );
    let show = TWO_NODES_RUNNING.replace(
        "meta-disk			internal;",
        "meta-disk			internal;\n            disk {\n                _unknown disk-flushes;\n                al-extents 8;\n            }",
    );
    let out = run(Case {
        conf: &conf,
        show: &show,
        ..Case::default()
    });
    // disk-flushes is dropped from the command, al-extents is set.
    assert_eq!(
        out,
        "drbdsetup disk-options 1 --set-defaults --al-extents=7\n"
    );
}

#[test]
fn skip_net_and_skip_disk_limit_the_scope() {
    let conf = TWO_NODES
        .replace(
            "    on undertest {",
            "    disk { disk-flushes no; }\n    on undertest {",
        )
        .replace("10.0.0.2:7789", "10.0.0.3:7789");
    let base = Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    };
    let out = run(Case {
        backend: &["--skip-net"],
        ..base
    });
    assert_eq!(
        out,
        "drbdsetup disk-options 1 --set-defaults --disk-flushes=no\n"
    );
    let base = Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    };
    let out = run(Case {
        backend: &["--skip-disk"],
        ..base
    });
    assert!(!out.contains("disk-options"));
    assert!(out.contains("new-path"));
}

#[test]
fn sh_list_adjustable_names_a_resource_once() {
    let conf = TWO_NODES.replace(
        "    on undertest {",
        "    disk { disk-flushes no; }\n    on undertest {",
    );
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        list_only: true,
        ..Case::default()
    });
    assert_eq!(out, "r0\n");
    let out = run(Case {
        conf: TWO_NODES,
        show: TWO_NODES_RUNNING,
        list_only: true,
        ..Case::default()
    });
    assert_eq!(out, "");
}

#[test]
fn peer_device_options_follow_the_running_ones() {
    let conf = TWO_NODES.replace(
        "    connection {",
        "    connection {\n        disk { resync-rate 10M; }",
    );
    let out = run(Case {
        conf: &conf,
        show: TWO_NODES_RUNNING,
        ..Case::default()
    });
    assert_eq!(
        out,
        "drbdsetup peer-device-options r0 1 0 --set-defaults --resync-rate=10M\n"
    );
    let show = TWO_NODES_RUNNING.replace(
        "        _cstate Connected;",
        "        _cstate Connected;\n        volume 0 {\n            disk {\n                resync-rate 10240k;\n            }\n        }",
    );
    let out = run(Case {
        conf: &conf,
        show: &show,
        ..Case::default()
    });
    assert_eq!(out, "");
}

#[test]
fn addresses_compare_as_addresses() {
    let a = |af: &str, addr: &str, port: &str| Address {
        af: af.into(),
        addr: addr.into(),
        port: port.into(),
        span: conf_parser::source::Span::default(),
    };
    assert!(addresses_equal(
        Some(&a("ipv6", "fd00::1", "7789")),
        Some(&a("ipv6", "fd00:0::1", "7789"))
    ));
    assert!(!addresses_equal(
        Some(&a("ipv4", "10.0.0.1", "7789")),
        Some(&a("ipv4", "10.0.0.1", "7790"))
    ));
    assert!(!addresses_equal(Some(&a("ipv4", "10.0.0.1", "7789")), None));
}
