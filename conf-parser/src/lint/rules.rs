//! The rule table: every check `drbdadm lint` makes, with its stable id, kebab-case name,
//! severity and a one-line fix. RULES.md documents the same list for users; a unit test keeps
//! the two in step.

use crate::diag::Severity;

/// One lint rule.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, `DRBD` and three digits; the hundreds digit is the category.
    pub id: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// How bad a finding of this rule is.
    pub severity: Severity,
    /// What the rule finds, in one sentence.
    pub summary: &'static str,
    /// What to do about a finding, in one line (findings may carry a more specific fix).
    pub fix: &'static str,
    /// True if `--fix` rewrites what this rule finds.
    pub fixable: bool,
}

const fn rule(
    id: &'static str,
    name: &'static str,
    severity: Severity,
    summary: &'static str,
    fix: &'static str,
    fixable: bool,
) -> Rule {
    Rule {
        id,
        name,
        severity,
        summary,
        fix,
        fixable,
    }
}

use Severity::{Error as E, Note as N, Warning as W};

/// Every rule, sorted by id.
pub static RULES: &[Rule] = &[
    // ---- 0xx: syntax and schema (the parser's own findings) ----
    rule("DRBD000", "parser", W, "A parser finding without a more specific rule.", "follow the hint", false),
    rule("DRBD001", "syntax", E, "The text is not valid drbd.conf syntax (braces, `;`, quoting, characters).", "correct the syntax as the hint says", false),
    rule("DRBD002", "unknown-keyword", E, "A statement that is not allowed where it is written.", "remove the statement or move it into the section it belongs to", false),
    rule("DRBD003", "unknown-option", E, "An option name that does not exist in this section.", "use the suggested option name or section", false),
    rule("DRBD004", "invalid-value", E, "An option value of the wrong type, out of range, or with a bad unit.", "use a value from the allowed set or range", false),
    rule("DRBD005", "wrong-version", E, "A keyword or option the target DRBD version does not have.", "use the target version's syntax, or lint with the right `--target`", false),
    rule("DRBD006", "unquoted-name", E, "A host or resource name that is an IP address, a number or a keyword, unquoted.", "quote the name: `on \"10.0.0.1\" { ... }`", false),
    rule("DRBD007", "missing-keyword", E, "A required statement is missing (`node-id`, a path, a proxy address...).", "add the missing statement", false),
    rule("DRBD008", "duplicate-statement", E, "A statement or section given twice where only one is allowed.", "remove or merge the second one", false),
    rule("DRBD009", "invalid-address", E, "An address that is not `[af] IP:PORT`.", "write `address 10.0.0.1:7789;` or `address ipv6 [fd00::1]:7789;`", false),
    rule("DRBD010", "global-not-first", W, "The `global` section comes after a `resource` section.", "move `global { }` to the top of the main file", false),
    rule("DRBD011", "section-ends-with-file", W, "A `resource` or `common` section closed by the end of its file instead of `}` (drbdadm accepts it).", "add the matching `}`", false),
    // ---- 1xx: uniqueness and consistency, per host ----
    rule("DRBD101", "duplicate-resource", E, "Two resources with the same name.", "rename or remove one of them", false),
    rule("DRBD102", "duplicate-minor", E, "Two volumes on one host use the same device minor.", "give each volume its own `device minor N`", false),
    rule("DRBD103", "duplicate-device", E, "Two volumes on one host use the same device path.", "give each volume its own `/dev/drbdN`", false),
    rule("DRBD104", "duplicate-disk", E, "One backing block device is used twice on a host (as `disk` or as `disk` and `meta-disk`).", "give each volume its own backing device", false),
    rule("DRBD105", "duplicate-address", E, "One `address:port` is used by two resources, or by both ends of a connection.", "give each resource its own port", false),
    rule("DRBD106", "duplicate-meta-disk", E, "One external meta-data slot is used twice on a host, or one device both indexed and flexible.", "give each volume its own slot (`/dev/x[N]`) or device", false),
    rule("DRBD107", "duplicate-node-id", E, "Two hosts of a resource have the same `node-id`.", "give each host its own `node-id`", false),
    rule("DRBD108", "equal-address-hash", E, "Two hosts without `node-id` share an IP address, so DRBD 9 cannot derive their node ids (`BAD LUCK, equal hashes`).", "add `node-id 0;` and `node-id 1;` to the two host sections", false),
    rule("DRBD109", "volume-mismatch", E, "A volume lacks its device or disk, or the hosts of a resource define different volumes.", "define the same volumes, each with `device` and `disk`, on every host", false),
    rule("DRBD110", "needs-connections", E, "More than two hosts and no `connection` or `connection-mesh` section (DRBD 9).", "add `connection-mesh { hosts A B C; }`", false),
    rule("DRBD111", "duplicate-host", E, "Two host sections of a resource name the same host.", "remove or rename one of the sections", false),
    rule("DRBD112", "unknown-reference", E, "A reference to a resource, volume or host that is not defined.", "fix the name, or define what it refers to", false),
    // ---- 2xx: hosts, topology and files ----
    rule("DRBD201", "host-name-spelling", W, "One host is spelled differently (case, short name vs FQDN) across sections.", "spell each host exactly as `uname -n` prints it, everywhere", false),
    rule("DRBD202", "inventory-host-missing", E, "A host of the inventory has no section in the resources it must run.", "add an `on HOST { ... }` section, or correct the inventory", false),
    rule("DRBD203", "host-not-in-inventory", W, "A host section names a host that is not in the inventory.", "correct the host name, or add the host to the inventory", false),
    rule("DRBD204", "node-not-configured", W, "The node given with `--node` has no section in any resource.", "check the node name (`uname -n`) against the `on` sections", false),
    rule("DRBD205", "include-no-match", W, "An `include` pattern matches no file, so resources may be missing silently.", "correct the pattern or remove the `include`", false),
    rule("DRBD206", "include-cycle", W, "An `include` reads a file that is already being read (a cycle); it is skipped.", "remove the `include` that closes the cycle", false),
    rule("DRBD207", "include-missing", E, "An `include` names a file that cannot be read.", "correct the path or create the file", false),
    // ---- 3xx: meta-data sizing ----
    rule("DRBD301", "meta-slot-too-small", E, "An indexed meta-disk `/dev/x[N]` needs (N+1) x 128 MiB, and the device is smaller.", "use a lower index or a larger meta-data device", false),
    rule("DRBD302", "meta-slot-capacity", E, "A backing device is larger than a 128 MiB indexed meta-data slot can track for its peers.", "use `meta-disk internal;` or a flexible external meta-disk", false),
    rule("DRBD303", "meta-flexible-too-small", E, "A flexible external meta-disk is smaller than 36 KiB + size/32K x peers.", "use a larger meta-data device", false),
    rule("DRBD304", "shared-meta-device", W, "Several volumes share one indexed meta-data device (upstream advises against it).", "give each volume its own meta-data device, or use internal meta-data", false),
    rule("DRBD305", "unused-device-size", W, "A `--device-size` path that the configuration does not use.", "correct the path given to `--device-size`", false),
    // ---- 4xx: legacy and ignored syntax ----
    rule("DRBD401", "syncer-section", W, "An 8.3 `syncer { }` section; 8.4 moved its options to `disk`, `net` and `options`.", "run `drbdadm lint --fix` to move the options", true),
    rule("DRBD402", "become-primary-on-ignored", W, "`become-primary-on` is ignored by DRBD 9.", "remove it; let the cluster manager promote, or use `auto-promote`", true),
    rule("DRBD403", "legacy-handler-script", W, "A handler calls a DRBD 8 script that does not work with DRBD 9.", "use the `.9.sh` variant of the script", true),
    rule("DRBD404", "retired-keyword", W, "A keyword of DRBD 0.7/8.0/8.3 that current versions ignore.", "remove it; the hint names the replacement", true),
    rule("DRBD405", "legacy-syntax", N, "Old syntax that is still accepted: `no-` flags, `flexible-meta-disk`, resource-level `protocol`, `fencing` in `disk`.", "run `drbdadm lint --fix` to write the current form", true),
    rule("DRBD406", "named-connection", W, "An explicitly named `connection`; the name is ignored.", "drop the name; set `net { _name NAME; }` if needed", false),
    rule("DRBD407", "udev-device-name", W, "A `/dev/drbd_NAME` device name that udev no longer creates.", "use `device /dev/drbdN minor N;`", false),
    rule("DRBD408", "renamed-option", E, "An 8.3 option name (`rate`, `after`, `outdate-peer`) outside `syncer { }`.", "use the 8.4 name the hint gives (`--fix` renames it)", true),
    // ---- 5xx: risky policies ----
    rule("DRBD501", "auto-discard-split-brain", W, "An automatic split-brain policy that throws away a node's changes.", "use `disconnect` and resolve split brain by hand", false),
    rule("DRBD502", "two-primaries", W, "`allow-two-primaries` without `fencing resource-and-stonith`.", "use it only with a cluster file system, and set `fencing resource-and-stonith`", false),
    rule("DRBD503", "no-split-brain-protection", W, "Three or more nodes with neither quorum nor fencing.", "set `options { quorum majority; on-no-quorum io-error; }`", false),
    rule("DRBD504", "quorum-incoherent", W, "Quorum settings that contradict each other or cannot be met.", "make `on-no-data-accessible` equal `on-no-quorum`, and keep `quorum` within the node count", false),
    rule("DRBD505", "secret-in-config", W, "A `shared-secret` stored in plain text in the configuration.", "keep the file mode 0600 and out of version control, or use TLS (`tls-keyring`)", false),
    rule("DRBD506", "secret-without-auth", W, "A `shared-secret` without `cram-hmac-alg`, so the secret is never used.", "add `cram-hmac-alg sha256;` next to the secret", false),
];

/// The rule with this id (`DRBD000` for an unknown id; a unit test checks that every id
/// used in this crate exists).
pub fn rule_by_id(id: &str) -> &'static Rule {
    RULES.iter().find(|r| r.id == id).unwrap_or(&RULES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique_sorted_and_documented() {
        let doc = include_str!("RULES.md");
        let mut prev = "";
        let mut names = std::collections::BTreeSet::new();
        for r in RULES {
            assert!(r.id > prev, "{} is out of order", r.id);
            prev = r.id;
            assert!(names.insert(r.name), "{} is a duplicate name", r.name);
            assert!(
                r.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{}",
                r.name
            );
            let row = format!("| {} | `{}` |", r.id, r.name);
            assert!(doc.contains(&row), "RULES.md lacks the row `{row}`");
            assert!(!r.fix.is_empty() && !r.summary.is_empty());
        }
    }
}
