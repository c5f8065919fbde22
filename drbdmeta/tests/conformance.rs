//! Upstream clitest fixtures (`create-md-uuid-opts.test`,
//! `check-resize-bm-offset.test`): every command line that does not call
//! drbdadm runs in one bash shell, in file order, with our binary first on
//! PATH as `drbdmeta`; its combined output must match the fixture.

use crate::common::{ours, TempDir};
use std::process::Command;

/// Directory of upstream's `tests/v9` fixtures: `$DRBD_UTILS_TESTS_DIR/v9`, else the copy
/// in `../shared` beside the project.
fn fixtures() -> String {
    let beside = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/conformance/drbd-utils-tests"
    );
    let base = std::env::var("DRBD_UTILS_TESTS_DIR")
        .ok()
        .or_else(|| std::path::Path::new(beside).is_dir().then(|| beside.to_string()))
        .unwrap_or_else(|| {
            panic!("set DRBD_UTILS_TESTS_DIR to the directory holding drbd-utils' test fixtures (v9/*.test), or put ../shared beside the project")
        });
    format!("{base}/v9")
}

struct Step {
    cmd: String,
    expected: String,
}

fn parse_clitest(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for line in text.lines() {
        if let Some(c) = line.strip_prefix("$ ") {
            steps.push(Step {
                cmd: c.to_string(),
                expected: String::new(),
            });
        } else if line == "$" {
            break;
        } else if line.starts_with("##") && steps.is_empty() {
            continue;
        } else if let Some(s) = steps.last_mut() {
            s.expected.push_str(line);
            s.expected.push('\n');
        }
    }
    steps
}

fn run_fixture(name: &str) {
    let dir = fixtures();
    let path = format!("{dir}/{name}");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {path}: {e}"));
    let steps: Vec<Step> = parse_clitest(&text)
        .into_iter()
        .filter(|s| !s.cmd.contains("drbdadm"))
        .collect();
    assert!(steps.len() > 5, "fixture {name} has too few drbdmeta steps");
    for tool in ["jq", "truncate", "od", "dd"] {
        assert!(
            Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .unwrap()
                .status
                .success(),
            "{tool} is needed for the conformance tests (apt-get install jq coreutils)"
        );
    }
    let bin = TempDir::new("clitest-bin");
    std::os::unix::fs::symlink(ours(), bin.path("drbdmeta")).unwrap();
    let mut script = String::new();
    for (i, s) in steps.iter().enumerate() {
        script.push_str(&format!("echo '@@STEP {i}@@'\n{{ {}\n}} 2>&1\n", s.cmd));
    }
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&dir)
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.0.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("TZ", "UTC")
        .env("__DRBD_NODE__", "undertest")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let all = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut got: Vec<String> = vec![String::new(); steps.len()];
    let mut cur = None;
    for line in all.lines() {
        if let Some(n) = line
            .strip_prefix("@@STEP ")
            .and_then(|r| r.strip_suffix("@@"))
        {
            cur = Some(n.parse::<usize>().unwrap());
            continue;
        }
        if let Some(i) = cur {
            got[i].push_str(line);
            got[i].push('\n');
        }
    }
    for (i, s) in steps.iter().enumerate() {
        assert_eq!(got[i], s.expected, "{name}: step `{}` differs", s.cmd);
    }
}

#[test]
fn create_md_uuid_opts() {
    run_fixture("create-md-uuid-opts.test");
}

#[test]
fn check_resize_bm_offset() {
    run_fixture("check-resize-bm-offset.test");
}
