//! A runner for upstream's clitest transcripts (`tests/*.test` in drbd-utils): a line
//! `$ cmd` is a command, the lines after it up to the next `$ ` line or a bare `$` are its
//! expected combined stdout and stderr. All commands of a file run in one bash shell in the
//! file's directory, in order, so variables persist, exactly as clitest does.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One command and the output it must print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The shell command.
    pub command: String,
    /// Expected combined output.
    pub expected: String,
    /// 1-based line of the `$ ` line.
    pub line: usize,
}

/// Parses a `.test` file.
pub fn parse(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut current: Option<Step> = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(cmd) = line.strip_prefix("$ ") {
            if let Some(s) = current.take() {
                steps.push(s);
            }
            current = Some(Step {
                command: cmd.to_string(),
                expected: String::new(),
                line: i + 1,
            });
        } else if line == "$" {
            if let Some(s) = current.take() {
                steps.push(s);
            }
        } else if let Some(s) = current.as_mut() {
            s.expected.push_str(line);
            s.expected.push('\n');
        }
    }
    if let Some(s) = current.take() {
        steps.push(s);
    }
    steps
}

/// The result of one test file.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Test name (`v9/man.test`).
    pub name: String,
    /// The first step that failed: line, command, expected, got.
    pub failure: Option<(usize, String, String, String)>,
}

/// Runs one `.test` file with the tools in `bin_dir` first on PATH.
pub fn run_file(test: &Path, bin_dir: &Path, driver_version: &str) -> Outcome {
    let name = format!(
        "{}/{}",
        test.parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        test.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let text = match std::fs::read_to_string(test) {
        Ok(t) => t,
        Err(e) => {
            return Outcome {
                name,
                failure: Some((0, String::new(), String::new(), e.to_string())),
            }
        }
    };
    let steps = parse(&text);
    let work = tempdir();
    let mut script = String::from("set +e\n");
    for (i, s) in steps.iter().enumerate() {
        script.push_str(&format!(
            "{{\n{}\n}} > '{}/out.{i}' 2>&1 < /dev/null\n",
            s.command,
            work.display()
        ));
    }
    // Upstream runs inside its `tests/v9` folder and some tests name their files as
    // `../../tests/v9/X`: run in a copy laid out the same way.
    let src = test.parent().unwrap_or(Path::new("."));
    let dir = work.join("tests").join(
        src.file_name()
            .unwrap_or_else(|| std::ffi::OsStr::new("v9")),
    );
    if let Err(e) = copy_dir(src, &dir) {
        return Outcome {
            name,
            failure: Some((0, String::new(), String::new(), e.to_string())),
        };
    }
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("timeout")
        .args(["120", "bash", "-c", &script])
        .current_dir(dir)
        .env_clear()
        .env("PATH", path)
        .env(
            "HOME",
            std::env::var("HOME").unwrap_or_else(|_| "/root".into()),
        )
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("LANGUAGE", "C")
        .env("TZ", "UTC")
        .env("__DRBD_NODE__", "undertest")
        .env("DRBD_DRIVER_VERSION_OVERRIDE", driver_version)
        .status();
    let mut failure = None;
    if let Err(e) = status {
        failure = Some((0, "bash".into(), String::new(), e.to_string()));
    }
    if failure.is_none() {
        for (i, s) in steps.iter().enumerate() {
            let got = std::fs::read_to_string(work.join(format!("out.{i}"))).unwrap_or_default();
            if got != s.expected {
                failure = Some((s.line, s.command.clone(), s.expected.clone(), got));
                break;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    Outcome { name, failure }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        if e.file_type()?.is_file() {
            std::fs::copy(e.path(), to.join(e.file_name()))?;
        }
    }
    Ok(())
}

fn tempdir() -> PathBuf {
    let base =
        std::env::temp_dir().join(format!("drbd-clitest-{}-{}", std::process::id(), nanos()));
    let _ = std::fs::create_dir_all(&base);
    base
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Makes a directory with our tools under every name the tests call.
pub fn link_tools(target: &Path) -> std::io::Result<PathBuf> {
    // Symlinks are resolved from their own folder: make the target absolute.
    let target = &std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    let dir = tempdir();
    let links = [
        ("drbdadm", "drbdadm"),
        ("drbdadm-84", "drbdadm"),
        ("drbdsetup", "drbdsetup"),
        ("drbdsetup-84", "drbdsetup"),
        ("drbdsetup_instrumented", "drbdsetup"),
        ("drbdmeta", "drbdmeta"),
    ];
    for (name, bin) in links {
        let src = target.join(bin);
        if !src.exists() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "{} is missing: build the workspace first (cargo build --release)",
                    src.display()
                ),
            ));
        }
        std::os::unix::fs::symlink(&src, dir.join(name))?;
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_clitest_transcripts() {
        let steps = super::parse("# comment\n$ echo a\na\n$ true\n$ echo b; echo c\nb\nc\n$\n");
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0].expected, "a\n");
        assert_eq!(steps[1].expected, "");
        assert_eq!(steps[2].expected, "b\nc\n");
        assert_eq!(steps[2].line, 5);
    }
}
