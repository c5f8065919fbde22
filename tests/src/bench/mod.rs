//! The benchmark (`make bench`, not a test): our drbdadm against drbd-utils 9.34 on
//! generated configs of many two-node DRBD 9 resources, in the two layouts users have (one
//! big file, and LINSTOR's one file per resource under `include "drbd.d/*.res"`), for the
//! commands LINSTOR-sized nodes feel: one-resource commands and `all` commands. Runs
//! alternate ours and drbd-utils, medians of the paired runs are quoted, peak memory comes
//! from GNU time's maximum resident set size.

pub mod svg;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// How the resources are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One file with every resource.
    OneFile,
    /// `drbd.conf` including `drbd.d/*.res`, one resource a file (LINSTOR).
    FilePerResource,
}

impl Layout {
    /// The name in tables.
    pub fn name(self) -> &'static str {
        match self {
            Layout::OneFile => "one file",
            Layout::FilePerResource => "file per resource",
        }
    }
}

/// One resource of the benchmark config: two nodes, node ids, one volume.
fn resource(i: usize) -> String {
    let (a, b) = (i / 250 % 250 + 1, i % 250 + 1);
    let c = i / 62_500 + 1;
    let port = 7000 + (i % 50_000) as u32;
    format!(
        "resource r{i} {{\n  device /dev/drbd{i};\n  disk /dev/vg/r{i};\n  meta-disk internal;\n  on alpha {{ node-id 0; address 10.{c}.{a}.{b}:{port}; }}\n  on bravo {{ node-id 1; address 10.{}.{a}.{b}:{port}; }}\n}}\n",
        c + 100
    )
}

const COMMON: &str =
    "global { usage-count no; }\ncommon { net { protocol C; } disk { resync-rate 40M; } }\n";

/// Writes the config of `n` resources in `layout` under `dir`; returns the main file.
pub fn write_config(dir: &Path, n: usize, layout: Layout) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let main = dir.join("drbd.conf");
    match layout {
        Layout::OneFile => {
            let mut text = String::with_capacity(n * 200 + COMMON.len());
            text.push_str(COMMON);
            for i in 0..n {
                text.push_str(&resource(i));
            }
            std::fs::write(&main, text)?;
        }
        Layout::FilePerResource => {
            let d = dir.join("drbd.d");
            std::fs::create_dir_all(&d)?;
            std::fs::write(d.join("global_common.conf"), COMMON)?;
            for i in 0..n {
                std::fs::write(d.join(format!("r{i}.res")), resource(i))?;
            }
            std::fs::write(
                &main,
                "include \"drbd.d/global_common.conf\";\ninclude \"drbd.d/*.res\";\n",
            )?;
        }
    }
    Ok(main)
}

/// A command of the benchmark: drbdadm's words after `-c FILE`.
#[derive(Clone, Debug)]
pub struct BenchCmd {
    /// The name in tables, e.g. `-d up RES`.
    pub label: &'static str,
    /// The words; `RES` stands for a resource in the middle of the config.
    pub words: &'static [&'static str],
}

/// The commands measured.
pub const COMMANDS: &[BenchCmd] = &[
    BenchCmd {
        label: "sh-nop",
        words: &["sh-nop"],
    },
    BenchCmd {
        label: "-d up RES",
        words: &["-d", "up", "RES"],
    },
    BenchCmd {
        label: "-d adjust RES",
        words: &["-d", "adjust", "RES"],
    },
    BenchCmd {
        label: "sh-dev RES",
        words: &["sh-dev", "RES"],
    },
    BenchCmd {
        label: "dump RES",
        words: &["dump", "RES"],
    },
    BenchCmd {
        label: "-d up all",
        words: &["-d", "up", "all"],
    },
    BenchCmd {
        label: "-d down all",
        words: &["-d", "down", "all"],
    },
    BenchCmd {
        label: "dump all",
        words: &["dump", "all"],
    },
    BenchCmd {
        label: "dump-xml",
        words: &["dump-xml"],
    },
];

/// One measured run.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Wall time in seconds.
    pub secs: f64,
    /// Peak resident set in KiB.
    pub kib: u64,
    /// Exit code.
    pub code: i32,
}

/// Runs `drbdadm` from `bin` once on `conf` with `words` and measures it with GNU time.
pub fn measure(bin: &Path, conf: &Path, words: &[String], show: &Path) -> Result<Sample, String> {
    let out = std::env::temp_dir().join(format!("drbd-bench-time.{}", std::process::id()));
    let mut c = Command::new("/usr/bin/time");
    c.arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&out)
        .arg(bin.join("drbdadm"))
        .arg("-c")
        .arg(conf)
        .args(words)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .env("LC_ALL", "C")
        .env("__DRBD_NODE__", "alpha")
        .env("DRBD_DRIVER_VERSION_OVERRIDE", "9.2.18")
        .env("FAKE_DRBDSETUP_SHOW", show)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    let status = c
        .status()
        .map_err(|e| format!("/usr/bin/time: {e} (install GNU time)"))?;
    let secs = start.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let _ = std::fs::remove_file(&out);
    // GNU time writes "Command exited with non-zero status N" before the value.
    let kib = text
        .lines()
        .filter_map(|l| l.trim().parse::<u64>().ok())
        .next_back()
        .ok_or_else(|| format!("no memory figure in GNU time's output: {text}"))?;
    Ok(Sample {
        secs,
        kib,
        code: status.code().unwrap_or(-1),
    })
}

/// The median of `v` (sorted in place).
pub fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// One row of the result table.
#[derive(Clone, Debug)]
pub struct Row {
    /// Resources.
    pub n: usize,
    /// Layout.
    pub layout: Layout,
    /// Command label.
    pub cmd: &'static str,
    /// Our median seconds and KiB.
    pub ours: (f64, f64),
    /// drbd-utils' median seconds and KiB.
    pub reference: (f64, f64),
    /// Exit codes (ours, reference) of the last pair, to show both did the same work.
    pub codes: (i32, i32),
}

/// Markdown table of the rows.
pub fn table(rows: &[Row], runs: usize) -> String {
    let mut s = String::from(
        "| resources | layout | command | ours | drbd-utils 9.34 | speed-up | ours peak | drbd-utils peak | memory |\n|---:|---|---|---:|---:|---:|---:|---:|---:|\n"
    );
    for r in rows {
        let _ = writeln!(
            s,
            "| {} | {} | `{}` | {} | {} | {:.1}x | {:.1} MiB | {:.1} MiB | {:.2}x |{}",
            r.n,
            r.layout.name(),
            r.cmd,
            secs(r.ours.0),
            secs(r.reference.0),
            r.reference.0 / r.ours.0,
            r.ours.1 / 1024.0,
            r.reference.1 / 1024.0,
            r.ours.1 / r.reference.1,
            if r.codes.0 != r.codes.1 {
                format!(" exit {} vs {}", r.codes.0, r.codes.1)
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(
        s,
        "\nMedians of {runs} paired runs (ours and drbd-utils alternating); peak = maximum resident set size."
    );
    s
}

fn secs(s: f64) -> String {
    if s < 1.0 {
        format!("{:.1} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}
