//! What "the same" means: exit code, stdout and the helper calls byte for byte, and on
//! stderr the upstream messages that scripts match (located refusals, unknown resources,
//! failed helpers): each of upstream's lines must appear in ours, in order. Ours may add
//! lines (every error of a run, where upstream stops at the first), and the rest of stderr
//! is ours to improve.

use super::sandbox::Outcome;

/// An output stream that can differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stream {
    /// The exit code.
    Exit,
    /// Standard output.
    Stdout,
    /// The helper calls (arguments and `DRBD_*` environment).
    Calls,
    /// The stderr lines scripts match.
    Stderr,
}

impl Stream {
    /// The name used in reports and the known-differences file.
    pub fn name(self) -> &'static str {
        match self {
            Stream::Exit => "exit",
            Stream::Stdout => "stdout",
            Stream::Calls => "calls",
            Stream::Stderr => "stderr",
        }
    }

    /// Parses a name.
    pub fn parse(s: &str) -> Option<Stream> {
        Some(match s {
            "exit" => Stream::Exit,
            "stdout" => Stream::Stdout,
            "calls" => Stream::Calls,
            "stderr" => Stream::Stderr,
            _ => return None,
        })
    }
}

/// Upstream messages that callers match on stderr (Pacemaker's agent, LINSTOR, scripts).
const SCRIPT_MATCHED: &[&str] = &[
    "not defined in your config",
    "not found on this host",
    "conflicting use of",
    "first used here",
    "keyword missing",
    "ignored, since this host",
    "has no volume",
    "operates on whole resources",
    "requires a specific volume",
    "USAGE_BUG",
    "no normal resources defined",
    "nothing stacked for this host",
    "terminated with exit code",
    "is not a peer",
    "There are multiple host sections",
    "not a stacked resource",
    "no resources defined",
];

/// The stderr lines that must match.
pub fn script_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| SCRIPT_MATCHED.iter().any(|p| l.contains(p)))
        .collect()
}

/// The build tag is each build's own (upstream: git hash, builder, date): the rest of a
/// `GIT-hash:` line (usage texts) or a `DRBDADM_BUILDTAG=` line (`-V`) is not compared.
pub fn normalise(stdout: &str) -> String {
    let mut out = String::with_capacity(stdout.len());
    for l in stdout.split_inclusive('\n') {
        if l.starts_with("GIT-hash:") {
            out.push_str("GIT-hash: (build tag)\n");
        } else if l.starts_with("DRBDADM_BUILDTAG=") {
            out.push_str("DRBDADM_BUILDTAG=(build tag)\n");
        } else {
            out.push_str(l);
        }
    }
    out
}

/// The streams in which `ours` differs from `reference`.
pub fn differing(ours: &Outcome, reference: &Outcome) -> Vec<Stream> {
    let mut v = Vec::new();
    if ours.code != reference.code {
        v.push(Stream::Exit);
    }
    if normalise(&ours.stdout) != normalise(&reference.stdout) {
        v.push(Stream::Stdout);
    }
    if ours.calls != reference.calls {
        v.push(Stream::Calls);
    }
    if !in_order(
        &script_lines(&reference.stderr),
        &script_lines(&ours.stderr),
    ) {
        v.push(Stream::Stderr);
    }
    v
}

/// Every line of `want` appears in `got`, in order. Ours may say more: it reports every
/// error of a run where upstream stops at the first.
fn in_order(want: &[&str], got: &[&str]) -> bool {
    let mut it = got.iter();
    want.iter().all(|w| it.any(|g| g == w))
}

/// A unified-style line diff, short enough for a report.
pub fn line_diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    // Longest common subsequence on lines; the outputs are small.
    let (n, m) = (a.len(), b.len());
    if n * m > 4_000_000 {
        return format!("(too long to diff: {n} vs {m} lines)\n");
    }
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || t[i][j + 1] >= t[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(code: i32, out: &str, err: &str) -> Outcome {
        Outcome {
            code,
            stdout: out.into(),
            stderr: err.into(),
            calls: String::new(),
        }
    }

    #[test]
    fn only_script_matched_stderr_counts() {
        let a = o(
            10,
            "",
            "x.res:3:5: error: nicer words\n'r9' not defined in your config (for this host).\n",
        );
        let b = o(
            10,
            "",
            "x.res:3: Parse error\n'r9' not defined in your config (for this host).\n",
        );
        assert!(differing(&a, &b).is_empty());
        let c = o(1, "x\n", "");
        assert_eq!(
            differing(&c, &a),
            vec![Stream::Exit, Stream::Stdout, Stream::Stderr]
        );
        // Ours may report more than upstream, not less.
        assert!(differing(&a, &c).contains(&Stream::Exit));
        assert!(!differing(&a, &c).contains(&Stream::Stderr));
    }

    #[test]
    fn diff_marks_both_sides() {
        let d = line_diff("a\nb\nc\n", "a\nc\nd\n");
        assert_eq!(d, "  a\n- b\n  c\n+ d\n");
    }
}
