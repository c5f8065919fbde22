//! A bounded property test: thousands of mutations of the real seed configs (bytes and
//! tokens deleted, duplicated, swapped, braces and quotes injected) must never make the
//! parser panic, and every diagnostic must point at a real line (never line 0).
//! Deterministic (a fixed-seed xorshift), so a failure reproduces.

use std::path::Path;

use conf_parser::{parse_str, Dialect, ParseOptions};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INJECT: &[&str] = &[
    "{",
    "}",
    ";",
    "\"",
    "[",
    "]",
    ":",
    "#",
    "\n",
    "no-",
    "on ",
    "volume 7 {",
    "\u{a0}",
    "9999999999",
    "-1",
    "ipv6 [",
    "@@X@@",
    "include \"*.none\";",
    "\\",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        if s.is_empty() {
            break;
        }
        let at = rng.below(s.len());
        match rng.below(5) {
            0 => {
                let len = rng.below(8).min(s.len() - at);
                s.drain(at..at + len);
            }
            1 => {
                let ins = INJECT[rng.below(INJECT.len())];
                for (k, c) in ins.chars().enumerate() {
                    s.insert(at + k, c);
                }
            }
            2 => {
                let len = rng.below(20).min(s.len() - at);
                let chunk: Vec<char> = s[at..at + len].to_vec();
                let to = rng.below(s.len());
                for (k, c) in chunk.into_iter().enumerate() {
                    s.insert(to + k, c);
                }
            }
            3 => {
                let b = rng.below(s.len());
                s.swap(at, b);
            }
            _ => s[at] = char::from(rng.below(95) as u8 + 32),
        }
    }
    s.into_iter().collect()
}

#[test]
fn mutated_real_configs_never_panic_and_never_point_at_line_zero() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seeds");
    let mut corpus: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    corpus.sort();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut cases = 0;
    while cases < 20_000 && std::time::Instant::now() < deadline {
        let base = &corpus[rng.below(corpus.len())];
        let text = mutate(&mut rng, base);
        let dialect = if rng.below(2) == 0 {
            Dialect::V9
        } else {
            Dialect::V84
        };
        let cfg = parse_str("fuzz.res", &text, &ParseOptions::new(dialect));
        for d in cfg.diagnostics.iter() {
            let (_, lc) = cfg.sources.locate(d.span);
            assert!(
                lc.line >= 1 && lc.col >= 1,
                "bad location for {:?} in:\n{text}",
                d.message
            );
        }
        let _ = cfg.diagnostics.render(&cfg.sources);
        cases += 1;
    }
    assert!(cases >= 500, "only {cases} cases ran");
}
