//! Located, helpful errors for the mistakes users make (../shared/research/users.md §1.2):
//! each input is checked for the exact `FILE:LINE:COL: error: ...` line and its hint.

use conf_parser::{parse_str, Dialect, ParseOptions};

fn check(dialect: Dialect, text: &str) -> String {
    let cfg = parse_str("t.res", text, &ParseOptions::new(dialect));
    cfg.diagnostics.render(&cfg.sources)
}

fn v9(text: &str) -> String {
    check(Dialect::V9, text)
}

const BASE_HOSTS: &str = "on a { address 10.0.0.1:7789; } on b { address 10.0.0.2:7789; }";

#[test]
fn unquoted_ip_as_host_name() {
    let out = v9("resource r0 {\n  on 10.0.0.1 { disk /dev/x; }\n}\n");
    assert!(
        out.contains("t.res:2:6: error: `10.0.0.1` cannot be used as a host name without quotes"),
        "{out}"
    );
    assert!(
        out.contains("hint: host names that are IP addresses or keywords must be quoted"),
        "{out}"
    );
}

#[test]
fn missing_semicolon_is_reported_where_it_is_missing() {
    let out =
        v9("resource r0 {\n  volume 0 {\n    disk /dev/vg/r0\n    meta-disk internal;\n  }\n}\n");
    assert!(
        out.contains(
            "t.res:4:5: error: `disk` takes one device, found `meta-disk` after `/dev/vg/r0`"
        ),
        "{out}"
    );
    assert!(
        out.contains("is a `;` missing after `/dev/vg/r0`?"),
        "{out}"
    );
}

#[test]
fn misspelled_option_gets_a_suggestion() {
    let out = v9(&format!(
        "resource r0 {{ {BASE_HOSTS} disk {{ resync-rat 10M; }} }}"
    ));
    assert!(
        out.contains("error: unknown option `resync-rat` in `disk { }`"),
        "{out}"
    );
    assert!(out.contains("did you mean `resync-rate`?"), "{out}");
}

#[test]
fn option_in_the_wrong_section_names_the_right_one() {
    let out = v9(&format!(
        "resource r0 {{ {BASE_HOSTS} net {{ resync-rate 10M; }} }}"
    ));
    assert!(
        out.contains("`resync-rate` belongs in `disk { }`, not in `net { }`"),
        "{out}"
    );
}

#[test]
fn syncer_alias_outside_syncer_explains_the_move() {
    let out = v9(&format!(
        "resource r0 {{ {BASE_HOSTS} disk {{ rate 10M; }} }}"
    ));
    assert!(
        out.contains("`rate` moved from `syncer` to `disk` as `resync-rate` in 8.4"),
        "{out}"
    );
}

#[test]
fn range_errors_print_the_range_and_unit() {
    let out = v9(&format!(
        "resource r0 {{ {BASE_HOSTS} net {{ max-buffers 99999999; }} }}"
    ));
    assert!(
        out.contains("value `99999999` for `max-buffers` is too big: allowed 32..131072"),
        "{out}"
    );
    let out = v9(&format!(
        "resource r0 {{ {BASE_HOSTS} disk {{ resync-rate 100G; }} }}"
    ));
    assert!(out.contains("allowed 1..8388608 KiB"), "{out}");
}

#[test]
fn enum_errors_list_the_values() {
    let out = v9(&format!(
        "resource r0 {{ {BASE_HOSTS} net {{ after-sb-0pri discard-zero-change; }} }}"
    ));
    assert!(
        out.contains("did you mean `discard-zero-changes`?"),
        "{out}"
    );
    assert!(
        out.contains("allowed values are: disconnect | discard-younger-primary"),
        "{out}"
    );
}

#[test]
fn index_without_brackets() {
    let out = v9("resource r0 { volume 0 { meta-disk /dev/vg/md 0; } }");
    assert!(
        out.contains("hint: index syntax is `/dev/vg/md[0]`"),
        "{out}"
    );
}

#[test]
fn nine_only_options_on_84_name_both_versions() {
    let out = check(
        Dialect::V84,
        &format!("resource r0 {{ {BASE_HOSTS} options {{ quorum majority; }} }}"),
    );
    assert!(out.contains("`quorum` is a DRBD 9 option"), "{out}");
    assert!(out.contains("read for DRBD 8.4"), "{out}");
    let out = check(
        Dialect::V84,
        "resource r0 { connection { host a; host b; } }",
    );
    assert!(
        out.contains("`connection` needs DRBD 9; this configuration is read for DRBD 8.4"),
        "{out}"
    );
}

#[test]
fn every_error_of_a_file_is_reported_in_one_run() {
    let out = v9("resource r0 {\n  net { bogus 1; }\n  disk { al-extents x; }\n  on 1234 { }\n}\nresource r0 { }\n");
    let errors = out.lines().filter(|l| l.contains(": error: ")).count();
    assert_eq!(errors, 5, "{out}");
    assert!(
        out.contains(
            "t.res:4:3: error: in resource r0, on 1234 { ... }: 'node-id' keyword missing."
        ),
        "{out}"
    );
    assert!(!out.contains(":0:"), "never line 0: {out}");
}

#[test]
fn no_line_zero_and_no_token_numbers() {
    let out = v9("resource r0 { on a { address 10.0.0.1:99999; } }");
    assert!(out.starts_with("t.res:1:"), "{out}");
    assert!(!out.contains("TK"), "{out}");
}

#[test]
fn only_five_no_flags_exist_for_84() {
    let conf = format!(
        "resource r0 {{ {BASE_HOSTS} net {{ no-tcp-cork; no-always-asbp; }} disk {{ no-disk-barrier; no-al-updates; }} }}"
    );
    let out = check(Dialect::V84, &conf);
    assert!(
        out.contains("`no-always-asbp` is not an option keyword of DRBD 8.4"),
        "{out}"
    );
    assert!(out.contains("write `al-updates no;`"), "{out}");
    assert!(!out.contains("`no-tcp-cork`"), "{out}");
    assert!(!out.contains("`no-disk-barrier`"), "{out}");
    let out = check(Dialect::V9, &conf);
    assert!(!out.contains("no-always-asbp"), "{out}");
}

#[test]
fn string_lengths_are_errors_for_9_and_warnings_for_84() {
    let secret = "s".repeat(70);
    let conf = format!(
        "resource r0 {{ {BASE_HOSTS} net {{ cram-hmac-alg sha1; shared-secret {secret}; }} }}"
    );
    let out84 = check(Dialect::V84, &conf);
    assert!(
        out84.contains("warning: value for `shared-secret` is too long"),
        "{out84}"
    );
    assert!(!out84.contains("error"), "{out84}");
    assert!(check(Dialect::V9, &conf)
        .contains("value for `shared-secret` is too long: at most 63 characters"));
}

#[test]
fn skip_takes_one_name_on_84() {
    let conf =
        "skip resource old { on x { disk /dev/y; } }\nskip legacy { anything goes; }\nskip { }\n";
    let out = check(Dialect::V84, conf);
    assert!(
        out.contains("`skip` takes at most one name before `{`, found `resource`"),
        "{out}"
    );
    assert_eq!(out.matches("error").count(), 1, "{out}");
    assert!(!check(Dialect::V9, conf).contains("skip"));
}

#[test]
fn numbers_drbdadm_84_cannot_read_exit_20() {
    for (value, says) in [
        ("100MB", "100MB is not a valid number"),
        ("fast", "fast is not a valid number"),
        ("10x", "10x is not a valid unit"),
    ] {
        let text = format!("resource r0 {{ {BASE_HOSTS} disk {{ c-max-rate {value}; }} }}");
        let cfg = parse_str("t.res", &text, &ParseOptions::new(Dialect::V84));
        let out = cfg.diagnostics.render(&cfg.sources);
        assert!(out.contains(says), "{out}");
        assert_eq!(cfg.diagnostics.exit_code(), Some(20), "{value}");
        let cfg = parse_str("t.res", &text, &ParseOptions::new(Dialect::V9));
        assert_eq!(cfg.diagnostics.exit_code(), None, "{value}");
    }
    let ok = format!("resource r0 {{ {BASE_HOSTS} disk {{ c-max-rate 100M; }} }}");
    let cfg = parse_str("t.res", &ok, &ParseOptions::new(Dialect::V84));
    assert_eq!(cfg.diagnostics.exit_code(), None);
}

#[test]
fn the_first_error_chooses_the_exit_code() {
    // Upstream stops at its first error: a parse error (10) before a bad number (20) exits 10.
    let text = format!(
        "resource r0 {{ {BASE_HOSTS} disk {{ no-allow-remote-read; c-max-rate 100MB; }} }}"
    );
    let cfg = parse_str("t.res", &text, &ParseOptions::new(Dialect::V84));
    assert!(cfg.diagnostics.has_errors());
    assert_eq!(cfg.diagnostics.exit_code(), None);
    let text = format!(
        "resource r0 {{ {BASE_HOSTS} disk {{ c-max-rate 100MB; no-allow-remote-read; }} }}"
    );
    let cfg = parse_str("t.res", &text, &ParseOptions::new(Dialect::V84));
    assert_eq!(cfg.diagnostics.exit_code(), Some(20));
}

#[test]
fn values_drbdadm_84_does_not_check_are_warnings() {
    let conf = format!("resource r0 {{ {BASE_HOSTS} net {{ rr-conflict auto-discard; }} disk {{ al-extents 5x; resync-rate 5x; }} }}");
    let out = check(Dialect::V84, &conf);
    assert!(
        out.contains("warning: `auto-discard` is not a valid value for `rr-conflict`"),
        "{out}"
    );
    assert!(
        out.contains("warning: `5x` has an unknown unit for `al-extents`"),
        "{out}"
    );
    assert!(out.contains("error: 5x is not a valid unit"), "{out}");
    let out = check(Dialect::V9, &conf);
    assert!(
        out.contains("error: `5x` has an unknown unit for `al-extents`"),
        "{out}"
    );
}
