//! Runs upstream's drbd-utils CLI test suite from `../shared/conformance/drbd-utils-tests`
//! against our tools; prints each result, `N passed, M failed`, and fails if a test on the
//! must-pass list (tests/conformance/must-pass.txt) fails.
//!
//! Usage: conformance [--bin-dir DIR] [--verbose] [TEST-NAME...]

use std::collections::BTreeSet;
use std::path::PathBuf;

use drbd_tests::clitest;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut bin = drbd_tests::bin_dir();
    let mut verbose = false;
    let mut only: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin-dir" => bin = args.next().map(PathBuf::from).unwrap_or(bin),
            "--verbose" | "-v" => verbose = true,
            _ => only.push(a),
        }
    }
    let Some(shared) = drbd_tests::shared() else {
        println!("conformance: ../shared is not present; nothing to run");
        println!("0 passed, 0 failed");
        return;
    };
    let suite = shared.join("conformance").join("drbd-utils-tests");
    let must: BTreeSet<String> =
        std::fs::read_to_string(drbd_tests::workspace().join("tests/conformance/must-pass.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
    let tools = match clitest::link_tools(&bin) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("conformance: {e}");
            std::process::exit(2);
        }
    };
    let (mut passed, mut failed, mut regressions) = (0, 0, Vec::new());
    for (sub, version) in [("v84", "8.4.0"), ("v9", "9.0.0")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(suite.join(sub))
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "test"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for f in files {
            let out = clitest::run_file(&f, &tools, version);
            if !only.is_empty() && !only.iter().any(|o| out.name.contains(o.as_str())) {
                continue;
            }
            match &out.failure {
                None => {
                    passed += 1;
                    println!("PASS {}", out.name);
                }
                Some((line, cmd, expected, got)) => {
                    failed += 1;
                    let tag = if must.contains(&out.name) {
                        "FAIL (must pass)"
                    } else {
                        "fail"
                    };
                    println!("{tag} {} (line {line}: $ {cmd})", out.name);
                    if verbose || must.contains(&out.name) {
                        println!("--- expected\n{expected}--- got\n{got}---");
                    }
                    if must.contains(&out.name) {
                        regressions.push(out.name.clone());
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tools);
    println!("{passed} passed, {failed} failed");
    if !regressions.is_empty() {
        eprintln!(
            "conformance: must-pass tests failed: {}",
            regressions.join(", ")
        );
        std::process::exit(1);
    }
}
