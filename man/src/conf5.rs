//! drbd.conf(5): written prose on the file's structure plus every option of the option
//! table, grouped by section.

use conf_parser::options::{Section, Spec, OPTIONS};

use crate::roff::{b, esc, i, Page};
use crate::values::{per_version, value_name};

/// The configuration sections in the order the page lists them, with a heading and a
/// sentence on where the options are written.
const SECTIONS: &[(Section, &str, &str)] = &[
    (
        Section::Resource,
        "options section (resource options)",
        "Written in options { } of a resource or of common; sent with drbdsetup new-resource and resource-options.",
    ),
    (
        Section::Net,
        "net section",
        "Written in net { } of common, a resource or a connection; sent with drbdsetup new-peer and net-options (8.4: connect and net-options).",
    ),
    (
        Section::Disk,
        "disk section",
        "Written in disk { } of common, a resource or a volume; sent with drbdsetup attach and disk-options.",
    ),
    (
        Section::PeerDevice,
        "disk section: peer-device options",
        "Written in disk { } (of common, a resource, a volume or a connection); they configure one volume towards one peer and are sent with drbdsetup peer-device-options. In 8.4 the same names are disk options.",
    ),
    (
        Section::Device,
        "disk section: device options",
        "Written in disk { }; they configure the DRBD device itself and are sent with drbdsetup new-minor.",
    ),
    (
        Section::Startup,
        "startup section",
        "Written in startup { }; read by drbdadm for wait-connect and the boot scripts, never sent to the kernel.",
    ),
    (
        Section::Handlers,
        "handlers section",
        "Written in handlers { }; each value is a shell command line the kernel runs through drbdadm when the event occurs.",
    ),
    (
        Section::Proxy,
        "proxy section",
        "Written in proxy { } of a resource or inside an on HOST { } section; configures drbd-proxy.",
    ),
];

/// An option's name and doc with the specs of the versions that place it in one section.
type Row = (
    &'static str,
    &'static str,
    Option<&'static Spec>,
    Option<&'static Spec>,
);

/// The rows of one section; a name with one row per dialect (`max-buffers`, which DRBD 9
/// moved) is one entry, at its first row.
fn rows_of(section: Section) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for o in OPTIONS {
        let v84 = o.v84.as_ref().filter(|s| s.section == section);
        let v9 = o.v9.as_ref().filter(|s| s.section == section);
        if v84.is_none() && v9.is_none() {
            continue;
        }
        match rows.iter_mut().find(|r| r.0 == o.name) {
            Some(r) => {
                r.2 = r.2.or(v84);
                r.3 = r.3.or(v9);
            }
            None => rows.push((o.name, o.doc, v84, v9)),
        }
    }
    rows
}

fn option_entries(p: &mut Page) {
    p.sh("OPTIONS BY SECTION");
    p.para("Every option DRBD 8.4 and DRBD 9 know, generated from the option table the parser, drbdadm and drbdsetup use. Each entry gives the value type, the unit (numbers without a suffix are read in the native unit shown; K, M and G are binary multiples and s means 512-byte sectors), the accepted range, the kernel's default and the DRBD versions that have the option. A boolean option may be written as a bare name (yes) or with a no- prefix (no). A flag is written as its bare name.");
    for (section, title, intro) in SECTIONS {
        p.ss(title);
        p.para(intro);
        for (name, doc, v84, v9) in rows_of(*section) {
            let ty = v9.or(v84).map(|s| s.ty);
            let vn = ty.map(|t| value_name(&t)).unwrap_or_default();
            let tag = if vn.is_empty() {
                format!("{};", b(name))
            } else {
                format!("{} {};", b(name), i(&vn))
            };
            p.req(".TP");
            p.raw(&tag);
            p.text(doc);
            for line in per_version(v84, v9) {
                p.req(".br");
                p.text(&line);
            }
        }
    }
}

/// The whole page.
pub fn page(version: &str) -> String {
    let mut p = Page::new();
    p.req(&format!(
        ".TH \"DRBD.CONF\" \"5\" \"\" \"drbd\\-rs {}\" \"Configuration Files\"",
        esc(version)
    ));
    p.sh("NAME");
    p.text("drbd.conf - DRBD configuration file (DRBD 8.4 and 9)");
    p.sh("SYNOPSIS");
    p.raw(&format!(
        "{} and the files it includes, usually {}",
        b("/etc/drbd.conf"),
        b("/etc/drbd.d/*.res")
    ));
    p.sh("DESCRIPTION");
    p.para("drbd.conf describes the DRBD resources of a cluster: for each resource its volumes (the DRBD device, the backing disk and the meta data), the hosts that replicate it with their addresses, and the options of the connections and disks. The same file is normally copied unchanged to every node; drbdadm picks the sections that belong to the host it runs on.");
    p.para("drbdadm looks for /etc/drbd.conf first, then /etc/drbd-90.conf (DRBD 9) or /etc/drbd-84.conf (DRBD 8.4) and /etc/drbd-08.conf; -c FILE names another file and - reads standard input. The DRBD version the file is read for is the one of the loaded kernel module (see drbdadm(8)); DRBD_DRIVER_VERSION_OVERRIDE overrides it.");

    p.sh("FILE STRUCTURE");
    p.para("The file consists of sections and statements. A statement is a keyword with its values, terminated by a semicolon; a section is a keyword, optionally a name, and a block in braces. Comments start with # and run to the end of the line. Words consisting of letters, digits and the characters /._- may be written bare; anything else (and host names that are IP addresses or keywords) must be quoted with double quotes. Numbers may carry the suffixes K, M, G (binary multiples) or s (sectors).");
    p.para("The top level holds at most one global section, at most one common section and any number of resource sections:");
    p.example("global {\n    usage-count no;\n}\ncommon {\n    net { protocol C; }\n}\nresource r0 {\n    device    /dev/drbd0;\n    disk      /dev/sdb1;\n    meta-disk internal;\n    on alice { node-id 0; address 10.1.1.31:7789; }\n    on bob   { node-id 1; address 10.1.1.32:7789; }\n}");
    p.tp(&b("global"), "Settings of drbdadm itself: usage-count (yes, no or ask), minor-count, dialog-refresh, disable-ip-verification, udev-always-use-vnr.");
    p.tp(&b("common"), "Options inherited by every resource: the net, disk, options, startup, handlers and proxy sections written here apply unless a resource overrides them.");
    p.tp(
        &format!("{} {}", b("resource"), i("name")),
        "One DRBD resource. It contains host sections, volumes (or the device, disk and meta-disk statements of the implicit volume 0), connections and the option sections. A resource may start with template-file FILE, or be marked skip to be ignored.",
    );
    p.tp(
        &format!("{} {}", b("volume"), i("number")),
        "One volume of a resource, with device, disk and meta-disk statements and an optional disk section. Volumes written in a resource apply to every host; volumes written in a host section apply to that host only.",
    );
    p.tp(
        &format!("{} [{}]", b("connection"), i("name")),
        "DRBD 9: a connection between two hosts, listed with host NAME [address ADDR] [port PORT] [via proxy on HOST] statements or path sections, with its own net and disk (peer-device) options. Without connection sections every pair of hosts of the resource is connected (a full mesh); connection-mesh { hosts A B C; } states the mesh explicitly.",
    );
    p.tp(
        &b("path"),
        "DRBD 9: inside a connection, one pair of host/address statements; several paths give a connection several network paths.",
    );

    p.sh("INCLUDE");
    p.para("include \"GLOB\"; may appear at the top level and inside sections. The pattern is relative to the directory of the including file. Matching files are read in sorted order, each file at most once; a pattern that matches nothing gives a warning. The usual layout is");
    p.example("include \"drbd.d/global_common.conf\";\ninclude \"drbd.d/*.res\";");

    p.sh("HOST SECTIONS");
    p.tp(
        &format!("{} {} [{}...] {{ }}", b("on"), i("host"), i("host")),
        "The settings of one node: node-id (DRBD 9, 0 to 31), address [AF] ADDR:PORT, and device, disk and meta-disk statements or volume sections. The section applies when one of the names matches the node name (uname -n); DRBD 9 also matches a short name against the fully qualified name, case-insensitively. Several names make one section serve a group of nodes that share the settings. _this_host names the local node.",
    );
    p.tp(
        &format!("{} [{}] {}:{} {{ }}", b("floating"), i("af"), i("addr"), i("port")),
        "Like on, but the host is identified by a local IP address instead of its name (for nodes whose names change). The address must be configured on an interface of the node.",
    );
    p.tp(
        &format!("{} {} {{ }}", b("stacked-on-top-of"), i("resource")),
        "A host section of a stacked resource: the lower device is the DRBD device of the named resource on this node. Commands on stacked resources need drbdadm -S.",
    );
    p.para("An address is written as ipv4 (the default), ipv6, ssocks, sdp or sci followed by the address and the port; IPv6 addresses are written in brackets: address ipv6 [fd00::1]:7789;");

    p.sh("META-DISK FORMS");
    p.para("Each volume has meta data: the activity log, the bitmap and the generation identifiers. It can be stored in one of these forms:");
    p.tp(
        &b("meta-disk internal;"),
        "At the end of the backing disk. The device becomes correspondingly smaller than the backing disk. This is the usual choice.",
    );
    p.tp(
        &format!("{} {};", b("meta-disk"), i("device")),
        "Flexible external meta data: the whole device holds the meta data of this one volume, and its size follows the size of the backing disk (as flexible-meta-disk in 8.3).",
    );
    p.tp(
        &format!("{} {}[{}];", b("meta-disk"), i("device"), i("index")),
        "Indexed external meta data: the device is divided into slots of 128 MiB, and slot index (counted from 0) holds this volume's meta data, so index N starts at N x 128 MiB and the device must be at least (N + 1) x 128 MiB large. A 128 MiB slot has room for the bitmap of a backing disk of a little less than 4 TiB with one peer (one bit per 4 KiB); larger disks need flexible meta data. Several volumes may share one device by using different indexes.",
    );
    p.para("disk none; makes a diskless volume (DRBD 9: a diskless client). drbdmeta(8) creates and inspects meta data; drbdadm create-md runs it for the configured volumes.");

    option_entries(&mut p);

    p.sh("MIGRATION FROM 8.3 AND 8.4");
    p.para("DRBD 8.4 reorganised the option sections and DRBD 9 added connections, node ids and peer-device options. drbdadm accepts the older forms and moves each option where the newer version expects it, with a warning that names the replacement; drbdadm dump prints the configuration in the current form and is the recommended way to migrate a file.");
    p.tp(
        &b("syncer { }"),
        "8.3 only. Its options moved: rate became resync-rate (8.4: disk; 9: peer-device options, still written in disk { }), after became resync-after (disk), al-extents, c-plan-ahead and the other c-* options moved to disk, verify-alg and csums-alg moved to net, cpu-mask moved to options.",
    );
    p.tp(
        &b("protocol"),
        "Written at resource level in 8.3; since 8.4 it is a net option (net { protocol C; }). A resource-level protocol is still accepted and moved into net.",
    );
    p.tp(
        &b("disk options at resource level"),
        "8.3's disk section mixed options that DRBD 9 splits four ways: disk options, peer-device options (resync-rate, c-*, bitmap), device options and resource options; drbdadm routes each one to its place.",
    );
    p.tp(
        &b("fencing, outdate-peer"),
        "fencing is a disk option in 8.4 and a net option in DRBD 9; the outdate-peer handler of 8.3 is the fence-peer handler.",
    );
    p.tp(
        &b("flexible-meta-disk"),
        "8.3's spelling of meta-disk DEVICE without index; still accepted.",
    );
    p.tp(
        &b("node-id"),
        "Required in DRBD 9 for resources with more than two hosts. For two-host configurations written for 8.4, drbdadm derives implicit node ids like upstream.",
    );
    p.tp(
        &b("become-primary-on"),
        "Read by 8.4 start-up scripts; DRBD 9 ignores it with a warning.",
    );
    p.para("Keywords of 0.7, 8.0 and 8.3 that no longer exist (incon-degr-cmd, on-disconnect, delay-probe-*) are accepted with a warning that names what replaced them.");

    p.sh("FILES");
    p.tp(&b("/etc/drbd.conf"), "The main configuration file.");
    p.tp(
        &b("/etc/drbd.d/"),
        "The usual place of global_common.conf and the *.res files.",
    );

    p.sh("SEE ALSO");
    p.raw(&format!(
        "{}(8), {}(8), {}(8)",
        b("drbdadm"),
        b("drbdsetup"),
        b("drbdmeta")
    ));
    p.finish()
}
