//! The generated differential corpus against drbd-utils 9.34 (tests/src/corpus).
//!
//! Usage: differential [--long] [--seed N] [--configs N] [--per N] [--threads N]
//!                     [--filter TEXT] [--no-fixtures] [--show N] [--signatures N]
//!                     [--open] [--reference DIR] [--bin-dir DIR] [--out DIR]
//!
//! The reference is the drbd-utils 9.34 build tree that tests/setup.sh makes from
//! ../shared/drbd-utils (`target/reference/drbd-utils-9.34.0`). Prints a summary and the
//! first differences; writes every difference to OUT/report.txt. Exits 1 on an unlisted
//! difference or (in the default run) on a listed one that no case needed any more.
//! `--open` reports the open bugs (entries with `- status: open`) as differences, to work on.

use std::path::PathBuf;

use drbd_tests::corpus::{self, known, sandbox, Settings};

fn main() {
    let code = match real_main() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("differential: {e}");
            2
        }
    };
    std::process::exit(code);
}

fn real_main() -> Result<i32, String> {
    // Before any thread: a private mount namespace for upstream's registry writes.
    let isolation = sandbox::isolate();
    let mut s = Settings::default_run();
    let mut default_run = true;
    let mut show = 5usize;
    let mut signatures = 30usize;
    let mut open_as_different = false;
    let mut reference = drbd_tests::reference_dir();
    let mut bin = drbd_tests::bin_dir();
    let mut out = drbd_tests::target_dir().join("differential");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let num = |v: String| {
            v.parse::<usize>()
                .map_err(|_| format!("`{v}` is not a number"))
        };
        match a.as_str() {
            "--long" => {
                let keep = s.filter.clone();
                s = Settings::long_run();
                s.filter = keep;
                default_run = false;
            }
            "--seed" => {
                s.seed = num(val("--seed")?)? as u64;
                default_run = false;
            }
            "--configs" => {
                s.configs = num(val("--configs")?)?;
                default_run = false;
            }
            "--per" => {
                s.per_combo = num(val("--per")?)?;
                default_run = false;
            }
            "--threads" => s.threads = num(val("--threads")?)?,
            "--filter" => {
                s.filter = Some(val("--filter")?);
                default_run = false;
            }
            "--no-fixtures" => {
                s.fixtures = false;
                default_run = false;
            }
            "--show" => show = num(val("--show")?)?,
            "--signatures" => signatures = num(val("--signatures")?)?,
            "--open" => {
                open_as_different = true;
                default_run = false;
            }
            "--reference" => reference = PathBuf::from(val("--reference")?),
            "--bin-dir" => bin = PathBuf::from(val("--bin-dir")?),
            "--out" => out = PathBuf::from(val("--out")?),
            "-h" | "--help" => {
                println!("usage: differential [--long] [--seed N] [--configs N] [--per N] [--threads N] [--filter TEXT] [--no-fixtures] [--show N] [--signatures N] [--open] [--reference DIR] [--bin-dir DIR] [--out DIR]");
                return Ok(0);
            }
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    if !reference.join("user/v9/drbdadm").exists() {
        return Err(format!(
            "drbd-utils 9.34 is not built at {}: run `bash tests/setup.sh`",
            reference.display()
        ));
    }
    let known_path = drbd_tests::workspace().join("tests/known-differences.md");
    let known_text = std::fs::read_to_string(&known_path)
        .map_err(|e| format!("{}: {e}", known_path.display()))?;
    let mut known =
        known::parse(&known_text).map_err(|e| format!("{}: {e}", known_path.display()))?;
    if open_as_different {
        known.retain(|k| !k.open);
    }
    // The stub is built beside this program.
    let stub = std::env::current_exe()
        .map_err(|e| format!("current_exe: {e}"))?
        .with_file_name("drbd-stub");
    let sb = sandbox::Sandbox::create(&out, &bin, &reference, &stub)?;
    let mut entries = corpus::generate(&s, &sb)?;
    if s.fixtures {
        entries.extend(corpus::fixtures());
    }
    let cases = corpus::cases(&s, &entries);
    let started = std::time::Instant::now();
    let sum = corpus::run(&s, &sb, &entries, &cases, &known, true);
    let secs = started.elapsed().as_secs_f64();

    let report = out.join("report.txt");
    let _ = std::fs::remove_file(&report);
    for (_, text) in &sum.different {
        sandbox::append(&report, text);
    }
    let generated = entries.iter().filter(|e| e.source == "generated").count();
    let broken = entries.iter().filter(|e| e.fault.is_some()).count();
    println!(
        "differential: {} configs ({generated} generated, {broken} of them broken; {} fixtures), seed {}, {}",
        entries.len(),
        entries.len() - generated,
        s.seed,
        isolation
    );
    let listed: usize = sum.listed.values().sum();
    let is_open = |id: &str| known.iter().any(|k| k.id == id && k.open);
    let open: usize = sum
        .listed
        .iter()
        .filter(|(id, _)| is_open(id))
        .map(|(_, n)| n)
        .sum();
    println!(
        "differential: {} cases in {secs:.0} s: {} identical, {listed} listed ({} deliberate, {open} open bugs), {} different",
        sum.total,
        sum.same,
        listed - open,
        sum.different.len()
    );
    for (id, n) in &sum.listed {
        let what = if is_open(id) {
            "open bug"
        } else {
            "deliberate"
        };
        println!("  listed {id} ({what}): {n}");
    }
    let mut stale = Vec::new();
    if default_run {
        for k in &known {
            if !sum.listed.contains_key(&k.id) {
                stale.push(k.id.clone());
            }
        }
    }
    if !sum.different.is_empty() {
        println!("difference classes (command | form | personality | streams: cases):");
        let mut classes: Vec<_> = sum.classes.iter().collect();
        classes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (c, n) in classes.iter().take(15) {
            println!("  {c}: {n}");
        }
        println!("difference signatures (cases, first changed lines, an example):");
        let mut sigs: Vec<_> = sum.signatures.iter().collect();
        sigs.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        for (sig, (n, example)) in sigs.iter().take(signatures) {
            println!("  {n}: {sig}\n      e.g. {example}");
        }
        let mut shown = sum.different.clone();
        shown.sort();
        for (_, text) in shown.iter().take(show) {
            print!("{text}");
        }
        println!("every difference: {}", report.display());
    }
    for id in &stale {
        println!("stale: known difference `{id}` covered no case; remove it from tests/known-differences.md");
    }
    Ok(if sum.different.is_empty() && stale.is_empty() {
        0
    } else {
        1
    })
}
