//! `drbdadm lint` (conf_parser::lint): one fixture pair per rule under
//! tests/fixtures/lint/rules/RULE (`trigger.res` must raise the rule, `clean.res` must not),
//! snapshot-tested in every output format; the SARIF output validated against the 2.1.0
//! schema; every seed configuration linted; `--fix` on the seeds; the command line.

use std::path::{Path, PathBuf};

use conf_parser::lint::{run_env, Env, RULES};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn rules_dir() -> PathBuf {
    root().join("lint/rules")
}

/// Runs `drbdadm lint ARGS` in `cwd`; returns (exit code, stdout, stderr).
fn lint_in(cwd: &Path, args: &[String], stdin: &str) -> (i32, String, String) {
    let mut input = stdin.as_bytes();
    let mut env = Env {
        cwd: cwd.canonicalize().expect("fixture dir"),
        default_files: vec![cwd.join("no-such-default.conf")],
        stdin: &mut input,
    };
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = run_env(args, &mut env, &mut out, &mut err, false);
    (
        code,
        String::from_utf8(out).expect("utf-8 stdout"),
        String::from_utf8(err).expect("utf-8 stderr"),
    )
}

fn args_file(dir: &Path, name: &str) -> Vec<String> {
    std::fs::read_to_string(dir.join(name))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The extra arguments for `trigger` or `clean` in a rule's fixture directory.
fn fixture_args(dir: &Path, which: &str) -> Vec<String> {
    let own = args_file(dir, &format!("{which}.args"));
    if own.is_empty() {
        args_file(dir, "args")
    } else {
        own
    }
}

fn with(mut args: Vec<String>, more: &[&str]) -> Vec<String> {
    args.extend(more.iter().map(|s| s.to_string()));
    args
}

#[test]
fn every_rule_has_a_triggering_and_a_clean_fixture_in_every_format() {
    let mut missing = Vec::new();
    for rule in RULES.iter().filter(|r| r.id != "DRBD000") {
        let dir = rules_dir().join(rule.id);
        if !dir.join("trigger.res").is_file() || !dir.join("clean.res").is_file() {
            missing.push(rule.id);
            continue;
        }
        let targs = with(fixture_args(&dir, "trigger"), &["trigger.res"]);
        let tag = format!("[{}]", rule.id);
        let mut snap = format!("# {} {}\n", rule.id, rule.name);
        for format in ["human", "json", "sarif", "github"] {
            let (code, out, err) = lint_in(&dir, &with(targs.clone(), &["--format", format]), "");
            let found = match format {
                "human" => out.contains(&tag),
                "github" => out.contains(&format!("title={} ", rule.id)),
                _ => {
                    out.contains(&format!("\"{}\"", rule.id))
                        && out.contains("ruleId") == (format == "sarif")
                }
            };
            assert!(
                found,
                "{}: trigger.res does not raise it ({format}):\n{out}{err}",
                rule.id
            );
            // SARIF lists every rule in the driver; keep the snapshot to the results.
            let shown = if format == "sarif" {
                out.split("\"results\"").nth(1).unwrap_or("").to_string()
            } else {
                out
            };
            snap.push_str(&format!(
                "\n## trigger.res --format {format} (exit {code})\n{err}{shown}"
            ));
        }
        if rule.fixable {
            let (code, out, err) = lint_in(&dir, &with(targs.clone(), &["--fix"]), "");
            snap.push_str(&format!("\n## trigger.res --fix (exit {code})\n{err}{out}"));
        }
        let cargs = with(fixture_args(&dir, "clean"), &["clean.res"]);
        let (code, out, err) = lint_in(&dir, &cargs, "");
        assert!(
            !out.contains(&tag),
            "{}: clean.res raises it:\n{out}",
            rule.id
        );
        assert!(
            !out.contains("[DRBD000]"),
            "{}: unclassified parser message:\n{out}",
            rule.id
        );
        snap.push_str(&format!("\n## clean.res (exit {code})\n{err}{out}"));
        insta::assert_snapshot!(format!("lint_rule_{}", rule.id), snap);
    }
    assert!(missing.is_empty(), "rules without fixtures: {missing:?}");
}

fn sarif_validator() -> jsonschema::Validator {
    // DRBD_LINT_SARIF_SCHEMA names another copy of the schema (e.g. OASIS errata01) to check
    // against; the vendored one is the default.
    let path = std::env::var_os("DRBD_LINT_SARIF_SCHEMA").map_or_else(
        || root().join("lint/sarif-schema-2.1.0.json"),
        PathBuf::from,
    );
    let text = std::fs::read_to_string(path).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, what: &str, out: &str) {
    let doc: serde_json::Value = serde_json::from_str(out)
        .unwrap_or_else(|e| panic!("{what}: SARIF is not JSON: {e}\n{out}"));
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: SARIF does not validate:\n{}",
        errors.join("\n")
    );
    assert_eq!(doc["version"], "2.1.0");
}

#[test]
fn sarif_output_validates_against_the_2_1_0_schema() {
    let validator = sarif_validator();
    // The schema really rejects bad documents (so this test can fail).
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]});
    assert!(
        !validator.is_valid(&bad),
        "a run without a tool must not validate"
    );
    let mut results = 0;
    for rule in RULES.iter().filter(|r| r.id != "DRBD000") {
        let dir = rules_dir().join(rule.id);
        for which in ["trigger", "clean"] {
            let args = with(
                fixture_args(&dir, which),
                &[&format!("{which}.res"), "--format", "sarif"],
            );
            let (_, out, _) = lint_in(&dir, &args, "");
            assert_valid_sarif(&validator, &format!("{} {which}", rule.id), &out);
            let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
            let n = doc["runs"][0]["results"].as_array().map_or(0, Vec::len);
            results += n;
            for r in doc["runs"][0]["results"].as_array().into_iter().flatten() {
                let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
                assert_eq!(
                    doc["runs"][0]["tool"]["driver"]["rules"][idx]["id"],
                    r["ruleId"]
                );
            }
        }
    }
    assert!(results > 50, "only {results} results validated");
    for (cfg, _) in SEEDS {
        let (_, out, _) = lint_in(
            &root().join("seeds"),
            &[cfg.to_string(), "--format".into(), "sarif".into()],
            "",
        );
        assert_valid_sarif(&validator, cfg, &out);
    }
}

#[test]
fn json_output_follows_schema_version_1() {
    let dir = rules_dir().join("DRBD105");
    let (code, out, _) = lint_in(&dir, &["trigger.res".into(), "--format=json".into()], "");
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["target"], "9");
    assert_eq!(doc["files"], serde_json::json!(["trigger.res"]));
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(
        doc["summary"]["errors"].as_u64(),
        Some(findings.iter().filter(|f| f["severity"] == "error").count() as u64)
    );
    let f = findings
        .iter()
        .find(|f| f["rule"] == "DRBD105")
        .expect("DRBD105");
    for key in [
        "name",
        "severity",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "hints",
        "fix",
        "fixable",
        "related",
    ] {
        assert!(f.get(key).is_some(), "finding lacks `{key}`: {f}");
    }
    assert_eq!(f["related"][0]["file"], "trigger.res");
    // Sorted by file, line, column.
    let keys: Vec<(u64, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// The seed configurations (tests/fixtures/seeds, from ../shared/seeds): main files.
const SEEDS: &[(&str, &str)] = &[
    ("000-amazon-template-as-published.res", "9"),
    ("000-amazon-template-filled.res", "9"),
    ("001-drbd.conf", "9"),
    ("002-heartbeat.conf", "8.4"),
    ("003-drbd.conf", "9"),
    ("004-iscsi-nfs-mangled.conf", "9"),
];

#[test]
fn seed_findings() {
    let dir = root().join("seeds");
    let mut all = String::new();
    for (cfg, _) in SEEDS {
        for target in ["9", "8.4"] {
            let (code, out, err) = lint_in(
                &dir,
                &[cfg.to_string(), "--target".into(), target.into()],
                "",
            );
            assert!(
                !out.contains("[DRBD000]"),
                "{cfg}: unclassified parser message:\n{out}"
            );
            all.push_str(&format!(
                "=== drbdadm lint --target {target} {cfg} (exit {code})\n{err}{out}\n"
            ));
        }
    }
    insta::assert_snapshot!("lint_seeds", all);
}

#[test]
fn seed_fixes_rewrite_legacy_syntax_and_leave_valid_configs() {
    let dir = root().join("seeds");
    let mut all = String::new();
    for (cfg, target) in SEEDS {
        let (code, out, err) = lint_in(
            &dir,
            &[
                cfg.to_string(),
                "--fix".into(),
                "--target".into(),
                target.to_string(),
            ],
            "",
        );
        all.push_str(&format!(
            "=== drbdadm lint --fix --target {target} {cfg} (exit {code})\n{err}{out}\n"
        ));
    }
    insta::assert_snapshot!("lint_seed_fixes", all);

    // Apply the fixes to copies and lint again: no fixable finding is left, and no error
    // appears that was not there before.
    for (cfg, target) in SEEDS
        .iter()
        .filter(|(c, _)| !c.contains("as-published") && !c.contains("mangled"))
    {
        let tmp = tempdir(cfg);
        for entry in std::fs::read_dir(&dir).expect("seeds") {
            let p = entry.expect("entry").path();
            std::fs::copy(&p, tmp.join(p.file_name().expect("name"))).expect("copy");
        }
        let before = lint_in(
            &tmp,
            &[
                cfg.to_string(),
                "--target".into(),
                target.to_string(),
                "--format".into(),
                "json".into(),
            ],
            "",
        )
        .1;
        let (code, _, err) = lint_in(
            &tmp,
            &[
                cfg.to_string(),
                "--fix".into(),
                "--write".into(),
                "--target".into(),
                target.to_string(),
            ],
            "",
        );
        assert_eq!(code, 0, "{cfg}: {err}");
        let (_, after, _) = lint_in(
            &tmp,
            &[
                cfg.to_string(),
                "--target".into(),
                target.to_string(),
                "--format".into(),
                "json".into(),
            ],
            "",
        );
        let doc: serde_json::Value = serde_json::from_str(&after).expect("json");
        let doc_before: serde_json::Value = serde_json::from_str(&before).expect("json");
        for f in doc["findings"].as_array().into_iter().flatten() {
            assert!(
                f["fixable"] == false,
                "{cfg}: left after --fix --write: {f}"
            );
        }
        assert!(
            doc["summary"]["errors"].as_u64() <= doc_before["summary"]["errors"].as_u64(),
            "{cfg}: --fix added errors:\n{after}"
        );
        let (_, again, _) = lint_in(
            &tmp,
            &[
                cfg.to_string(),
                "--fix".into(),
                "--target".into(),
                target.to_string(),
            ],
            "",
        );
        assert!(
            again.is_empty(),
            "{cfg}: a second --fix still changes things:\n{again}"
        );
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

fn tempdir(tag: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!(
        "drbd-lint-test-{}-{}",
        std::process::id(),
        tag.replace('.', "_")
    ));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).expect("tempdir");
    p
}

#[test]
fn rule_fixtures_for_fixable_rules_are_fixed() {
    for rule in RULES.iter().filter(|r| r.fixable) {
        let src = rules_dir().join(rule.id);
        let tmp = tempdir(rule.id);
        std::fs::copy(src.join("trigger.res"), tmp.join("trigger.res")).expect("copy");
        let (code, diff, err) = lint_in(&tmp, &["trigger.res".into(), "--fix".into()], "");
        assert_eq!(code, 0, "{}: {err}", rule.id);
        assert!(
            diff.starts_with("--- a/trigger.res\n+++ b/trigger.res\n"),
            "{}: {diff}",
            rule.id
        );
        assert!(err.contains("would change"), "{err}");
        let untouched = std::fs::read_to_string(tmp.join("trigger.res")).expect("read");
        assert_eq!(
            untouched,
            std::fs::read_to_string(src.join("trigger.res")).expect("read"),
            "--fix without --write wrote"
        );
        let (code, _, err) = lint_in(
            &tmp,
            &["trigger.res".into(), "--fix".into(), "--write".into()],
            "",
        );
        assert_eq!(code, 0, "{err}");
        let (_, out, _) = lint_in(&tmp, &["trigger.res".into()], "");
        assert!(
            !out.contains(&format!("[{}]", rule.id)),
            "{}: still there after --fix --write:\n{out}",
            rule.id
        );
        assert!(
            !out.contains("error["),
            "{}: --fix left errors:\n{out}\n{}",
            rule.id,
            std::fs::read_to_string(tmp.join("trigger.res")).unwrap_or_default()
        );
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

#[test]
fn exit_codes_and_usage() {
    let dir = rules_dir();
    let run = |args: &[&str]| {
        lint_in(
            &dir,
            &args.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "",
        )
    };
    assert_eq!(run(&["DRBD105/clean.res"]).0, 0);
    assert_eq!(run(&["DRBD105/trigger.res"]).0, 2);
    // Warnings only: 0, or 1 with --deny-warnings; notes never fail.
    assert_eq!(run(&["DRBD406/trigger.res"]).0, 0);
    assert_eq!(run(&["DRBD406/trigger.res", "--deny-warnings"]).0, 1);
    assert_eq!(run(&["DRBD405/trigger.res", "--deny-warnings"]).0, 0);
    // Usage and I/O.
    let (code, _, err) = run(&["--frmat", "json", "x.res"]);
    assert_eq!(code, 3);
    assert!(err.contains("did you mean `--format`"), "{err}");
    assert_eq!(run(&["--format", "xml", "DRBD105/clean.res"]).0, 3);
    assert_eq!(run(&["--target", "8.3", "DRBD105/clean.res"]).0, 3);
    assert_eq!(run(&["--write", "DRBD105/clean.res"]).0, 3);
    assert_eq!(
        run(&["--node", "a", "--all-nodes", "DRBD105/clean.res"]).0,
        3
    );
    assert_eq!(run(&["--device-size", "/dev/x", "DRBD105/clean.res"]).0, 3);
    assert_eq!(
        run(&["--device-size", "/dev/x=12Q", "DRBD105/clean.res"]).0,
        3
    );
    assert_eq!(run(&["no-such-file.res"]).0, 3);
    assert_eq!(run(&["--inventory", "nope.txt", "DRBD105/clean.res"]).0, 3);
    let (code, _, err) = run(&[]);
    assert_eq!(code, 3);
    assert!(err.contains("no configuration file found"), "{err}");
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: drbdadm lint"));
    // -c and the default search.
    assert_eq!(run(&["-c", "DRBD105/trigger.res"]).0, 2);
    let mut input: &[u8] = b"";
    let mut env = Env {
        cwd: dir.clone(),
        default_files: vec![dir.join("nope.conf"), dir.join("DRBD105/trigger.res")],
        stdin: &mut input,
    };
    let (mut o, mut e) = (Vec::new(), Vec::new());
    assert_eq!(run_env(&[], &mut env, &mut o, &mut e, false), 2);
    // Standard input.
    let text = std::fs::read_to_string(dir.join("DRBD102/trigger.res")).expect("read");
    let (code, out, _) = lint_in(&dir, &["-".into()], &text);
    assert_eq!(code, 2);
    assert!(out.contains("STDIN:"), "{out}");
}

#[test]
fn node_view_limits_per_host_checks() {
    let dir = rules_dir().join("DRBD102");
    // Both resources are on alpha and bravo; with --node alpha only alpha's view is checked.
    let (_, out, _) = lint_in(
        &dir,
        &["trigger.res".into(), "--node".into(), "alpha".into()],
        "",
    );
    assert!(
        out.contains("minor 0 is already used by resource r0 on host alpha\n"),
        "{out}"
    );
    let (_, out, _) = lint_in(&dir, &["trigger.res".into()], "");
    assert!(out.contains("on hosts alpha, bravo"), "{out}");
    let (_, out, _) = lint_in(
        &dir,
        &[
            "trigger.res".into(),
            "--node".into(),
            "ALPHA.example.com".into(),
        ],
        "",
    );
    assert!(
        out.contains("[DRBD102]") && !out.contains("[DRBD204]"),
        "{out}"
    );
    let (_, out, _) = lint_in(
        &dir,
        &[
            "trigger.res".into(),
            "--node".into(),
            "ALPHA".into(),
            "--target".into(),
            "8.4".into(),
        ],
        "",
    );
    assert!(
        out.contains("[DRBD204]"),
        "8.4 compares host names exactly:\n{out}"
    );
}

#[test]
fn colour_only_on_a_terminal() {
    let dir = rules_dir().join("DRBD105");
    let mut input: &[u8] = b"";
    let mut env = Env {
        cwd: dir.clone(),
        default_files: Vec::new(),
        stdin: &mut input,
    };
    let (mut o, mut e) = (Vec::new(), Vec::new());
    run_env(&["trigger.res".to_string()], &mut env, &mut o, &mut e, true);
    assert!(String::from_utf8_lossy(&o).contains("\x1b[1;31merror[DRBD105]"));
    let (_, plain, _) = lint_in(&dir, &["trigger.res".into()], "");
    assert!(!plain.contains('\x1b'));
}

#[test]
fn mutated_seeds_never_panic() {
    let dir = root().join("seeds");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("seeds") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let step = (chars.len() / 40).max(1);
        for cut in (0..chars.len()).step_by(step) {
            for variant in 0..3 {
                let mutated: String = match variant {
                    0 => chars[..cut].iter().collect(),
                    1 => chars
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != cut)
                        .map(|(_, c)| *c)
                        .collect(),
                    _ => {
                        let mut v = chars.clone();
                        v.insert(cut, ['{', '}', ';', '"', '['][cut % 5]);
                        v.into_iter().collect()
                    }
                };
                for args in [
                    vec!["-".to_string()],
                    vec!["-".to_string(), "--fix".to_string()],
                ] {
                    let (code, _, _) = lint_in(&dir, &args, &mutated);
                    assert!((0..=3).contains(&code));
                    n += 1;
                }
            }
        }
    }
    assert!(n > 500, "{n}");
}
