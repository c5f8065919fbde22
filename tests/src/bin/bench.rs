//! `make bench`: our drbdadm against drbd-utils 9.34 (tests/src/bench). A benchmark, not
//! a test: it never fails on a number, it writes them down.
//!
//! Usage: bench [--sizes 1000,10000,50000,200000] [--runs N] [--commands LABEL,...]
//!              [--layouts one,files] [--files-max N] [--bin-dir DIR] [--reference DIR]
//!              [--out DIR]
//!
//! Writes OUT/results.md (the table) and OUT/plot.svg (time and memory against the number
//! of resources); OUT defaults to target/bench. The file-per-resource layout is generated
//! up to `--files-max` resources (default 50,000).

use std::path::PathBuf;

use drbd_tests::bench::{self, svg, Layout, Row, COMMANDS};

fn main() {
    if let Err(e) = real_main() {
        eprintln!("bench: {e}");
        std::process::exit(2);
    }
}

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn real_main() -> Result<(), String> {
    let mut sizes = vec![1000usize, 10_000, 50_000, 200_000];
    let mut runs = 5usize;
    let mut only: Option<Vec<String>> = None;
    let mut layouts = vec![Layout::OneFile, Layout::FilePerResource];
    let mut files_max = 50_000usize;
    let mut bin = drbd_tests::bin_dir();
    let mut reference = drbd_tests::reference_dir();
    let mut out = drbd_tests::target_dir().join("bench");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        let num = |v: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("`{v}` is not a number"))
        };
        match a.as_str() {
            "--sizes" => {
                sizes = list(&val()?)
                    .iter()
                    .map(|s| num(s))
                    .collect::<Result<_, _>>()?
            }
            "--runs" => runs = num(&val()?)?.max(1),
            "--commands" => only = Some(list(&val()?)),
            "--layouts" => {
                layouts = list(&val()?)
                    .iter()
                    .map(|l| match l.as_str() {
                        "one" => Ok(Layout::OneFile),
                        "files" => Ok(Layout::FilePerResource),
                        o => Err(format!("unknown layout `{o}` (one, files)")),
                    })
                    .collect::<Result<_, _>>()?
            }
            "--files-max" => files_max = num(&val()?)?,
            "--bin-dir" => bin = PathBuf::from(val()?),
            "--reference" => reference = PathBuf::from(val()?),
            "--out" => out = PathBuf::from(val()?),
            "-h" | "--help" => {
                println!("usage: bench [--sizes 1000,10000,50000,200000] [--runs N] [--commands LABEL,...] [--layouts one,files] [--files-max N] [--bin-dir DIR] [--reference DIR] [--out DIR]");
                return Ok(());
            }
            o => return Err(format!("unknown argument `{o}` (see --help)")),
        }
    }
    // drbd-utils' drbdadm looks for its helpers beside itself or on PATH: a directory
    // holding its drbdadm only is enough for the dry runs measured here.
    let ref_bin = out.join("bin-reference");
    let _ = std::fs::remove_dir_all(&ref_bin);
    std::fs::create_dir_all(&ref_bin).map_err(|e| format!("{}: {e}", ref_bin.display()))?;
    let ref_adm = reference.join("user/v9/drbdadm");
    if !ref_adm.exists() {
        return Err(format!(
            "drbd-utils 9.34 is not built at {}: run `bash tests/reference.sh`",
            reference.display()
        ));
    }
    std::os::unix::fs::symlink(&ref_adm, ref_bin.join("drbdadm")).map_err(|e| e.to_string())?;
    if !bin.join("drbdadm").exists() {
        return Err(format!(
            "{}/drbdadm is missing: run `make build`",
            bin.display()
        ));
    }
    let show = out.join("empty-show.txt");
    std::fs::write(&show, "").map_err(|e| e.to_string())?;
    let commands: Vec<_> = COMMANDS
        .iter()
        .filter(|c| only.as_ref().is_none_or(|o| o.iter().any(|x| x == c.label)))
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for &n in &sizes {
        for &layout in &layouts {
            if layout == Layout::FilePerResource && n > files_max {
                continue;
            }
            let dir = out.join(format!(
                "config-{n}-{}",
                if layout == Layout::OneFile {
                    "one"
                } else {
                    "files"
                }
            ));
            let _ = std::fs::remove_dir_all(&dir);
            eprintln!("bench: writing {n} resources ({})", layout.name());
            let conf = bench::write_config(&dir, n, layout)
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let res = format!("r{}", n / 2);
            for c in &commands {
                let words: Vec<String> = c
                    .words
                    .iter()
                    .map(|w| {
                        if *w == "RES" {
                            res.clone()
                        } else {
                            w.to_string()
                        }
                    })
                    .collect();
                let (mut ot, mut om, mut rt, mut rm) = (vec![], vec![], vec![], vec![]);
                let mut codes = (0, 0);
                for _ in 0..runs {
                    let o = bench::measure(&bin, &conf, &words, &show)?;
                    let r = bench::measure(&ref_bin, &conf, &words, &show)?;
                    ot.push(o.secs);
                    om.push(o.kib as f64);
                    rt.push(r.secs);
                    rm.push(r.kib as f64);
                    codes = (o.code, r.code);
                }
                let row = Row {
                    n,
                    layout,
                    cmd: c.label,
                    ours: (bench::median(&mut ot), bench::median(&mut om)),
                    reference: (bench::median(&mut rt), bench::median(&mut rm)),
                    codes,
                };
                eprintln!(
                    "bench: {n} {} `{}`: ours {:.4} s {:.1} MiB, drbd-utils {:.4} s {:.1} MiB",
                    layout.name(),
                    c.label,
                    row.ours.0,
                    row.ours.1 / 1024.0,
                    row.reference.0,
                    row.reference.1 / 1024.0
                );
                rows.push(row);
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    let table = bench::table(&rows, runs);
    std::fs::write(out.join("results.md"), &table).map_err(|e| e.to_string())?;
    print!("{table}");
    let plot = plot(&rows);
    std::fs::write(out.join("plot.svg"), plot).map_err(|e| e.to_string())?;
    println!(
        "\nwritten: {}, {}",
        out.join("results.md").display(),
        out.join("plot.svg").display()
    );
    Ok(())
}

/// Time and memory of a few commands against the resource count (one-file layout).
fn plot(rows: &[Row]) -> String {
    const COLORS: &[&str] = &["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];
    let picks = ["sh-nop", "-d up RES", "-d up all", "dump all"];
    let mut time = Vec::new();
    let mut mem = Vec::new();
    for (k, cmd) in picks.iter().enumerate() {
        let sel: Vec<&Row> = rows
            .iter()
            .filter(|r| r.cmd == *cmd && r.layout == Layout::OneFile)
            .collect();
        if sel.is_empty() {
            continue;
        }
        let color = COLORS[k % COLORS.len()];
        for (ours, label) in [(true, "ours"), (false, "drbd-utils")] {
            let pick = |r: &Row| if ours { r.ours } else { r.reference };
            time.push(svg::Series {
                label: format!("{label} {cmd}"),
                color,
                dashed: !ours,
                points: sel.iter().map(|r| (r.n as f64, pick(r).0)).collect(),
            });
            mem.push(svg::Series {
                label: format!("{label} {cmd}"),
                color,
                dashed: !ours,
                points: sel
                    .iter()
                    .map(|r| (r.n as f64, pick(r).1 / 1024.0))
                    .collect(),
            });
        }
    }
    svg::render(&[
        svg::Panel {
            title: "wall time (median), one file".into(),
            unit: "s",
            series: time,
        },
        svg::Panel {
            title: "peak memory (median), one file".into(),
            unit: "MiB",
            series: mem,
        },
    ])
}
