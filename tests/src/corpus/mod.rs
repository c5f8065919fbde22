//! The generated differential corpus: configs composed from the grammar's parts (and broken
//! on purpose), run with ours and with drbd-utils 9.34 for every node and personality over
//! upstream's command table and the resource forms users type, compared on exit code,
//! stdout, the helper calls and the stderr lines scripts match. The seeds' configs and
//! upstream's fixtures run too, with every command. Differences are bugs unless an entry
//! of `tests/known-differences.md` lists them with a reason.

pub mod commands;
pub mod compare;
pub mod compose;
pub mod fault;
pub mod known;
pub mod options;
pub mod rng;
pub mod sandbox;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use commands::Invocation;
use compare::Stream;
use compose::{Composer, ResInfo};
use fault::Fault;
use rng::Rng;
use sandbox::{Outcome, Sandbox, Tool};

/// How big a run is.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The seed; the same seed gives the same cases.
    pub seed: u64,
    /// Generated configs.
    pub configs: usize,
    /// Commands sampled per config, node and personality.
    pub per_combo: usize,
    /// Worker threads.
    pub threads: usize,
    /// Run only cases whose description contains this.
    pub filter: Option<String>,
    /// Include the seeds' configs and upstream's fixtures.
    pub fixtures: bool,
}

impl Settings {
    /// The CI budget: a few minutes on two cores.
    pub fn default_run() -> Settings {
        Settings {
            seed: 20_261_204,
            configs: 400,
            per_combo: 6,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            filter: None,
            fixtures: true,
        }
    }

    /// `--long`: ten times the configs and more commands each.
    pub fn long_run() -> Settings {
        Settings {
            configs: 4000,
            per_combo: 12,
            ..Settings::default_run()
        }
    }
}

/// A config in the corpus, generated or a fixture.
#[derive(Clone, Debug)]
pub struct Entry {
    /// `gNNNN` for generated configs, the file name for fixtures.
    pub id: String,
    /// The directory the tools run in.
    pub dir: PathBuf,
    /// The `-c` argument.
    pub main: String,
    /// Host names to run as.
    pub nodes: Vec<String>,
    /// Resources.
    pub resources: Vec<ResInfo>,
    /// Grammar parts.
    pub tags: Vec<&'static str>,
    /// The deliberate mistake.
    pub fault: Option<Fault>,
    /// `generated` or `fixture`.
    pub source: &'static str,
}

/// One run of both tools.
#[derive(Clone, Debug)]
pub struct Case {
    /// Index into the entries.
    pub entry: usize,
    /// `__DRBD_NODE__`.
    pub node: String,
    /// `DRBD_DRIVER_VERSION_OVERRIDE`.
    pub version: &'static str,
    /// The command line.
    pub inv: Invocation,
    /// Exit code of every stub helper.
    pub stub_rc: u8,
}

impl Case {
    /// `9` or `8.4`.
    pub fn personality(&self) -> &'static str {
        if self.version.starts_with('8') {
            "8.4"
        } else {
            "9"
        }
    }
}

/// Generates the configs into the sandbox.
pub fn generate(settings: &Settings, sb: &Sandbox) -> Result<Vec<Entry>, String> {
    let base = Rng::new(settings.seed);
    let mut out = Vec::new();
    for n in 0..settings.configs {
        let mut rng = base.fork(n as u64);
        // One config in three is broken, cycling through every kind of mistake.
        let fault = (n % 3 == 2).then(|| Fault::ALL[(n / 3) % Fault::ALL.len()]);
        let mut cfg = Composer::new(rng.fork(1), fault).compose();
        if let Some(f) = fault {
            if let Some((_, text)) = cfg.files.iter_mut().find(|(_, t)| t.contains("resource ")) {
                *text = f.apply_text(&mut rng, text);
            }
        }
        let id = format!("g{n:04}");
        let dir = sb.write_case(&id, &cfg.files)?;
        let main = cfg
            .main
            .replace(compose::CASE_DIR, &dir.display().to_string());
        out.push(Entry {
            id,
            dir,
            main,
            nodes: cfg.nodes,
            resources: cfg.resources,
            tags: cfg.tags.into_iter().collect(),
            fault,
            source: "generated",
        });
    }
    Ok(out)
}

/// The seeds' configs and upstream's fixtures, run in place.
pub fn fixtures() -> Vec<Entry> {
    let mut v = Vec::new();
    let seeds = crate::workspace().join("tests/fixtures/seeds");
    let mut add = |dir: &Path, file: &str| {
        let text = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        let (resources, mut nodes) = scan(&text);
        nodes.push("nosuchhost".into());
        v.push(Entry {
            id: file.to_string(),
            dir: dir.to_path_buf(),
            main: file.to_string(),
            nodes,
            resources,
            tags: vec!["fixture"],
            fault: None,
            source: "fixture",
        });
    };
    for f in [
        "000-amazon-template-filled.res",
        "001-drbd.conf",
        "002-heartbeat.conf",
        "003-drbd.conf",
    ] {
        add(&seeds, f);
    }
    if let Some(shared) = crate::shared() {
        for sub in ["v9", "v84"] {
            let dir = shared.join("conformance/drbd-utils-tests").join(sub);
            let mut res: Vec<String> = std::fs::read_dir(&dir)
                .map(|d| {
                    d.filter_map(Result::ok)
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|n| n.ends_with(".res"))
                        .collect()
                })
                .unwrap_or_default();
            res.sort();
            for f in res {
                add(&dir, &f);
            }
        }
    }
    v
}

/// Resource names, volumes and `on` host names of a config's text (a rough scan, enough
/// to form command lines; included files are not followed).
fn scan(text: &str) -> (Vec<ResInfo>, Vec<String>) {
    let mut res: Vec<ResInfo> = Vec::new();
    let mut hosts = BTreeSet::new();
    for line in text.lines() {
        let l = line.split('#').next().unwrap_or("").trim();
        let mut w = l.split_whitespace();
        match (w.next(), w.next()) {
            (Some("resource"), Some(name)) => res.push(ResInfo {
                name: name.trim_end_matches('{').trim_matches('"').to_string(),
                vnrs: Vec::new(),
                stacked: false,
                hosts: Vec::new(),
            }),
            (Some("volume"), Some(n)) => {
                if let (Some(r), Ok(n)) = (res.last_mut(), n.trim_end_matches('{').parse()) {
                    if !r.vnrs.contains(&n) {
                        r.vnrs.push(n);
                    }
                }
            }
            (Some("on"), Some(h)) => {
                let h = h.trim_end_matches('{').trim_matches('"').to_string();
                if let Some(r) = res.last_mut() {
                    r.hosts.push(h.clone());
                }
                hosts.insert(h);
            }
            (Some("stacked-on-top-of"), _) => {
                if let Some(r) = res.last_mut() {
                    r.stacked = true;
                }
            }
            _ => {}
        }
    }
    for r in &mut res {
        if r.vnrs.is_empty() {
            r.vnrs.push(0);
        }
    }
    (res, hosts.into_iter().collect())
}

/// Every case of a run, in a deterministic order.
pub fn cases(settings: &Settings, entries: &[Entry]) -> Vec<Case> {
    let base = Rng::new(settings.seed ^ 0xc0ffee);
    let mut out = Vec::new();
    for (k, e) in entries.iter().enumerate() {
        let mut rng = base.fork(k as u64);
        if e.resources.is_empty() {
            continue;
        }
        let cfg = compose::Config {
            files: Vec::new(),
            main: e.main.clone(),
            nodes: e.nodes.clone(),
            resources: e.resources.clone(),
            tags: BTreeSet::new(),
            fault: e.fault,
        };
        for node in &e.nodes {
            for v9 in [true, false] {
                let version = match (v9, rng.below(6)) {
                    (true, 0) => "9.2.18",
                    (true, _) => "9.0.0",
                    (false, 0) => "8.4.11",
                    (false, _) => "8.4.0",
                };
                let mut invs = if e.fault.is_some() {
                    let mut v = commands::for_broken(&cfg);
                    v.extend(commands::sample(&mut rng, &cfg, v9, 2));
                    v
                } else {
                    commands::sample(&mut rng, &cfg, v9, settings.per_combo)
                };
                if e.source == "fixture" {
                    invs.extend(commands::sample(&mut rng, &cfg, v9, 10));
                    invs.extend(commands::dumps());
                }
                for inv in invs {
                    let stub_rc = if rng.chance(8) {
                        *rng.pick(&[1u8, 10, 11, 17, 20])
                    } else {
                        0
                    };
                    out.push(Case {
                        entry: k,
                        node: node.clone(),
                        version,
                        inv,
                        stub_rc,
                    });
                }
            }
        }
    }
    if let Some(f) = &settings.filter {
        out.retain(|c| describe(&entries[c.entry], c).contains(f.as_str()));
    }
    out
}

/// A one-line description of a case: how to run it by hand.
pub fn describe(e: &Entry, c: &Case) -> String {
    let mut s = format!(
        "[{}] __DRBD_NODE__={} DRBD_DRIVER_VERSION_OVERRIDE={}",
        e.id, c.node, c.version
    );
    if c.stub_rc != 0 {
        s.push_str(&format!(" DRBD_STUB_RC={}", c.stub_rc));
    }
    s.push_str(&format!(" drbdadm -c {} {}", e.main, c.inv.args.join(" ")));
    s
}

/// What one case came to.
#[derive(Clone, Debug)]
pub enum Verdict {
    /// Identical.
    Same,
    /// Different in streams that an entry lists.
    Listed(String),
    /// Different, and not listed.
    Different(Vec<Stream>),
}

/// The outcome of a run.
#[derive(Debug, Default)]
pub struct Summary {
    /// Cases run.
    pub total: usize,
    /// Identical.
    pub same: usize,
    /// Listed differences, per entry id.
    pub listed: BTreeMap<String, usize>,
    /// Unlisted differences: (case description, report text).
    pub different: Vec<(String, String)>,
    /// Per difference class (command, form, personality, streams): count.
    pub classes: BTreeMap<String, usize>,
    /// Per signature (the first differing lines, numbers and case paths masked): count
    /// and one example case.
    pub signatures: BTreeMap<String, (usize, String)>,
}

/// Runs `cases` with both tools on `threads` workers.
pub fn run(
    settings: &Settings,
    sb: &Sandbox,
    entries: &[Entry],
    cases: &[Case],
    known: &[known::Entry],
    progress: bool,
) -> Summary {
    let next = AtomicUsize::new(0);
    let summary = Mutex::new(Summary::default());
    std::thread::scope(|s| {
        for slot in 0..settings.threads.max(1) {
            let (next, summary) = (&next, &summary);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(c) = cases.get(i) else { break };
                let e = &entries[c.entry];
                let env = [
                    ("__DRBD_NODE__", c.node.clone()),
                    ("DRBD_DRIVER_VERSION_OVERRIDE", c.version.to_string()),
                    ("DRBD_STUB_RC", c.stub_rc.to_string()),
                ];
                let mut args = vec!["-c".to_string(), e.main.clone()];
                args.extend(c.inv.args.iter().cloned());
                let r = sb.run(Tool::Reference, &e.dir, &args, &env, slot);
                let o = sb.run(Tool::Ours, &e.dir, &args, &env, slot);
                let verdict = judge(e, c, &o, &r, known);
                let mut sum = summary.lock().unwrap_or_else(|p| p.into_inner());
                sum.total += 1;
                match verdict {
                    Verdict::Same => sum.same += 1,
                    Verdict::Listed(id) => *sum.listed.entry(id).or_default() += 1,
                    Verdict::Different(streams) => {
                        let class = format!(
                            "{} | {} | {} | {}",
                            c.inv.cmd,
                            c.inv.form,
                            c.personality(),
                            streams
                                .iter()
                                .map(|s| s.name())
                                .collect::<Vec<_>>()
                                .join(",")
                        );
                        *sum.classes.entry(class).or_default() += 1;
                        let d = describe(e, c);
                        let text = report(&d, &streams, &o, &r);
                        let sig = signature(&text);
                        let slot = sum.signatures.entry(sig).or_insert((0, d.clone()));
                        slot.0 += 1;
                        sum.different.push((d, text));
                    }
                }
                if progress && sum.total % 1000 == 0 {
                    eprintln!("differential: {} of {} cases", sum.total, cases.len());
                }
            });
        }
    });
    summary.into_inner().unwrap_or_else(|p| p.into_inner())
}

fn judge(e: &Entry, c: &Case, o: &Outcome, r: &Outcome, known: &[known::Entry]) -> Verdict {
    let streams = compare::differing(o, r);
    if streams.is_empty() {
        return Verdict::Same;
    }
    let view = known::CaseView {
        cmd: c.inv.cmd,
        form: c.inv.form,
        personality: c.personality(),
        tags: &e.tags,
        fault: e.fault.map(Fault::name),
        dry_run: c.inv.dry_run,
        source: e.source,
        ours: o,
        reference: r,
    };
    match known.iter().find(|k| k.covers(&view, &streams)) {
        Some(k) => Verdict::Listed(k.id.clone()),
        None => Verdict::Different(streams),
    }
}

fn report(desc: &str, streams: &[Stream], o: &Outcome, r: &Outcome) -> String {
    let mut s = format!("=== {desc}\n");
    for st in streams {
        match st {
            Stream::Exit => s.push_str(&format!("exit: drbd-utils {} ours {}\n", r.code, o.code)),
            Stream::Stdout => {
                s.push_str("stdout (- drbd-utils, + ours):\n");
                s.push_str(&compare::line_diff(
                    &compare::normalise(&r.stdout),
                    &compare::normalise(&o.stdout),
                ));
            }
            Stream::Calls => {
                s.push_str("helper calls (- drbd-utils, + ours):\n");
                s.push_str(&compare::line_diff(&r.calls, &o.calls));
            }
            Stream::Stderr => {
                s.push_str("script-matched stderr (- drbd-utils, + ours):\n");
                s.push_str(&compare::line_diff(
                    &compare::script_lines(&r.stderr).join("\n"),
                    &compare::script_lines(&o.stderr).join("\n"),
                ));
            }
        }
    }
    s.push_str("--- drbd-utils stderr:\n");
    s.push_str(&r.stderr);
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s.push_str("--- our stderr:\n");
    s.push_str(&o.stderr);
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// What distinguishes one difference from another: its first three changed lines, with
/// numbers and the case directory masked.
fn signature(report: &str) -> String {
    let mut parts = Vec::new();
    for l in report.lines().skip(1) {
        if l.starts_with("--- ") {
            break;
        }
        if l.starts_with("- ") || l.starts_with("+ ") || l.starts_with("exit:") {
            parts.push(mask(l));
            if parts.len() == 3 {
                break;
            }
        }
    }
    parts.join(" || ")
}

fn mask(l: &str) -> String {
    let mut out = String::new();
    let mut rest = l;
    // The case directory: everything up to `/cases/gNNNN/`.
    while let Some(i) = rest.find("/cases/g") {
        let head = &rest[..i];
        let start = head
            .rfind(|c: char| c.is_whitespace() || c == '\'' || c == '"')
            .map_or(0, |p| p + 1);
        out.push_str(&head[..start]);
        out.push_str("CASE/");
        let after = &rest[i + "/cases/g".len()..];
        let skip = after.find('/').map_or(after.len(), |p| p + 1);
        rest = &after[skip..];
    }
    out.push_str(rest);
    let mut masked = String::new();
    let mut in_num = false;
    for c in out.chars() {
        if c.is_ascii_digit() {
            if !in_num {
                masked.push('N');
            }
            in_num = true;
        } else {
            in_num = false;
            masked.push(c);
        }
    }
    masked.chars().take(240).collect()
}
